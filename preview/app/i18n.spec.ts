import { chosenLanguage } from './i18n';

describe('chosenLanguage (the preview host follows ?lng= like the console)', () => {
  it('takes ?lng= and reduces a region to its language', () => {
    expect(chosenLanguage('?lng=ja', null)).toBe('ja');
    expect(chosenLanguage('?foo=1&lng=zh-CN', 'fr')).toBe('zh');
    expect(chosenLanguage('?lng=FR', null)).toBe('fr');
    expect(chosenLanguage('?lng=es_ES', null)).toBe('es');
  });
  it('keeps the language an earlier ?lng= chose when a link drops the query', () => {
    expect(chosenLanguage('', 'ko')).toBe('ko');
  });
  it('falls back to English for languages the console does not ship', () => {
    expect(chosenLanguage('?lng=de', null)).toBe('en');
    expect(chosenLanguage('?lng=de', 'ja')).toBe('ja');
    expect(chosenLanguage('', 'xx')).toBe('en');
    expect(chosenLanguage('', null)).toBe('en');
  });
});
