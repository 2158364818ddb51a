/**
 * NetworkPolicy and MultiNetworkPolicy read into one shape, with the defaults of the API made
 * explicit (policyTypes, missing vs empty lists, port protocol) and `policy-for` resolved to
 * network ids.
 */
import type {
  K8sObject,
  LabelSelector,
  MultiNetworkPolicy,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from '../k8s/types';
import { parseCidr, type IpRange } from './ip';
import { msg, POLICY_MESSAGES as M, type Message } from './messages';
import { isPortProtocol, type PortProtocol } from './conn-set';
import { nadKey, nsOf, type NetworkCatalog } from './networks';

export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';

export type PolicyKind =
  'NetworkPolicy' | 'MultiNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
export type Direction = 'ingress' | 'egress';

export interface PolicyRef {
  kind: PolicyKind;
  /** '' for the cluster-scoped admin policies. */
  namespace: string;
  name: string;
}

/** `namespace/name`, or the name alone for cluster-scoped policies. */
export const policyLabel = (ref: { namespace: string; name: string }): string =>
  ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;

export type Peer =
  | { kind: 'ipBlock'; cidr: IpRange; except: IpRange[]; text: string }
  | { kind: 'selector'; podSelector?: LabelSelector; namespaceSelector?: LabelSelector }
  /**
   * A peer the API would reject (no field set, unparseable CIDR or except, ipBlock beside a
   * selector): whether it matches cannot be known, so traffic it could match is "unknown".
   */
  | { kind: 'invalid'; reason: Message };

export type Port =
  | { protocol: PortProtocol; kind: 'all' }
  | { protocol: PortProtocol; kind: 'range'; from: number; to: number }
  | { protocol: PortProtocol; kind: 'named'; name: string };

export interface Rule {
  direction: Direction;
  index: number;
  /** `null`: the rule names no ports, so it allows every protocol (ICMP included). */
  ports: Port[] | null;
  /** `null`: no `from`/`to` (or an empty list), so any peer. */
  peers: Peer[] | null;
  /** Why the rule's ports cannot be read: then it could concern any connection. */
  problems: Message[];
}

export interface PolicyForTarget {
  namespace: string;
  name: string;
  networkId?: string;
}

export interface Policy {
  index: number;
  ref: PolicyRef;
  /** Network ids the policy governs; for NetworkPolicy, the primary network of its namespace. */
  networkIds: Set<string>;
  podSelector: LabelSelector;
  isolates: Record<Direction, boolean>;
  rules: Record<Direction, Rule[]>;
  policyFor?: PolicyForTarget[];
  object: NetworkPolicy | MultiNetworkPolicy;
}

/** OVN-Kubernetes' reading: all spaces removed, split on `,`; bare names are in the policy's namespace. */
export const parsePolicyFor = (
  value: string | undefined,
  policyNamespace: string,
): PolicyForTarget[] => {
  if (!value) return [];
  return value
    .replace(/\s+/g, '')
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const slash = item.indexOf('/');
      return slash >= 0
        ? { namespace: item.slice(0, slash), name: item.slice(slash + 1) }
        : { namespace: policyNamespace, name: item };
    });
};

const readPort = (p: NetworkPolicyPort): Port | Message => {
  const protocolText = p.protocol ?? 'TCP';
  const protocol = String(protocolText).toUpperCase();
  if (!isPortProtocol(protocol)) return msg(M.badProtocol, { protocol: String(protocolText) });
  const hasEnd = p.endPort !== undefined && p.endPort !== null;
  if (p.port === undefined || p.port === null) {
    // The API server rejects endPort without port; read it as unreadable, not as "all ports".
    return hasEnd
      ? msg(M.endPortBelowPort, { endPort: String(p.endPort), port: '' })
      : { protocol, kind: 'all' };
  }
  if (typeof p.port === 'number' || /^\d+$/.test(String(p.port))) {
    const from = Number(p.port);
    if (!Number.isInteger(from) || from < 1 || from > 65535)
      return msg(M.badPort, { port: String(p.port) });
    if (!hasEnd) return { protocol, kind: 'range', from, to: from };
    const to = Number(p.endPort);
    if (!Number.isInteger(to) || to > 65535) return msg(M.badPort, { port: String(p.endPort) });
    if (to < from) return msg(M.endPortBelowPort, { endPort: to, port: from });
    return { protocol, kind: 'range', from, to };
  }
  const name = String(p.port);
  if (hasEnd) return msg(M.endPortNamed, { endPort: String(p.endPort), port: name });
  if (!/^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(name) || !/[a-z]/.test(name))
    return msg(M.badPort, { port: name });
  return { protocol, kind: 'named', name };
};

const isMessage = (x: Port | Message): x is Message => 'message' in x;

const readPeer = (peer: NetworkPolicyPeer): Peer => {
  if (!peer || typeof peer !== 'object') return { kind: 'invalid', reason: msg(M.emptyPeer) };
  if (peer.ipBlock) {
    if (peer.podSelector || peer.namespaceSelector)
      return { kind: 'invalid', reason: msg(M.peerBothKinds) };
    const cidrText = String(peer.ipBlock.cidr ?? '');
    const cidr = parseCidr(cidrText);
    if (!cidr) return { kind: 'invalid', reason: msg(M.badCidr, { cidr: cidrText }) };
    const except: IpRange[] = [];
    for (const e of peer.ipBlock.except ?? []) {
      const range = parseCidr(String(e ?? ''));
      if (!range) return { kind: 'invalid', reason: msg(M.badExcept, { except: String(e) }) };
      // The API server requires each except to lie inside the cidr.
      if (range.family !== cidr.family || range.lo < cidr.lo || range.hi > cidr.hi)
        return {
          kind: 'invalid',
          reason: msg(M.exceptOutside, { except: String(e), cidr: cidrText }),
        };
      except.push(range);
    }
    return { kind: 'ipBlock', cidr, except, text: cidrText };
  }
  if (peer.podSelector || peer.namespaceSelector) {
    return {
      kind: 'selector',
      podSelector: peer.podSelector,
      namespaceSelector: peer.namespaceSelector,
    };
  }
  return { kind: 'invalid', reason: msg(M.emptyPeer) };
};

const readRules = (
  direction: Direction,
  rules:
    | { ports?: NetworkPolicyPort[]; from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[] }[]
    | undefined,
): Rule[] =>
  (rules ?? []).map((r, index) => {
    const peerList = direction === 'ingress' ? r?.from : r?.to;
    const read = r?.ports?.length ? r.ports.map(readPort) : null;
    const problems = (read ?? []).filter(isMessage);
    const ports = read ? read.filter((p): p is Port => !isMessage(p)) : null;
    const peers = peerList?.length ? peerList.map(readPeer) : null;
    // A named port names a port of the destination; outside the cluster there is none to name.
    if (direction === 'egress' && peers?.some((p) => p.kind === 'ipBlock'))
      for (const p of ports ?? [])
        if (p.kind === 'named') problems.push(msg(M.namedPortIpBlock, { port: p.name }));
    return { direction, index, ports, peers, problems };
  });

export const readPolicies = (objects: K8sObject[], catalog: NetworkCatalog): Policy[] => {
  const out: Policy[] = [];
  for (const o of objects) {
    if ((o.kind !== 'NetworkPolicy' && o.kind !== 'MultiNetworkPolicy') || !o.metadata?.name)
      continue;
    const policy = o as NetworkPolicy;
    const namespace = nsOf(o);
    const kind = o.kind as PolicyKind;
    const spec = policy.spec;
    const types = spec?.policyTypes;
    // policyTypes defaults: Ingress always, Egress only when egress rules are present.
    const isolates = {
      ingress: types ? types.includes('Ingress') : true,
      egress: types ? types.includes('Egress') : (spec?.egress?.length ?? 0) > 0,
    };
    let networkIds: Set<string>;
    let policyFor: PolicyForTarget[] | undefined;
    if (kind === 'NetworkPolicy') {
      networkIds = new Set([catalog.namespaces.get(namespace)?.primaryNetworkId ?? 'pod']);
    } else {
      policyFor = parsePolicyFor(o.metadata.annotations?.[POLICY_FOR_ANNOTATION], namespace).map(
        (t) => ({
          ...t,
          networkId: catalog.nadNetwork.get(nadKey(t.namespace, t.name)),
        }),
      );
      networkIds = new Set(
        policyFor
          .map((t) => t.networkId)
          // MultiNetworkPolicy only ever applies to secondary networks.
          .filter((id): id is string => !!id && id.startsWith('nad:')),
      );
    }
    out.push({
      index: out.length,
      ref: { kind, namespace, name: o.metadata.name },
      networkIds,
      podSelector: spec?.podSelector ?? {},
      isolates,
      rules: {
        ingress: isolates.ingress ? readRules('ingress', spec?.ingress) : [],
        egress: isolates.egress ? readRules('egress', spec?.egress) : [],
      },
      policyFor,
      object: policy,
    });
  }
  return out;
};
