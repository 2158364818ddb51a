/**
 * What a network's details page states beyond its row: the bridge mapping per node for a localnet,
 * the MultiNetworkPolicies that name it and whether they can be enforced, and what deleting it hits.
 */
import type {
  MultiNetworkPolicy,
  NetworkOperatorConfig,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
} from '../k8s/types';
import { LIST_MESSAGES as M, msg, type Message } from './messages';
import type { NetworkRow } from './types';

/** The network's facts as sentences, each from a field of the row (nothing when it is unreadable). */
export const describeNetwork = (row: NetworkRow): Message[] => {
  if (row.status.state === 'invalid') return [];
  const out: Message[] = [];
  if (row.role === 'primary') out.push(msg(M.describePrimary));
  if (row.topology === 'layer2' && row.role !== 'primary') out.push(msg(M.describeLayer2));
  else if (row.topology === 'layer3') out.push(msg(M.describeLayer3));
  else if (row.topology === 'localnet')
    out.push(msg(M.describeLocalnet, { physicalNetwork: row.physicalNetwork ?? '' }));
  else if (row.canonicalType === 'bridge')
    out.push(msg(M.describeLinuxBridge, { bridge: row.bridges[0] ?? '' }));
  else if (!row.topology && row.pluginType)
    out.push(msg(M.describeOtherPlugin, { type: row.pluginType }));
  if (row.topology === 'localnet' || row.canonicalType === 'bridge')
    out.push(
      row.vlan !== undefined ? msg(M.describeVlan, { vlan: row.vlan }) : msg(M.describeNoVlan),
    );
  out.push(
    !row.ipam.assigns
      ? msg(M.describeNoIpam)
      : row.subnets.length
        ? msg(M.describeIpam, { subnets: row.subnets.join(', ') })
        : msg(M.describeIpamPlugin, { type: row.ipam.type ?? '' }),
  );
  out.push(row.mtu !== undefined ? msg(M.describeMtu, { mtu: row.mtu }) : msg(M.describeNoMtu));
  return out;
};

export interface NodeMapping {
  node: string;
  /** The bridge the node maps the physical network to, per its NodeNetworkState; absent: no mapping. */
  bridge?: string;
}

export interface LocalnetMappings {
  physicalNetwork: string;
  /** NNCPs asking for the mapping (desired state). */
  policies: { name: string; bridge?: string; nodeSelector?: Record<string, string> }[];
  /** Per node, from NodeNetworkState (actual state); `undefined` when NNS were not read. */
  nodes?: NodeMapping[];
}

export const localnetMappings = (
  physicalNetwork: string,
  nncps: NodeNetworkConfigurationPolicy[] | undefined,
  states: NodeNetworkState[] | undefined,
): LocalnetMappings => ({
  physicalNetwork,
  policies: (nncps ?? []).flatMap((p) =>
    (p.spec?.desiredState?.ovn?.['bridge-mappings'] ?? [])
      .filter((m) => m?.localnet === physicalNetwork && m.state !== 'absent')
      .map((m) => ({
        name: p.metadata?.name ?? '',
        bridge: m.bridge,
        ...(p.spec?.nodeSelector ? { nodeSelector: p.spec.nodeSelector } : {}),
      })),
  ),
  nodes: states
    ? states
        .map((s) => ({
          node: s.metadata?.name ?? '',
          bridge: (s.status?.currentState?.ovn?.['bridge-mappings'] ?? []).find(
            (m) => m?.localnet === physicalNetwork,
          )?.bridge,
        }))
        .sort((a, b) => a.node.localeCompare(b.node))
    : undefined,
});

/**
 * Why a MultiNetworkPolicy naming this network does not filter it: MultiNetworkPolicy is off in
 * the cluster network operator, the operator config was not readable, the network is a Linux bridge
 * (OpenShift does not support MultiNetworkPolicy there) or a primary network (NetworkPolicy applies).
 */
export type NotEnforcedReason = 'mnp-disabled' | 'mnp-config-unknown' | 'linux-bridge' | 'primary';

export interface TargetingPolicy {
  policy: MultiNetworkPolicy;
  enforced: boolean | undefined;
  reason?: NotEnforcedReason;
}

const POLICY_FOR = 'k8s.v1.cni.cncf.io/policy-for';

/**
 * `policy-for` read as OVN-Kubernetes reads it (spaces dropped, split on `,`, a bare name is in the
 * policy's namespace) — the same reading as ../policy/policies.ts `parsePolicyFor`, kept here so
 * the list page does not load the policy analysis and its IP library.
 */
export const policyForKeys = (value: string | undefined, policyNamespace: string): string[] =>
  (value ?? '')
    .replace(/\s+/g, '')
    .split(',')
    .filter(Boolean)
    .map((item) => (item.includes('/') ? item : `${policyNamespace}/${item}`));

/** The MNPs whose `policy-for` names one of this row's NADs. */
export const policiesTargeting = (
  row: NetworkRow,
  mnps: MultiNetworkPolicy[],
  operator: NetworkOperatorConfig | undefined | null,
): TargetingPolicy[] => {
  const nads = new Set(
    row.kind === 'NetworkAttachmentDefinition'
      ? [`${row.namespace}/${row.name}`]
      : [
          ...row.renderedNads.map((n) => `${n.namespace}/${n.name}`),
          // A (C)UDN's NAD has its name in each namespace it reaches, readable or not.
          ...row.namespaces.map((ns) => `${ns}/${row.name}`),
        ],
  );
  const typeReason: NotEnforcedReason | undefined =
    row.role === 'primary'
      ? 'primary'
      : row.canonicalType === 'bridge'
        ? 'linux-bridge'
        : undefined;
  const configured =
    operator === undefined || operator === null
      ? undefined
      : operator.spec?.useMultiNetworkPolicy === true;
  return mnps
    .filter((p) =>
      policyForKeys(p.metadata?.annotations?.[POLICY_FOR], p.metadata?.namespace ?? '').some((k) =>
        nads.has(k),
      ),
    )
    .map((policy) => {
      if (configured === false) return { policy, enforced: false, reason: 'mnp-disabled' as const };
      if (typeReason) return { policy, enforced: false, reason: typeReason };
      if (configured === undefined)
        return { policy, enforced: undefined, reason: 'mnp-config-unknown' as const };
      return { policy, enforced: true };
    });
};

export interface DeleteImpact {
  inUse: boolean;
  vms: { namespace: string; name: string; nics: string[] }[];
}

/** The VMs and NICs that lose this network if it is deleted. */
export const deleteImpact = (row: NetworkRow): DeleteImpact => {
  const byVm = new Map<string, { namespace: string; name: string; nics: string[] }>();
  for (const c of row.connected) {
    const key = `${c.vmNamespace}/${c.vmName}`;
    const entry = byVm.get(key) ?? { namespace: c.vmNamespace, name: c.vmName, nics: [] };
    entry.nics.push(c.nic);
    byVm.set(key, entry);
  }
  const vms = [...byVm.values()].sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
  return { inUse: vms.length > 0, vms };
};
