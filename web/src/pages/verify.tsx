// /xac-thuc?token=… — the link of the verification e-mail: activates the account and points to
// the login page; a wrong, expired or used link says so.
import { useMemo } from 'preact/hooks';
import { Notice } from '../components/form';
import { useI18n } from '../i18n/use_i18n';
import { api, ApiError } from '../lib/api';
import type { User } from '../lib/auth';
import { useApi } from '../lib/use_api';
import { useSearch, type PageProps } from '../router';

// One verification per token and page load, even if the page renders again.
const verifications = new Map<string, Promise<{ user: User }>>();

function verify(token: string): Promise<{ user: User }> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = api.post<{ user: User }>('/auth/verify', { token });
    verifications.set(token, pending);
  }
  return pending;
}

export function VerifyPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const search = useSearch();
  const token = useMemo(() => new URLSearchParams(search).get('token') ?? '', [search]);
  const result = useApi(() => (token ? verify(token) : Promise.resolve(null)), [token]);

  return (
    <div class="narrow">
      <h1 class="heading-xl">{title}</h1>
      {!token && (
        <div class="error-summary" role="alert">
          <p>{t('verify.no_token')}</p>
        </div>
      )}
      {token && result.loading && (
        <p class="loading" role="status">
          {t('verify.verifying')}
        </p>
      )}
      {token && !result.loading && result.data && (
        <>
          <Notice heading={t('verify.done')}>
            <p>{t('verify.done_text')}</p>
          </Notice>
          <p>
            <a class="button" href="/dang-nhap">
              {t('verify.login')}
            </a>
          </p>
        </>
      )}
      {token && !result.loading && result.error && (
        <>
          <div class="error-summary" role="alert">
            <h2 class="error-summary__title">{t('error.heading')}</h2>
            <p>{result.error instanceof ApiError ? result.error.messageIn(locale) : t('error.unexpected')}</p>
          </div>
          <p>{t('verify.failed_text')}</p>
          <ul class="link-list">
            <li>
              <a href="/dang-nhap">{t('verify.login')}</a>
            </li>
            <li>
              <a href="/dang-ky">{t('verify.register')}</a>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
