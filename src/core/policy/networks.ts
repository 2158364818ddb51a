/**
 * The networks an interface can be on, as the policy analysis sees them: the cluster pod network,
 * primary (C)UDNs (one per namespace, NetworkPolicy applies) and secondary networks reached
 * through NADs (MultiNetworkPolicy applies).
 *
 * A secondary network's identity is its CNI network name (the NAD config `name`): OVN-Kubernetes
 * builds one logical switch per network name, and `policy-for` matches "any NAD that maps to that
 * network". When the config cannot be read, the NAD's own name stands in.
 */
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  Labels,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
} from '../k8s/types';
import { matchesSelector } from '../k8s/selectors';
import { textOf } from '../pod/parse-result';

export const POD_NETWORK_ID = 'pod';
export const PRIMARY_UDN_LABEL = 'k8s.ovn.org/primary-user-defined-network';

export type NetworkKind = 'pod' | 'primary-udn' | 'primary-cudn' | 'secondary';
export type Ipam = 'yes' | 'no' | 'unknown';

export interface NadRef {
  namespace: string;
  name: string;
}

export interface Network {
  id: string;
  kind: NetworkKind;
  /** np-guard's network name: `pod-network`, the UDN's namespace, the CUDN name, the NAD name(s). */
  label: string;
  policyKind: 'NetworkPolicy' | 'MultiNetworkPolicy';
  /** CNI plugin type for secondary networks (`ovn-k8s-cni-overlay`, `macvlan`, `bridge`, …). */
  cniType?: string;
  /** OVN topology (`layer2`, `layer3`, `localnet`) for OVN networks. */
  topology?: string;
  ipam: Ipam;
  nads: NadRef[];
  /** Rendered by a (C)UDN rather than written by hand. */
  owner?: {
    kind: 'UserDefinedNetwork' | 'ClusterUserDefinedNetwork';
    namespace?: string;
    name: string;
  };
}

export interface NamespaceInfo {
  name: string;
  labels: Labels;
  /** True when a Namespace object was in the input (not synthesised from a reference). */
  declared: boolean;
  primaryNetworkId: string;
}

export interface NetworkProblem {
  code:
    | 'udn-ignored'
    | 'cudn-namespace-skipped'
    | 'nad-config-unreadable'
    /** A (C)UDN the API server or OVN-Kubernetes refuses: fatal for connlist, as in np-guard. */
    | 'udn-invalid'
    | 'primary-conflict'
    | 'cudn-no-namespace';
  message: string;
  object: { kind: string; namespace?: string; name: string };
}

export interface NetworkCatalog {
  networks: Map<string, Network>;
  namespaces: Map<string, NamespaceInfo>;
  /** `ns/name` of every NAD (given or rendered) → network id. */
  nadNetwork: Map<string, string>;
  problems: NetworkProblem[];
}

export const nsOf = (o: K8sObject): string => o.metadata?.namespace || 'default';
export const nadKey = (namespace: string, name: string): string => `${namespace}/${name}`;

export const LINUX_BRIDGE_TYPES = new Set(['bridge', 'cnv-bridge']);
export const OVN_TYPE = 'ovn-k8s-cni-overlay';

interface NadFacts {
  networkName?: string;
  cniType?: string;
  topology?: string;
  ipam: Ipam;
  role?: string;
}

/** What the policy analysis needs from a NAD config (a CNI config or conflist). */
export const readNadConfig = (config: string | undefined): NadFacts | undefined => {
  if (!config) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(config) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const plugins = Array.isArray(parsed.plugins)
    ? (parsed.plugins as Record<string, unknown>[])
    : [];
  const main = plugins[0] ?? parsed;
  const cniType = typeof main.type === 'string' ? main.type : undefined;
  let ipam: Ipam;
  if (cniType === OVN_TYPE) {
    ipam = typeof main.subnets === 'string' && main.subnets.trim() !== '' ? 'yes' : 'no';
  } else {
    const i = main.ipam as Record<string, unknown> | undefined;
    ipam = i && typeof i === 'object' && typeof i.type === 'string' && i.type !== '' ? 'yes' : 'no';
  }
  return {
    networkName: typeof parsed.name === 'string' && parsed.name ? parsed.name : undefined,
    cniType,
    topology:
      cniType === OVN_TYPE
        ? typeof main.topology === 'string'
          ? main.topology
          : 'layer3'
        : undefined,
    ipam,
    role: typeof main.role === 'string' ? main.role : undefined,
  };
};

/** The layer2/layer3/localnet block of a UDN spec or CUDN `spec.network`. */
const TOPOLOGY_BLOCK: Record<string, string> = {
  Layer2: 'layer2',
  Layer3: 'layer3',
  Localnet: 'localnet',
};

/** Why a (C)UDN network spec cannot be used, or undefined. */
const invalidNetworkSpec = (spec: unknown): string | undefined => {
  const s = (spec ?? {}) as Record<string, unknown>;
  // textOf, not String: a JSON object (or one without a prototype) there must not throw.
  const topology = textOf(s.topology ?? '');
  const block = Object.hasOwn(TOPOLOGY_BLOCK, topology) ? TOPOLOGY_BLOCK[topology] : undefined;
  if (!block) return `invalid topology "${topology}"`;
  if (!s[block]) return `topology ${topology} but no ${block} configuration`;
  const role = (s[block] as { role?: string }).role;
  if (role !== 'Primary' && role !== 'Secondary') return `invalid role "${textOf(role)}"`;
  return undefined;
};

const udnRoleOf = (spec: unknown) => {
  const s = spec as
    Record<string, { role?: string; subnets?: unknown[]; ipam?: { mode?: string } }> | undefined;
  return s?.layer2 ?? s?.layer3 ?? s?.localnet;
};

export const buildNetworkCatalog = (objects: K8sObject[]): NetworkCatalog => {
  const networks = new Map<string, Network>();
  const namespaces = new Map<string, NamespaceInfo>();
  const nadNetwork = new Map<string, string>();
  const problems: NetworkProblem[] = [];

  const ensureNamespace = (name: string, labels?: Labels, declared = false): NamespaceInfo => {
    let ns = namespaces.get(name);
    if (!ns) {
      ns = { name, labels: {}, declared: false, primaryNetworkId: POD_NETWORK_ID };
      namespaces.set(name, ns);
    }
    if (labels) ns.labels = { ...ns.labels, ...labels };
    if (declared) ns.declared = true;
    // The API server sets this label on every namespace; selectors rely on it.
    ns.labels['kubernetes.io/metadata.name'] = name;
    return ns;
  };

  for (const o of objects) {
    if (o.kind === 'Namespace' && o.metadata?.name) {
      ensureNamespace(o.metadata.name, o.metadata.labels, true);
    } else if (o.metadata?.name && o.kind !== 'ClusterUserDefinedNetwork') {
      ensureNamespace(nsOf(o));
    }
  }

  networks.set(POD_NETWORK_ID, {
    id: POD_NETWORK_ID,
    kind: 'pod',
    label: 'pod-network',
    policyKind: 'NetworkPolicy',
    ipam: 'yes',
    nads: [],
  });

  const addSecondary = (
    ref: NadRef,
    facts: NadFacts | undefined,
    owner?: Network['owner'],
  ): void => {
    const id = `nad:${facts?.networkName ?? ref.name}`;
    let net = networks.get(id);
    if (!net) {
      net = {
        id,
        kind: 'secondary',
        label: ref.name,
        policyKind: 'MultiNetworkPolicy',
        cniType: facts?.cniType,
        topology: facts?.topology,
        ipam: facts?.ipam ?? 'unknown',
        nads: [],
        owner,
      };
      networks.set(id, net);
    }
    if (!net.nads.some((n) => n.namespace === ref.namespace && n.name === ref.name)) {
      net.nads.push(ref);
      const labels = [...new Set(net.nads.map((n) => n.name))].sort();
      net.label = labels.join(',');
    }
    nadNetwork.set(nadKey(ref.namespace, ref.name), id);
  };

  const primaryOwner = new Map<string, string>();
  const assignPrimary = (namespace: string, id: string, owner?: string) => {
    const ns = ensureNamespace(namespace);
    const first = primaryOwner.get(namespace);
    if (first && owner) {
      problems.push({
        code: 'primary-conflict',
        message: `only one primary (Cluster)UserDefinedNetwork may serve a namespace: ${first} and ${owner} both claim ${namespace}`,
        object: { kind: 'Namespace', name: namespace },
      });
      return;
    }
    if (owner) primaryOwner.set(namespace, owner);
    ns.primaryNetworkId = id;
  };

  for (const o of objects) {
    if (o.kind === 'UserDefinedNetwork' && o.metadata?.name) {
      const udn = o as UserDefinedNetwork;
      const namespace = nsOf(udn);
      const block = udnRoleOf(udn.spec as never);
      const ref = { kind: 'UserDefinedNetwork' as const, namespace, name: udn.metadata!.name! };
      const invalid =
        invalidNetworkSpec(udn.spec) ??
        (ref.name === 'default' ? 'a UserDefinedNetwork may not be named default' : undefined) ??
        (namespace === 'default' || namespace.startsWith('openshift-')
          ? `UserDefinedNetworks may not be created in namespace ${namespace}`
          : undefined);
      if (invalid) {
        problems.push({
          code: 'udn-invalid',
          message: `UserDefinedNetwork ${namespace}/${ref.name}: ${invalid}`,
          object: ref,
        });
        continue;
      }
      if (block?.role === 'Primary') {
        const ns = namespaces.get(namespace);
        if (!ns?.declared || !(PRIMARY_UDN_LABEL in ns.labels)) {
          problems.push({
            code: 'udn-ignored',
            message: `UserDefinedNetwork ${namespace}/${ref.name} is ignored: namespace ${namespace} ${ns?.declared ? `does not carry the ${PRIMARY_UDN_LABEL} label` : 'is not in the input'}`,
            object: ref,
          });
          continue;
        }
        const id = `udn:${namespace}`;
        networks.set(id, {
          id,
          kind: 'primary-udn',
          label: namespace,
          policyKind: 'NetworkPolicy',
          topology: udn.spec?.topology?.toLowerCase(),
          ipam: 'yes',
          nads: [{ namespace, name: ref.name }],
          owner: ref,
        });
        nadNetwork.set(nadKey(namespace, ref.name), id);
        assignPrimary(namespace, id, `${namespace}/${ref.name}`);
      } else if (block?.role === 'Secondary') {
        addSecondary(
          { namespace, name: ref.name },
          {
            networkName: `${namespace}_${ref.name}`,
            cniType: OVN_TYPE,
            topology: udn.spec?.topology?.toLowerCase(),
            ipam: block.ipam?.mode === 'Disabled' || !block.subnets?.length ? 'no' : 'yes',
          },
          ref,
        );
      }
    }
  }

  for (const o of objects) {
    if (o.kind !== 'ClusterUserDefinedNetwork' || !o.metadata?.name) continue;
    const cudn = o as ClusterUserDefinedNetwork;
    const name = cudn.metadata!.name!;
    const network = cudn.spec?.network;
    const block = network ? udnRoleOf(network as never) : undefined;
    const selected = [...namespaces.values()].filter(
      (ns) => ns.declared && matchesSelector(ns.labels, cudn.spec?.namespaceSelector ?? {}),
    );
    const ref = { kind: 'ClusterUserDefinedNetwork' as const, name };
    const invalid = invalidNetworkSpec(network);
    if (invalid) {
      problems.push({
        code: 'udn-invalid',
        message: `ClusterUserDefinedNetwork ${name}: ${invalid}`,
        object: ref,
      });
      continue;
    }
    if (!selected.length)
      problems.push({
        code: 'cudn-no-namespace',
        message: `ClusterUserDefinedNetwork ${name} is ignored: it selects no namespace of the input`,
        object: ref,
      });
    if (block?.role === 'Primary') {
      const id = `cudn:${name}`;
      const nads: NadRef[] = [];
      for (const ns of selected) {
        if (!(PRIMARY_UDN_LABEL in ns.labels)) {
          problems.push({
            code: 'cudn-namespace-skipped',
            message: `ClusterUserDefinedNetwork ${name} does not apply to namespace ${ns.name}: it lacks the ${PRIMARY_UDN_LABEL} label`,
            object: ref,
          });
          continue;
        }
        nads.push({ namespace: ns.name, name });
        nadNetwork.set(nadKey(ns.name, name), id);
        assignPrimary(ns.name, id, name);
      }
      networks.set(id, {
        id,
        kind: 'primary-cudn',
        label: name,
        policyKind: 'NetworkPolicy',
        topology: network?.topology?.toLowerCase(),
        ipam: 'yes',
        nads,
        owner: ref,
      });
    } else if (block?.role === 'Secondary') {
      for (const ns of selected) {
        addSecondary(
          { namespace: ns.name, name },
          {
            networkName: `cluster_udn_${name}`,
            cniType: OVN_TYPE,
            topology: network?.topology?.toLowerCase(),
            ipam: block.ipam?.mode === 'Disabled' || !block.subnets?.length ? 'no' : 'yes',
          },
          ref,
        );
      }
    }
  }

  for (const o of objects) {
    if (o.kind !== 'NetworkAttachmentDefinition' || !o.metadata?.name) continue;
    const nad = o as NetworkAttachmentDefinition;
    const ref = { namespace: nsOf(nad), name: nad.metadata!.name! };
    const key = nadKey(ref.namespace, ref.name);
    const facts = readNadConfig(nad.spec?.config);
    if (!facts) {
      problems.push({
        code: 'nad-config-unreadable',
        message: `NetworkAttachmentDefinition ${key}: spec.config is not valid JSON; its name stands in for the network name`,
        object: { kind: 'NetworkAttachmentDefinition', ...ref },
      });
    }
    // A NAD rendered from a primary (C)UDN is that primary network, not a secondary one.
    if (
      facts?.role === 'primary' ||
      nadNetwork.get(key)?.startsWith('udn:') ||
      nadNetwork.get(key)?.startsWith('cudn:')
    ) {
      continue;
    }
    addSecondary(ref, facts);
  }

  return { networks, namespaces, nadNetwork, problems };
};

/** Why OpenShift would not enforce a MultiNetworkPolicy on a network (or on one VM NIC). */
export type NotEnforcedReason = 'linux-bridge' | 'sriov-passthrough' | 'ipamless-selector-peers';

/**
 * Whether a MultiNetworkPolicy can be offered for a network (and a VM NIC's binding): not on Linux
 * bridge networks, not for SR-IOV functions passed through to the guest, and with selector peers
 * not on an OVN network without IPAM. For the MultiNetworkPolicy wizard and Create VM's policies
 * step.
 */
export const mnpEnforcement = (
  network: Pick<Network, 'cniType' | 'ipam' | 'kind'>,
  options: { binding?: string; selectorPeers?: boolean } = {},
): { enforced: true } | { enforced: false; reason: NotEnforcedReason } => {
  if (network.cniType && LINUX_BRIDGE_TYPES.has(network.cniType))
    return { enforced: false, reason: 'linux-bridge' };
  if (options.binding === 'sriov' || network.cniType === 'sriov')
    return { enforced: false, reason: 'sriov-passthrough' };
  if (options.selectorPeers && network.cniType === OVN_TYPE && network.ipam === 'no')
    return { enforced: false, reason: 'ipamless-selector-peers' };
  return { enforced: true };
};
