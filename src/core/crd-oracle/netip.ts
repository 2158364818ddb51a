/**
 * A port of the parts of Go's net/netip that the Kubernetes CEL IP/CIDR libraries rely on
 * (k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go). Written independently of the validation
 * module (which uses ipaddr.js) on purpose: the oracle must not share a parser with the code it
 * checks. Go semantics that matter here and that lenient parsers get wrong:
 * - IPv4 is exactly four decimal fields 0..255 without leading zeros ("010.0.0.1" is an error);
 * - IPv6 fields are 1..4 hex digits, one "::" at most, which must stand for at least one field;
 *   an embedded dotted IPv4 is allowed only as the last 32 bits;
 * - prefix bits are decimal without sign or leading zeros, 0..32 / 0..128;
 * - ParsePrefix keeps host bits (10.0.0.1/24 is a valid prefix; `.masked()` clears them);
 * - the Kubernetes layer rejects zones and IPv4-mapped IPv6 (::ffff:a.b.c.d in any spelling).
 */

export type Family = 4 | 6;

export interface Addr {
  family: Family;
  /** The address as an unsigned integer of 32 or 128 bits. */
  value: bigint;
}

export interface Prefix {
  addr: Addr;
  bits: number;
}

export class NetParseError extends Error {}

const width = (f: Family): number => (f === 4 ? 32 : 128);

const parseIPv4Fields = (s: string): bigint => {
  const fields = s.split('.');
  if (fields.length !== 4)
    throw new NetParseError(`ParseAddr(${JSON.stringify(s)}): IPv4 address too short`);
  let v = 0n;
  for (const f of fields) {
    if (!/^[0-9]{1,3}$/.test(f))
      throw new NetParseError(`ParseAddr(${JSON.stringify(s)}): unexpected character`);
    if (f.length > 1 && f[0] === '0') {
      throw new NetParseError(
        `ParseAddr(${JSON.stringify(s)}): IPv4 field has octet with leading zero`,
      );
    }
    const n = Number(f);
    if (n > 255)
      throw new NetParseError(`ParseAddr(${JSON.stringify(s)}): IPv4 field has value >255`);
    v = (v << 8n) | BigInt(n);
  }
  return v;
};

const parseIPv6 = (s: string): bigint => {
  const err = (why: string) => new NetParseError(`ParseAddr(${JSON.stringify(s)}): ${why}`);
  const halves = s.split('::');
  if (halves.length > 2) throw err('multiple :: in address');
  const groupsOf = (part: string, allowV4Tail: boolean): bigint[] => {
    if (part === '') return [];
    const items = part.split(':');
    const out: bigint[] = [];
    items.forEach((item, i) => {
      if (allowV4Tail && i === items.length - 1 && item.includes('.')) {
        const v4 = parseIPv4Fields(item);
        out.push(v4 >> 16n, v4 & 0xffffn);
        return;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(item))
        throw err('each colon-separated field must have at most 4 hex digits');
      out.push(BigInt(`0x${item}`));
    });
    return out;
  };
  let groups: bigint[];
  if (halves.length === 2) {
    const head = groupsOf(halves[0], false);
    const tail = groupsOf(halves[1], true);
    const missing = 8 - head.length - tail.length;
    if (missing < 1) throw err('an :: must expand to at least one field of zeros');
    groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  } else {
    groups = groupsOf(s, true);
    if (groups.length !== 8) throw err('address string too short');
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
};

/** netip.ParseAddr, zones included (reported separately so the k8s layer can reject them). */
export const goParseAddr = (s: string): { addr: Addr; zone: string } => {
  if (s === '') throw new NetParseError('ParseAddr(""): unable to parse IP');
  if (s.includes(':')) {
    const pct = s.indexOf('%');
    const zone = pct >= 0 ? s.slice(pct + 1) : '';
    if (pct >= 0 && zone === '')
      throw new NetParseError(`ParseAddr(${JSON.stringify(s)}): zone must be a non-empty string`);
    return { addr: { family: 6, value: parseIPv6(pct >= 0 ? s.slice(0, pct) : s) }, zone };
  }
  return { addr: { family: 4, value: parseIPv4Fields(s) }, zone: '' };
};

/** True for ::ffff:0:0/96, however it is spelled. */
export const is4In6 = (a: Addr): boolean => a.family === 6 && a.value >> 32n === 0xffffn;

/** The Kubernetes `ip()` parser: netip.ParseAddr without zones or IPv4-mapped IPv6. */
export const parseIP = (s: string): Addr => {
  const { addr, zone } = goParseAddr(s);
  if (zone !== '')
    throw new NetParseError(`IP address ${JSON.stringify(s)} with zone value is not allowed`);
  if (is4In6(addr))
    throw new NetParseError(`IPv4-mapped IPv6 address ${JSON.stringify(s)} is not allowed`);
  return addr;
};

/** The Kubernetes `cidr()` parser: netip.ParsePrefix (host bits kept) without IPv4-mapped IPv6. */
export const parseCIDR = (s: string): Prefix => {
  const slash = s.lastIndexOf('/');
  if (slash < 0) throw new NetParseError(`netip.ParsePrefix(${JSON.stringify(s)}): no '/'`);
  const addrPart = s.slice(0, slash);
  const bitsPart = s.slice(slash + 1);
  const { addr, zone } = goParseAddr(addrPart);
  if (zone !== '')
    throw new NetParseError(
      `netip.ParsePrefix(${JSON.stringify(s)}): IPv6 zones cannot be present in a prefix`,
    );
  if (!/^[0-9]+$/.test(bitsPart) || (bitsPart.length > 1 && bitsPart[0] === '0')) {
    throw new NetParseError(
      `netip.ParsePrefix(${JSON.stringify(s)}): bad bits after slash: ${JSON.stringify(bitsPart)}`,
    );
  }
  const bits = Number(bitsPart);
  if (bits > width(addr.family)) {
    throw new NetParseError(`netip.ParsePrefix(${JSON.stringify(s)}): prefix length out of range`);
  }
  if (is4In6(addr))
    throw new NetParseError(`IPv4-mapped IPv6 address ${JSON.stringify(s)} is not allowed`);
  return { addr, bits };
};

const tryOr = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch (e) {
    if (e instanceof NetParseError) return undefined;
    throw e;
  }
};

export const isIP = (s: string): boolean => tryOr(() => parseIP(s)) !== undefined;
export const isCIDR = (s: string): boolean => tryOr(() => parseCIDR(s)) !== undefined;

const hostMask = (f: Family, bits: number): bigint => (1n << BigInt(width(f) - bits)) - 1n;

export const masked = (p: Prefix): Prefix => ({
  addr: { family: p.addr.family, value: p.addr.value & ~hostMask(p.addr.family, p.bits) },
  bits: p.bits,
});

/** netip.Prefix.Contains: false across families. */
export const prefixContains = (p: Prefix, a: Addr): boolean =>
  p.addr.family === a.family && (p.addr.value ^ a.value) >> BigInt(width(a.family) - p.bits) === 0n;

/** netip.Prefix.Overlaps. */
export const prefixOverlaps = (p: Prefix, o: Prefix): boolean => {
  if (p.addr.family !== o.addr.family) return false;
  const min = Math.min(p.bits, o.bits);
  return (p.addr.value ^ o.addr.value) >> BigInt(width(p.addr.family) - min) === 0n;
};

/** The Kubernetes `containsCIDR`: Overlaps(o) && bits(self) <= bits(o). */
export const prefixContainsPrefix = (p: Prefix, o: Prefix): boolean =>
  prefixOverlaps(p, o) && p.bits <= o.bits;

export const addrEqual = (a: Addr, b: Addr): boolean =>
  a.family === b.family && a.value === b.value;
export const prefixEqual = (a: Prefix, b: Prefix): boolean =>
  addrEqual(a.addr, b.addr) && a.bits === b.bits;

export const formatAddr = (a: Addr): string => {
  if (a.family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((a.value >> s) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((a.value >> BigInt(112 - 16 * i)) & 0xffffn),
  );
  // RFC 5952: compress the longest run (length ≥ 2) of zero groups, the first one on ties.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
};

export const formatPrefix = (p: Prefix): string => `${formatAddr(p.addr)}/${p.bits}`;
