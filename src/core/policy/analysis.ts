/**
 * The policy analysis of a set of manifests: which policies govern each interface, what they allow
 * between interfaces and to/from addresses, and "would this traffic be allowed?".
 *
 * Built once, queried many times: policies are indexed by the interfaces they select and selector
 * peers remember which endpoints they match, so a query only looks at the policies that matter.
 */
import type { K8sObject, NetworkOperatorConfig } from '../k8s/types';
import {
  allConns,
  containsPort,
  intersect,
  isAll,
  isEmpty,
  isPortProtocol,
  noConns,
  portConns,
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
import { parseIp, rangeContains } from './ip';
import { matchesSelector } from '../k8s/selectors';
import {
  buildNetworkCatalog,
  LINUX_BRIDGE_TYPES,
  OVN_TYPE,
  type Network,
  type NetworkCatalog,
} from './networks';
import {
  readPolicies,
  type Direction,
  type Peer,
  type Policy,
  type PolicyRef,
  type Rule,
} from './policies';

export interface Attachment {
  endpoint: Endpoint;
  iface: EndpointInterface;
}

/** Why a policy is not enforced on a network although it names it. */
export type InertReason = 'mnp-disabled' | 'linux-bridge' | 'ipamless-selector-peers';

export interface AnalysisOptions {
  /**
   * Whether MultiNetworkPolicy is enforced when the input has no `network.operator.openshift.io`
   * `cluster` object to say so (default: assumed enabled).
   */
  assumeMultiNetworkPolicyEnabled?: boolean;
}

export type Verdict = 'Allowed' | 'Denied';
export type Reason = 'no-policy' | 'rule' | 'isolated';

export interface RuleRef {
  direction: Direction;
  index: number;
}

export interface SideResult {
  verdict: Verdict;
  reason: Reason;
  endpoint: string;
  interface: string;
  direction: Direction;
  policy?: PolicyRef;
  rule?: RuleRef;
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

interface Contribution {
  policy: Policy;
  rule: Rule;
  conns: ConnSet;
}

interface DirectionalResult {
  isolatedBy: Policy[];
  conns: ConnSet;
  contributions: Contribution[];
}

/** The other end of a connection: an interface we know, or just an address. */
interface PeerSpec {
  attachment?: Attachment;
  ip?: EndpointIp;
}

const ipKey = (ip: { family: number; n: bigint }) => `${ip.family}:${ip.n}`;
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

export class PolicyAnalysis {
  readonly catalog: NetworkCatalog;
  readonly endpoints: Endpoint[];
  readonly policies: Policy[];
  /** `true`/`false` from the cluster network operator config; `undefined` when not in the input. */
  readonly multiNetworkPolicyConfigured: boolean | undefined;
  readonly multiNetworkPolicyEnabled: boolean;
  /** Per policy index: network id → why the policy is not enforced there. */
  readonly inert = new Map<number, Map<string, InertReason>>();
  readonly objects: K8sObject[];

  private readonly attachmentsByNetwork = new Map<string, Attachment[]>();
  private readonly selecting = new Map<EndpointInterface, Policy[]>();
  private readonly byIp = new Map<string, Map<string, Attachment[]>>();
  private readonly peerMatches = new Map<Peer, Map<string, Uint8Array>>();
  private readonly ruleConnsCache = new WeakMap<Rule, ConnSet>();
  private readonly namedConnsCache = new WeakMap<Rule, WeakMap<EndpointInterface, ConnSet>>();

  constructor(objects: K8sObject[], options: AnalysisOptions = {}) {
    this.objects = objects;
    this.catalog = buildNetworkCatalog(objects);
    this.endpoints = buildEndpoints(objects, this.catalog).endpoints;
    this.policies = readPolicies(objects, this.catalog);

    const operator = objects.find(
      (o): o is NetworkOperatorConfig =>
        o.kind === 'Network' &&
        (o.apiVersion ?? '').startsWith('operator.openshift.io/') &&
        o.metadata?.name === 'cluster',
    );
    this.multiNetworkPolicyConfigured = operator
      ? operator.spec?.useMultiNetworkPolicy === true
      : undefined;
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

  private computeInert(policy: Policy): void {
    if (policy.ref.kind !== 'MultiNetworkPolicy') return;
    const reasons = new Map<string, InertReason>();
    const hasSelectorPeers = (['ingress', 'egress'] as const).some((d) =>
      policy.rules[d].some((r) => r.peers?.some((p) => p.kind === 'selector')),
    );
    for (const id of policy.networkIds) {
      const net = this.catalog.networks.get(id);
      if (!this.multiNetworkPolicyEnabled) reasons.set(id, 'mnp-disabled');
      else if (net?.cniType && LINUX_BRIDGE_TYPES.has(net.cniType)) reasons.set(id, 'linux-bridge');
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
        ? matchesSelector(this.catalog.namespaces.get(e.namespace)?.labels, peer.namespaceSelector)
        : e.namespace === policy.ref.namespace;
      if (!nsOk) continue;
      if (peer.podSelector && !matchesSelector(e.labels, peer.podSelector)) continue;
      bits[e.id] = 1;
    }
    byNs.set(policy.ref.namespace, bits);
    return bits;
  }

  private readonly attachmentMatchCache = new WeakMap<Peer, WeakMap<EndpointInterface, boolean>>();

  private peerMatches_(policy: Policy, peer: Peer, spec: PeerSpec, networkId: string): boolean {
    if (peer.kind === 'invalid') return false;
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
    peer: Peer,
    spec: PeerSpec,
    networkId: string,
  ): boolean {
    if (peer.kind === 'invalid') return false;
    const ips: EndpointIp[] = spec.ip ? [spec.ip] : (spec.attachment?.iface.ips ?? []);
    if (peer.kind === 'ipBlock') {
      return ips.some(
        (ip) => rangeContains(peer.cidr, ip) && !peer.except.some((ex) => rangeContains(ex, ip)),
      );
    }
    const bits = this.selectorPeerMatches(policy, peer);
    if (spec.attachment) return bits[spec.attachment.endpoint.id] === 1;
    // An address matches a selector peer only through the interfaces that carry it.
    return ips.some((ip) =>
      this.attachmentsWithIp(networkId, ip).some((a) => bits[a.endpoint.id] === 1),
    );
  }

  /** What a rule's port list allows towards `target` (named ports resolve on the target). */
  private ruleConns(rule: Rule, target: EndpointInterface | undefined): ConnSet {
    const cached =
      this.ruleConnsCache.get(rule) ?? (target && this.namedConnsCache.get(rule)?.get(target));
    if (cached) return cached;
    if (rule.ports === null) return allConns();
    let conns = noConns();
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

  /** One side: what `self` lets in (ingress) from, or out (egress) to, `peer` on `networkId`. */
  private directional(
    self: Attachment,
    direction: Direction,
    peer: PeerSpec,
    explain = true,
  ): DirectionalResult {
    const networkId = self.iface.networkId;
    const isolatedBy = this.isolating(self.iface, direction);
    if (!isolatedBy.length) return { isolatedBy, conns: allConns(), contributions: [] };
    const destination = direction === 'ingress' ? self.iface : peer.attachment?.iface;
    let conns = noConns();
    const contributions: Contribution[] = [];
    for (const policy of isolatedBy) {
      for (const rule of policy.rules[direction]) {
        if (
          rule.peers !== null &&
          !rule.peers.some((p) => this.peerMatches_(policy, p, peer, networkId))
        )
          continue;
        const c = this.ruleConns(rule, destination);
        if (explain) contributions.push({ policy, rule, conns: c });
        conns = union(conns, c);
        if (!explain && isAll(conns)) return { isolatedBy, conns, contributions };
      }
    }
    return { isolatedBy, conns, contributions };
  }

  /** Connections allowed from `src` to `dst` on their (shared) network: egress ∩ ingress. */
  connsBetween(src: Attachment, dst: Attachment): ConnSet {
    if (src.iface.networkId !== dst.iface.networkId || src.endpoint === dst.endpoint)
      return noConns();
    const out = this.directional(src, 'egress', { attachment: dst }, false);
    if (isEmpty(out.conns)) return out.conns;
    const inn = this.directional(dst, 'ingress', { attachment: src }, false);
    return intersect(out.conns, inn.conns);
  }

  /** Connections allowed between an interface and an address outside the known interfaces. */
  connsWithAddress(self: Attachment, direction: Direction, ip: EndpointIp): ConnSet {
    return this.directional(self, direction, { ip }, false).conns;
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
    matches: (c: ConnSet) => boolean,
  ): SideResult {
    const r = this.directional(self, direction, peer);
    const base = {
      endpoint: self.endpoint.key,
      interface: self.iface.name,
      direction,
      isolatedBy: r.isolatedBy.map((p) => p.ref),
    };
    if (!r.isolatedBy.length) return { ...base, verdict: 'Allowed', reason: 'no-policy' };
    const deciding = r.contributions.find((c) => matches(c.conns));
    if (deciding) {
      return {
        ...base,
        verdict: 'Allowed',
        reason: 'rule',
        policy: deciding.policy.ref,
        rule: { direction, index: deciding.rule.index },
      };
    }
    return { ...base, verdict: 'Denied', reason: 'isolated' };
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
    const matches = (c: ConnSet) =>
      !protocol
        ? c.other
        : query.port !== undefined
          ? containsPort(c, protocol, query.port)
          : c.ports[protocol].some(([a, b]) => a === 1 && b === 65535);

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
      return { ...denied, network: networkInfo, self: denied, notes };
    }

    const peerSpec: PeerSpec = peerAttachment ? { attachment: peerAttachment } : { ip: peerIp };
    const selfSide = this.sideResult(self, query.direction, peerSpec, matches);
    let peerSide: SideResult | undefined;
    if (peerAttachment) {
      const opposite: Direction = query.direction === 'ingress' ? 'egress' : 'ingress';
      peerSide = this.sideResult(peerAttachment, opposite, { attachment: self }, matches);
    }
    let decided: Pick<EvalResult, 'verdict' | 'reason' | 'policy' | 'rule'>;
    if (selfSide.verdict === 'Denied') decided = selfSide;
    else if (peerSide?.verdict === 'Denied') decided = { verdict: 'Denied', reason: 'isolated' };
    else if (selfSide.reason === 'rule') decided = selfSide;
    else if (peerSide?.reason === 'rule') decided = peerSide;
    else decided = selfSide;
    return {
      verdict: decided.verdict,
      reason: decided.reason,
      policy: decided.policy,
      rule: decided.rule,
      endpoint: endpoint.key,
      interface: iface.name,
      network: networkInfo,
      self: selfSide,
      peer: peerSide,
      notes,
    };
  }
}
