// Message catalogs and the current language: t(key, params) with a fallback to Vietnamese.
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type { MessageKey } from './vi';
export type Locale = 'vi' | 'en';
export type Params = Readonly<Record<string, string | number>>;

export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_STORAGE_KEY = 'motcua.locale';

export type Catalog = Partial<Record<MessageKey, string>>;

const catalogs: Record<Locale, Catalog> = { vi, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Replaces {name} placeholders; unknown placeholders stay visible so a missing parameter is noticed.
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

// The message for `key` in `catalog`, else in Vietnamese, else the key itself.
export function translateWith(catalog: Catalog, key: MessageKey, params?: Params): string {
  const template = catalog[key] ?? (vi as Catalog)[key] ?? key;
  return interpolate(template, params);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return translateWith(catalogs[locale], key, params);
}

// Keys present in Vietnamese but missing in `locale` (a test keeps English complete).
export function missingKeys(locale: Locale): MessageKey[] {
  const catalog = catalogs[locale];
  return (Object.keys(vi) as MessageKey[]).filter((key) => catalog[key] === undefined);
}

type LocaleStorage = Pick<Storage, 'getItem' | 'setItem'>;
type Listener = (locale: Locale) => void;

let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<Listener>();

function browserStorage(): LocaleStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy mode, sandboxed frame)
  }
}

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

// Reads the remembered language (Vietnamese unless the person chose otherwise before).
export function initLocale(storage: LocaleStorage | undefined = browserStorage()): Locale {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  current = isLocale(stored) ? stored : DEFAULT_LOCALE;
  applyToDocument(current);
  return current;
}

export function setLocale(locale: Locale, storage: LocaleStorage | undefined = browserStorage()): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch still works for this page view.
  }
  if (locale === current) return;
  current = locale;
  applyToDocument(locale);
  for (const listener of [...listeners]) listener(locale);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// Translates in the current language.
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}
