// The header's account area: "Đăng nhập" for a visitor; for a signed-in person a button with
// their name opening a small menu (their landing page, Tài khoản, Đăng xuất). A disclosure, not
// an ARIA menu: Tab moves through the links, Escape closes it and returns focus to the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use_i18n';
import { landingPath, session, useSession } from '../lib/auth';
import { navigate } from '../router';

export function AccountMenu({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const state = useSession();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Closed by any navigation, a click elsewhere, or Escape.
  useEffect(() => setOpen(false), [pathname, state.status]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: Event) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  if (state.status !== 'signed_in') {
    const current = pathname === '/dang-nhap';
    return (
      <a class="site-nav__link" href="/dang-nhap" aria-current={current ? 'page' : undefined}>
        {t('nav.login')}
      </a>
    );
  }

  const { user } = state;
  const name = user.full_name || user.username;
  const home = landingPath(user);
  const logout = async () => {
    await session.logout();
    navigate('/dang-nhap?signed_out=1');
  };

  return (
    <div
      class="account-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onFocusOut={(event) => {
        // Tabbing out of the menu closes it.
        const next = event.relatedTarget as Node | null;
        if (open && next && rootRef.current && !rootRef.current.contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        class="account-menu__button"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="account-menu-list"
        aria-label={t('nav.account_menu', { name })}
        ref={buttonRef}
        onClick={() => setOpen(!open)}
      >
        <span class="account-menu__name">{name}</span>
        <span class="account-menu__icon" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <ul class="account-menu__list" id="account-menu-list" hidden={!open}>
        <li>
          <a class="account-menu__link" href={home} aria-current={pathname === home ? 'page' : undefined}>
            {user.kind === 'officer' ? t('account_menu.desk') : t('account_menu.my_dossiers')}
          </a>
        </li>
        <li>
          <a class="account-menu__link" href="/tai-khoan" aria-current={pathname === '/tai-khoan' ? 'page' : undefined}>
            {t('account_menu.account')}
          </a>
        </li>
        <li>
          <button type="button" class="account-menu__link account-menu__logout" onClick={() => void logout()}>
            {t('account_menu.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
