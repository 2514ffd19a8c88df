// A placeholder for a page that a later release fills (catalog, lookup, sign-in).
import { useI18n } from '../i18n/use_i18n';
import type { PageProps } from '../router';

export function ComingSoonPage({ title }: PageProps) {
  const { t } = useI18n();
  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('coming_soon.text')}</p>
      <p>
        <a href="/">{t('coming_soon.back')}</a>
      </p>
    </>
  );
}
