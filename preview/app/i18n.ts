/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * i18next set up like the console's (frontend/public/i18n.js): `~` namespace separator, no key separator,
 * English fallback, no escaping, and namespaces fetched from `/locales/resource.json?lng=..&ns=..`
 * (which the server answers from the plugin's own `locales/<lng>/<ns>.json`, as Bridge does).
 * The language follows the console's `?lng=` query parameter (i18next's querystring detector) and
 * stays for the tab's later navigations.
 */
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lng, ns, callback) => {
    const basePath = (window as any).SERVER_FLAGS?.basePath ?? '/';
    fetch(
      `${basePath}locales/resource.json?lng=${encodeURIComponent(lng)}&ns=${encodeURIComponent(ns)}`,
    )
      .then((r) => (r.ok ? r.json() : {}))
      .then(
        (data) => callback(null, data),
        (e) => callback(e, false),
      );
  },
};

/** The languages the console ships (frontend/public/locales/). */
export const CONSOLE_LANGUAGES = ['en', 'ja', 'zh', 'ko', 'fr', 'es'] as const;
const STORAGE_KEY = 'preview/lng';

/**
 * `?lng=ja` (or `zh-CN`, reduced to its language as the console's `load: 'languageOnly'` does);
 * otherwise the language an earlier `?lng=` chose in this tab (links inside the app drop the query);
 * otherwise English. A language the console does not ship falls back to English.
 */
export const chosenLanguage = (search: string, stored: string | null): string => {
  const pick = (value: string | null) => {
    const lng = value?.trim().toLowerCase().split(/[-_]/)[0];
    return lng && (CONSOLE_LANGUAGES as readonly string[]).includes(lng) ? lng : undefined;
  };
  return pick(new URLSearchParams(search).get('lng')) ?? pick(stored) ?? 'en';
};

const initialLanguage = (): string => {
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the query parameter alone decides.
  }
  const lng = chosenLanguage(window.location.search, stored);
  try {
    window.sessionStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // as above
  }
  return lng;
};

/** `<html lang>` follows i18next, so the browser picks CJK fonts and line breaking for the language. */
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export const initI18n = (preloadNamespaces: string[]) =>
  i18n
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      supportedLngs: [...CONSOLE_LANGUAGES],
      fallbackLng: 'en',
      load: 'languageOnly',
      ns: ['public', ...preloadNamespaces],
      defaultNS: 'public',
      nsSeparator: '~',
      keySeparator: false,
      contextSeparator: '~',
      interpolation: { escapeValue: false },
      react: { useSuspense: true, transSupportBasicHtmlNodes: true },
      returnEmptyString: false,
    });

/** Translates `%ns~key%` strings anywhere in extension properties, as the console's useTranslatedExtensions. */
export const translateDeep = <T>(value: T): T => {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    return (m ? i18n.t(m[1]) : value) as unknown as T;
  }
  if (Array.isArray(value)) return value.map(translateDeep) as unknown as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateDeep(v)])) as T;
  }
  return value;
};

export { i18n };
