/**
 * The permitted connectivity of a whole input in np-guard netpol-analyzer's txt connlist format
 * (`netpol-analyzer list`), so our analysis can be checked line by line against its goldens:
 * one section per network, `src => dst : conns` lines, then the workload-to-network mapping.
 */
import type { PolicyAnalysis, Attachment } from './analysis';
import { containsPort, formatNpGuard, isEmpty, type ConnSet, type PortProtocol } from './conn-set';
import type { Endpoint } from './endpoints';
import { ALL_IPV4, cutRanges, formatRange, rangeMinus, type IpRange } from './ip';
import { POD_NETWORK_ID, type Network } from './networks';
import { ROUTER_PEER_NAME } from './router';

export interface ConnlistOptions {
  /** np-guard's `--multiple-networks`: network sections and the mapping (default true). */
  multipleNetworks?: boolean;
  /** `--focusworkload`: only lines with this workload (`name` or `ns/name`) at one end. */
  focusWorkload?: string;
  /** `--focus-direction` (with a focus workload): ingress = lines into it, egress = out of it. */
  focusDirection?: 'ingress' | 'egress';
  /** `--focusworkload-peer`: with a focus workload, only lines whose other end is this one. */
  focusWorkloadPeer?: string;
  /** `--focus-conn`, e.g. `tcp-80`: only pairs allowing that port, printed without conns. */
  focusConn?: string;
}

const workloadOf = (peer: string): string | undefined => {
  const m = /^([^[/]+)(?:\[udn\])?\/([^[]+)\[/.exec(peer);
  return m ? `${m[1]}/${m[2]}` : undefined;
};

const focusFilter = (options: ConnlistOptions) => {
  const focus = options.focusWorkload;
  const conn = options.focusConn ? /^(tcp|udp|sctp)-(\d+)$/i.exec(options.focusConn) : null;
  if (options.focusConn && !conn)
    throw new Error(`focus-conn must look like tcp-80, not "${options.focusConn}"`);
  const matches = (peer: string, name: string | undefined) => {
    const w = workloadOf(peer);
    return !!w && !!name && (w === name || w.split('/')[1] === name);
  };
  const matchesFocus = (peer: string) => matches(peer, focus);
  const other = options.focusWorkloadPeer;
  return (l: ConnLine): boolean => {
    if (focus && other) {
      const forward = matchesFocus(l.src) && matches(l.dst, other);
      const backward = matchesFocus(l.dst) && matches(l.src, other);
      if (
        options.focusDirection === 'ingress'
          ? !backward
          : options.focusDirection === 'egress'
            ? !forward
            : !forward && !backward
      )
        return false;
    } else if (focus) {
      const srcHit = matchesFocus(l.src);
      const dstHit = matchesFocus(l.dst);
      if (
        options.focusDirection === 'ingress'
          ? !dstHit
          : options.focusDirection === 'egress'
            ? !srcHit
            : !srcHit && !dstHit
      ) {
        return false;
      }
    }
    if (conn) {
      const protocol = conn[1].toUpperCase() as PortProtocol;
      return containsPort(l.conns, protocol, Number(conn[2]));
    }
    return true;
  };
};

export interface ConnLine {
  src: string;
  dst: string;
  /** Connections allowed. */
  conns: ConnSet;
  /** Connections that depend on input that cannot be read (not permitted, not denied). */
  unknown: ConnSet;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The address blocks that stand for "outside": IPv4 cut at the edges of every NetworkPolicy
 * ipBlock's address set, ingress sources and egress destinations apart, as np-guard does. MultiNetworkPolicy
 * blocks do not cut: np-guard prints no outside lines on secondary networks.
 */
export const externalBlocks = (
  analysis: PolicyAnalysis,
): Record<'ingress' | 'egress', IpRange[]> => {
  const cuts = { ingress: [] as IpRange[], egress: [] as IpRange[] };
  for (const p of analysis.policies) {
    if (p.ref.kind !== 'NetworkPolicy') continue;
    for (const d of ['ingress', 'egress'] as const) {
      for (const r of p.rules[d]) {
        for (const peer of r.peers ?? []) {
          // The edges of the block's address set (its CIDR minus all its excepts), not of
          // every except separately: adjacent excepts leave one hole, not two.
          if (peer.kind === 'ipBlock') cuts[d].push(...rangeMinus(peer.cidr, peer.except));
        }
      }
    }
  }
  return { ingress: cutRanges(ALL_IPV4, cuts.ingress), egress: cutRanges(ALL_IPV4, cuts.egress) };
};

const peerName = (e: Endpoint, network: Network) =>
  network.kind === 'primary-udn' && e.namespace === network.label
    ? `${e.namespace}[udn]/${e.name}[${e.kind}]`
    : e.key;

/** One line per ordered pair of endpoints with some allowed or unknown connection on `network`. */
export const networkLines = (
  analysis: PolicyAnalysis,
  network: Network,
  blocks: Record<'ingress' | 'egress', IpRange[]>,
): ConnLine[] => {
  const lines: ConnLine[] = [];
  // One attachment per endpoint and network (an endpoint attached twice is one peer).
  const seen = new Set<number>();
  const attachments: Attachment[] = analysis.attachments(network.id).filter((a) => {
    if (seen.has(a.endpoint.id)) return false;
    seen.add(a.endpoint.id);
    return true;
  });
  for (const src of attachments) {
    for (const dst of attachments) {
      if (src.endpoint === dst.endpoint) continue;
      const { allowed, unknown } = analysis.outcomeBetween(src, dst);
      if (!isEmpty(allowed) || !isEmpty(unknown))
        lines.push({
          src: peerName(src.endpoint, network),
          dst: peerName(dst.endpoint, network),
          conns: allowed,
          unknown,
        });
    }
  }
  if (network.kind !== 'secondary') {
    for (const a of attachments) {
      const push = (src: string, dst: string, r: { allowed: ConnSet; unknown: ConnSet }) => {
        if (!isEmpty(r.allowed) || !isEmpty(r.unknown))
          lines.push({ src, dst, conns: r.allowed, unknown: r.unknown });
      };
      push(ROUTER_PEER_NAME, peerName(a.endpoint, network), analysis.routerOutcome(a));
      for (const block of blocks.ingress) {
        const r = analysis.outcomeWithAddress(a, 'ingress', { text: '', family: 4, n: block.lo });
        push(`${formatRange(block)}[External]`, peerName(a.endpoint, network), r);
      }
      for (const block of blocks.egress) {
        const r = analysis.outcomeWithAddress(a, 'egress', { text: '', family: 4, n: block.lo });
        push(peerName(a.endpoint, network), `${formatRange(block)}[External]`, r);
      }
    }
  }
  return lines.sort((a, b) => cmp(a.src, b.src) || cmp(a.dst, b.dst));
};

/** The permitted lines (np-guard's output); with `unknown`, the lines of unknown connections. */
const renderLines = (lines: ConnLine[], options: ConnlistOptions, unknown = false) => {
  const keep = focusFilter(options);
  return lines
    .map((l) => (unknown ? { ...l, conns: l.unknown } : l))
    .filter((l) => !isEmpty(l.conns))
    .filter(keep)
    .map((l) =>
      options.focusConn
        ? `${l.src} => ${l.dst}`
        : `${l.src} => ${l.dst} : ${formatNpGuard(l.conns)}`,
    );
};

const sectionTitle = (n: Network) =>
  n.kind === 'primary-udn'
    ? `primary UDN ${n.label}`
    : n.kind === 'primary-cudn'
      ? `primary CUDN ${n.label}`
      : `secondary NAD ${n.label}`;

const primaryLabel = (analysis: PolicyAnalysis, namespace: string) => {
  const id = analysis.catalog.namespaces.get(namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
  const n = analysis.network(id);
  if (!n || n.kind === 'pod') return 'pod-network';
  return n.kind === 'primary-udn' ? `${n.label}[UDN]` : `${n.label}[CUDN]`;
};

export const connlistText = (analysis: PolicyAnalysis, options: ConnlistOptions = {}): string => {
  const multi = options.multipleNetworks ?? true;
  const blocks = externalBlocks(analysis);
  const pod = analysis.network(POD_NETWORK_ID)!;
  // Not in np-guard's format: connections that input we cannot read decides are neither permitted
  // nor left out silently; they get sections of their own after the permitted ones.
  const unknownSections: string[][] = [];
  const linesOf = (n: Network, title: string) => {
    const all = networkLines(analysis, n, blocks);
    const unknown = renderLines(all, options, true);
    if (unknown.length)
      unknownSections.push([
        `Unknown connectivity in ${title} (it depends on input that could not be read):`,
        ...unknown,
      ]);
    return renderLines(all, options);
  };
  const withUnknown = (out: string[]) => {
    for (const s of unknownSections) out.push('', ...s);
    return out;
  };
  const podLines = linesOf(pod, 'Pod network');
  const connHeader = options.focusConn
    ? [
        `Permitted connections on ${options.focusConn.split('-')[0].toUpperCase()} ${options.focusConn.split('-')[1]}:`,
      ]
    : [];
  if (!multi)
    return withUnknown([...connHeader, ...podLines])
      .map((l) => `${l}\n`)
      .join('');

  const kindOrder: Network['kind'][] = ['primary-udn', 'primary-cudn', 'secondary'];
  const sections: string[][] = [];
  for (const kind of kindOrder) {
    const nets = [...analysis.catalog.networks.values()]
      .filter((n) => n.kind === kind)
      .sort((a, b) => cmp(a.label, b.label));
    for (const n of nets) {
      const lines = linesOf(n, sectionTitle(n));
      if (lines.length)
        sections.push([`Permitted connectivity analyzed in ${sectionTitle(n)}:`, ...lines]);
    }
  }

  const out: string[] = [...connHeader];
  // With a focus connection np-guard drops the pod-network header when that section is empty.
  if (sections.length && (podLines.length || !options.focusConn)) {
    out.push('Permitted connectivity analyzed in Pod network:');
  }
  if (podLines.length) out.push(...podLines);
  else if (!options.focusConn) {
    const onPodNetwork = analysis.endpoints.some(
      (e) =>
        (analysis.catalog.namespaces.get(e.namespace)?.primaryNetworkId ?? POD_NETWORK_ID) ===
        POD_NETWORK_ID,
    );
    out.push(
      onPodNetwork
        ? 'All connections are not allowed for the workloads in the pod-network'
        : 'all input workloads are configured with (C)UDN as their primary network interface',
    );
  }
  for (const s of sections) out.push('', ...s);
  withUnknown(out);
  if (options.focusConn) return out.map((l) => `${l}\n`).join('');

  out.push('', 'Workload-to-Networks Mapping:');
  for (const e of [...analysis.endpoints].sort((a, b) => cmp(a.key, b.key))) {
    out.push(`${e.key}: `, `\tPrimary Network: ${primaryLabel(analysis, e.namespace)}`);
    const nads = [
      ...new Set(
        e.interfaces
          .filter(
            (i) => i.nad && !i.networkId.startsWith('udn:') && !i.networkId.startsWith('cudn:'),
          )
          .map((i) => `${i.nad!.name}[NAD]`),
      ),
    ].sort(cmp);
    if (nads.length) out.push(`\tSecondary Networks: ${nads.join(',')}`);
  }
  return out.map((l) => `${l}\n`).join('');
};
