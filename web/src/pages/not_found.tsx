// Shown for any path that no route matches.
import { useI18n } from '../i18n/use_i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 class="heading-xl">{t('not_found.title')}</h1>
      <p>{t('not_found.text')}</p>
      <p>{t('not_found.hint')}</p>
      <p>
        <a href="/">{t('not_found.back')}</a>
      </p>
    </>
  );
}
