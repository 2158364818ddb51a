/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * i18next set up like the console's (frontend/public/i18n.js): `~` namespace separator, no key separator,
 * English fallback, no escaping, and namespaces fetched from `/locales/resource.json?lng=..&ns=..`.
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

export const initI18n = (preloadNamespaces: string[]) =>
  i18n
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: 'en',
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
