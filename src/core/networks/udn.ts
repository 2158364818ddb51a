/**
 * User-defined networks as the tab sees them: which (C)UDN serves a namespace as its primary
 * network, which one generated a NAD, and the facts of a (C)UDN's topology config.
 */
import type {
  ClusterUserDefinedNetwork,
  Labels,
  LocalnetConfig,
  Layer2Config,
  Layer3Config,
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
} from '../k8s/types';
import { matchesSelector } from '../k8s/selectors';

export const PRIMARY_UDN_NAMESPACE_LABEL = 'k8s.ovn.org/primary-user-defined-network';
export const UDN_NAD_LABEL = 'k8s.ovn.org/user-defined-network';
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The API server sets `kubernetes.io/metadata.name` on every namespace; manifests often omit it. */
export const namespaceLabels = (ns: Namespace | undefined, name: string): Labels => ({
  ...(ns?.metadata?.labels ?? {}),
  [NAMESPACE_NAME_LABEL]: ns?.metadata?.name ?? name,
});

export type AnyUDN = UserDefinedNetwork | ClusterUserDefinedNetwork;
export type UDNConfig = (Layer2Config | Layer3Config | LocalnetConfig) & { topology: string };

type TopologyBlock = { topology: string; block: Layer2Config | Layer3Config | LocalnetConfig };

const topologyBlockOf = (udn: AnyUDN): TopologyBlock | undefined => {
  const isCluster =
    udn.kind === 'ClusterUserDefinedNetwork' || 'namespaceSelector' in (udn.spec ?? {});
  const net = (
    isCluster ? (udn as ClusterUserDefinedNetwork).spec?.network : (udn as UserDefinedNetwork).spec
  ) as
    | { topology?: string; layer2?: Layer2Config; layer3?: Layer3Config; localnet?: LocalnetConfig }
    | undefined;
  if (!net?.topology) return undefined;
  const block =
    net.topology === 'Layer2' ? net.layer2 : net.topology === 'Layer3' ? net.layer3 : net.localnet;
  return block ? { topology: net.topology, block } : undefined;
};

/** The topology block of a UDN (`spec.layer2`) or CUDN (`spec.network.layer2`). */
export const udnConfigOf = (udn: AnyUDN): UDNConfig | undefined => {
  const found = topologyBlockOf(udn);
  return found ? { ...found.block, topology: found.topology } : undefined;
};

/** Read without copying the block: the model asks it of every UDN of the namespace. */
export const isPrimaryUdn = (udn: AnyUDN): boolean =>
  topologyBlockOf(udn)?.block.role === 'Primary';

export const isClusterUdn = (udn: AnyUDN): udn is ClusterUserDefinedNetwork =>
  udn.kind === 'ClusterUserDefinedNetwork' || 'namespaceSelector' in (udn.spec ?? {});

/** The CUDNs whose namespaceSelector selects the namespace. */
export const cudnsSelecting = (
  cudns: ClusterUserDefinedNetwork[],
  labels: Labels,
): ClusterUserDefinedNetwork[] =>
  cudns.filter((c) => matchesSelector(labels, c.spec?.namespaceSelector));

export interface PrimaryNetworkState {
  /** The namespace carries `k8s.ovn.org/primary-user-defined-network`. */
  labelled: boolean;
  /** Primary UDNs in the namespace and primary CUDNs selecting it (more than one is an error). */
  networks: AnyUDN[];
}

export const primaryNetworkState = (
  labels: Labels,
  namespaceUdns: UserDefinedNetwork[],
  selectingCudns: ClusterUserDefinedNetwork[],
): PrimaryNetworkState => ({
  labelled: Object.prototype.hasOwnProperty.call(labels, PRIMARY_UDN_NAMESPACE_LABEL),
  networks: [...namespaceUdns.filter(isPrimaryUdn), ...selectingCudns.filter(isPrimaryUdn)],
});

/** The (C)UDN that rendered a NAD: its controller ownerReference, else the same-named (C)UDN. */
export const generatingUdnRef = (
  nad: NetworkAttachmentDefinition,
): { kind: 'UserDefinedNetwork' | 'ClusterUserDefinedNetwork'; name: string } | undefined => {
  const owner = nad.metadata?.ownerReferences?.find(
    (o) => o.kind === 'UserDefinedNetwork' || o.kind === 'ClusterUserDefinedNetwork',
  );
  if (owner) return { kind: owner.kind as 'UserDefinedNetwork', name: owner.name };
  return undefined;
};

export const isUdnGeneratedNad = (nad: NetworkAttachmentDefinition): boolean =>
  !!generatingUdnRef(nad) ||
  Object.prototype.hasOwnProperty.call(nad.metadata?.labels ?? {}, UDN_NAD_LABEL);

/** Network name OVN-Kubernetes gives a (C)UDN (the NAD config `name`). */
export const udnNetworkName = (udn: AnyUDN): string =>
  isClusterUdn(udn)
    ? `cluster_udn_${udn.metadata?.name}`
    : `${udn.metadata?.namespace}_${udn.metadata?.name}`;
