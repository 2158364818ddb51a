/**
 * IP addresses and CIDR blocks as integer ranges, so ipBlock checks and the cutting of the address
 * space into "outside" blocks are plain comparisons.
 */
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface IpRange {
  family: Family;
  lo: bigint;
  hi: bigint;
}

const bytesToBigInt = (bytes: number[]): bigint => {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
};

const bitsOf = (family: Family): bigint => (family === 4 ? 32n : 128n);

/** The address with any `/prefix` stripped, or undefined when it is not an IP. */
export const parseIp = (text: string): { family: Family; n: bigint } | undefined => {
  const bare = text.trim().split('/')[0];
  // Only the forms the API server accepts: dotted quads (no `10`, `0x0a.1`, octal) or IPv6.
  const valid = bare.includes(':')
    ? ipaddr.IPv6.isValid(bare)
    : ipaddr.IPv4.isValidFourPartDecimal(bare);
  if (!valid) return undefined;
  let addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  const family: Family = addr.kind() === 'ipv4' ? 4 : 6;
  return { family, n: bytesToBigInt(addr.toByteArray()) };
};

/** `a.b.c.d/n` (host bits ignored, as the API server's CIDR parsing masks them) or a bare IP. */
export const parseCidr = (text: string): IpRange | undefined => {
  const parts = text.trim().split('/');
  if (parts.length > 2) return undefined;
  const [addrText, prefixText] = parts;
  // Checked before any BigInt conversion: `10.0.0.0/8x` must read as "not a CIDR", not throw.
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const ip = parseIp(addrText);
  if (!ip) return undefined;
  const bits = bitsOf(ip.family);
  const prefix = prefixText === undefined ? bits : BigInt(Number(prefixText));
  if (prefix < 0n || prefix > bits) return undefined;
  const hostBits = bits - prefix;
  const mask = (1n << hostBits) - 1n;
  const lo = ip.n & ~mask & ((1n << bits) - 1n);
  return { family: ip.family, lo, hi: lo | mask };
};

export const rangeContains = (range: IpRange, ip: { family: Family; n: bigint }): boolean =>
  range.family === ip.family && ip.n >= range.lo && ip.n <= range.hi;

export const formatIp = (family: Family, n: bigint): string => {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
  }
  const parts: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) parts.push(Number((n >> s) & 0xffffn));
  return ipaddr.fromByteArray(parts.flatMap((p) => [p >> 8, p & 255])).toString();
};

export const ALL_IPV4: IpRange = { family: 4, lo: 0n, hi: (1n << 32n) - 1n };

/**
 * Cuts `space` into the elementary ranges delimited by every boundary of `cuts`: inside one
 * result range, every cut either contains all addresses or none.
 */
export const cutRanges = (space: IpRange, cuts: IpRange[]): IpRange[] => {
  const starts = new Set<bigint>([space.lo]);
  for (const c of cuts) {
    if (c.family !== space.family) continue;
    if (c.lo > space.lo && c.lo <= space.hi) starts.add(c.lo);
    if (c.hi + 1n > space.lo && c.hi + 1n <= space.hi) starts.add(c.hi + 1n);
  }
  const sorted = [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((lo, i) => ({
    family: space.family,
    lo,
    hi: i + 1 < sorted.length ? sorted[i + 1] - 1n : space.hi,
  }));
};

export const formatRange = (r: IpRange): string =>
  `${formatIp(r.family, r.lo)}-${formatIp(r.family, r.hi)}`;

/** An `ipBlock.except` entry back as the CIDR it was written as (such a range is a CIDR block). */
export const formatRangeAsCidr = (r: IpRange): string => {
  const size = r.hi - r.lo + 1n;
  const prefix = (r.family === 4 ? 32 : 128) - (size.toString(2).length - 1);
  return `${formatIp(r.family, r.lo)}/${prefix}`;
};

/** `range` minus `holes`, as the contiguous ranges left (an ipBlock's address set). */
export const rangeMinus = (range: IpRange, holes: IpRange[]): IpRange[] => {
  const sorted = holes
    .filter((h) => h.family === range.family && h.hi >= range.lo && h.lo <= range.hi)
    .sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: IpRange[] = [];
  let lo = range.lo;
  for (const h of sorted) {
    if (h.lo > lo) out.push({ family: range.family, lo, hi: h.lo - 1n });
    if (h.hi + 1n > lo) lo = h.hi + 1n;
    if (lo > range.hi) return out;
  }
  out.push({ family: range.family, lo, hi: range.hi });
  return out;
};
