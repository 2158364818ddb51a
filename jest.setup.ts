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

// React 17's test utilities flush a finished act() scope's effects from a setImmediate. On a busy
// machine a file's last test can end, and jsdom be torn down, before that runs: the worker then
// crashes ("The `document` global was defined when React was initialized, but is not defined
// anymore"), and Jest reports the file as failed. What is queued runs while the document exists.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 50)));
