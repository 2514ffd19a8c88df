// Preact hook: the current language and a translator bound to it; re-renders on a switch.
import { useEffect, useState } from 'preact/hooks';
import { getLocale, setLocale, subscribe, translate, type Locale, type MessageKey, type Params } from './index';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  setLocale: (locale: Locale) => void;
}

export function useI18n(): I18n {
  const [locale, setCurrent] = useState<Locale>(getLocale());
  useEffect(() => {
    setCurrent(getLocale()); // in case it changed between render and effect
    return subscribe(setCurrent);
  }, []);
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    setLocale: (next) => setLocale(next),
  };
}
