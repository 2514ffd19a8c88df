import { afterEach, describe, expect, it } from 'vitest';
import {
  getLocale,
  initLocale,
  interpolate,
  isLocale,
  LOCALE_STORAGE_KEY,
  missingKeys,
  setLocale,
  subscribe,
  t,
  translate,
  translateWith,
} from './index';
import { vi as viMessages, type MessageKey } from './vi';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      data.set(key, value);
    },
  };
}

afterEach(() => {
  initLocale(memoryStorage());
});

describe('translate', () => {
  it('returns the Vietnamese message', () => {
    expect(translate('vi', 'site.portal_name')).toBe('Cổng Dịch vụ công');
  });

  it('returns the English message', () => {
    expect(translate('en', 'site.portal_name')).toBe('Public Service Portal');
  });

  it('fills parameters', () => {
    expect(translate('vi', 'home.heading', { city: 'Thành phố Hà Nội' })).toBe(
      'Dịch vụ công trực tuyến Thành phố Hà Nội',
    );
    expect(translate('en', 'footer.copyright', { year: 2017, operator: 'X' })).toBe('© 2017 X');
  });

  it('falls back to Vietnamese when a message is missing', () => {
    const partialEnglish = { 'nav.home': 'Home' };
    expect(translateWith(partialEnglish, 'nav.home')).toBe('Home');
    expect(translateWith(partialEnglish, 'nav.login')).toBe('Đăng nhập');
    expect(translateWith({}, 'home.heading', { city: 'Hà Nội' })).toBe('Dịch vụ công trực tuyến Hà Nội');
  });

  it('returns the key itself when no catalog has it', () => {
    expect(translate('en', 'no.such.key' as MessageKey)).toBe('no.such.key');
  });
});

describe('interpolate', () => {
  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Xin chào {name}, {other}', { name: 'An' })).toBe('Xin chào An, {other}');
  });

  it('returns the template unchanged without parameters', () => {
    expect(interpolate('{city}')).toBe('{city}');
  });

  it('does not read inherited properties as parameters', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

describe('catalogs', () => {
  it('English has every Vietnamese key', () => {
    expect(missingKeys('en')).toEqual([]);
  });

  it('no message is empty', () => {
    for (const key of Object.keys(viMessages) as MessageKey[]) {
      expect(translate('vi', key).trim(), key).not.toBe('');
      expect(translate('en', key).trim(), key).not.toBe('');
    }
  });
});

describe('current locale', () => {
  it('defaults to Vietnamese', () => {
    expect(initLocale(memoryStorage())).toBe('vi');
    expect(t('nav.home')).toBe('Trang chủ');
  });

  it('restores a remembered choice and ignores junk', () => {
    expect(initLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }))).toBe('en');
    expect(t('nav.home')).toBe('Home');
    expect(initLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }))).toBe('vi');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(initLocale(broken)).toBe('vi');
    setLocale('en', broken);
    expect(getLocale()).toBe('en');
  });

  it('remembers a switch and tells subscribers', () => {
    const storage = memoryStorage();
    initLocale(storage);
    const seen: string[] = [];
    const unsubscribe = subscribe((locale) => seen.push(locale));
    setLocale('en', storage);
    setLocale('en', storage); // no change, no event
    unsubscribe();
    setLocale('vi', storage);
    expect(seen).toEqual(['en']);
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('vi');
  });

  it('recognises locales', () => {
    expect(isLocale('vi')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('VI')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
