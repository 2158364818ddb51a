/**
 * Objects the analysis could not read at all (PolicyAnalysis leaves them out and lists them): which
 * of them could be a policy, and what such a policy could decide, as narrowly as what can be read of
 * the object allows. Leaving a policy out can only widen what is allowed (an isolating or denying
 * policy goes missing), so the analysis makes what it could decide "unknown" instead.
 */
import { ADMIN_POLICY_GROUP } from './admin-policies';
import { msg, POLICY_MESSAGES as M, type Message } from './messages';
import { isRecord } from '../pod/parse-result';

export interface UnreadablePolicy {
  /** The object as it was given. */
  object: unknown;
  /** Its kind, when that is text. */
  kind?: string;
  /** The namespace whose pods it could select as a (Multi)NetworkPolicy; undefined: any. */
  namespace?: string;
  /** It could be a NetworkPolicy: it filters the primary network of the namespace. */
  networkPolicy: boolean;
  /** It could be a MultiNetworkPolicy: it filters secondary networks. */
  multiNetworkPolicy: boolean;
  /**
   * It could be an AdminNetworkPolicy or a ClusterNetworkPolicy: it decides before NetworkPolicy,
   * at a priority we cannot know, with Allow as well as Deny rules.
   */
  admin: boolean;
  /** It could be a BaselineAdminNetworkPolicy: it decides what NetworkPolicy leaves. */
  baseline: boolean;
  /** The text that names it, for messages: `NetworkPolicy a/?`, `AdminNetworkPolicy ?`. */
  label: string;
  /** Why answers it could change are unknown: "NetworkPolicy a/? could not be read". */
  reason: Message;
}

type Scope = 'namespaced' | 'admin' | 'baseline';
/** The policy kinds, the API group readable objects of that kind must have, and their scope. */
const POLICY_KINDS: Record<string, { group?: string; scope: Scope; mnp?: boolean }> = {
  // readPolicies reads these whatever their apiVersion: so does this.
  NetworkPolicy: { scope: 'namespaced' },
  MultiNetworkPolicy: { scope: 'namespaced', mnp: true },
  AdminNetworkPolicy: { group: ADMIN_POLICY_GROUP, scope: 'admin' },
  // Not modelled yet when readable (unmodelledPolicy below), but an admin tier all the same.
  ClusterNetworkPolicy: { group: ADMIN_POLICY_GROUP, scope: 'admin' },
  BaselineAdminNetworkPolicy: { group: ADMIN_POLICY_GROUP, scope: 'baseline' },
};

const text = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : '?');

/**
 * What an object left out as unreadable could decide, or undefined when it cannot be a policy (a
 * readable kind that is not one: a missing endpoint or network, reported as such).
 */
export const unreadablePolicy = (o: unknown): UnreadablePolicy | undefined => {
  const obj = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
  const known = kind !== undefined ? POLICY_KINDS[kind] : undefined;
  if (kind !== undefined && !known) return undefined;
  // An apiVersion that is text and of another group is another API's kind of that name.
  const apiVersion = obj.apiVersion;
  if (known?.group && typeof apiVersion === 'string' && !apiVersion.startsWith(`${known.group}/`))
    return undefined;

  const metaRecord = isRecord(obj.metadata) ? obj.metadata : undefined;
  const rawNamespace = metaRecord?.namespace;
  // A namespace that is not text could be any namespace; so could a missing one: a readable
  // policy without one is read as in `default`, but an object this broken is not guessed at.
  const namespace =
    typeof rawNamespace === 'string' && rawNamespace !== '' ? rawNamespace : undefined;
  const name = text(metaRecord?.name);
  // Namespaced kinds by `namespace/name` (`?` where unreadable); a kind that cannot be read by the
  // namespace it names, if any; admin kinds are cluster-scoped.
  const shown =
    known?.scope === 'namespaced'
      ? `${namespace ?? '?'}/${name}`
      : !known && namespace !== undefined
        ? `${namespace}/${name}`
        : name;
  const label = kind ? `${kind} ${shown}` : shown;
  const reason = kind
    ? msg(M.unreadableObject, { kind, name: shown })
    : msg(M.unreadableKind, { name: shown });
  return {
    object: o,
    kind,
    namespace,
    networkPolicy: !known || (known.scope === 'namespaced' && !known.mnp),
    multiNetworkPolicy: !known || !!known.mnp,
    admin: !known || known.scope === 'admin',
    baseline: !known || known.scope === 'baseline',
    label,
    reason,
  };
};

/**
 * A readable policy of a kind the analysis does not model yet: a ClusterNetworkPolicy
 * (policy.networking.k8s.io/v1alpha2, the successor of AdminNetworkPolicy and its baseline). Left
 * out, it could only widen what is allowed (its Deny rules go missing), so what it could decide is
 * unknown, as for an unreadable one: everything, for the `Admin` tier (it decides before
 * NetworkPolicy, at a priority not compared with AdminNetworkPolicies'); what NetworkPolicy leaves,
 * for the `Baseline` tier. A tier that is not one of the two is read as `Admin`, the wider.
 */
export const unmodelledPolicy = (o: {
  kind?: unknown;
  apiVersion?: unknown;
  metadata?: { name?: unknown };
  spec?: unknown;
}): UnreadablePolicy | undefined => {
  if (o.kind !== 'ClusterNetworkPolicy') return undefined;
  if (typeof o.apiVersion === 'string' && !o.apiVersion.startsWith(`${ADMIN_POLICY_GROUP}/`))
    return undefined;
  const name = text(o.metadata?.name);
  const baseline = isRecord(o.spec) && o.spec.tier === 'Baseline';
  return {
    object: o,
    kind: o.kind,
    networkPolicy: false,
    multiNetworkPolicy: false,
    admin: !baseline,
    baseline,
    label: `${o.kind} ${name}`,
    reason: msg(M.notModelled, { kind: o.kind, name }),
  };
};
