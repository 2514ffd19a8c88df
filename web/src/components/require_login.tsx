// Guards a page: while the session loads it says so; an anonymous visitor is sent to the login
// page with a way back (?next=); a signed-in person without the right kind of account or role
// sees a clear "no permission" page instead of the content.
import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/use_i18n';
import { hasRole, landingPath, loginHref, useSession, type AccountKind, type RoleCode, type User } from '../lib/auth';
import { usePageTitle } from '../page_title';
import { navigate } from '../router';

export function RequireLogin({
  kinds,
  roles,
  children,
}: {
  // Allowed kinds of account (any when absent).
  kinds?: readonly AccountKind[];
  // The user needs one of these roles (any when absent).
  roles?: readonly RoleCode[];
  children: (user: User) => ComponentChildren;
}) {
  const { t } = useI18n();
  const state = useSession();
  const here = typeof location === 'undefined' ? '/' : location.pathname + location.search;
  const anonymous = state.status === 'anonymous';

  useEffect(() => {
    if (anonymous) navigate(loginHref(here), { replace: true });
  }, [anonymous, here]);

  if (state.status === 'loading') {
    return (
      <p class="loading" role="status">
        {t('auth.loading')}
      </p>
    );
  }
  if (state.status === 'anonymous') {
    return (
      <p role="status">
        {t('auth.redirecting')} <a href={loginHref(here)}>{t('auth.login_link')}</a>
      </p>
    );
  }
  const { user } = state;
  const kindOk = !kinds || kinds.includes(user.kind);
  const roleOk = !roles || hasRole(user, ...roles);
  if (!kindOk || !roleOk) return <Forbidden user={user} />;
  return <>{children(user)}</>;
}

// "Bạn không có quyền…": for a missing role here, or a 403 from the API.
export function Forbidden({ user }: { user: User }) {
  const { t } = useI18n();
  usePageTitle(t('forbidden.title'));
  return (
    <>
      <h1 class="heading-xl">{t('forbidden.title')}</h1>
      <p class="lead">{t('forbidden.text', { name: user.username })}</p>
      <p>
        <a href={landingPath(user)}>{t('forbidden.back')}</a>
      </p>
    </>
  );
}
