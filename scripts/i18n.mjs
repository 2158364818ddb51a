#!/usr/bin/env node
/**
 * Catalogs of the plugin (locales/<lng>/plugin__vm-networking-console-plugin.json).
 *
 *   node scripts/i18n.mjs --write               regenerate locales/en from the sources (`npm run i18n`)
 *   node scripts/i18n.mjs --check               en is up to date, and every language is complete (`npm run i18n:check`)
 *   node scripts/i18n.mjs --check-languages     only the languages against the committed en
 *   node scripts/i18n.mjs --missing [<lng>]     the keys still to translate, as JSON {key: English text}
 *                                               (every language, {lng: {...}}, without <lng>)
 *   node scripts/i18n.mjs --merge <lng> <file>  merge a JSON {key: translation} into <lng>'s catalog,
 *                                               in English's key order; refuses unknown keys and
 *                                               placeholders that differ from English, and drops
 *                                               keys English no longer has
 *     [--skip-unknown]                          skip (and list) keys English does not have instead
 *
 * `--locales <dir>` reads and writes another locales directory (the tests use it).
 * A language is complete when it has every English key, the same placeholders ({{name}}, Trans
 * tags) in each, and no sentence left in English (see scripts/i18n-catalog.cjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const {
  LANGUAGES,
  RESERVED_PLACEHOLDERS,
  checkLanguage,
  problemCount,
  reservedPlaceholderKeys,
  untranslated,
  merge,
} = require('./i18n-catalog.cjs');

const NAMESPACE = 'plugin__vm-networking-console-plugin';
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const localesDir = option('--locales') ?? 'locales';
const catalogPath = (lng) => join(localesDir, lng, `${NAMESPACE}.json`);
const FILE = catalogPath('en');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const readCatalog = (lng) => (existsSync(catalogPath(lng)) ? readJson(catalogPath(lng)) : {});
const writeCatalog = (lng, catalog) => {
  mkdirSync(dirname(catalogPath(lng)), { recursive: true });
  writeFileSync(catalogPath(lng), `${JSON.stringify(catalog, null, 2)}\n`);
};

const runParser = (output) => {
  const result = spawnSync(
    process.execPath,
    ['node_modules/i18next-parser/bin/cli.js', '--config', 'i18next-parser.config.mjs', '--silent'],
    { stdio: 'inherit', env: { ...process.env, ...(output ? { I18N_OUTPUT: output } : {}) } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** The committed English catalog matches what the sources use. */
const checkEnglish = () => {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  runParser(join(dir, '$LOCALE/$NAMESPACE.json'));
  const fresh = readFileSync(join(dir, `en/${NAMESPACE}.json`), 'utf8');
  const committed = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  if (
    JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(committed ? JSON.parse(committed) : null)
  ) {
    const a = Object.keys(JSON.parse(fresh));
    const b = committed ? Object.keys(JSON.parse(committed)) : [];
    const missing = a.filter((k) => !b.includes(k));
    const stale = b.filter((k) => !a.includes(k));
    console.error(`i18n: ${FILE} is not up to date. Run \`npm run i18n\` and commit it.`);
    if (missing.length) console.error(`  missing keys: ${missing.join(' | ')}`);
    if (stale.length) console.error(`  unused keys: ${stale.join(' | ')}`);
    return false;
  }
  console.log(`i18n: ${FILE} is up to date`);
  return true;
};

const DESCRIPTIONS = {
  missing: 'missing or empty',
  placeholders: 'placeholders ({{…}}, Trans tags) differ from English',
  english: 'a sentence left in English',
  notString: 'value is not a string',
  stale: 'key English no longer has (drop it with --merge <lng> <file>)',
};

/** Every language against the committed English catalog; prints the problems per language and kind. */
const checkLanguages = () => {
  const english = readJson(FILE);
  let ok = true;
  const reserved = reservedPlaceholderKeys(english);
  if (reserved.length) {
    ok = false;
    console.error(
      `i18n: placeholders named like a t() option (${RESERVED_PLACEHOLDERS.join(', ')}) are never interpolated and hide the translation; rename them in the source:`,
    );
    for (const key of reserved) console.error(`    ${JSON.stringify(key)}`);
  }
  for (const lng of LANGUAGES) {
    if (!existsSync(catalogPath(lng))) {
      console.error(`i18n: ${catalogPath(lng)} does not exist`);
      ok = false;
      continue;
    }
    const problems = checkLanguage(english, readJson(catalogPath(lng)));
    if (problemCount(problems) === 0) {
      console.log(`i18n: ${lng}: ${Object.keys(english).length} keys translated`);
      continue;
    }
    ok = false;
    console.error(`i18n: ${lng}: ${problemCount(problems)} problems`);
    for (const [kind, keys] of Object.entries(problems)) {
      if (!keys.length) continue;
      console.error(`  ${DESCRIPTIONS[kind]} (${keys.length}):`);
      for (const key of keys) console.error(`    ${JSON.stringify(key)}`);
    }
  }
  if (!ok)
    console.error(
      'i18n: `node scripts/i18n.mjs --missing <lng>` prints what to translate; `--merge <lng> <file>` merges it.',
    );
  return ok;
};

const fail = (message) => {
  console.error(`i18n: ${message}`);
  process.exit(2);
};

const languageArg = (value) => {
  if (!LANGUAGES.includes(value)) fail(`language must be one of ${LANGUAGES.join(', ')}`);
  return value;
};

if (args.includes('--missing')) {
  const english = readJson(FILE);
  const lng = option('--missing');
  const out =
    lng && !lng.startsWith('--')
      ? untranslated(english, readCatalog(languageArg(lng)))
      : Object.fromEntries(LANGUAGES.map((l) => [l, untranslated(english, readCatalog(l))]));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else if (args.includes('--merge')) {
  const i = args.indexOf('--merge');
  const lng = languageArg(args[i + 1]);
  const file = args[i + 2];
  if (!file || !existsSync(file)) fail('usage: --merge <lng> <file.json>');
  const translations = readJson(file);
  if (!translations || typeof translations !== 'object' || Array.isArray(translations))
    fail(`${file} must hold a JSON object {key: translation}`);
  const result = merge(readJson(FILE), readCatalog(lng), translations, {
    skipUnknown: args.includes('--skip-unknown'),
  });
  if (result.errors.length) {
    for (const e of result.errors) console.error(`i18n: ${lng}: ${e}`);
    fail(`${lng}: nothing merged (${result.errors.length} errors)`);
  }
  writeCatalog(lng, result.catalog);
  for (const k of result.skipped)
    console.log(`i18n: ${lng}: skipped ${JSON.stringify(k)} (English has no such key)`);
  for (const k of result.dropped)
    console.log(`i18n: ${lng}: dropped ${JSON.stringify(k)} (not in English)`);
  console.log(
    `i18n: ${lng}: merged ${result.merged} keys; ${Object.keys(result.catalog).length} of ${Object.keys(readJson(FILE)).length} translated`,
  );
} else if (args.includes('--check-languages')) {
  process.exit(checkLanguages() ? 0 : 1);
} else if (args.includes('--check')) {
  const en = checkEnglish();
  const languages = checkLanguages();
  process.exit(en && languages ? 0 : 1);
} else {
  runParser();
  console.log(`i18n: wrote ${FILE}`);
}
