/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy (`policy.networking.k8s.io/v1alpha1`) read
 * into one shape: subject, ordered rules with an action, peers and ports. What the API server would
 * reject is kept as a problem on the rule (never dropped, never read generously).
 */
import type { K8sObject, LabelSelector } from '../k8s/types';
import { isPortProtocol } from './conn-set';
import { parseCidr, type IpRange } from './ip';
import { textOf } from '../pod/parse-result';
import { msg, POLICY_MESSAGES as M, type Message } from './messages';
import type { Direction, Port, PolicyRef } from './policies';

export type AdminKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

export const ADMIN_POLICY_GROUP = 'policy.networking.k8s.io';

export type AdminPeer =
  | { kind: 'namespaces'; namespaceSelector: LabelSelector }
  | { kind: 'pods'; namespaceSelector: LabelSelector; podSelector: LabelSelector }
  | { kind: 'networks'; cidrs: IpRange[]; texts: string[] }
  | { kind: 'nodes'; nodeSelector: LabelSelector }
  | { kind: 'invalid'; reason: Message };

export interface AdminRule {
  direction: Direction;
  index: number;
  /** `spec.ingress[i].name`, or `#<i+1>` when the rule has none. */
  name: string;
  action: AdminAction;
  /** `null`: no ports, so every connection. */
  ports: Port[] | null;
  peers: AdminPeer[];
  /** Why the rule (its action or its ports) cannot be read. */
  problems: Message[];
}

export interface AdminSubject {
  namespaceSelector: LabelSelector;
  /** Absent: every pod of the selected namespaces. */
  podSelector?: LabelSelector;
}

export interface AdminPolicy {
  index: number;
  ref: PolicyRef & { kind: AdminKind };
  /** ANP priority (lower wins); undefined for the BANP. */
  priority?: number;
  /** Undefined when the subject cannot be read (then the policy is reported, not applied). */
  subject?: AdminSubject;
  rules: Record<Direction, AdminRule[]>;
  problems: Message[];
  object: K8sObject;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const selector = (x: unknown): LabelSelector => (isObj(x) ? (x as LabelSelector) : {});

/**
 * `namespaces` is a label selector in v1alpha1; the v0.1.1 API (still used by the SIG's own
 * walkthrough) wrapped it as `namespaces.namespaceSelector`. Read both; say which.
 */
const namespaceSelectorOf = (x: unknown, notes: Message[]): LabelSelector => {
  if (isObj(x) && isObj(x.namespaceSelector) && !x.matchLabels && !x.matchExpressions) {
    notes.push(msg(M.legacyNamespaceSelector));
    return selector(x.namespaceSelector);
  }
  return selector(x);
};

const readAdminPeer = (peer: unknown, notes: Message[]): AdminPeer => {
  if (!isObj(peer)) return { kind: 'invalid', reason: msg(M.adminPeerShape) };
  const keys = ['namespaces', 'pods', 'networks', 'nodes'].filter((k) => peer[k] !== undefined);
  if (keys.length !== 1) return { kind: 'invalid', reason: msg(M.adminPeerShape) };
  const key = keys[0];
  if (key === 'namespaces')
    return { kind: 'namespaces', namespaceSelector: namespaceSelectorOf(peer.namespaces, notes) };
  if (key === 'pods') {
    const pods = isObj(peer.pods) ? peer.pods : {};
    return {
      kind: 'pods',
      namespaceSelector: namespaceSelectorOf(pods.namespaceSelector ?? pods.namespaces, notes),
      podSelector: selector(pods.podSelector),
    };
  }
  if (key === 'nodes') return { kind: 'nodes', nodeSelector: selector(peer.nodes) };
  const texts = Array.isArray(peer.networks) ? peer.networks.map((n) => textOf(n)) : [];
  const cidrs: IpRange[] = [];
  for (const text of texts) {
    // isCIDR(self) in the CRD: a prefix is required.
    const range = text.includes('/') ? parseCidr(text) : undefined;
    if (!range) return { kind: 'invalid', reason: msg(M.badNetwork, { cidr: text }) };
    cidrs.push(range);
  }
  if (!cidrs.length) return { kind: 'invalid', reason: msg(M.adminPeerShape) };
  return { kind: 'networks', cidrs, texts };
};

const portNumber = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 65535 ? x : undefined;

const readAdminPort = (p: unknown): Port | Message => {
  if (!isObj(p)) return msg(M.adminPortShape);
  const keys = ['portNumber', 'namedPort', 'portRange'].filter((k) => p[k] !== undefined);
  if (keys.length !== 1) return msg(M.adminPortShape);
  if (keys[0] === 'namedPort') {
    const name = textOf(p.namedPort);
    return name ? { protocol: 'TCP', kind: 'named', name } : msg(M.badPort, { port: name });
  }
  const body = isObj(p[keys[0]]) ? (p[keys[0]] as Obj) : {};
  const protocolText = textOf(body.protocol ?? 'TCP');
  const protocol = protocolText.toUpperCase();
  if (!isPortProtocol(protocol)) return msg(M.badProtocol, { protocol: protocolText });
  if (keys[0] === 'portNumber') {
    const port = portNumber(body.port);
    if (port === undefined) return msg(M.badPort, { port: textOf(body.port) });
    return { protocol, kind: 'range', from: port, to: port };
  }
  const start = portNumber(body.start);
  const end = portNumber(body.end);
  if (start === undefined) return msg(M.badPort, { port: textOf(body.start) });
  if (end === undefined) return msg(M.badPort, { port: textOf(body.end) });
  if (start > end) return msg(M.adminRangeBackwards, { start, end });
  return { protocol, kind: 'range', from: start, to: end };
};

const readAdminRules = (
  kind: AdminKind,
  direction: Direction,
  list: unknown,
  notes: Message[],
): AdminRule[] =>
  (Array.isArray(list) ? list : []).map((r: unknown, index) => {
    const rule = isObj(r) ? r : {};
    const problems: Message[] = [];
    const actionText = textOf(rule.action ?? '');
    let action: AdminAction = 'Deny';
    if (actionText === 'Allow' || actionText === 'Deny' || actionText === 'Pass')
      action = actionText;
    else problems.push(msg(M.adminBadAction, { action: actionText }));
    if (kind === 'BaselineAdminNetworkPolicy' && action === 'Pass') problems.push(msg(M.banpPass));
    const peerList = direction === 'ingress' ? rule.from : rule.to;
    const peers = (Array.isArray(peerList) ? peerList : []).map((p) => readAdminPeer(p, notes));
    if (!peers.length) peers.push({ kind: 'invalid', reason: msg(M.adminPeerShape) });
    let ports: Port[] | null = null;
    if (Array.isArray(rule.ports) && rule.ports.length) {
      ports = [];
      for (const p of rule.ports) {
        const read = readAdminPort(p);
        if ('message' in read) problems.push(read);
        else ports.push(read);
      }
    }
    return {
      direction,
      index,
      name: typeof rule.name === 'string' && rule.name ? rule.name : `#${index + 1}`,
      action,
      ports,
      peers,
      problems,
    };
  });

const readSubject = (x: unknown, notes: Message[]): AdminSubject | undefined => {
  if (!isObj(x)) return undefined;
  const keys = ['namespaces', 'pods'].filter((k) => x[k] !== undefined);
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'namespaces')
    return { namespaceSelector: namespaceSelectorOf(x.namespaces, notes) };
  const pods = isObj(x.pods) ? x.pods : {};
  return {
    namespaceSelector: namespaceSelectorOf(pods.namespaceSelector ?? pods.namespaces, notes),
    podSelector: selector(pods.podSelector),
  };
};

export const isAdminPolicyObject = (o: K8sObject): boolean =>
  (o.kind === 'AdminNetworkPolicy' || o.kind === 'BaselineAdminNetworkPolicy') &&
  (o.apiVersion ?? '').startsWith(`${ADMIN_POLICY_GROUP}/`);

export const readAdminPolicies = (objects: K8sObject[]): AdminPolicy[] => {
  const out: AdminPolicy[] = [];
  for (const o of objects) {
    if (!isAdminPolicyObject(o) || !o.metadata?.name) continue;
    const kind = o.kind as AdminKind;
    const spec = isObj((o as Obj).spec) ? ((o as Obj).spec as Obj) : {};
    const problems: Message[] = [];
    let priority: number | undefined;
    if (kind === 'AdminNetworkPolicy') {
      const p = spec.priority;
      if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 1000) priority = p;
      else problems.push(msg(M.badPriority, { priority: textOf(p) }));
    }
    const subject = readSubject(spec.subject, problems);
    if (!subject) problems.push(msg(M.badSubject));
    const notes: Message[] = [];
    const rules = {
      ingress: readAdminRules(kind, 'ingress', spec.ingress, notes),
      egress: readAdminRules(kind, 'egress', spec.egress, notes),
    };
    out.push({
      index: out.length,
      ref: { kind, namespace: '', name: o.metadata.name },
      priority,
      subject,
      rules,
      problems: [...problems, ...notes.slice(0, 1)],
      object: o,
    });
  }
  return out;
};

/** ANPs in evaluation order: priority ascending, then name (OVN-Kubernetes leaves ties undefined). */
export const byPriority = (a: AdminPolicy, b: AdminPolicy): number =>
  (a.priority ?? 0) - (b.priority ?? 0) || (a.ref.name < b.ref.name ? -1 : 1);

/** Whether a policy problem makes the whole policy unreadable (vs. a note on how it was read). */
export const isBlocking = (m: Message): boolean => m.message !== M.legacyNamespaceSelector;
