/**
 * Checks of the translated catalogs against the English one, and the delta/merge helpers the
 * coordinator uses when English keys are added after the translations were written.
 * Pure functions over parsed catalogs (key → string); the CLI is scripts/i18n.mjs.
 * CommonJS so that both the ESM CLI and the Jest specs (CommonJS) load it untransformed.
 */

/** The languages the OpenShift console ships besides English (its `frontend/public/locales/`). */
const LANGUAGES = ['ja', 'zh', 'ko', 'fr', 'es'];

/**
 * Words the console keeps in English in every language. A value identical to the English text is
 * accepted when every natural-language word of it is one of these (or it has fewer than three words).
 * Kinds and field names written in camelCase, and tokens with digits, dots, slashes, dashes or
 * underscores (`spec.template`, `k6t-*`, `10.0.0.0/8`), are identifiers and never count as words.
 * Keep this list small: a word here can never be caught left in English.
 */
const KEPT_IN_ENGLISH = new Set(
  [
    // Abbreviations the console and kubevirt-plugin keep as they are.
    'CIDR',
    'VLAN',
    'MTU',
    'MAC',
    'IP',
    'IPs',
    'IPv',
    'NIC',
    'NICs',
    'IPAM',
    'DHCP',
    'DNS',
    'OVN',
    'SR',
    'IOV',
    'NAD',
    'NADs',
    'UDN',
    'UDNs',
    'CUDN',
    'CUDNs',
    'VM',
    'VMs',
    'YAML',
    'JSON',
    'API',
    'CNI',
    'TCP',
    'UDP',
    'SCTP',
    'ICMP',
    'NNCP',
    'ANP',
    'BANP',
    'CRD',
    'OpenShift',
    'KubeVirt',
    'Kubernetes',
    // Binding and network type names as they appear in the API.
    'masquerade',
    'bridge',
    'passt',
    'localnet',
    'layer2',
    'layer3',
    'Layer2',
    'Layer3',
    // Kinds written as one word (camelCase kinds are identifiers anyway).
    'Pod',
    'Pods',
    'Namespace',
    'Node',
    'Service',
  ].map((w) => w.toLowerCase()),
);

/** `{{name}}` (names compared trimmed, formats kept) and react-i18next Trans tags `<1>`, `</1>`, `<1/>`, `<strong>`. */
const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}|<\/?\d+\s*\/?>|<\/?(?:br|strong|i|p|b|em|code)\s*\/?>/g;

/**
 * Options of i18next's t(): a placeholder named like one of them is read as the option, not
 * interpolated (`{{ns}}` switches the namespace, so the key is never found and English shows).
 */
const RESERVED_PLACEHOLDERS = [
  'ns',
  'lng',
  'lngs',
  'fallbackLng',
  'context',
  'defaultValue',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'keySeparator',
  'nsSeparator',
  'ordinal',
];

/** English keys that use a reserved option name as a placeholder. */
const reservedPlaceholderKeys = (english) =>
  Object.keys(english).filter((key) =>
    placeholders(key).some((p) =>
      RESERVED_PLACEHOLDERS.includes(p.slice(2, -2).split(',')[0].trim()),
    ),
  );

const placeholders = (text) =>
  [...String(text).matchAll(PLACEHOLDER)]
    .map((m) => (m[1] !== undefined ? `{{${m[1]}}}` : m[0].replace(/\s+/g, '')))
    .sort();

const samePlaceholders = (english, translated) =>
  JSON.stringify(placeholders(english)) === JSON.stringify(placeholders(translated));

/** Natural-language words of a text: placeholders, tags and identifiers removed, punctuation trimmed. */
const words = (text) =>
  String(text)
    .replace(PLACEHOLDER, ' ')
    .split(/\s+/)
    .map((token) => token.replace(/^[("'“‘[`]+|[)"'”’\]`.,;:!?…]+$/g, ''))
    .filter((token) => /^[A-Za-z]+(?:['’][A-Za-z]+)?$/.test(token))
    .filter((token) => !/[a-z][A-Z]/.test(token)); // camelCase: a kind or a field name

/** A value identical to English that is a sentence (three words or more) not made only of kept terms. */
const leftInEnglish = (english, translated, kept = KEPT_IN_ENGLISH) => {
  if (translated !== english) return false;
  const w = words(english);
  return w.length >= 3 && w.some((word) => !kept.has(word.toLowerCase()));
};

/**
 * Every problem of one language's catalog against English, by kind:
 * missing (absent or empty), placeholders (differ from English), english (a sentence left in English),
 * notString (a value that is not a string), stale (keys English no longer has).
 */
const checkLanguage = (english, catalog) => {
  const problems = { missing: [], placeholders: [], english: [], notString: [], stale: [] };
  for (const [key, en] of Object.entries(english)) {
    if (!Object.prototype.hasOwnProperty.call(catalog, key)) {
      problems.missing.push(key);
      continue;
    }
    const value = catalog[key];
    if (typeof value !== 'string') problems.notString.push(key);
    else if (value.trim() === '') problems.missing.push(key);
    else if (!samePlaceholders(en, value)) problems.placeholders.push(key);
    else if (leftInEnglish(en, value)) problems.english.push(key);
  }
  for (const key of Object.keys(catalog)) {
    if (!Object.prototype.hasOwnProperty.call(english, key)) problems.stale.push(key);
  }
  return problems;
};

const problemCount = (problems) =>
  Object.values(problems).reduce((sum, keys) => sum + keys.length, 0);

/** The keys still to translate (missing, wrong placeholders, left in English) with their English text. */
const untranslated = (english, catalog) => {
  const p = checkLanguage(english, catalog);
  const todo = new Set([...p.missing, ...p.placeholders, ...p.english, ...p.notString]);
  return Object.fromEntries(
    Object.keys(english)
      .filter((k) => todo.has(k))
      .map((k) => [k, english[k]]),
  );
};

/**
 * Merges translations into a catalog. Refuses (returns errors, no catalog) non-string or empty
 * values, placeholders that differ from English, and keys English does not have, unless
 * `skipUnknown` (translations prepared before English dropped a key): those are then only listed in
 * `skipped`. The result holds exactly English's keys that are translated, in English's order; keys
 * English dropped are listed in `dropped`.
 */
const merge = (english, catalog, translations, { skipUnknown = false } = {}) => {
  const errors = [];
  const skipped = [];
  const accepted = {};
  for (const [key, value] of Object.entries(translations)) {
    if (!Object.prototype.hasOwnProperty.call(english, key)) {
      if (skipUnknown) skipped.push(key);
      else errors.push(`unknown key: ${key}`);
    } else if (typeof value !== 'string' || value.trim() === '') errors.push(`empty value: ${key}`);
    else if (!samePlaceholders(english[key], value))
      errors.push(
        `placeholders differ: ${key}: English ${placeholders(english[key]).join(' ')}, got ${placeholders(value).join(' ')}`,
      );
    else accepted[key] = value;
  }
  if (errors.length) return { errors, skipped };
  const combined = { ...catalog, ...accepted };
  const dropped = Object.keys(combined).filter(
    (k) => !Object.prototype.hasOwnProperty.call(english, k),
  );
  const result = {};
  for (const key of Object.keys(english)) {
    if (Object.prototype.hasOwnProperty.call(combined, key)) result[key] = combined[key];
  }
  return { errors: [], catalog: result, dropped, skipped, merged: Object.keys(accepted).length };
};

module.exports = {
  LANGUAGES,
  KEPT_IN_ENGLISH,
  RESERVED_PLACEHOLDERS,
  reservedPlaceholderKeys,
  placeholders,
  samePlaceholders,
  words,
  leftInEnglish,
  checkLanguage,
  problemCount,
  untranslated,
  merge,
};
