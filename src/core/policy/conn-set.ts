/**
 * Sets of connections: per port protocol (TCP, UDP, SCTP) a sorted list of disjoint port ranges,
 * plus `other` for traffic that no port list can name (ICMP, as ping sends). Immutable values.
 */
export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export type PortProtocol = (typeof PORT_PROTOCOLS)[number];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export type Ranges = readonly (readonly [number, number])[];

export interface ConnSet {
  readonly ports: Readonly<Record<PortProtocol, Ranges>>;
  readonly other: boolean;
}

const FULL: Ranges = [[MIN_PORT, MAX_PORT]];

export const noConns = (): ConnSet => ({ ports: { SCTP: [], TCP: [], UDP: [] }, other: false });
export const allConns = (): ConnSet => ({
  ports: { SCTP: FULL, TCP: FULL, UDP: FULL },
  other: true,
});

export const isPortProtocol = (p: string): p is PortProtocol =>
  (PORT_PROTOCOLS as readonly string[]).includes(p);

const normalise = (ranges: (readonly [number, number])[]): Ranges => {
  const sorted = ranges
    .map(([a, b]) => [Math.max(MIN_PORT, a), Math.min(MAX_PORT, b)] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
};

const intersectRanges = (x: Ranges, y: Ranges): Ranges => {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i][0], y[j][0]);
    const hi = Math.min(x[i][1], y[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (x[i][1] < y[j][1]) i++;
    else j++;
  }
  return out;
};

/** Ports of one protocol (an empty ranges list = none). */
export const portConns = (
  protocol: PortProtocol,
  ranges: (readonly [number, number])[],
): ConnSet => {
  const base = noConns();
  return { ...base, ports: { ...base.ports, [protocol]: normalise(ranges) } };
};

const isNone = (c: ConnSet) =>
  !c.other && !c.ports.SCTP.length && !c.ports.TCP.length && !c.ports.UDP.length;

export const union = (a: ConnSet, b: ConnSet): ConnSet =>
  // Fast paths: the matrix unions thousands of rule sets, most of them empty or everything.
  isNone(a) || isAll(b) ? b : isNone(b) || isAll(a) ? a : unionSlow(a, b);

const unionSlow = (a: ConnSet, b: ConnSet): ConnSet => ({
  ports: {
    SCTP: normalise([...a.ports.SCTP, ...b.ports.SCTP]),
    TCP: normalise([...a.ports.TCP, ...b.ports.TCP]),
    UDP: normalise([...a.ports.UDP, ...b.ports.UDP]),
  },
  other: a.other || b.other,
});

export const intersect = (a: ConnSet, b: ConnSet): ConnSet =>
  isAll(a) || isNone(b) ? b : isAll(b) || isNone(a) ? a : intersectSlow(a, b);

const intersectSlow = (a: ConnSet, b: ConnSet): ConnSet => ({
  ports: {
    SCTP: intersectRanges(a.ports.SCTP, b.ports.SCTP),
    TCP: intersectRanges(a.ports.TCP, b.ports.TCP),
    UDP: intersectRanges(a.ports.UDP, b.ports.UDP),
  },
  other: a.other && b.other,
});

const isFull = (r: Ranges) => r.length === 1 && r[0][0] === MIN_PORT && r[0][1] === MAX_PORT;

export const isEmpty = (c: ConnSet): boolean =>
  !c.other && PORT_PROTOCOLS.every((p) => c.ports[p].length === 0);

export const isAll = (c: ConnSet): boolean =>
  c.other && PORT_PROTOCOLS.every((p) => isFull(c.ports[p]));

/** Every port of every port protocol, whatever `other` says. */
export const hasAllPorts = (c: ConnSet): boolean => PORT_PROTOCOLS.every((p) => isFull(c.ports[p]));

export const containsPort = (c: ConnSet, protocol: PortProtocol, port: number): boolean =>
  c.ports[protocol].some(([a, b]) => port >= a && port <= b);

/**
 * np-guard's rendering: `All Connections`, or `PROTO ports` groups joined by `,` (protocols in
 * string order, ranges ascending). np-guard has no notion of non-port protocols, so `other` is
 * not printed; `describe` below says it in words.
 */
export const formatNpGuard = (c: ConnSet): string => {
  if (hasAllPorts(c)) return 'All Connections';
  const groups: string[] = [];
  for (const p of PORT_PROTOCOLS) {
    const r = c.ports[p];
    if (r.length === 0) continue;
    groups.push(`${p} ${r.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`);
  }
  return groups.join(',');
};

/** Marks an English phrase as an i18next key (the views translate it; the catalog lists it). */
const t = <S extends string>(key: S): S => key;

/**
 * Plain words for people: includes ICMP and the like. The whole-cell phrases are i18next keys;
 * port lists ("TCP 80,UDP 53") are protocol tokens, the same in every language.
 */
export const describe = (c: ConnSet): string => {
  if (isAll(c)) return t('All connections');
  if (isEmpty(c)) return t('No connections');
  const ports = hasAllPorts(c) ? t('All TCP, UDP and SCTP ports') : formatNpGuard(c);
  if (!c.other) return ports;
  return ports ? `${ports}, and other protocols (ICMP)` : t('Only protocols without ports (ICMP)');
};

const subtractRanges = (x: Ranges, y: Ranges): Ranges => {
  const out: [number, number][] = [];
  for (const [a, b] of x) {
    let lo = a;
    for (const [c, d] of y) {
      if (d < lo || c > b) continue;
      if (c > lo) out.push([lo, c - 1]);
      lo = Math.max(lo, d + 1);
      if (lo > b) break;
    }
    if (lo <= b) out.push([lo, b]);
  }
  return out;
};

/** What `a` allows that `b` does not. */
export const subtract = (a: ConnSet, b: ConnSet): ConnSet =>
  isNone(a) || isNone(b)
    ? a
    : isAll(b)
      ? noConns()
      : {
          ports: {
            SCTP: subtractRanges(a.ports.SCTP, b.ports.SCTP),
            TCP: subtractRanges(a.ports.TCP, b.ports.TCP),
            UDP: subtractRanges(a.ports.UDP, b.ports.UDP),
          },
          other: a.other && !b.other,
        };

/** Whether every connection of `a` is in `b`. */
export const isSubset = (a: ConnSet, b: ConnSet): boolean => isEmpty(subtract(a, b));

export const overlaps = (a: ConnSet, b: ConnSet): boolean => !isEmpty(intersect(a, b));
