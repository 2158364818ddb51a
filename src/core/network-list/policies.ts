/**
 * The MultiNetworkPolicies list: per policy, the networks its `policy-for` names, the VMs its
 * `podSelector` selects (over the VMs' template labels, in the policy's own namespace), its
 * isolation per direction and whether it is enforced. Pure: the page passes what it watched.
 */
import { isValidSelector, matchesSelector } from '../k8s/selectors';
import type {
  MultiNetworkPolicy,
  NetworkOperatorConfig,
  NetworkPolicySpec,
  VirtualMachine,
} from '../k8s/types';
import { policiesTargeting, policyForKeys, type NotEnforcedReason } from './details';
import type { NetworkRow } from './types';

const POLICY_FOR = 'k8s.v1.cni.cncf.io/policy-for';

/** Why a target is not enforced, plus: the name matches no network this user can read. */
export type TargetReason = NotEnforcedReason | 'network-not-found';

export interface PolicyTarget {
  /** `namespace/name` as `policy-for` names it (bare names resolved to the policy's namespace). */
  key: string;
  row?: NetworkRow;
  /** `undefined`: not known (network not found or operator config unreadable). */
  enforced: boolean | undefined;
  reason?: TargetReason;
}

/**
 * One direction. `isolated`: the policy lists the direction in `policyTypes` (or, without
 * `policyTypes`, as the API defaults it: Ingress always, Egress when egress rules exist).
 * `rules`: how many rules allow traffic; isolated with none means everything is denied.
 */
export interface DirectionIsolation {
  isolated: boolean;
  rules: number;
}

export type PolicyEnforcement = 'enforced' | 'not-enforced' | 'partly' | 'unknown';

export interface PolicyRow {
  key: string;
  name: string;
  namespace: string;
  policy: MultiNetworkPolicy;
  targets: PolicyTarget[];
  /** Names of the VMs of the policy's namespace whose template labels the podSelector matches. */
  selectedVms: string[];
  /** The selector cannot be read (unknown operator, In/NotIn without values): it selects nothing. */
  selectorInvalid: boolean;
  ingress: DirectionIsolation;
  egress: DirectionIsolation;
  enforcement: PolicyEnforcement;
  /** The distinct reasons a target is not (or not known to be) enforced; none: no target at all. */
  reasons: TargetReason[];
}

export const isolationOf = (
  spec: NetworkPolicySpec | undefined,
): { ingress: DirectionIsolation; egress: DirectionIsolation } => {
  const ingressRules = spec?.ingress?.length ?? 0;
  const egressRules = spec?.egress?.length ?? 0;
  const types = spec?.policyTypes;
  return {
    ingress: { isolated: types ? types.includes('Ingress') : true, rules: ingressRules },
    egress: { isolated: types ? types.includes('Egress') : egressRules > 0, rules: egressRules },
  };
};

const enforcementOf = (targets: PolicyTarget[]): PolicyEnforcement => {
  if (!targets.length) return 'not-enforced';
  if (targets.some((t) => t.enforced === undefined)) return 'unknown';
  const on = targets.filter((t) => t.enforced).length;
  return on === targets.length ? 'enforced' : on === 0 ? 'not-enforced' : 'partly';
};

const rowKeysOf = (row: NetworkRow): string[] =>
  row.kind === 'NetworkAttachmentDefinition'
    ? [`${row.namespace}/${row.name}`]
    : [
        ...row.renderedNads.map((n) => `${n.namespace}/${n.name}`),
        ...row.namespaces.map((ns) => `${ns}/${row.name}`),
      ];

/**
 * The labels the VM's virt-launcher pod will carry, computed: the template's labels (copied to the
 * VMI, then to the pod) plus what virt-controller adds to every launcher pod (kubevirt
 * `services/template.go`: `kubevirt.io: virt-launcher`, `vm.kubevirt.io/name: <hostname or name>`).
 * `kubevirt.io/created-by` (the VMI's uid) is left out: it is not known before the VMI exists.
 */
export const launcherLabelsOf = (vm: VirtualMachine): Record<string, string> => ({
  ...(vm.spec?.template?.metadata?.labels ?? {}),
  'kubevirt.io': 'virt-launcher',
  'vm.kubevirt.io/name':
    (vm.spec?.template?.spec as { hostname?: string } | undefined)?.hostname ||
    vm.metadata?.name ||
    '',
});

export const buildPolicyRows = (
  mnps: MultiNetworkPolicy[],
  rows: NetworkRow[],
  vms: VirtualMachine[],
  operator: NetworkOperatorConfig | undefined | null,
): PolicyRow[] => {
  const byNad = new Map<string, NetworkRow>();
  rows.forEach((r) => rowKeysOf(r).forEach((k) => byNad.has(k) || byNad.set(k, r)));
  return mnps.map((policy) => {
    const namespace = policy.metadata?.namespace ?? '';
    const name = policy.metadata?.name ?? '';
    const keys = [...new Set(policyForKeys(policy.metadata?.annotations?.[POLICY_FOR], namespace))];
    const targets: PolicyTarget[] = keys.map((key) => {
      const row = byNad.get(key);
      if (!row) return { key, enforced: undefined, reason: 'network-not-found' };
      const [t] = policiesTargeting(row, [policy], operator);
      // policiesTargeting matched the same key, so `t` is there; fail closed if it is not.
      return t
        ? { key, row, enforced: t.enforced, ...(t.reason ? { reason: t.reason } : {}) }
        : { key, row, enforced: undefined, reason: 'network-not-found' };
    });
    // The API requires podSelector; `{}` selects every pod of the namespace.
    const selector = policy.spec?.podSelector ?? {};
    const selectorInvalid = !isValidSelector(selector);
    const selectedVms = selectorInvalid
      ? []
      : vms
          .filter(
            (vm) =>
              vm.metadata?.namespace === namespace &&
              matchesSelector(launcherLabelsOf(vm), selector),
          )
          .map((vm) => vm.metadata?.name ?? '')
          .sort();
    return {
      key: `${namespace}/${name}`,
      name,
      namespace,
      policy,
      targets,
      selectedVms,
      selectorInvalid,
      ...isolationOf(policy.spec),
      enforcement: enforcementOf(targets),
      reasons: [
        ...new Set(targets.filter((t) => t.enforced !== true && t.reason).map((t) => t.reason!)),
      ],
    };
  });
};
