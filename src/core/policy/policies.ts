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
import { isRecord, textOf } from '../pod/parse-result';
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
  const protocol = textOf(protocolText).toUpperCase();
  if (!isPortProtocol(protocol)) return msg(M.badProtocol, { protocol: textOf(protocolText) });
  const hasEnd = p.endPort !== undefined && p.endPort !== null;
  if (p.port === undefined || p.port === null) {
    // The API server rejects endPort without port; read it as unreadable, not as "all ports".
    return hasEnd
      ? msg(M.endPortBelowPort, { endPort: textOf(p.endPort), port: '' })
      : { protocol, kind: 'all' };
  }
  if (typeof p.port === 'number' || /^\d+$/.test(textOf(p.port))) {
    const from = Number(p.port);
    if (!Number.isInteger(from) || from < 1 || from > 65535)
      return msg(M.badPort, { port: textOf(p.port) });
    if (!hasEnd) return { protocol, kind: 'range', from, to: from };
    const to = Number(p.endPort);
    if (!Number.isInteger(to) || to > 65535) return msg(M.badPort, { port: textOf(p.endPort) });
    if (to < from) return msg(M.endPortBelowPort, { endPort: to, port: from });
    return { protocol, kind: 'range', from, to };
  }
  const name = textOf(p.port);
  if (hasEnd) return msg(M.endPortNamed, { endPort: textOf(p.endPort), port: name });
  if (!/^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(name) || !/[a-z]/.test(name))
    return msg(M.badPort, { port: name });
  return { protocol, kind: 'named', name };
};

const isMessage = (x: Port | Message): x is Message => 'message' in x;

/**
 * Whether a value has the shape of a metav1.LabelSelector. Selectors come from objects the API
 * server validated, but the analysis also reads files and watch data it cannot trust: a selector
 * of the wrong shape is unreadable (its matches unknown), never "matches nothing" or a crash.
 */
const isSelectorShape = (v: unknown): v is LabelSelector => {
  if (!isRecord(v)) return false;
  const { matchLabels, matchExpressions } = v;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels) || Object.values(matchLabels).some((x) => typeof x !== 'string'))
      return false;
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return false;
    for (const r of matchExpressions) {
      if (!isRecord(r) || typeof r.key !== 'string' || typeof r.operator !== 'string') return false;
      if (
        r.values !== undefined &&
        r.values !== null &&
        (!Array.isArray(r.values) || r.values.some((x) => typeof x !== 'string'))
      )
        return false;
    }
  }
  return true;
};

const shape = (field: string, expected: string): Message => msg(M.badShape, { field, expected });

const readPeer = (peer: NetworkPolicyPeer): Peer => {
  if (!peer || typeof peer !== 'object') return { kind: 'invalid', reason: msg(M.emptyPeer) };
  for (const field of ['podSelector', 'namespaceSelector'] as const) {
    const v = peer[field];
    if (v !== undefined && v !== null && !isSelectorShape(v))
      return { kind: 'invalid', reason: shape(field, 'a label selector') };
  }
  if (peer.ipBlock !== undefined && peer.ipBlock !== null && !isRecord(peer.ipBlock))
    return { kind: 'invalid', reason: shape('ipBlock', 'an object') };
  if (peer.ipBlock && !Array.isArray(peer.ipBlock.except ?? []))
    return { kind: 'invalid', reason: shape('ipBlock.except', 'a list') };
  if (peer.ipBlock) {
    if (peer.podSelector || peer.namespaceSelector)
      return { kind: 'invalid', reason: msg(M.peerBothKinds) };
    const cidrText = textOf(peer.ipBlock.cidr ?? '');
    const cidr = parseCidr(cidrText);
    if (!cidr) return { kind: 'invalid', reason: msg(M.badCidr, { cidr: cidrText }) };
    const except: IpRange[] = [];
    for (const e of peer.ipBlock.except ?? []) {
      const range = parseCidr(textOf(e ?? ''));
      if (!range) return { kind: 'invalid', reason: msg(M.badExcept, { except: textOf(e) }) };
      // The API server requires each except to lie inside the cidr.
      if (range.family !== cidr.family || range.lo < cidr.lo || range.hi > cidr.hi)
        return {
          kind: 'invalid',
          reason: msg(M.exceptOutside, { except: textOf(e), cidr: cidrText }),
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

/** A rule list that cannot be read: one rule whose problem makes all its traffic unknown. */
const unreadableRules = (direction: Direction, problem: Message): Rule[] => [
  { direction, index: 0, ports: null, peers: null, problems: [problem] },
];

const readRules = (direction: Direction, rules: unknown): Rule[] => {
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules)) return unreadableRules(direction, shape(direction, 'a list of rules'));
  return rules.map((raw: unknown, index): Rule => {
    if (!isRecord(raw))
      return {
        direction,
        index,
        ports: null,
        peers: null,
        problems: [shape(`${direction}[${index}]`, 'an object')],
      };
    const r = raw as {
      ports?: unknown;
      from?: unknown;
      to?: unknown;
    };
    const peerField = direction === 'ingress' ? 'from' : 'to';
    const peerList = r[peerField];
    const problems: Message[] = [];
    if (r.ports !== undefined && r.ports !== null && !Array.isArray(r.ports))
      problems.push(shape(`${direction}[${index}].ports`, 'a list'));
    if (peerList !== undefined && peerList !== null && !Array.isArray(peerList))
      problems.push(shape(`${direction}[${index}].${peerField}`, 'a list'));
    if (problems.length) return { direction, index, ports: null, peers: null, problems };
    const portList = (r.ports ?? []) as NetworkPolicyPort[];
    const read = portList.length
      ? portList.map((p) =>
          isRecord(p) ? readPort(p) : shape(`${direction}[${index}].ports[]`, 'an object'),
        )
      : null;
    problems.push(...(read ?? []).filter(isMessage));
    const ports = read ? read.filter((p): p is Port => !isMessage(p)) : null;
    const peersRaw = (peerList ?? []) as NetworkPolicyPeer[];
    const peers = peersRaw.length ? peersRaw.map(readPeer) : null;
    // A named port names a port of the destination; outside the cluster there is none to name.
    if (direction === 'egress' && peers?.some((p) => p.kind === 'ipBlock'))
      for (const p of ports ?? [])
        if (p.kind === 'named') problems.push(msg(M.namedPortIpBlock, { port: p.name }));
    return { direction, index, ports, peers, problems };
  });
};

export const readPolicies = (objects: K8sObject[], catalog: NetworkCatalog): Policy[] => {
  const out: Policy[] = [];
  for (const o of objects) {
    if ((o.kind !== 'NetworkPolicy' && o.kind !== 'MultiNetworkPolicy') || !o.metadata?.name)
      continue;
    const policy = o as NetworkPolicy;
    const namespace = nsOf(o);
    const kind = o.kind as PolicyKind;
    const rawSpec: unknown = policy.spec;
    const spec = (isRecord(rawSpec) ? rawSpec : {}) as unknown as NonNullable<
      NetworkPolicy['spec']
    >;
    // Unreadable parts fail closed: the policy isolates and what it allows becomes unknown.
    let specProblem: Message | undefined =
      rawSpec !== undefined && !isRecord(rawSpec) ? shape('spec', 'an object') : undefined;
    const rawTypes: unknown = spec.policyTypes;
    let types: string[] | undefined;
    if (rawTypes === undefined || rawTypes === null) types = undefined;
    else if (Array.isArray(rawTypes) && rawTypes.every((x) => typeof x === 'string'))
      types = rawTypes;
    else specProblem ??= shape('spec.policyTypes', 'a list of Ingress and Egress');
    let podSelector: LabelSelector = {};
    if (spec.podSelector !== undefined && spec.podSelector !== null) {
      if (isSelectorShape(spec.podSelector)) podSelector = spec.podSelector;
      else specProblem ??= shape('spec.podSelector', 'a label selector');
    }
    const egressRules: unknown = spec.egress;
    // policyTypes defaults: Ingress always, Egress only when egress rules are present.
    const isolates = specProblem
      ? { ingress: true, egress: true }
      : {
          ingress: types ? types.includes('Ingress') : true,
          egress: types
            ? types.includes('Egress')
            : Array.isArray(egressRules)
              ? egressRules.length > 0
              : egressRules !== undefined && egressRules !== null,
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
      podSelector,
      isolates,
      rules: specProblem
        ? {
            ingress: unreadableRules('ingress', specProblem),
            egress: unreadableRules('egress', specProblem),
          }
        : {
            ingress: isolates.ingress ? readRules('ingress', spec.ingress) : [],
            egress: isolates.egress ? readRules('egress', spec.egress) : [],
          },
      policyFor,
      object: policy,
    });
  }
  return out;
};
