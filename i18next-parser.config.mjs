// Extracts every t('…') of the plugin and the %plugin__…~key% strings of console-extensions.json.
const NAMESPACE = 'plugin__vm-networking-console-plugin';

/** console-extensions.json: the console translates strings shaped `%<namespace>~<key>%`. */
class ConsoleExtensionsLexer {
  extract(content) {
    const keys = [];
    const pattern = /"%(plugin__[^~"%]+)~([^"%]+)%"/g;
    for (const match of content.matchAll(pattern)) {
      if (match[1] === NAMESPACE) keys.push({ key: match[2], namespace: NAMESPACE });
    }
    return keys;
  }
  on() {}
}

export default {
  input: ['src/**/*.{ts,tsx}', '!src/**/*.spec.{ts,tsx}', 'console-extensions.json'],
  output: process.env.I18N_OUTPUT ?? 'locales/$LOCALE/$NAMESPACE.json',
  locales: ['en'],
  defaultNamespace: NAMESPACE,
  namespaceSeparator: '~',
  keySeparator: false,
  contextSeparator: '~',
  pluralSeparator: '_',
  createOldCatalogs: false,
  sort: true,
  // English is the source language: each value is its key.
  defaultValue: (_locale, _namespace, key) => key,
  reactNamespace: false,
  failOnWarnings: false,
  verbose: false,
  indentation: 2,
  lexers: {
    ts: ['JavascriptLexer'],
    tsx: ['JsxLexer'],
    json: [ConsoleExtensionsLexer],
    default: ['JavascriptLexer'],
  },
};
