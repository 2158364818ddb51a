/**
 * @jest-environment node
 */
import * as fs from 'fs';
import * as path from 'path';
import i18next from 'i18next';
import { fieldErrorToEnglish, formatFieldError, Translate } from './format';
import { checkName } from './names';
import { checkCIDRList } from './net';
import { checkMtu, checkOverlaps, reservedRanges } from './network-rules';
import type { FieldError } from './types';

const NS = 'plugin__vm-networking-console-plugin';
const catalog = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, `../../../locales/en/${NS}.json`), 'utf8'),
) as Record<string, string>;

/** An i18next instance set up as the console sets it up (frontend/public/i18n.js). */
const i18nFor = async (lng: string, resources: Record<string, string>) => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'en',
    ns: [NS],
    defaultNS: NS,
    nsSeparator: '~',
    keySeparator: false,
    contextSeparator: '~',
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    resources: { en: { [NS]: catalog }, [lng]: { [NS]: resources } },
  });
  return i18n;
};

const subnetErrors = (subnets: string[]): FieldError[] => {
  const errors: FieldError[] = [];
  const parsed = checkCIDRList(
    subnets,
    { field: 'subnets', label: 'Subnet', requireMasked: true, onePerFamily: true, maxItems: 2 },
    errors,
  );
  checkOverlaps(
    'subnets',
    'Subnet',
    parsed,
    reservedRanges(undefined, { primary: true }),
    [],
    errors,
  );
  return errors;
};

describe('fieldErrorToEnglish', () => {
  it('fills placeholders with values and with the English of nested keys', () => {
    expect(subnetErrors(['10.128.4.0/24']).map(fieldErrorToEnglish)).toEqual([
      'Subnet 10.128.4.0/24 overlaps the cluster network (10.128.0.0/14).',
    ]);
    expect(
      fieldErrorToEnglish({
        field: 'x',
        message: '{{ label }} needs {{n}} of {{what}}; {{unknown}} stays',
        params: { label: { key: 'A {{kind}}', params: { kind: 'subnet' } }, n: 2, what: 'b' },
      }),
    ).toBe('A subnet needs 2 of b; {{unknown}} stays');
  });

  it('leaves a message without params as it is', () => {
    const errors: FieldError[] = [];
    checkMtu('mtu', 1000, true, errors);
    expect(errors).toEqual([
      {
        field: 'mtu',
        message: 'MTU must be at least {{min}} when an IPv6 subnet is used.',
        params: { min: 1280 },
      },
    ]);
    expect(fieldErrorToEnglish({ field: 'f', message: 'VLAN ID must be a whole number.' })).toBe(
      'VLAN ID must be a whole number.',
    );
  });
});

describe('formatFieldError with i18next', () => {
  it('English: the catalog holds the keys and i18next renders the same text as fieldErrorToEnglish', async () => {
    const i18n = await i18nFor('en', {});
    const errors = [
      ...subnetErrors([
        '10.128.4.0/24',
        '10.1.1.5/24',
        'fd00::/64',
        'fd01::/64',
        '::ffff:10.0.0.0/104',
      ]),
    ];
    checkName('name', 'Name', 'Bad_Name', 'label', errors);
    checkName('name', 'Name', 'taken', 'subdomain', errors, ['taken']);
    checkMtu('mtu', 70000, false, errors);
    expect(errors.length).toBeGreaterThanOrEqual(7);
    for (const e of errors) {
      expect(catalog[e.message]).toBe(e.message);
      for (const p of Object.values(e.params ?? {}))
        if (typeof p === 'object') expect(catalog[p.key]).toBe(p.key);
      expect(formatFieldError(i18n.t, e)).toBe(fieldErrorToEnglish(e));
    }
    expect(errors.map(fieldErrorToEnglish)).toEqual(
      expect.arrayContaining([
        'Subnet "10.1.1.5/24" has host bits set; did you mean 10.1.1.0/24?',
        'Subnet: at most 2 entries.',
        'Subnet: only one IPv6 CIDR is allowed (one per IP family).',
        'Name must be lower case.',
        'Name "taken" is already in use.',
        'MTU must be a whole number from 576 to 65536.',
      ]),
    );
  });

  it('another language: the label and the reserved range are translated inside the sentence', async () => {
    const i18n = await i18nFor('de', {
      '{{label}} {{value}} overlaps {{what}} ({{cidr}}).':
        '{{label}} {{value}} überschneidet sich mit {{what}} ({{cidr}}).',
      Subnet: 'Subnetz',
      'the cluster network': 'dem Clusternetzwerk',
    });
    const [e] = subnetErrors(['10.128.4.0/24']);
    expect(formatFieldError(i18n.t, e)).toBe(
      'Subnetz 10.128.4.0/24 überschneidet sich mit dem Clusternetzwerk (10.128.0.0/14).',
    );
    // A key the language lacks falls back to English, with its nested keys still translated.
    const [hostBits] = subnetErrors(['10.1.1.5/24']);
    expect(formatFieldError(i18n.t, hostBits)).toBe(
      'Subnetz "10.1.1.5/24" has host bits set; did you mean 10.1.1.0/24?',
    );
  });

  it('translates nested keys before the message', () => {
    const calls: string[] = [];
    const t: Translate = (key, params) => {
      calls.push(key);
      return `${key}|${JSON.stringify(params ?? {})}`;
    };
    const [e] = subnetErrors(['100.64.1.0/24']);
    formatFieldError(t, e);
    expect(calls.slice(0, 2).sort()).toEqual(['Subnet', 'the OVN-Kubernetes join subnet']);
    expect(calls[2]).toBe('{{label}} {{value}} overlaps {{what}} ({{cidr}}).');
    expect(calls).toHaveLength(3);
  });
});
