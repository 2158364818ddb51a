/**
 * The networks a NIC of a VM in a namespace can use: the pod network (the namespace's primary UDN
 * when it has one) and the NADs, hand-written or rendered by a (C)UDN, plus planned ones.
 */
import type {
  ClusterUserDefinedNetwork,
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
} from '../k8s/types';
import { parseNadConfig, type NadConfig } from '../networks/nad-config';
import {
  cudnsSelecting,
  generatingUdnRef,
  isPrimaryUdn,
  isUdnGeneratedNad,
  namespaceLabels,
  PRIMARY_UDN_NAMESPACE_LABEL,
  udnConfigOf,
  udnNetworkName,
  type AnyUDN,
} from '../networks/udn';
import type { NetworkFlavor, NetworkOption } from './types';

/** The NAD HCO deploys for the passt binding plugin; it is not a network for NICs. */
const BINDING_NADS = new Set(['primary-udn-kubevirt-binding']);

export const flavorOfNad = (config: NadConfig): NetworkFlavor => {
  const type = config.canonicalType;
  if (type === 'ovn-k8s-cni-overlay') {
    if (config.role === 'primary') return 'primary-udn';
    if (config.topology === 'localnet') return 'ovn-localnet';
    if (config.topology === 'layer3') return 'ovn-layer3';
    return 'ovn-layer2';
  }
  if (type === 'bridge') return 'bridge';
  if (type === 'sriov') return 'sriov';
  if (type === 'macvlan') return 'macvlan';
  return 'other';
};

export const POD_NETWORK_ID = 'pod';

export interface NetworkOptionsInput {
  namespace: string;
  /** The Namespace object (its labels say whether it wants a primary UDN). */
  namespaceObject?: Namespace;
  nads: NetworkAttachmentDefinition[];
  udns?: UserDefinedNetwork[];
  cudns?: ClusterUserDefinedNetwork[];
}

/** Whether VMs in the namespace get the primary UDN on their pod network NIC. */
export const hasPrimaryUdn = (input: NetworkOptionsInput): boolean => {
  const labels = namespaceLabels(input.namespaceObject, input.namespace);
  // The label alone says the pods' main interface comes from a primary UDN (OVN-Kubernetes holds
  // the pods until that UDN exists), whether or not this user can read the UDN.
  if (input.namespaceObject?.metadata?.labels?.[PRIMARY_UDN_NAMESPACE_LABEL] !== undefined) {
    return true;
  }
  const udns: AnyUDN[] = [
    ...(input.udns ?? []).filter(
      (u) => (u.metadata?.namespace ?? input.namespace) === input.namespace,
    ),
    ...cudnsSelecting(input.cudns ?? [], labels),
  ];
  if (udns.some(isPrimaryUdn)) return true;
  // Non-admins cannot read CUDNs: a rendered primary NAD in the namespace proves it too.
  return input.nads.some(
    (n) =>
      (n.metadata?.namespace ?? input.namespace) === input.namespace &&
      parseNadConfig(n).role === 'primary',
  );
};

export const podNetworkOption = (primaryUdn: boolean): NetworkOption => ({
  id: POD_NETWORK_ID,
  network: { kind: 'pod' },
  flavor: primaryUdn ? 'primary-udn' : 'pod',
  source: 'pod',
  hasIpam: true,
  subnets: [],
});

export const nadOption = (
  nad: NetworkAttachmentDefinition,
  fallbackNamespace: string,
  source?: NetworkOption['source'],
): NetworkOption => {
  const namespace = nad.metadata?.namespace || fallbackNamespace;
  const name = nad.metadata?.name ?? '';
  const config = parseNadConfig(nad);
  const owner = generatingUdnRef(nad);
  return {
    id: `${namespace}/${name}`,
    network: { kind: 'multus', namespace, name },
    flavor: flavorOfNad(config),
    source:
      source ??
      (owner?.kind === 'ClusterUserDefinedNetwork'
        ? 'cudn'
        : owner || isUdnGeneratedNad(nad)
          ? 'udn'
          : 'nad'),
    ...(config.type ? { pluginType: config.type } : {}),
    hasIpam: config.hasIpam,
    subnets: config.subnets,
  };
};

/**
 * Every network a NIC can use, the pod network first. Primary-role NADs are left out: the primary
 * UDN is reached through the pod network NIC, never as a Multus network.
 */
export const networkOptionsFor = (input: NetworkOptionsInput): NetworkOption[] => {
  const out: NetworkOption[] = [podNetworkOption(hasPrimaryUdn(input))];
  const seen = new Set<string>();
  for (const nad of input.nads) {
    if (BINDING_NADS.has(nad.metadata?.name ?? '')) continue;
    const option = nadOption(nad, input.namespace);
    if (option.flavor === 'primary-udn' || seen.has(option.id)) continue;
    seen.add(option.id);
    out.push(option);
  }
  return out;
};

/**
 * The NAD OVN-Kubernetes renders for a (C)UDN in a namespace, so a plan can show and use a network
 * that does not exist yet (ovn-kubernetes pkg/util/multi_network.go key names; notes/api-facts.md §2).
 */
export const renderedNadFor = (udn: AnyUDN, namespace: string): NetworkAttachmentDefinition => {
  const cfg = udnConfigOf(udn);
  const name = udn.metadata?.name ?? '';
  const isCluster = udn.kind === 'ClusterUserDefinedNetwork';
  const subnets = ((cfg as { subnets?: (string | { cidr: string })[] } | undefined)?.subnets ?? [])
    .map((s) => (typeof s === 'string' ? s : s.cidr))
    .join(',');
  const config: Record<string, unknown> = {
    cniVersion: '1.0.0',
    name: udnNetworkName({ ...udn, metadata: { ...udn.metadata, namespace } }),
    netAttachDefName: `${namespace}/${name}`,
    role: cfg?.role?.toLowerCase() ?? 'secondary',
    topology: cfg?.topology?.toLowerCase() ?? 'layer2',
    type: 'ovn-k8s-cni-overlay',
  };
  if (subnets) config.subnets = subnets;
  if (cfg?.mtu) config.mtu = cfg.mtu;
  const local = cfg as { physicalNetworkName?: string; vlan?: { access?: { id: number } } };
  if (local?.physicalNetworkName) config.physicalNetworkName = local.physicalNetworkName;
  if (local?.vlan?.access?.id) config.vlanID = local.vlan.access.id;
  if ((cfg as { ipam?: { lifecycle?: string } })?.ipam?.lifecycle === 'Persistent') {
    config.allowPersistentIPs = true;
  }
  return {
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: {
      name,
      namespace,
      labels: { 'k8s.ovn.org/user-defined-network': '' },
      ownerReferences: [
        {
          apiVersion: 'k8s.ovn.org/v1',
          kind: isCluster ? 'ClusterUserDefinedNetwork' : 'UserDefinedNetwork',
          name,
          uid: '',
          controller: true,
        },
      ],
    },
    spec: { config: JSON.stringify(config) },
  };
};
