/** The catalog check (scripts/i18n-catalog.cjs) and its CLI (scripts/i18n.mjs --check-languages/--missing/--merge). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

type Catalog = Record<string, unknown>;
type Problems = Record<'missing' | 'placeholders' | 'english' | 'notString' | 'stale', string[]>;
const lib = require('./i18n-catalog.cjs') as {
  LANGUAGES: string[];
  placeholders: (text: string) => string[];
  samePlaceholders: (a: string, b: string) => boolean;
  leftInEnglish: (en: string, value: string) => boolean;
  reservedPlaceholderKeys: (en: Record<string, string>) => string[];
  checkLanguage: (en: Record<string, string>, catalog: Catalog) => Problems;
  untranslated: (en: Record<string, string>, catalog: Catalog) => Record<string, string>;
  merge: (
    en: Record<string, string>,
    catalog: Catalog,
    translations: Catalog,
    options?: { skipUnknown?: boolean },
  ) => {
    errors: string[];
    catalog?: Record<string, string>;
    dropped?: string[];
    skipped: string[];
    merged?: number;
  };
};

const ROOT = resolve(__dirname, '..');
const NS = 'plugin__vm-networking-console-plugin';
const realEnglish: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, 'locales/en', `${NS}.json`), 'utf8'),
);

const english = {
  'Add network': 'Add network',
  'Delete {{name}}?': 'Delete {{name}}?',
  'The VM {{vm}} is not running.': 'The VM {{vm}} is not running.',
  'See <1>the docs</1>.': 'See <1>the docs</1>.',
  'Created {{count}} objects_one': 'Created {{count}} objects',
  'Created {{count}} objects_other': 'Created {{count}} objects',
};
const french: Record<string, string> = {
  'Add network': 'Ajouter un réseau',
  'Delete {{name}}?': 'Supprimer {{name}} ?',
  'The VM {{vm}} is not running.': "La VM {{vm}} n'est pas en cours d'exécution.",
  'See <1>the docs</1>.': 'Voir <1>la documentation</1>.',
  'Created {{count}} objects_one': '{{count}} objet créé',
  'Created {{count}} objects_other': '{{count}} objets créés',
};
const none = { missing: [], placeholders: [], english: [], notString: [], stale: [] };

describe('placeholders', () => {
  it('are {{names}} (spaces ignored) and numbered or basic Trans tags, as a sorted list', () => {
    expect(lib.placeholders('a {{ b }} <1>c</1> {{a}} <br/> <3/>')).toEqual(
      ['<1>', '</1>', '<3/>', '<br/>', '{{a}}', '{{b}}'].sort(),
    );
    expect(lib.samePlaceholders('{{a}} and {{b}}', '{{b}} et {{ a }}')).toBe(true);
  });
  it('literal angle-bracketed words are not tags', () => {
    expect(lib.placeholders('openshift.io/<resourceName>')).toEqual([]);
  });
  it('a renamed, dropped, duplicated or added placeholder differs', () => {
    expect(lib.samePlaceholders('{{name}}', '{{nom}}')).toBe(false);
    expect(lib.samePlaceholders('{{a}} {{b}}', '{{a}}')).toBe(false);
    expect(lib.samePlaceholders('{{a}}', '{{a}} {{a}}')).toBe(false);
    expect(lib.samePlaceholders('<1>x</1>', 'x')).toBe(false);
    expect(lib.samePlaceholders('<1>x</1>', '<2>x</2>')).toBe(false);
  });
});

describe('reservedPlaceholderKeys', () => {
  it('finds placeholders named like a t() option, and nothing in the real catalog', () => {
    expect(
      lib.reservedPlaceholderKeys({
        'Namespace {{ns}} lacks {{label}}': '',
        'In {{lng}}': '',
        'A {{ context }}': '',
        'Namespace {{namespace}}': '',
        '{{count}} objects': '',
      }),
    ).toEqual(['Namespace {{ns}} lacks {{label}}', 'In {{lng}}', 'A {{ context }}']);
    expect(lib.reservedPlaceholderKeys(realEnglish)).toEqual([]);
  });
  it('is a real defect: i18next reads {{ns}} as the namespace and shows English', async () => {
    const i18next = (await import('i18next')).default.createInstance();
    await i18next.init({
      lng: 'ja',
      resources: {
        ja: { [NS]: { 'In {{ns}}': '{{ns}} 内', 'In {{namespace}}': '{{namespace}} 内' } },
      },
      defaultNS: NS,
      interpolation: { escapeValue: false },
    });
    expect(i18next.t('In {{ns}}', { ns: 'demo' })).toBe('In demo');
    expect(i18next.t('In {{namespace}}', { namespace: 'demo' })).toBe('demo 内');
  });
});

describe('leftInEnglish', () => {
  it('flags a sentence identical to English', () => {
    expect(lib.leftInEnglish('Add a network to the VM.', 'Add a network to the VM.')).toBe(true);
    expect(
      lib.leftInEnglish('Delete {{name}} from the list?', 'Delete {{name}} from the list?'),
    ).toBe(true);
  });
  it('accepts short strings and values made only of kept terms or identifiers', () => {
    expect(lib.leftInEnglish('Add network', 'Add network')).toBe(false);
    expect(lib.leftInEnglish('MTU', 'MTU')).toBe(false);
    expect(lib.leftInEnglish('VLAN {{id}} MTU CIDR', 'VLAN {{id}} MTU CIDR')).toBe(false);
    expect(
      lib.leftInEnglish(
        'UserDefinedNetwork spec.layer2.subnets (IPAM, DHCP)',
        'UserDefinedNetwork spec.layer2.subnets (IPAM, DHCP)',
      ),
    ).toBe(false);
  });
  it('a translated value is never flagged', () => {
    expect(lib.leftInEnglish('Add a network to the VM.', 'Ajouter un réseau à la VM.')).toBe(false);
  });
});

describe('checkLanguage', () => {
  it('a complete language has no problem', () => {
    expect(lib.checkLanguage(english, french)).toEqual(none);
  });
  it('reports missing, empty, non-string, placeholder, English and stale keys', () => {
    const broken: Catalog = { ...french, Stale: 'Périmé' };
    delete broken['Add network'];
    broken['Created {{count}} objects_one'] = ' ';
    broken['Created {{count}} objects_other'] = 42;
    broken['Delete {{name}}?'] = 'Supprimer {{nom}} ?';
    broken['The VM {{vm}} is not running.'] = 'The VM {{vm}} is not running.';
    expect(lib.checkLanguage(english, broken)).toEqual({
      missing: ['Add network', 'Created {{count}} objects_one'],
      placeholders: ['Delete {{name}}?'],
      english: ['The VM {{vm}} is not running.'],
      notString: ['Created {{count}} objects_other'],
      stale: ['Stale'],
    });
  });
  it('an English copy of the real catalog is caught for every key that is a sentence', () => {
    const p = lib.checkLanguage(realEnglish, { ...realEnglish });
    expect(p.missing).toEqual([]);
    expect(p.placeholders).toEqual([]);
    // Most of the catalog is sentences; what passes is short or made of kept terms only.
    expect(p.english.length).toBeGreaterThan(Object.keys(realEnglish).length * 0.6);
    expect(p.english).toContain(
      Object.keys(realEnglish).find((k) => k.split(' ').length > 6 && !k.includes('{{')),
    );
  });
  it('property: dropping any key of the real catalog, or any placeholder of it, is reported', () => {
    const keys = Object.keys(realEnglish);
    const withPlaceholders = keys.filter((k) => lib.placeholders(realEnglish[k]).length > 0);
    expect(withPlaceholders.length).toBeGreaterThan(50);
    // A stand-in translation: the English text wrapped so that it is not identical to English.
    const translated = Object.fromEntries(keys.map((k) => [k, `«${realEnglish[k]}»`]));
    expect(lib.checkLanguage(realEnglish, translated)).toEqual(none);
    fc.assert(
      fc.property(fc.constantFrom(...keys), (key) => {
        const c = { ...translated };
        delete c[key];
        expect(lib.checkLanguage(realEnglish, c).missing).toEqual([key]);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...withPlaceholders), fc.nat(), (key, n) => {
        const ph = lib.placeholders(realEnglish[key]);
        const victim = ph[n % ph.length];
        const c = { ...translated, [key]: translated[key].replace(victim, '') };
        expect(lib.checkLanguage(realEnglish, c).placeholders).toEqual([key]);
      }),
    );
  });
});

describe('untranslated and merge', () => {
  it('untranslated lists what is missing or wrong, with its English text, in English order', () => {
    const c: Catalog = { ...french, 'Delete {{name}}?': 'Supprimer ?' };
    delete c['Add network'];
    expect(lib.untranslated(english, c)).toEqual({
      'Add network': 'Add network',
      'Delete {{name}}?': 'Delete {{name}}?',
    });
  });
  it('merges in English order and drops keys English no longer has', () => {
    const start: Catalog = { 'Delete {{name}}?': 'Supprimer {{name}} ?', Old: 'Vieux' };
    const result = lib.merge(english, start, { 'Add network': 'Ajouter un réseau' });
    expect(result.errors).toEqual([]);
    expect(result.dropped).toEqual(['Old']);
    expect(Object.keys(result.catalog!)).toEqual(['Add network', 'Delete {{name}}?']);
  });
  it('refuses unknown keys, empty values and placeholders that differ, merging nothing', () => {
    const result = lib.merge(
      english,
      {},
      {
        'Add network': 'Ajouter',
        Unknown: 'x',
        'Delete {{name}}?': 'Supprimer ?',
        'See <1>the docs</1>.': '',
      },
    );
    expect(result.catalog).toBeUndefined();
    expect(result.errors).toEqual([
      'unknown key: Unknown',
      'placeholders differ: Delete {{name}}?: English {{name}}, got ',
      'empty value: See <1>the docs</1>.',
    ]);
  });
});

describe('merge with skipUnknown (translations prepared before English dropped a key)', () => {
  it('skips and lists unknown keys but still refuses wrong placeholders', () => {
    const ok = lib.merge(
      english,
      {},
      { 'Add network': 'Ajouter', Gone: 'Parti' },
      { skipUnknown: true },
    );
    expect(ok.errors).toEqual([]);
    expect(ok.skipped).toEqual(['Gone']);
    expect(ok.merged).toBe(1);
    expect(ok.catalog).toEqual({ 'Add network': 'Ajouter' });
    const bad = lib.merge(
      english,
      {},
      { Gone: 'x', 'Delete {{name}}?': 'Supprimer ?' },
      { skipUnknown: true },
    );
    expect(bad.catalog).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
  });
});

describe('CLI (node scripts/i18n.mjs --locales <dir>)', () => {
  let dir: string;
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/i18n.mjs'), '--locales', dir, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  const write = (lng: string, catalog: Catalog) => {
    mkdirSync(join(dir, lng), { recursive: true });
    writeFileSync(join(dir, lng, `${NS}.json`), JSON.stringify(catalog));
  };
  const read = (lng: string) => JSON.parse(readFileSync(join(dir, lng, `${NS}.json`), 'utf8'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'i18n-spec-'));
    write('en', english);
    for (const lng of lib.LANGUAGES) write(lng, french);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--check-languages passes on complete catalogs and fails naming the language and key', () => {
    expect(cli('--check-languages').status).toBe(0);
    const ja = { ...french };
    delete ja['Add network'];
    write('ja', ja);
    const r = cli('--check-languages');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ja: 1 problems');
    expect(r.stderr).toContain('"Add network"');
    expect(r.stderr).not.toContain('fr: ');
  });
  it('--check-languages fails when a language file does not exist', () => {
    rmSync(join(dir, 'ko'), { recursive: true });
    const r = cli('--check-languages');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ko\/.*does not exist/);
  });
  it('--missing <lng> prints the delta as JSON; --merge <lng> <file> completes it', () => {
    write('en', { ...english, 'New key {{x}}': 'New key {{x}}' });
    const missing = cli('--missing', 'es');
    expect(missing.status).toBe(0);
    expect(JSON.parse(missing.stdout)).toEqual({ 'New key {{x}}': 'New key {{x}}' });
    const all = JSON.parse(cli('--missing').stdout);
    expect(Object.keys(all)).toEqual(lib.LANGUAGES);

    const file = join(dir, 'delta.json');
    writeFileSync(file, JSON.stringify({ 'New key {{x}}': 'Nueva clave {{y}}' }));
    const refused = cli('--merge', 'es', file);
    expect(refused.status).toBe(2);
    expect(read('es')).toEqual(french);

    writeFileSync(file, JSON.stringify({ 'New key {{x}}': 'Nueva clave {{x}}' }));
    expect(cli('--merge', 'es', file).status).toBe(0);
    const es = read('es');
    expect(Object.keys(es)).toEqual([...Object.keys(english), 'New key {{x}}']);
    expect(es['New key {{x}}']).toBe('Nueva clave {{x}}');
    expect(JSON.parse(cli('--missing', 'es').stdout)).toEqual({});

    writeFileSync(file, JSON.stringify({ 'New key {{x}}': 'Nueva {{x}}', Gone: 'Ido' }));
    expect(cli('--merge', 'es', file).status).toBe(2);
    const skipping = cli('--merge', 'es', file, '--skip-unknown');
    expect(skipping.status).toBe(0);
    expect(skipping.stdout).toContain('skipped "Gone"');
    expect(read('es')['New key {{x}}']).toBe('Nueva {{x}}');
  });
  it('rejects a language the console does not ship', () => {
    expect(cli('--missing', 'de').status).toBe(2);
  });
});
