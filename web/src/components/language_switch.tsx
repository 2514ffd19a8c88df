// Vietnamese ⇄ English. Each button names its language in that language (lang attribute set)
// and the choice is remembered in localStorage.
import { LOCALES, translate } from '../i18n';
import { useI18n } from '../i18n/use_i18n';

export function LanguageSwitch() {
  const { locale, t, setLocale } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          class="lang-switch__button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {translate(option, option === 'vi' ? 'lang.vi' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
