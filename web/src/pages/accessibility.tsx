// The accessibility statement linked from every footer.
import { useI18n } from '../i18n/use_i18n';
import { operatorName } from '../lib/site';
import type { PageProps } from '../router';
import { useSite } from '../site_context';

export function AccessibilityPage({ title }: PageProps) {
  const { t, locale } = useI18n();
  const site = useSite();
  return (
    <div class="prose">
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('a11y.intro', { operator: operatorName(site, locale) })}</p>
      <h2 class="heading-l">{t('a11y.standard_heading')}</h2>
      <p>{t('a11y.standard_text')}</p>
      <h2 class="heading-l">{t('a11y.features_heading')}</h2>
      <ul class="bullet-list">
        <li>{t('a11y.feature_keyboard')}</li>
        <li>{t('a11y.feature_zoom')}</li>
        <li>{t('a11y.feature_mobile')}</li>
        <li>{t('a11y.feature_reader')}</li>
      </ul>
      <h2 class="heading-l">{t('a11y.contact_heading')}</h2>
      <p>{t('a11y.contact_text', { hotline: site.hotline, email: site.support_email })}</p>
    </div>
  );
}
