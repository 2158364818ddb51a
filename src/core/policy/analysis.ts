/**
 * The policy analysis of a set of manifests: which policies govern each interface, what they allow
 * between interfaces and to/from addresses, and "would this traffic be allowed?".
 *
 * Built once, queried many times: policies are indexed by the interfaces they select and selector
 * peers remember which endpoints they match, so a query only looks at the policies that matter.
 */
import { parse as parseYaml } from 'yaml';
import type { K8sObject, NetworkOperatorConfig } from '../k8s/types';
import {
  allConns,
  intersect,
  isAll,
  isEmpty,
  isPortProtocol,
  isSubset,
  noConns,
  overlaps,
  portConns,
  subtract,
  union,
  type ConnSet,
  type PortProtocol,
} from './conn-set';
import {
  buildEndpoints,
  type Endpoint,
  type EndpointInterface,
  type EndpointIp,
} from './endpoints';
import { parseCidr, parseIp, rangeContains, type IpRange } from './ip';
import { matchesSelector } from '../k8s/selectors';
import {
  buildNetworkCatalog,
  LINUX_BRIDGE_TYPES,
  OVN_TYPE,
  POD_NETWORK_ID,
  type Network,
  type NetworkCatalog,
} from './networks';
import {
  readPolicies,
  type Direction,
  type Peer,
  type Policy,
  type PolicyRef,
  type Port,
  type Rule,
} from './policies';
import {
  byPriority,
  isBlocking,
  readAdminPolicies,
  type AdminAction,
  type AdminPeer,
  type AdminPolicy,
  type AdminRule,
} from './admin-policies';
import { msg, POLICY_MESSAGES as M, type Message } from './messages';
import {
  routerExposure,
  ROUTER_NAMESPACE,
  ROUTER_NAMESPACE_LABELS,
  ROUTER_POD_LABELS,
} from './router';
import type { LabelSelector } from '../k8s/types';
import { unmodelledPolicy, unreadablePolicy, type UnreadablePolicy } from './unreadable';
import { isRecord } from '../pod/parse-result';

export interface Attachment {
  endpoint: Endpoint;
  iface: EndpointInterface;
}

/**
 * Objects left out as unreadable that could be a policy deciding an interface's traffic, by the
 * tier they could be in (see `directional`).
 */
export interface UnreadableAffecting {
  /** Could be an AdminNetworkPolicy (or ClusterNetworkPolicy) applied here. */
  admin: UnreadablePolicy[];
  /** Could be a NetworkPolicy or MultiNetworkPolicy enforced here. */
  networkPolicy: UnreadablePolicy[];
  /** Could be the BaselineAdminNetworkPolicy applied here. */
  baseline: UnreadablePolicy[];
}

/** Why a policy is not enforced on a network although it names it. */
export type InertReason = 'mnp-disabled' | 'linux-bridge' | 'ipamless-selector-peers';

export interface AnalysisOptions {
  /**
   * Whether MultiNetworkPolicy is enforced when the input has no `network.operator.openshift.io`
   * `cluster` object to say so (default: assumed enabled).
   */
  assumeMultiNetworkPolicyEnabled?: boolean;
  /**
   * Apply AdminNetworkPolicy and BaselineAdminNetworkPolicy on primary (C)UDNs too. OVN-Kubernetes
   * in OpenShift 4.19–4.22 applies them on the cluster pod network only (see
   * docs/policy-conformance.md); np-guard applies them on primary UDNs as well. Default false.
   */
  adminPoliciesOnPrimaryUdns?: boolean;
  /** Where an object was read from (a manifest file), for diagnostics. */
  sourceOf?: (o: K8sObject) => string | undefined;
  /**
   * Namespaces whose Namespace object could not be fetched (a watch error other than not found):
   * their labels are unknown, as for a Namespace object left out as unreadable.
   */
  unreadableNamespaces?: string[];
}

/** The tier that decided: AdminNetworkPolicy, then (Multi)NetworkPolicy, then the baseline. */
export type Tier = 'AdminNetworkPolicy' | 'NetworkPolicy' | 'BaselineAdminNetworkPolicy';

export type Verdict = 'Allowed' | 'Denied' | 'Unknown';
/**
 * no-policy: nothing decided, allowed by default; rule: a rule decided (an admin Deny rule too);
 * isolated: NetworkPolicy isolation with no rule allowing; unknown: input that cannot be read.
 */
export type Reason = 'no-policy' | 'rule' | 'isolated' | 'unknown';

export interface RuleRef {
  direction: Direction;
  index: number;
  /** Admin policy rules: their `name` and `action`. */
  name?: string;
  action?: AdminAction;
}

/** One step of the evaluation of one direction: which connections a tier/rule decided. */
export interface Step {
  tier: Tier;
  action: AdminAction | 'Unknown';
  conns: ConnSet;
  policy?: Policy | AdminPolicy;
  rule?: Rule | AdminRule;
  /** For `Unknown`: what could not be read. */
  reason?: Message;
}

export interface SideResult {
  verdict: Verdict;
  reason: Reason;
  endpoint: string;
  interface: string;
  direction: Direction;
  policy?: PolicyRef;
  rule?: RuleRef;
  tier?: Tier;
  /** AdminNetworkPolicy priority of the deciding policy. */
  priority?: number;
  /** Admin rules that passed the decision on to NetworkPolicy (and the baseline). */
  passedBy?: { policy: PolicyRef; rule: RuleRef; priority?: number }[];
  /** Why the answer is unknown. */
  unknownReason?: Message;
  /** Policies isolating this side for this direction (the ones a denial comes from). */
  isolatedBy: PolicyRef[];
}

export interface EvalQuery {
  /** `namespace/name` (a VM first, then any other endpoint), or the endpoint itself. */
  endpoint: string | Endpoint;
  interface?: string;
  direction: Direction;
  peer: { ip: string } | { endpoint: string | Endpoint; interface?: string };
  protocol?: string;
  port?: number;
}

export interface EvalResult {
  verdict: Verdict;
  reason: Reason;
  policy?: PolicyRef;
  rule?: RuleRef;
  tier?: Tier;
  priority?: number;
  unknownReason?: Message;
  /** Which side's policies decided. */
  decidedBy: 'self' | 'peer';
  endpoint: string;
  interface: string;
  network: { id: string; label: string; kind: Network['kind'] };
  /** The side of the question that belongs to this endpoint. */
  self: SideResult;
  /** The other side, when the peer is an interface we know (an endpoint or an IP of one). */
  peer?: SideResult;
  notes: string[];
}

export class QueryError extends Error {}

interface DirectionalResult {
  isolatedBy: Policy[];
  /** Connections allowed. */
  allowed: ConnSet;
  /** Connections whose fate depends on input that cannot be read. */
  unknown: ConnSet;
  /** With `explain`: the steps, in evaluation order. */
  steps: Step[];
}

type Match = boolean | 'unknown';
/** Shared empty list for evaluations without explanation (never pushed to). */
const NO_STEPS: Step[] = [];

/** The other end of a connection: an interface we know, or just an address. */
interface PeerSpec {
  attachment?: Attachment;
  ip?: EndpointIp;
  /** The OpenShift router (ingress controller) in openshift-ingress. */
  router?: boolean;
}

const ipKey = (ip: { family: number; n: bigint }) => `${ip.family}:${ip.n}`;

/** The pod and service networks the operator config names; entries that do not parse are skipped. */
const clusterRangesOf = (operator: NetworkOperatorConfig): IpRange[] => {
  const spec: unknown = operator.spec;
  const texts: unknown[] = [];
  if (typeof spec === 'object' && spec !== null) {
    const { clusterNetwork, serviceNetwork } = spec as Record<string, unknown>;
    if (Array.isArray(clusterNetwork))
      for (const entry of clusterNetwork)
        if (typeof entry === 'object' && entry !== null)
          texts.push((entry as { cidr?: unknown }).cidr);
    if (Array.isArray(serviceNetwork)) texts.push(...serviceNetwork);
  }
  return texts.flatMap((t) => {
    const range = typeof t === 'string' ? parseCidr(t) : undefined;
    return range ? [range] : [];
  });
};

/** The label the API server sets on every namespace: known from the name alone. */
const NAME_LABEL = 'kubernetes.io/metadata.name';
/** Whether a selector reads no label but the namespace's name label (so unreadable labels do not matter). */
const onlyNameLabel = (selector: LabelSelector): boolean =>
  Object.keys(selector.matchLabels ?? {}).every((k) => k === NAME_LABEL) &&
  (selector.matchExpressions ?? []).every((r) => r.key === NAME_LABEL);
/** Selector-match bitmaps by endpoint id: 0 no, 1 yes, 2 unknown (unreadable namespace labels). */
const YES = 1;
const UNKNOWN = 2;
const bitMatch = (b: number): Match => (b === YES ? true : b === UNKNOWN ? 'unknown' : false);
const byRef = (a: Policy, b: Policy) =>
  a.ref.namespace < b.ref.namespace
    ? -1
    : a.ref.namespace > b.ref.namespace
      ? 1
      : a.ref.name < b.ref.name
        ? -1
        : a.ref.name > b.ref.name
          ? 1
          : 0;

// ConnSets are immutable values: the hot paths share these instead of allocating.
const ALL_CONNS = allConns();
const NO_CONNS = noConns();

/** Labels and annotations: absent, or text values by text keys. */
const isLabels = (v: unknown): boolean =>
  v === undefined ||
  (typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'string'));

export class PolicyAnalysis {
  readonly catalog: NetworkCatalog;
  readonly endpoints: Endpoint[];
  readonly policies: Policy[];
  /** AdminNetworkPolicies and the BaselineAdminNetworkPolicy of the input. */
  readonly adminPolicies: AdminPolicy[];
  readonly adminPoliciesOnPrimaryUdns: boolean;
  /** `true`/`false` from the cluster network operator config; `undefined` when not in the input. */
  readonly multiNetworkPolicyConfigured: boolean | undefined;
  readonly multiNetworkPolicyEnabled: boolean;
  /** Per policy index: network id → why the policy is not enforced there. */
  readonly inert = new Map<number, Map<string, InertReason>>();
  readonly objects: K8sObject[];
  /** Input that is not a readable Kubernetes object (no kind, name or namespace as text). */
  readonly skippedObjects: unknown[] = [];
  /**
   * The skipped objects that could be policies, and readable policies of a kind not modelled yet
   * (ClusterNetworkPolicy), with what they could decide.
   */
  readonly unreadablePolicies: UnreadablePolicy[] = [];
  private readonly unreadableByObject = new Map<unknown, UnreadablePolicy>();
  /**
   * Readable EgressFirewalls (OVN-Kubernetes; not modelled yet) by namespace: why what the policies
   * allow out of the cluster from that namespace's primary network is unknown.
   */
  private readonly egressFirewalls = new Map<string, Message>();
  /** Objects the analysis reads but does not model, and makes what they could decide unknown. */
  private readonly failClosed = new Set<unknown>();
  /**
   * The cluster's pod and service networks (network.operator.openshift.io `cluster`): addresses an
   * EgressFirewall does not filter. Undefined when not known: then every address may be outside.
   */
  private readonly clusterRanges?: IpRange[];
  readonly sourceOf: (o: K8sObject) => string | undefined;

  private readonly attachmentsByNetwork = new Map<string, Attachment[]>();
  private readonly selecting = new Map<EndpointInterface, Policy[]>();
  private readonly byIp = new Map<string, Map<string, Attachment[]>>();
  private readonly peerMatches = new Map<Peer, Map<string, Uint8Array>>();
  private readonly ruleConnsCache = new WeakMap<{ ports: Port[] | null }, ConnSet>();
  private readonly namedConnsCache = new WeakMap<
    { ports: Port[] | null },
    WeakMap<EndpointInterface, ConnSet>
  >();
  /** Interface → admin policies selecting it where they apply (ANPs by priority, then BANP). */
  private readonly adminSelecting = new Map<EndpointInterface, AdminPolicy[]>();
  /** Interface → admin policies whose subject selects it on a network they do not apply to. */
  private readonly adminNotApplied = new Map<EndpointInterface, AdminPolicy[]>();
  private readonly adminPeerBits = new Map<AdminPeer, Uint8Array>();
  private readonly unreadableByIface = new Map<EndpointInterface, UnreadableAffecting>();
  /**
   * Interface → admin policies to evaluate: those applied (`adminSelecting`) and, in priority order
   * among them, those whose subject may select it (unreadable namespace labels).
   */
  private readonly adminEvaluated = new Map<EndpointInterface, AdminPolicy[]>();
  /** Admin policy → endpoint id → why its subject may or may not select that endpoint. */
  private readonly adminSubjectUnknown = new Map<AdminPolicy, Map<number, Message>>();
  /** Namespace name → why its labels are unknown (its Namespace object could not be read). */
  private readonly unreadableNamespaces = new Map<string, Message>();
  /** A Namespace whose name cannot be read: any namespace without a readable one could be it. */
  private unnamedNamespace?: Message;
  private readonly nodes: { labels: Record<string, string>; ips: EndpointIp[] }[];

  constructor(input: K8sObject[], options: AnalysisOptions = {}) {
    // An object without a kind, a name or a namespace as text cannot be an endpoint, a policy or a
    // network the API server would hold: it is left out (and listed) rather than read half-way.
    // One that could be a policy makes what it could decide unknown (unreadable.ts, directional).
    const objects: K8sObject[] = [];
    for (const o of input) {
      const meta: unknown = o?.metadata;
      const ok =
        typeof o?.kind === 'string' &&
        typeof meta === 'object' &&
        meta !== null &&
        typeof (meta as { name?: unknown }).name === 'string' &&
        ['string', 'undefined'].includes(typeof (meta as { namespace?: unknown }).namespace) &&
        ['string', 'undefined'].includes(typeof o.apiVersion) &&
        isLabels((meta as { labels?: unknown }).labels) &&
        isLabels((meta as { annotations?: unknown }).annotations);
      if (ok) objects.push(o);
      else this.skippedObjects.push(o);
    }
    this.objects = objects;
    for (const o of this.skippedObjects) this.noteUnreadableNamespace(o);
    for (const name of options.unreadableNamespaces ?? [])
      if (!this.unreadableNamespaces.has(name))
        this.unreadableNamespaces.set(name, msg(M.unreadableObject, { kind: 'Namespace', name }));
    for (const o of this.skippedObjects) {
      const u = unreadablePolicy(o);
      if (u) {
        this.unreadablePolicies.push(u);
        this.unreadableByObject.set(o, u);
      }
    }
    // Readable, but of a kind not modelled yet: what it could decide is unknown all the same.
    for (const o of objects) {
      const u = unmodelledPolicy(o);
      if (u) {
        this.unreadablePolicies.push(u);
        this.unreadableByObject.set(o, u);
        this.failClosed.add(o);
      }
      const namespace = o.metadata?.namespace;
      if (
        o.kind === 'EgressFirewall' &&
        (o.apiVersion === undefined || o.apiVersion.startsWith('k8s.ovn.org/')) &&
        namespace
      ) {
        this.failClosed.add(o);
        if (!this.egressFirewalls.has(namespace))
          this.egressFirewalls.set(
            namespace,
            msg(M.notModelled, { kind: o.kind, name: `${namespace}/${o.metadata!.name}` }),
          );
      }
    }
    this.sourceOf = options.sourceOf ?? (() => undefined);
    this.catalog = buildNetworkCatalog(objects);
    this.endpoints = buildEndpoints(objects, this.catalog, {
      parseYaml,
      unreadableNamespaces: new Set(this.unreadableNamespaces.keys()),
    }).endpoints;
    this.policies = readPolicies(objects, this.catalog);
    this.adminPolicies = readAdminPolicies(objects);
    this.adminPoliciesOnPrimaryUdns = options.adminPoliciesOnPrimaryUdns ?? false;
    this.nodes = objects
      .filter((o) => o.kind === 'Node')
      .map((o) => {
        const status = (o as { status?: { addresses?: { type?: string; address?: string }[] } })
          .status;
        const ips: EndpointIp[] = [];
        for (const a of status?.addresses ?? []) {
          const ip = a.address ? parseIp(a.address) : undefined;
          if (ip) ips.push({ text: a.address!, ...ip });
        }
        return { labels: o.metadata?.labels ?? {}, ips };
      });

    const operator = objects.find(
      (o): o is NetworkOperatorConfig =>
        o.kind === 'Network' &&
        (o.apiVersion ?? '').startsWith('operator.openshift.io/') &&
        o.metadata?.name === 'cluster',
    );
    this.multiNetworkPolicyConfigured = operator
      ? operator.spec?.useMultiNetworkPolicy === true
      : undefined;
    if (operator) this.clusterRanges = clusterRangesOf(operator);
    this.multiNetworkPolicyEnabled =
      this.multiNetworkPolicyConfigured ?? options.assumeMultiNetworkPolicyEnabled ?? true;

    for (const endpoint of this.endpoints) {
      for (const iface of endpoint.interfaces) {
        const list = this.attachmentsByNetwork.get(iface.networkId) ?? [];
        list.push({ endpoint, iface });
        this.attachmentsByNetwork.set(iface.networkId, list);
        let ips = this.byIp.get(iface.networkId);
        if (!ips) this.byIp.set(iface.networkId, (ips = new Map()));
        for (const ip of iface.ips) {
          const k = ipKey(ip);
          ips.set(k, [...(ips.get(k) ?? []), { endpoint, iface }]);
        }
      }
    }

    for (const policy of this.policies) this.computeInert(policy);

    // Index: interface → enforced policies selecting it, in namespace/name order.
    const byNamespace = new Map<string, Endpoint[]>();
    for (const e of this.endpoints)
      byNamespace.set(e.namespace, [...(byNamespace.get(e.namespace) ?? []), e]);
    for (const policy of [...this.policies].sort(byRef)) {
      const candidates = byNamespace.get(policy.ref.namespace) ?? [];
      for (const endpoint of candidates) {
        if (!matchesSelector(endpoint.labels, policy.podSelector)) continue;
        for (const iface of endpoint.interfaces) {
          if (!this.isEnforcedOn(policy, iface.networkId)) continue;
          const list = this.selecting.get(iface) ?? [];
          list.push(policy);
          this.selecting.set(iface, list);
        }
      }
    }

    if (this.unreadablePolicies.length)
      for (const endpoint of this.endpoints)
        for (const iface of endpoint.interfaces) this.indexUnreadable(endpoint, iface);

    // Admin policies: ANPs by priority, then the BANP; only on networks OVN-Kubernetes applies them.
    const admins = [
      ...this.adminPolicies.filter((p) => p.ref.kind === 'AdminNetworkPolicy').sort(byPriority),
      ...this.adminPolicies.filter((p) => p.ref.kind === 'BaselineAdminNetworkPolicy'),
    ];
    const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
      const list = map.get(key) ?? [];
      list.push(value);
      map.set(key, list);
    };
    for (const policy of admins) {
      for (const endpoint of this.endpoints) {
        // A subject that cannot be read could select anyone: it is applied, as "unknown".
        const selects = policy.subject ? this.subjectSelects(policy.subject, endpoint) : true;
        if (selects === false) continue;
        // A subject that may select it (unreadable namespace labels) is evaluated, every rule it
        // decides by "unknown", but not listed as applied.
        if (selects === 'unknown') {
          const why = this.namespaceUnreadable(endpoint.namespace)!;
          let perEndpoint = this.adminSubjectUnknown.get(policy);
          if (!perEndpoint) this.adminSubjectUnknown.set(policy, (perEndpoint = new Map()));
          perEndpoint.set(endpoint.id, why);
        }
        for (const iface of endpoint.interfaces) {
          if (this.adminAppliesOn(iface.networkId)) {
            add(this.adminEvaluated, iface, policy);
            if (selects === true) add(this.adminSelecting, iface, policy);
          } else if (this.network(iface.networkId)?.kind !== 'secondary' && selects === true)
            add(this.adminNotApplied, iface, policy);
        }
      }
    }
  }

  /** Records a skipped Namespace object: its labels, which selectors match on, are unknown. */
  private noteUnreadableNamespace(o: unknown): void {
    if (!isRecord(o) || o.kind !== 'Namespace') return;
    const name = isRecord(o.metadata) ? o.metadata.name : undefined;
    if (typeof name === 'string' && name !== '')
      this.unreadableNamespaces.set(name, msg(M.unreadableObject, { kind: 'Namespace', name }));
    else this.unnamedNamespace ??= msg(M.unreadableObject, { kind: 'Namespace', name: '?' });
  }

  /** Why this namespace's labels are unknown (undefined: they are read, or absent and so none). */
  namespaceUnreadable(namespace: string): Message | undefined {
    // The common case, on the hot path of selector matching: every Namespace was read.
    if (!this.unreadableNamespaces.size && !this.unnamedNamespace) return undefined;
    const reason = this.unreadableNamespaces.get(namespace);
    if (reason) return reason;
    if (this.unnamedNamespace && !this.catalog.namespaces.get(namespace)?.declared)
      return this.unnamedNamespace;
    return undefined;
  }

  /**
   * A namespace selector against a namespace's labels: unknown when they cannot be read, unless
   * the selector reads only the name label, which the API server derives from the name.
   */
  private namespaceMatches(namespace: string, selector: LabelSelector): Match {
    const labels = this.catalog.namespaces.get(namespace)?.labels;
    if (!this.namespaceUnreadable(namespace)) return matchesSelector(labels, selector);
    if (onlyNameLabel(selector)) return matchesSelector({ [NAME_LABEL]: namespace }, selector);
    return 'unknown';
  }

  private subjectSelects(
    subject: { namespaceSelector: LabelSelector; podSelector?: LabelSelector },
    endpoint: Endpoint,
  ): Match {
    if (subject.podSelector && !matchesSelector(endpoint.labels, subject.podSelector)) return false;
    return this.namespaceMatches(endpoint.namespace, subject.namespaceSelector);
  }

  /**
   * Why a selector match against the other end is unknown: the first of its namespaces (the
   * attachment's, or those of the interfaces carrying the address) whose labels cannot be read.
   */
  private peerNamespaceReason(spec: PeerSpec, networkId: string): Message | undefined {
    const owners = spec.attachment
      ? [spec.attachment]
      : spec.ip
        ? this.attachmentsWithIp(networkId, spec.ip)
        : [];
    for (const a of owners) {
      const why = this.namespaceUnreadable(a.endpoint.namespace);
      if (why) return why;
    }
    return undefined;
  }

  /**
   * Which unreadable objects could decide this interface's traffic, on the networks a readable
   * policy of their kind would be applied to: NetworkPolicy on the primary network of its
   * namespace, MultiNetworkPolicy on secondary networks where it is enforced, admin policies where
   * OVN-Kubernetes applies them (`adminAppliesOn`).
   */
  private indexUnreadable(endpoint: Endpoint, iface: EndpointInterface): void {
    const networkId = iface.networkId;
    const net = this.network(networkId);
    const primary =
      this.catalog.namespaces.get(endpoint.namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
    const mnpEnforced = networkId.startsWith('nad:') && !this.mnpNotEnforced(net);
    const admin = this.adminAppliesOn(networkId);
    const affecting: UnreadableAffecting = { admin: [], networkPolicy: [], baseline: [] };
    for (const u of this.unreadablePolicies) {
      const inNamespace = u.namespace === undefined || u.namespace === endpoint.namespace;
      if (admin && u.admin) affecting.admin.push(u);
      if (admin && u.baseline) affecting.baseline.push(u);
      if (
        inNamespace &&
        ((u.networkPolicy && networkId === primary) || (u.multiNetworkPolicy && mnpEnforced))
      )
        affecting.networkPolicy.push(u);
    }
    if (affecting.admin.length || affecting.networkPolicy.length || affecting.baseline.length)
      this.unreadableByIface.set(iface, affecting);
  }

  /** What a skipped object could decide, when it could be a policy (undefined: it cannot). */
  unreadablePolicyOf(o: unknown): UnreadablePolicy | undefined {
    return this.unreadableByObject.get(o);
  }

  /** Unreadable objects that could decide this interface's traffic (undefined: none). */
  unreadableAffecting(iface: EndpointInterface): UnreadableAffecting | undefined {
    return this.unreadableByIface.get(iface);
  }

  /** Whether OVN-Kubernetes applies admin policies on this network (see the option). */
  adminAppliesOn(networkId: string): boolean {
    const kind = this.network(networkId)?.kind;
    if (kind === 'pod') return true;
    if (kind === 'primary-udn' || kind === 'primary-cudn') return this.adminPoliciesOnPrimaryUdns;
    return false;
  }

  /** Admin policies applied to this interface: ANPs by priority, then the BANP. */
  adminPoliciesSelecting(iface: EndpointInterface): AdminPolicy[] {
    return this.adminSelecting.get(iface) ?? [];
  }

  /** Admin policies whose subject selects this interface's pod, on a network they do not apply to. */
  adminPoliciesNotApplied(iface: EndpointInterface): AdminPolicy[] {
    return this.adminNotApplied.get(iface) ?? [];
  }

  network(id: string): Network | undefined {
    return this.catalog.networks.get(id);
  }

  attachments(networkId: string): Attachment[] {
    return this.attachmentsByNetwork.get(networkId) ?? [];
  }

  isEnforcedOn(policy: Policy, networkId: string): boolean {
    return policy.networkIds.has(networkId) && !this.inert.get(policy.index)?.has(networkId);
  }

  private readonly isolatingCache = {
    ingress: new Map<EndpointInterface, Policy[]>(),
    egress: new Map<EndpointInterface, Policy[]>(),
  };

  /** Enforced policies selecting this interface that isolate it for `direction`. */
  isolating(iface: EndpointInterface, direction: Direction): Policy[] {
    let list = this.isolatingCache[direction].get(iface);
    if (!list) {
      list = this.policiesSelecting(iface).filter((p) => p.isolates[direction]);
      this.isolatingCache[direction].set(iface, list);
    }
    return list;
  }

  /** Enforced policies that select this interface (both directions). */
  policiesSelecting(iface: EndpointInterface): Policy[] {
    return this.selecting.get(iface) ?? [];
  }

  findEndpoint(ref: string | Endpoint): Endpoint | undefined {
    if (typeof ref !== 'string') return ref;
    const match = /^([^/]+)\/([^[\]]+)(?:\[(.+)\])?$/.exec(ref.trim());
    if (!match) return undefined;
    const [, namespace, name, kind] = match;
    const candidates = this.endpoints.filter((e) => e.namespace === namespace && e.name === name);
    if (kind) return candidates.find((e) => e.kind === kind);
    return candidates.find((e) => e.kind === 'VirtualMachine') ?? candidates[0];
  }

  /** Attachments on a network that carry this address. */
  attachmentsWithIp(networkId: string, ip: { family: number; n: bigint }): Attachment[] {
    return this.byIp.get(networkId)?.get(ipKey(ip)) ?? [];
  }

  /** Why no MultiNetworkPolicy is enforced on this network whatever it says (undefined: it is). */
  private mnpNotEnforced(net: Network | undefined): InertReason | undefined {
    if (!this.multiNetworkPolicyEnabled) return 'mnp-disabled';
    if (net?.cniType && LINUX_BRIDGE_TYPES.has(net.cniType)) return 'linux-bridge';
    return undefined;
  }

  private computeInert(policy: Policy): void {
    if (policy.ref.kind !== 'MultiNetworkPolicy') return;
    const reasons = new Map<string, InertReason>();
    const hasSelectorPeers = (['ingress', 'egress'] as const).some((d) =>
      policy.rules[d].some((r) => r.peers?.some((p) => p.kind === 'selector')),
    );
    for (const id of policy.networkIds) {
      const net = this.catalog.networks.get(id);
      const notEnforced = this.mnpNotEnforced(net);
      if (notEnforced) reasons.set(id, notEnforced);
      // ovnkube-controller refuses the whole policy: "IPAM-less networks can only have ipBlock peers".
      else if (net?.cniType === OVN_TYPE && net.ipam === 'no' && hasSelectorPeers) {
        reasons.set(id, 'ipamless-selector-peers');
      }
    }
    if (reasons.size) this.inert.set(policy.index, reasons);
  }

  /** Endpoints a selector peer of `policy` matches (a bitmap by endpoint id), memoised. */
  private selectorPeerMatches(
    policy: Policy,
    peer: Extract<Peer, { kind: 'selector' }>,
  ): Uint8Array {
    let byNs = this.peerMatches.get(peer);
    if (!byNs) this.peerMatches.set(peer, (byNs = new Map()));
    const cached = byNs.get(policy.ref.namespace);
    if (cached) return cached;
    const bits = new Uint8Array(this.endpoints.length);
    for (const e of this.endpoints) {
      const nsOk = peer.namespaceSelector
        ? this.namespaceMatches(e.namespace, peer.namespaceSelector)
        : e.namespace === policy.ref.namespace;
      if (!nsOk) continue;
      if (peer.podSelector && !matchesSelector(e.labels, peer.podSelector)) continue;
      bits[e.id] = nsOk === true ? YES : UNKNOWN;
    }
    byNs.set(policy.ref.namespace, bits);
    return bits;
  }

  private readonly attachmentMatchCache = new WeakMap<Peer, WeakMap<EndpointInterface, Match>>();

  private peerMatches_(policy: Policy, peer: Peer, spec: PeerSpec, networkId: string): Match {
    if (peer.kind === 'invalid') return 'unknown';
    if (spec.attachment) {
      // The matrix asks the same (peer, interface) question once per row: remember the answer.
      let perIface = this.attachmentMatchCache.get(peer);
      if (!perIface) this.attachmentMatchCache.set(peer, (perIface = new WeakMap()));
      const known = perIface.get(spec.attachment.iface);
      if (known !== undefined) return known;
      const result = this.peerMatchesUncached(policy, peer, spec, networkId);
      perIface.set(spec.attachment.iface, result);
      return result;
    }
    return this.peerMatchesUncached(policy, peer, spec, networkId);
  }

  private peerMatchesUncached(
    policy: Policy,
    peer: Exclude<Peer, { kind: 'invalid' }>,
    spec: PeerSpec,
    networkId: string,
  ): Match {
    if (spec.router) {
      // The router's addresses are not in the input: only selectors can name it.
      if (peer.kind === 'ipBlock') return false;
      const nsOk = peer.namespaceSelector
        ? matchesSelector(ROUTER_NAMESPACE_LABELS, peer.namespaceSelector)
        : policy.ref.namespace === ROUTER_NAMESPACE;
      return nsOk && (!peer.podSelector || matchesSelector(ROUTER_POD_LABELS, peer.podSelector));
    }
    const ips: EndpointIp[] = spec.ip ? [spec.ip] : (spec.attachment?.iface.ips ?? []);
    if (peer.kind === 'ipBlock') {
      return ips.some(
        (ip) => rangeContains(peer.cidr, ip) && !peer.except.some((ex) => rangeContains(ex, ip)),
      );
    }
    // An address matches a selector peer only through the interfaces that carry it.
    return this.bitsMatch(this.selectorPeerMatches(policy, peer), spec, ips, networkId);
  }

  /** The other end against a selector-match bitmap: yes if any of it matches, else unknown if any may. */
  private bitsMatch(bits: Uint8Array, spec: PeerSpec, ips: EndpointIp[], networkId: string): Match {
    if (spec.attachment) return bitMatch(bits[spec.attachment.endpoint.id]);
    let unknown = false;
    for (const ip of ips)
      for (const a of this.attachmentsWithIp(networkId, ip)) {
        if (bits[a.endpoint.id] === YES) return true;
        if (bits[a.endpoint.id] === UNKNOWN) unknown = true;
      }
    return unknown ? 'unknown' : false;
  }

  /** A rule's peers against the other end: true, false, or unknown (an unreadable peer). */
  private ruleMatches(policy: Policy, rule: Rule, spec: PeerSpec, networkId: string): Match {
    if (rule.peers === null) return true;
    let unknown = false;
    for (const p of rule.peers) {
      const m = this.peerMatches_(policy, p, spec, networkId);
      if (m === true) return true;
      if (m === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : false;
  }

  private adminPeerEndpoints(peer: Extract<AdminPeer, { kind: 'namespaces' | 'pods' }>) {
    let bits = this.adminPeerBits.get(peer);
    if (bits) return bits;
    bits = new Uint8Array(this.endpoints.length);
    for (const e of this.endpoints) {
      const subject = {
        namespaceSelector: peer.namespaceSelector,
        podSelector: peer.kind === 'pods' ? peer.podSelector : undefined,
      };
      const m = this.subjectSelects(subject, e);
      if (m) bits[e.id] = m === true ? YES : UNKNOWN;
    }
    this.adminPeerBits.set(peer, bits);
    return bits;
  }

  private adminPeerMatches(peer: AdminPeer, spec: PeerSpec, networkId: string): Match {
    if (peer.kind === 'invalid') return 'unknown';
    if (spec.router) {
      if (peer.kind === 'namespaces')
        return matchesSelector(ROUTER_NAMESPACE_LABELS, peer.namespaceSelector);
      if (peer.kind === 'pods')
        return (
          matchesSelector(ROUTER_NAMESPACE_LABELS, peer.namespaceSelector) &&
          matchesSelector(ROUTER_POD_LABELS, peer.podSelector)
        );
      return false;
    }
    const ips: EndpointIp[] = spec.ip ? [spec.ip] : (spec.attachment?.iface.ips ?? []);
    if (peer.kind === 'networks')
      return ips.some((ip) => peer.cidrs.some((c) => rangeContains(c, ip)));
    if (peer.kind === 'nodes') {
      // Nodes are addresses outside the pod networks: only an address can be one.
      if (!spec.ip) return false;
      const ip = spec.ip;
      return this.nodes.some(
        (n) =>
          matchesSelector(n.labels, peer.nodeSelector) &&
          n.ips.some((a) => a.family === ip.family && a.n === ip.n),
      );
    }
    return this.bitsMatch(this.adminPeerEndpoints(peer), spec, ips, networkId);
  }

  private adminRuleMatches(rule: AdminRule, spec: PeerSpec, networkId: string): Match {
    let unknown = false;
    for (const p of rule.peers) {
      const m = this.adminPeerMatches(p, spec, networkId);
      if (m === true) return true;
      if (m === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : false;
  }

  /** What a rule's port list allows towards `target` (named ports resolve on the target). */
  private ruleConns(
    rule: { ports: Port[] | null },
    target: EndpointInterface | undefined,
  ): ConnSet {
    const cached =
      this.ruleConnsCache.get(rule) ?? (target && this.namedConnsCache.get(rule)?.get(target));
    if (cached) return cached;
    if (rule.ports === null) return ALL_CONNS;
    let conns = NO_CONNS;
    let named = false;
    for (const p of rule.ports) {
      if (p.kind === 'all') conns = union(conns, portConns(p.protocol, [[1, 65535]]));
      else if (p.kind === 'range')
        conns = union(conns, portConns(p.protocol, [[p.from, Math.max(p.from, p.to)]]));
      else {
        named = true;
        // A named port needs a port of that name AND protocol on the destination.
        const resolved = (target?.ports ?? []).filter(
          (cp) => cp.name === p.name && (cp.protocol ?? 'TCP').toUpperCase() === p.protocol,
        );
        for (const cp of resolved)
          conns = union(conns, portConns(p.protocol, [[cp.containerPort, cp.containerPort]]));
      }
    }
    if (!named) this.ruleConnsCache.set(rule, conns);
    else if (target) {
      let perTarget = this.namedConnsCache.get(rule);
      if (!perTarget) this.namedConnsCache.set(rule, (perTarget = new WeakMap()));
      perTarget.set(target, conns);
    }
    return conns;
  }

  /** One admin policy tier (ANPs, or the BANP) over `remaining`; returns what it left undecided. */
  private adminTier(
    self: Endpoint,
    policies: AdminPolicy[],
    direction: Direction,
    peer: PeerSpec,
    networkId: string,
    destination: EndpointInterface | undefined,
    remaining: ConnSet,
    out: { allowed: ConnSet; unknown: ConnSet; passed: ConnSet; steps: Step[] },
    explain: boolean,
  ): ConnSet {
    for (const policy of policies) {
      const policyProblem =
        policy.problems.find(isBlocking) ?? this.adminSubjectUnknown.get(policy)?.get(self.id);
      for (const rule of policy.rules[direction]) {
        const m = this.adminRuleMatches(rule, peer, networkId);
        if (m === false) continue;
        const unreadablePorts = rule.problems.length > 0;
        const c = intersect(
          remaining,
          unreadablePorts ? ALL_CONNS : this.ruleConns(rule, destination),
        );
        if (isEmpty(c)) continue;
        remaining = subtract(remaining, c);
        let reason: Message | undefined =
          policyProblem ??
          rule.problems[0] ??
          (m === 'unknown'
            ? (rule.peers.find(
                (p): p is Extract<AdminPeer, { kind: 'invalid' }> => p.kind === 'invalid',
              )?.reason ?? this.peerNamespaceReason(peer, networkId))
            : undefined);
        const action = reason ? 'Unknown' : rule.action;
        if (!reason) reason = undefined;
        if (action === 'Allow') out.allowed = union(out.allowed, c);
        else if (action === 'Pass') out.passed = union(out.passed, c);
        else if (action === 'Unknown') out.unknown = union(out.unknown, c);
        if (explain)
          out.steps.push({ tier: policy.ref.kind, action, conns: c, policy, rule, reason });
        if (isEmpty(remaining)) return remaining;
      }
    }
    return remaining;
  }

  /**
   * One side: what `self` lets in (ingress) from, or out (egress) to, `peer` on its network,
   * through the tiers: AdminNetworkPolicies by priority (Allow, Deny, Pass), then NetworkPolicy /
   * MultiNetworkPolicy isolation and rules, then the BaselineAdminNetworkPolicy, then allowed.
   */
  private directional(
    self: Attachment,
    direction: Direction,
    peer: PeerSpec,
    explain = true,
  ): DirectionalResult {
    const r = this.tiers(self, direction, peer, explain);
    const firewall =
      direction === 'egress' && peer.ip && !peer.attachment
        ? this.egressFirewallFor(self, peer.ip)
        : undefined;
    if (!firewall || isEmpty(r.allowed)) return r;
    // An EgressFirewall filters, after the policies, what leaves the cluster: not modelled yet, so
    // what they allow out is unknown, never allowed.
    const steps: Step[] = explain
      ? [
          ...r.steps,
          { tier: 'NetworkPolicy', action: 'Unknown', conns: r.allowed, reason: firewall },
        ]
      : r.steps;
    return {
      isolatedBy: r.isolatedBy,
      allowed: NO_CONNS,
      unknown: union(r.unknown, r.allowed),
      steps,
    };
  }

  /**
   * The EgressFirewall that could filter this egress to `ip`, as the reason it is unknown: one in
   * the endpoint's namespace, on that namespace's primary network, to an address outside the
   * cluster's pod and service networks (or any address, when those are not known).
   */
  private egressFirewallFor(self: Attachment, ip: EndpointIp): Message | undefined {
    const reason = this.egressFirewalls.get(self.endpoint.namespace);
    if (!reason || !this.egressFirewallApplies(self.endpoint, self.iface)) return undefined;
    return this.clusterRanges?.some((range) => rangeContains(range, ip)) ? undefined : reason;
  }

  /** Whether an EgressFirewall of the endpoint's namespace filters this interface's egress. */
  egressFirewallApplies(endpoint: Endpoint, iface: EndpointInterface): boolean {
    if (!this.egressFirewalls.has(endpoint.namespace)) return false;
    const primary =
      this.catalog.namespaces.get(endpoint.namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
    return iface.networkId === primary;
  }

  /** Whether the analysis makes what this object could decide unknown (a kind not modelled yet). */
  failsClosedOn(o: unknown): boolean {
    return this.failClosed.has(o);
  }

  /** The policy tiers, in order, for one side (see `directional`). */
  private tiers(
    self: Attachment,
    direction: Direction,
    peer: PeerSpec,
    explain: boolean,
  ): DirectionalResult {
    // On an interface whose network could not be decided, no policy's reach is known.
    if (self.iface.undecided) {
      const steps: Step[] = explain
        ? [
            {
              tier: 'NetworkPolicy',
              action: 'Unknown',
              conns: ALL_CONNS,
              reason: self.iface.undecided,
            },
          ]
        : NO_STEPS;
      return { isolatedBy: [], allowed: NO_CONNS, unknown: ALL_CONNS, steps };
    }
    const networkId = self.iface.networkId;
    const isolatedBy = this.isolating(self.iface, direction);
    const admins = this.adminEvaluated.get(self.iface) ?? [];
    const unreadable = this.unreadableAffecting(self.iface);
    if (!admins.length && !isolatedBy.length && !unreadable && !explain)
      return { isolatedBy, allowed: ALL_CONNS, unknown: NO_CONNS, steps: NO_STEPS };
    const destination = direction === 'ingress' ? self.iface : peer.attachment?.iface;
    const out = { allowed: NO_CONNS, unknown: NO_CONNS, passed: NO_CONNS, steps: NO_STEPS };
    if (explain) out.steps = [];
    // Unreadable objects, tier by tier (see unreadable.ts): an admin policy we cannot read could
    // Allow or Deny anything at any priority, before every other tier: nothing here is known.
    if (unreadable?.admin.length) {
      if (explain)
        out.steps.push({
          tier: 'AdminNetworkPolicy',
          action: 'Unknown',
          conns: ALL_CONNS,
          reason: unreadable.admin[0].reason,
        });
      return { isolatedBy, allowed: NO_CONNS, unknown: ALL_CONNS, steps: out.steps };
    }
    // A (Multi)NetworkPolicy we cannot read could isolate this side (denying what is allowed now,
    // by default or by the baseline) and its rules could allow what the readable policies do not
    // (NetworkPolicy rules add up): of what reaches that tier, only what readable isolating
    // policies allow stays known; the rest, allowed or denied, is unknown.
    const unreadableNp = unreadable?.networkPolicy[0];
    let toNp = ALL_CONNS;
    const anps = admins.filter((p) => p.ref.kind === 'AdminNetworkPolicy');
    if (anps.length) {
      const remaining = this.adminTier(
        self.endpoint,
        anps,
        direction,
        peer,
        networkId,
        destination,
        ALL_CONNS,
        out,
        explain,
      );
      toNp = union(remaining, out.passed);
    }
    if (isEmpty(toNp)) return { isolatedBy, ...out };

    if (isolatedBy.length) {
      let npAllowed = NO_CONNS;
      let npUnknown = NO_CONNS;
      npLoop: for (const policy of isolatedBy) {
        for (const rule of policy.rules[direction]) {
          const m = this.ruleMatches(policy, rule, peer, networkId);
          if (m === false) continue;
          if (rule.problems.length || m === 'unknown') {
            const c = rule.problems.length ? ALL_CONNS : this.ruleConns(rule, destination);
            npUnknown = union(npUnknown, c);
            if (explain) {
              const invalid = rule.peers?.find(
                (p): p is Extract<Peer, { kind: 'invalid' }> => p.kind === 'invalid',
              );
              out.steps.push({
                tier: 'NetworkPolicy',
                action: 'Unknown',
                conns: intersect(c, toNp),
                policy,
                rule,
                reason:
                  rule.problems[0] ?? invalid?.reason ?? this.peerNamespaceReason(peer, networkId),
              });
            }
            continue;
          }
          const c = this.ruleConns(rule, destination);
          if (explain)
            out.steps.push({
              tier: 'NetworkPolicy',
              action: 'Allow',
              conns: intersect(c, toNp),
              policy,
              rule,
            });
          npAllowed = union(npAllowed, c);
          if (!explain && isAll(npAllowed)) break npLoop;
        }
      }
      out.allowed = union(out.allowed, intersect(toNp, npAllowed));
      if (unreadableNp)
        return this.unreadableTier(
          out,
          subtract(toNp, npAllowed),
          unreadableNp,
          'NetworkPolicy',
          isolatedBy,
          explain,
        );
      const unknown = subtract(intersect(toNp, npUnknown), npAllowed);
      out.unknown = union(out.unknown, unknown);
      if (explain)
        out.steps.push({
          tier: 'NetworkPolicy',
          action: 'Deny',
          conns: subtract(subtract(toNp, npAllowed), npUnknown),
        });
      return { isolatedBy, ...out };
    }
    if (unreadableNp)
      return this.unreadableTier(out, toNp, unreadableNp, 'NetworkPolicy', isolatedBy, explain);
    // A baseline we cannot read could Allow or Deny whatever NetworkPolicy leaves to it.
    const unreadableBaseline = unreadable?.baseline[0];
    if (unreadableBaseline)
      return this.unreadableTier(
        out,
        toNp,
        unreadableBaseline,
        'BaselineAdminNetworkPolicy',
        isolatedBy,
        explain,
      );

    let rest = toNp;
    const banps = admins.filter((p) => p.ref.kind === 'BaselineAdminNetworkPolicy');
    if (banps.length)
      rest = this.adminTier(
        self.endpoint,
        banps,
        direction,
        peer,
        networkId,
        destination,
        rest,
        out,
        explain,
      );
    out.allowed = union(out.allowed, rest);
    if (explain && !isEmpty(rest))
      out.steps.push({ tier: 'NetworkPolicy', action: 'Allow', conns: rest });
    return { isolatedBy, ...out };
  }

  /** `conns` decided by an object that could not be read: unknown, with it named as the reason. */
  private unreadableTier(
    out: { allowed: ConnSet; unknown: ConnSet; steps: Step[] },
    conns: ConnSet,
    object: UnreadablePolicy,
    tier: Tier,
    isolatedBy: Policy[],
    explain: boolean,
  ): DirectionalResult {
    const unknown = union(out.unknown, conns);
    const steps = out.steps;
    if (explain && !isEmpty(conns))
      steps.push({ tier, action: 'Unknown', conns, reason: object.reason });
    return { isolatedBy, allowed: out.allowed, unknown, steps };
  }

  /** Connections allowed from `src` to `dst` on their (shared) network: egress ∩ ingress. */
  connsBetween(src: Attachment, dst: Attachment): ConnSet {
    return this.outcomeBetween(src, dst).allowed;
  }

  /** Allowed and unknown connections from `src` to `dst`. */
  outcomeBetween(src: Attachment, dst: Attachment): { allowed: ConnSet; unknown: ConnSet } {
    if (src.iface.networkId !== dst.iface.networkId || src.endpoint === dst.endpoint)
      return { allowed: NO_CONNS, unknown: NO_CONNS };
    const out = this.directional(src, 'egress', { attachment: dst }, false);
    if (isEmpty(out.allowed) && isEmpty(out.unknown)) return out;
    const inn = this.directional(dst, 'ingress', { attachment: src }, false);
    const allowed = intersect(out.allowed, inn.allowed);
    // The common case: nothing unreadable on either side.
    if (isEmpty(out.unknown) && isEmpty(inn.unknown)) return { allowed, unknown: out.unknown };
    const possible = intersect(union(out.allowed, out.unknown), union(inn.allowed, inn.unknown));
    return { allowed, unknown: subtract(possible, allowed) };
  }

  /** Connections allowed between an interface and an address outside the known interfaces. */
  connsWithAddress(self: Attachment, direction: Direction, ip: EndpointIp): ConnSet {
    return this.directional(self, direction, { ip }, false).allowed;
  }

  private routerExposureCache?: Map<EndpointInterface, ConnSet>;

  /**
   * What the OpenShift router may open to this interface: the target ports of the Services that
   * Routes and Ingresses point at, as far as this interface's ingress policies let the router in.
   */
  routerConns(self: Attachment): ConnSet {
    return this.routerOutcome(self).allowed;
  }

  /** What the router may open to this interface, and what of it depends on unreadable input. */
  routerOutcome(self: Attachment): { allowed: ConnSet; unknown: ConnSet } {
    if (!this.routerExposureCache)
      this.routerExposureCache = routerExposure(this.objects, this.endpoints, (e) => {
        const primary =
          this.catalog.namespaces.get(e.namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
        return e.interfaces.find((i) => i.networkId === primary);
      });
    const exposed = this.routerExposureCache.get(self.iface);
    if (!exposed || isEmpty(exposed)) return { allowed: NO_CONNS, unknown: NO_CONNS };
    const r = this.directional(self, 'ingress', { router: true }, false);
    return { allowed: intersect(exposed, r.allowed), unknown: intersect(exposed, r.unknown) };
  }

  /** Allowed and unknown connections between an interface and an address. */
  outcomeWithAddress(
    self: Attachment,
    direction: Direction,
    ip: EndpointIp,
  ): { allowed: ConnSet; unknown: ConnSet } {
    const r = this.directional(self, direction, { ip }, false);
    return { allowed: r.allowed, unknown: r.unknown };
  }

  private pickInterface(
    endpoint: Endpoint,
    name: string | undefined,
    peerIp?: EndpointIp,
    peerNetwork?: string,
  ) {
    if (name) {
      const iface = endpoint.interfaces.find((i) => i.name === name);
      if (!iface) {
        throw new QueryError(
          `${endpoint.key} has no interface "${name}" (interfaces: ${endpoint.interfaces.map((i) => i.name).join(', ') || 'none'})`,
        );
      }
      return iface;
    }
    if (!endpoint.interfaces.length)
      throw new QueryError(`${endpoint.key} has no network interfaces`);
    if (peerNetwork) {
      const same = endpoint.interfaces.find((i) => i.networkId === peerNetwork);
      if (same) return same;
    }
    if (peerIp) {
      // The interface whose network has a known interface at that address: same segment.
      const onNetwork = endpoint.interfaces.find(
        (i) => this.attachmentsWithIp(i.networkId, peerIp).length,
      );
      if (onNetwork) return onNetwork;
      // Else the interface whose connected subnet holds the address, as the routing table would.
      const connected = endpoint.interfaces.find((i) =>
        i.ips.some((ip) => ip.subnet && rangeContains(ip.subnet, peerIp)),
      );
      if (connected) return connected;
    }
    return (
      endpoint.interfaces.find((i) => this.network(i.networkId)?.kind !== 'secondary') ??
      endpoint.interfaces[0]
    );
  }

  private sideResult(
    self: Attachment,
    direction: Direction,
    peer: PeerSpec,
    query: ConnSet,
  ): SideResult {
    const r = this.directional(self, direction, peer);
    const refOf = (step: Step) => {
      const admin = step.tier !== 'NetworkPolicy';
      const rule = step.rule;
      return {
        tier: step.tier,
        policy: step.policy?.ref,
        rule: rule
          ? {
              direction,
              index: rule.index,
              ...(admin
                ? { name: (rule as AdminRule).name, action: (rule as AdminRule).action }
                : {}),
            }
          : undefined,
        priority: admin ? (step.policy as AdminPolicy | undefined)?.priority : undefined,
      };
    };
    const passedBy = r.steps
      .filter((s) => s.action === 'Pass' && overlaps(s.conns, query))
      .map((s) => {
        const ref = refOf(s);
        return { policy: ref.policy!, rule: ref.rule!, priority: ref.priority };
      });
    const base = {
      endpoint: self.endpoint.key,
      interface: self.iface.name,
      direction,
      isolatedBy: r.isolatedBy.map((p) => p.ref),
      ...(passedBy.length ? { passedBy } : {}),
    };
    if (isSubset(query, r.allowed)) {
      const step = r.steps.find((s) => s.action === 'Allow' && overlaps(s.conns, query));
      if (!step || !step.policy) return { ...base, verdict: 'Allowed', reason: 'no-policy' };
      return { ...base, verdict: 'Allowed', reason: 'rule', ...refOf(step) };
    }
    if (isSubset(query, union(r.allowed, r.unknown))) {
      const step = r.steps.find((s) => s.action === 'Unknown' && overlaps(s.conns, query));
      return {
        ...base,
        verdict: 'Unknown',
        reason: 'unknown',
        ...(step ? refOf(step) : {}),
        unknownReason: step?.reason,
      };
    }
    const denied = subtract(subtract(query, r.allowed), r.unknown);
    const step = r.steps.find((s) => s.action === 'Deny' && overlaps(s.conns, denied));
    if (step?.policy) return { ...base, verdict: 'Denied', reason: 'rule', ...refOf(step) };
    return { ...base, verdict: 'Denied', reason: 'isolated', tier: 'NetworkPolicy' };
  }

  /** "Would this traffic be allowed?" for one interface of one endpoint. */
  evaluate(query: EvalQuery): EvalResult {
    const endpoint = this.findEndpoint(query.endpoint);
    if (!endpoint)
      throw new QueryError(`no VM, pod or workload ${String(query.endpoint)} in the input`);
    const notes: string[] = [];
    let protocol: PortProtocol | undefined;
    if (query.protocol !== undefined) {
      const p = query.protocol.toUpperCase();
      if (!isPortProtocol(p))
        throw new QueryError(`protocol must be TCP, UDP or SCTP, not "${query.protocol}"`);
      protocol = p;
    }
    if (
      query.port !== undefined &&
      (!Number.isInteger(query.port) || query.port < 1 || query.port > 65535)
    ) {
      throw new QueryError(`port must be an integer from 1 to 65535, not "${query.port}"`);
    }
    if (query.port !== undefined && !protocol) protocol = 'TCP';
    // The connections asked about: one port, every port of a protocol, or ICMP and the like.
    const asked: ConnSet = !protocol
      ? { ...noConns(), other: true }
      : query.port !== undefined
        ? portConns(protocol, [[query.port, query.port]])
        : portConns(protocol, [[1, 65535]]);

    let peerAttachment: Attachment | undefined;
    let peerIp: EndpointIp | undefined;
    let iface: EndpointInterface;
    if ('ip' in query.peer) {
      const parsed = parseIp(query.peer.ip);
      if (!parsed) throw new QueryError(`"${query.peer.ip}" is not an IP address`);
      peerIp = { text: query.peer.ip.split('/')[0], ...parsed };
      iface = this.pickInterface(endpoint, query.interface, peerIp);
      const owners = this.attachmentsWithIp(iface.networkId, peerIp).filter(
        (a) => a.endpoint !== endpoint,
      );
      if (owners.length) {
        peerAttachment = owners[0];
        notes.push(
          `${peerIp.text} is ${peerAttachment.endpoint.key} interface ${peerAttachment.iface.name}`,
        );
      }
    } else {
      const other = this.findEndpoint(query.peer.endpoint);
      if (!other)
        throw new QueryError(`no VM, pod or workload ${String(query.peer.endpoint)} in the input`);
      const otherIface = query.peer.interface
        ? this.pickInterface(other, query.peer.interface)
        : undefined;
      // Without interfaces named, the question is about a network both ends are on.
      const shared =
        otherIface?.networkId ??
        (query.interface
          ? undefined
          : (
              endpoint.interfaces.find(
                (i) =>
                  this.network(i.networkId)?.kind !== 'secondary' &&
                  other.interfaces.some((o) => o.networkId === i.networkId),
              ) ??
              endpoint.interfaces.find((i) =>
                other.interfaces.some((o) => o.networkId === i.networkId),
              )
            )?.networkId);
      iface = this.pickInterface(endpoint, query.interface, undefined, shared);
      const resolved = otherIface ?? other.interfaces.find((i) => i.networkId === iface.networkId);
      if (!resolved)
        throw new QueryError(
          `${other.key} has no interface on the network of ${endpoint.key} ${iface.name}`,
        );
      peerAttachment = { endpoint: other, iface: resolved };
    }

    const self: Attachment = { endpoint, iface };
    const network = this.network(iface.networkId);
    const networkInfo = {
      id: iface.networkId,
      label: network?.label ?? iface.networkId.replace(/^missing:/, ''),
      kind: network?.kind ?? ('secondary' as const),
    };
    if (!network)
      notes.push(
        `interface ${iface.name} refers to NetworkAttachmentDefinition ${networkInfo.label}, which is not in the input`,
      );

    if (peerAttachment && peerAttachment.iface.networkId !== iface.networkId) {
      const denied: SideResult = {
        verdict: 'Denied',
        reason: 'isolated',
        endpoint: endpoint.key,
        interface: iface.name,
        direction: query.direction,
        isolatedBy: [],
      };
      notes.push(
        `${peerAttachment.endpoint.key} ${peerAttachment.iface.name} is on another network`,
      );
      return { ...denied, decidedBy: 'self', network: networkInfo, self: denied, notes };
    }

    const peerSpec: PeerSpec = peerAttachment ? { attachment: peerAttachment } : { ip: peerIp };
    const selfSide = this.sideResult(self, query.direction, peerSpec, asked);
    let peerSide: SideResult | undefined;
    if (peerAttachment) {
      const opposite: Direction = query.direction === 'ingress' ? 'egress' : 'ingress';
      peerSide = this.sideResult(peerAttachment, opposite, { attachment: self }, asked);
    }
    for (const a of this.adminPoliciesNotApplied(iface))
      notes.push(
        `${a.ref.kind} ${a.ref.name} selects ${endpoint.key}, but OVN-Kubernetes applies admin network policies on the cluster pod network only, not on ${networkInfo.label}`,
      );
    // A denial on either side decides; then an unknown side; then a rule that allowed.
    const order: [SideResult, 'self' | 'peer'][] = [[selfSide, 'self']];
    if (peerSide) order.push([peerSide, 'peer']);
    const [decided, decidedBy] =
      order.find(([s]) => s.verdict === 'Denied') ??
      order.find(([s]) => s.verdict === 'Unknown') ??
      order.find(([s]) => s.reason === 'rule') ??
      order[0];
    return {
      verdict: decided.verdict,
      reason: decided.reason,
      policy: decided.policy,
      rule: decided.rule,
      tier: decided.tier,
      priority: decided.priority,
      unknownReason: decided.unknownReason,
      decidedBy,
      endpoint: endpoint.key,
      interface: iface.name,
      network: networkInfo,
      self: selfSide,
      peer: peerSide,
      notes,
    };
  }
}
