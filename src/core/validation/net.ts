/**
 * CIDR and IP checks for the wizards, in words a person understands. Parsing is ipaddr.js, with
 * the rules of the API server's CEL libraries (Go netip) layered on top, since ipaddr.js is more
 * lenient: it reads "010.1.1.1" as octal and "10.1" as 10.0.0.1, and accepts zones.
 */
import ipaddr from 'ipaddr.js';
import { withLabel, type FieldError, type Problem } from './types';

/** Marks English i18next keys for i18next-parser; translates nothing (see format.ts). */
const t = <S extends string>(key: S): S => key;

export type IPFamily = 4 | 6;

export interface ParsedCIDR {
  text: string;
  family: IPFamily;
  /** Address bytes as an unsigned integer (32 or 128 bits). */
  value: bigint;
  bits: number;
}

export interface ParsedAddress {
  family: IPFamily;
  value: bigint;
}

/** Why a text is not an address or CIDR; the message takes `{{label}}` and `{{value}}`. */
export const isProblem = (x: object): x is Problem => 'message' in x;

const problem = (message: string, params?: Problem['params']): Problem =>
  params ? { message, params } : { message };

const IPV4_STRICT =
  /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

const toBigInt = (bytes: number[]): bigint => bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);

/** Returns the address or a reason it is not one the API server accepts. */
export const parseAddress = (text: string): ParsedAddress | Problem => {
  const s = text.trim();
  if (s !== text) return problem(t('{{label}} "{{value}}" must not contain spaces.'));
  if (s === '') return problem(t('{{label}} "{{value}}" is empty.'));
  if (!s.includes(':')) {
    if (!IPV4_STRICT.test(s)) {
      return /(^|\.)0[0-9]/.test(s)
        ? problem(t('{{label}} "{{value}}" has an IPv4 octet with a leading zero.'))
        : problem(
            t(
              '{{label}} "{{value}}" is not an IPv4 address (four numbers 0–255 separated by dots).',
            ),
          );
    }
    return { family: 4, value: toBigInt(ipaddr.IPv4.parse(s).toByteArray()) };
  }
  if (s.includes('%')) return problem(t('{{label}} "{{value}}" must not carry an IPv6 zone (%…).'));
  if (s.includes('.'))
    return problem(
      t(
        '{{label}} "{{value}}": write the IPv6 address in hexadecimal groups, without an embedded IPv4 address.',
      ),
    );
  if (!ipaddr.IPv6.isValid(s)) return problem(t('{{label}} "{{value}}" is not an IPv6 address.'));
  const v6 = ipaddr.IPv6.parse(s);
  if (v6.isIPv4MappedAddress())
    return problem(
      t('{{label}} "{{value}}" is an IPv4-mapped IPv6 address (::ffff:…), which is not allowed.'),
    );
  return { family: 6, value: toBigInt(v6.toByteArray()) };
};

const width = (f: IPFamily): number => (f === 4 ? 32 : 128);

export const parseCIDRText = (text: string): ParsedCIDR | Problem => {
  const slash = text.indexOf('/');
  if (slash < 0)
    return problem(t('{{label}} "{{value}}" is missing the prefix length (for example /24).'));
  const addr = parseAddress(text.slice(0, slash));
  if (isProblem(addr)) return addr;
  const bitsText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(bitsText))
    return problem(t('{{label}} "{{value}}" has an invalid prefix length.'));
  const bits = Number(bitsText);
  if (bits > width(addr.family))
    return problem(t('{{label}} "{{value}}" has a prefix length above {{max}}.'), {
      max: width(addr.family),
    });
  return { text, family: addr.family, value: addr.value, bits };
};

const hostMask = (c: { family: IPFamily; bits: number }): bigint =>
  (1n << BigInt(width(c.family) - c.bits)) - 1n;

export const hasHostBits = (c: ParsedCIDR): boolean => (c.value & hostMask(c)) !== 0n;

export const networkOf = (c: ParsedCIDR): bigint => c.value & ~hostMask(c);

export const formatNetwork = (c: ParsedCIDR): string => {
  const v = networkOf(c);
  const bytes = Array.from({ length: width(c.family) / 8 }, (_, i) =>
    Number((v >> BigInt(width(c.family) - 8 * (i + 1))) & 0xffn),
  );
  return `${ipaddr.fromByteArray(bytes).toString()}/${c.bits}`;
};

export const overlaps = (a: ParsedCIDR, b: ParsedCIDR): boolean => {
  if (a.family !== b.family) return false;
  const min = Math.min(a.bits, b.bits);
  return (a.value ^ b.value) >> BigInt(width(a.family) - min) === 0n;
};

/** a ⊇ b. */
export const containsCIDR = (a: ParsedCIDR, b: ParsedCIDR): boolean =>
  overlaps(a, b) && a.bits <= b.bits;

export const containsAddress = (a: ParsedCIDR, ip: ParsedAddress): boolean =>
  a.family === ip.family && (a.value ^ ip.value) >> BigInt(width(a.family) - a.bits) === 0n;

export interface CIDRListOptions {
  /** Field id prefix, e.g. `subnets` → `subnets[0]`. */
  field: string;
  /** An English key, e.g. t('Subnet'). */
  label: string;
  /** Refuse host bits (the API does for reserved/infrastructure subnets; for subnets it is a mistake). */
  requireMasked?: boolean;
  /** At most one CIDR per IP family (and at most two). */
  onePerFamily?: boolean;
  maxItems?: number;
}

/** Syntax, host bits and families of a list of CIDRs. Returns the parsed ones by index. */
export const checkCIDRList = (
  values: string[],
  opts: CIDRListOptions,
  errors: FieldError[],
): (ParsedCIDR | undefined)[] => {
  const parsed = values.map((text, i) => {
    const field = `${opts.field}[${i}]`;
    const p = parseCIDRText(text);
    if (isProblem(p)) {
      errors.push(withLabel(field, opts.label, { ...p, params: { ...p.params, value: text } }));
      return undefined;
    }
    if (opts.requireMasked && hasHostBits(p)) {
      errors.push(
        withLabel(field, opts.label, {
          message: t('{{label}} "{{value}}" has host bits set; did you mean {{network}}?'),
          params: { value: text, network: formatNetwork(p) },
        }),
      );
    }
    return p;
  });
  if (opts.maxItems !== undefined && values.length > opts.maxItems) {
    errors.push(
      withLabel(opts.field, opts.label, {
        message: t('{{label}}: at most {{max}} entries.'),
        params: { max: opts.maxItems },
      }),
    );
  }
  if (opts.onePerFamily) {
    const seen = new Map<IPFamily, number>();
    parsed.forEach((p, i) => {
      if (!p) return;
      if (seen.has(p.family)) {
        errors.push(
          withLabel(`${opts.field}[${i}]`, opts.label, {
            message: t('{{label}}: only one IPv{{family}} CIDR is allowed (one per IP family).'),
            params: { family: p.family },
          }),
        );
      } else seen.set(p.family, i);
    });
  }
  return parsed;
};
