// The site header: portal name and city, language switch, main navigation with the account area
// ("Đăng nhập", or the signed-in person's name and menu) at its end.
import { useI18n } from '../i18n/use_i18n';
import type { MessageKey } from '../i18n';
import { cityName } from '../lib/site';
import { useSite } from '../site_context';
import { AccountMenu } from './account_menu';
import { Emblem } from './emblem';
import { LanguageSwitch } from './language_switch';

interface NavItem {
  href: string;
  label: MessageKey;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/thu-tuc', label: 'nav.procedures' },
  { href: '/tra-cuu', label: 'nav.lookup' },
];

function isCurrent(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function Header({ pathname }: { pathname: string }) {
  const { t, locale } = useI18n();
  const site = useSite();
  return (
    <header class="site-header">
      <div class="container site-header__top">
        <a class="site-header__brand" href="/">
          <Emblem />
          <span class="site-header__names">
            <span class="site-header__portal">{t('site.portal_name')}</span>
            <span class="site-header__city">{cityName(site, locale)}</span>
          </span>
        </a>
        <LanguageSwitch />
      </div>
      <nav class="site-nav" aria-label={t('nav.label')}>
        <ul class="container site-nav__list">
          {NAV_ITEMS.map((item) => (
            <li key={item.href}>
              <a
                class="site-nav__link"
                href={item.href}
                aria-current={isCurrent(item.href, pathname) ? 'page' : undefined}
              >
                {t(item.label)}
              </a>
            </li>
          ))}
          <li class="site-nav__account">
            <AccountMenu pathname={pathname} />
          </li>
        </ul>
      </nav>
    </header>
  );
}
