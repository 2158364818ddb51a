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
import { isPortProtocol, type PortProtocol } from './conn-set';
import { nadKey, nsOf, type NetworkCatalog } from './networks';

export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';

export type PolicyKind = 'NetworkPolicy' | 'MultiNetworkPolicy';
export type Direction = 'ingress' | 'egress';

export interface PolicyRef {
  kind: PolicyKind;
  namespace: string;
  name: string;
}

export type Peer =
  | { kind: 'ipBlock'; cidr: IpRange; except: IpRange[]; text: string }
  | { kind: 'selector'; podSelector?: LabelSelector; namespaceSelector?: LabelSelector }
  /** A peer the API would reject (no field set, unparseable CIDR): matches nothing. */
  | { kind: 'invalid'; reason: string };

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

const readPort = (p: NetworkPolicyPort): Port | undefined => {
  const protocol = (p.protocol ?? 'TCP').toUpperCase();
  if (!isPortProtocol(protocol)) return undefined;
  if (p.port === undefined || p.port === null) return { protocol, kind: 'all' };
  if (typeof p.port === 'number' || /^\d+$/.test(String(p.port))) {
    const from = Number(p.port);
    const to = p.endPort !== undefined && p.endPort !== null ? Number(p.endPort) : from;
    return { protocol, kind: 'range', from, to };
  }
  return { protocol, kind: 'named', name: String(p.port) };
};

const readPeer = (peer: NetworkPolicyPeer): Peer => {
  if (peer.ipBlock) {
    const cidr = parseCidr(peer.ipBlock.cidr ?? '');
    if (!cidr) return { kind: 'invalid', reason: `invalid ipBlock cidr "${peer.ipBlock.cidr}"` };
    const except = (peer.ipBlock.except ?? []).map(parseCidr).filter((e): e is IpRange => !!e);
    return { kind: 'ipBlock', cidr, except, text: peer.ipBlock.cidr };
  }
  if (peer.podSelector || peer.namespaceSelector) {
    return {
      kind: 'selector',
      podSelector: peer.podSelector,
      namespaceSelector: peer.namespaceSelector,
    };
  }
  return { kind: 'invalid', reason: 'peer without podSelector, namespaceSelector or ipBlock' };
};

const readRules = (
  direction: Direction,
  rules:
    | { ports?: NetworkPolicyPort[]; from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[] }[]
    | undefined,
): Rule[] =>
  (rules ?? []).map((r, index) => {
    const peerList = direction === 'ingress' ? r?.from : r?.to;
    return {
      direction,
      index,
      ports: r?.ports?.length ? r.ports.map(readPort).filter((p): p is Port => !!p) : null,
      peers: peerList?.length ? peerList.map(readPeer) : null,
    };
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
