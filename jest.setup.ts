import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en/plugin__vm-networking-console-plugin.json';
import { TextDecoder, TextEncoder } from 'util';

// jsdom lacks the encoding API that browsers and Node have.
Object.assign(globalThis, { TextEncoder, TextDecoder });

configure({ testIdAttribute: 'data-test' });

// The console's i18next settings, with our English catalog as the console would preload it.
void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['plugin__vm-networking-console-plugin'],
  resources: { en: { 'plugin__vm-networking-console-plugin': en } },
  nsSeparator: '~',
  keySeparator: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
