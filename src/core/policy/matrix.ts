/**
 * The connectivity matrix of one namespace on one network: every VM and pod interface against every
 * other, plus "outside" address blocks, with what is allowed in each direction.
 */
import type { Attachment, PolicyAnalysis } from './analysis';
import {
  allConns,
  describe,
  formatNpGuard,
  intersect,
  isAll,
  isEmpty,
  noConns,
  subtract,
  union,
  type ConnSet,
} from './conn-set';
import { cutRanges, formatRange, formatRangeAsCidr, parseCidr, type IpRange } from './ip';
import { msg, POLICY_MESSAGES as M, render, type Message } from './messages';

export interface MatrixPeer {
  /** `ns/name[Kind] iface` for interfaces, the CIDR (or range) for outside blocks. */
  id: string;
  kind: 'interface' | 'outside';
  attachment?: Attachment;
  range?: IpRange;
}

export interface MatrixCell {
  from: string;
  to: string;
  /** Connections allowed. */
  conns: ConnSet;
  /** Connections whose fate depends on input that cannot be read: neither allowed nor denied. */
  unknown: ConnSet;
  /** np-guard notation (`All Connections`, `TCP 80,UDP 53`) of what is allowed, '' when nothing is. */
  text: string;
  /** Plain words, ICMP included; what is unknown is said too, never shown as allowed or denied. */
  words: string;
  /** `words` as a keyed message, for views to translate (params: plain words of each part). */
  message: Message;
}

export interface Matrix {
  networkId: string;
  namespace: string;
  peers: MatrixPeer[];
  cells: MatrixCell[];
}

export interface MatrixOptions {
  namespace: string;
  networkId: string;
  /** Outside CIDRs; by default the blocks cut by the ipBlocks of the policies on this network. */
  outside?: string[];
}

const t = <S extends string>(key: S): S => key;
/** The cell words for what is unknown (i18next keys where the whole cell is one sentence). */
const UNKNOWN_ALL = t('Unknown (input that cannot be read)');

/**
 * A cell's words as a keyed message: what is allowed, and what is unknown, if anything. A cell
 * partly allowed and partly unknown is one sentence with both parts as params, so that a
 * translation can order them and translate the joining words.
 */
export const cellMessage = (allowed: ConnSet, unknown: ConnSet): Message => {
  if (isEmpty(unknown)) return msg(describe(allowed));
  if (isEmpty(allowed) && isAll(unknown)) return msg(UNKNOWN_ALL);
  return msg(M.cellPartlyUnknown, { allowed: describe(allowed), unknown: describe(unknown) });
};

/** A cell's words in English (the CLI, comparisons). */
export const cellWords = (allowed: ConnSet, unknown: ConnSet): string =>
  render(cellMessage(allowed, unknown));

const policyBlocks = (analysis: PolicyAnalysis, networkId: string): IpRange[] => {
  const out: IpRange[] = [];
  for (const p of analysis.policies) {
    if (!analysis.isEnforcedOn(p, networkId)) continue;
    for (const d of ['ingress', 'egress'] as const) {
      for (const r of p.rules[d])
        for (const peer of r.peers ?? [])
          if (peer.kind === 'ipBlock') out.push(peer.cidr, ...peer.except);
    }
  }
  return out;
};

export const buildMatrix = (analysis: PolicyAnalysis, options: MatrixOptions): Matrix => {
  const attachments = analysis
    .attachments(options.networkId)
    .filter((a) => a.endpoint.namespace === options.namespace);
  const cuts = policyBlocks(analysis, options.networkId);
  const outside: MatrixPeer[] = options.outside
    ? options.outside.map((cidr) => {
        const range = parseCidr(cidr);
        if (!range) throw new Error(`"${cidr}" is not a CIDR`);
        return { id: cidr, kind: 'outside' as const, range };
      })
    : cutRanges({ family: 4, lo: 0n, hi: (1n << 32n) - 1n }, cuts).map((range) => ({
        id: formatRange(range),
        kind: 'outside' as const,
        range,
      }));
  const peers: MatrixPeer[] = [
    ...attachments.map((a) => ({
      id: `${a.endpoint.key} ${a.iface.name}`,
      kind: 'interface' as const,
      attachment: a,
    })),
    ...outside,
  ];
  const cell = (
    from: string,
    to: string,
    { allowed, unknown }: { allowed: ConnSet; unknown: ConnSet },
  ): MatrixCell => ({
    from,
    to,
    conns: allowed,
    unknown,
    text: formatNpGuard(allowed),
    words: cellWords(allowed, unknown),
    message: cellMessage(allowed, unknown),
  });
  // What holds for every address of a block: the block cut where policies draw lines, intersected.
  const pieces = new Map<MatrixPeer, IpRange[]>(
    outside.map((o) => [o, options.outside ? cutRanges(o.range!, cuts) : [o.range!]]),
  );
  // Allowed: for every piece; unknown: possible (allowed or unknown) for every piece, not allowed.
  const forBlock = (a: Attachment, direction: 'ingress' | 'egress', block: MatrixPeer) => {
    const results = pieces
      .get(block)!
      .map((piece) =>
        analysis.outcomeWithAddress(a, direction, { text: '', family: piece.family, n: piece.lo }),
      );
    const allowed = results.reduce((acc, r) => intersect(acc, r.allowed), allConns());
    // The common case: nothing unreadable decides it.
    if (results.every((r) => isEmpty(r.unknown))) return { allowed, unknown: noConns() };
    const possible = results.reduce(
      (acc, r) => intersect(acc, union(r.allowed, r.unknown)),
      allConns(),
    );
    return { allowed, unknown: subtract(possible, allowed) };
  };
  const cells: MatrixCell[] = [];
  for (const src of peers) {
    for (const dst of peers) {
      if (src === dst) continue;
      if (src.attachment && dst.attachment) {
        if (src.attachment.endpoint === dst.attachment.endpoint) continue;
        cells.push(cell(src.id, dst.id, analysis.outcomeBetween(src.attachment, dst.attachment)));
      } else if (src.attachment && dst.range) {
        cells.push(cell(src.id, dst.id, forBlock(src.attachment, 'egress', dst)));
      } else if (src.range && dst.attachment) {
        cells.push(cell(src.id, dst.id, forBlock(dst.attachment, 'ingress', src)));
      }
    }
  }
  return { networkId: options.networkId, namespace: options.namespace, peers, cells };
};

/**
 * The "outside" blocks worth a matrix column on a network: the whole IPv4 space plus every CIDR and
 * `except` the enforced policies draw a line at (at most 16).
 */
export const outsideBlocksOf = (analysis: PolicyAnalysis, networkId: string): string[] => {
  const blocks = new Set<string>(['0.0.0.0/0']);
  for (const policy of analysis.policies) {
    if (!analysis.isEnforcedOn(policy, networkId)) continue;
    for (const direction of ['ingress', 'egress'] as const)
      for (const rule of policy.rules[direction])
        for (const peer of rule.peers ?? [])
          if (peer.kind === 'ipBlock') {
            blocks.add(peer.text);
            peer.except.forEach((e) => blocks.add(formatRangeAsCidr(e)));
          }
  }
  return [...blocks].filter((c) => !c.includes(':')).slice(0, 16);
};

/** The parts of a matrix peer's id a header shows: a CIDR whole, a workload without its namespace. */
export interface PeerLabel {
  /** What the header shows (long names abbreviated in the middle). */
  name: string;
  /** The kind and interface (`VirtualMachine nic-localnet`), if any. */
  detail?: string;
  /** The whole id, for the hover text. */
  full: string;
}

const CIDR_ID = /^[0-9a-fA-F.:]+\/\d{1,3}$/;

/** `centos-stream9-green-ferret-41` → `centos-str…-ferret-41` past `max` characters. */
export const abbreviateMiddle = (text: string, max = 22): string => {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
};

export const matrixPeerLabel = (id: string): PeerLabel => {
  if (CIDR_ID.test(id)) return { name: id, full: id };
  const withoutNs = id.replace(/^[^/[\s]+\//, '');
  const m = /^([^[\s]+)(?:\[([^\]]+)\])?\s*(.*)$/.exec(withoutNs);
  if (!m) return { name: abbreviateMiddle(withoutNs), full: id };
  const detail = [m[2], m[3]].filter(Boolean).join(' ');
  return { name: abbreviateMiddle(m[1]), ...(detail ? { detail } : {}), full: id };
};
