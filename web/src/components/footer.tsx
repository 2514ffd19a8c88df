// The site footer: who runs the portal, how to reach them, the accessibility statement.
import { useI18n } from '../i18n/use_i18n';
import { operatorName } from '../lib/site';
import { useSite } from '../site_context';

export function Footer() {
  const { t, locale } = useI18n();
  const site = useSite();
  const operator = operatorName(site, locale);
  return (
    <footer class="site-footer">
      <div class="container">
        <h2 class="visually-hidden">{t('footer.label')}</h2>
        <ul class="site-footer__links">
          <li>
            <a href="/kha-nang-tiep-can">{t('footer.accessibility')}</a>
          </li>
        </ul>
        <p>{t('footer.operator', { operator })}</p>
        <p>{t('footer.hotline', { hotline: site.hotline })}</p>
        <p>{t('footer.email', { email: site.support_email })}</p>
        <p class="site-footer__copyright">{t('footer.copyright', { year: new Date().getFullYear(), operator })}</p>
      </div>
    </footer>
  );
}
