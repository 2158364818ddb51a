/**
 * Kubernetes object shapes used across the domain core. KubeVirt types come from
 * @kubevirt-ui-ext/kubevirt-api; the networking CRDs below are written from the CRDs in
 * ../shared/crds (k8s.cni.cncf.io, k8s.ovn.org, nmstate.io).
 */
import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

export type VirtualMachine = V1VirtualMachine & K8sObject;
export type VirtualMachineInstance = V1VirtualMachineInstance & K8sObject;

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface Pod extends K8sObject {
  spec?: {
    nodeName?: string;
    hostname?: string;
    containers?: { name: string; ports?: ContainerPort[] }[];
    [key: string]: unknown;
  };
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    hostIP?: string;
    conditions?: Condition[];
    [key: string]: unknown;
  };
}

export interface Namespace extends K8sObject {
  status?: { phase?: string };
}

/** k8s.cni.cncf.io/v1 NetworkAttachmentDefinition: `spec.config` is a CNI JSON document as a string. */
export interface NetworkAttachmentDefinition extends K8sObject {
  spec?: { config?: string };
}

export type UDNTopology = 'Layer2' | 'Layer3';
export type CUDNTopology = UDNTopology | 'Localnet';
export type NetworkRole = 'Primary' | 'Secondary';

export interface UDNIpam {
  mode?: 'Enabled' | 'Disabled';
  lifecycle?: 'Persistent';
}

export interface Layer2Config {
  role: NetworkRole;
  subnets?: string[];
  joinSubnets?: string[];
  mtu?: number;
  ipam?: UDNIpam;
  /** OpenShift 4.20+ (PreconfiguredUDNAddresses). */
  reservedSubnets?: string[];
  infrastructureSubnets?: string[];
  defaultGatewayIPs?: string[];
}

export interface Layer3Subnet {
  cidr: string;
  hostSubnet?: number;
}

export interface Layer3Config {
  role: NetworkRole;
  subnets: Layer3Subnet[];
  joinSubnets?: string[];
  mtu?: number;
}

export interface LocalnetConfig {
  role: 'Secondary';
  physicalNetworkName: string;
  subnets?: string[];
  excludeSubnets?: string[];
  ipam?: UDNIpam;
  mtu?: number;
  vlan?: { mode: 'Access'; access?: { id: number } };
}

export interface UserDefinedNetworkSpec {
  topology: UDNTopology;
  layer2?: Layer2Config;
  layer3?: Layer3Config;
}

export interface UserDefinedNetwork extends K8sObject {
  spec?: UserDefinedNetworkSpec;
  status?: { conditions?: Condition[] };
}

export interface ClusterUserDefinedNetworkSpec {
  namespaceSelector: LabelSelector;
  network: {
    topology: CUDNTopology;
    layer2?: Layer2Config;
    layer3?: Layer3Config;
    localnet?: LocalnetConfig;
    [key: string]: unknown;
  };
}

export interface ClusterUserDefinedNetwork extends K8sObject {
  spec?: ClusterUserDefinedNetworkSpec;
  status?: { conditions?: Condition[] };
}

export interface NetworkPolicyPort {
  protocol?: 'TCP' | 'UDP' | 'SCTP' | string;
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: { ports?: NetworkPolicyPort[]; from?: NetworkPolicyPeer[] }[];
  egress?: { ports?: NetworkPolicyPort[]; to?: NetworkPolicyPeer[] }[];
}

/** k8s.cni.cncf.io/v1beta1 MultiNetworkPolicy: a NetworkPolicy clone selected by `policy-for`. */
export interface MultiNetworkPolicy extends K8sObject {
  spec?: NetworkPolicySpec;
}

export interface NetworkPolicy extends K8sObject {
  spec?: NetworkPolicySpec;
}

export interface BridgeMapping {
  localnet: string;
  bridge?: string;
  state?: 'present' | 'absent';
}

/** nmstate.io/v1 NodeNetworkConfigurationPolicy; `desiredState` is schemaless nmstate YAML. */
export interface NodeNetworkConfigurationPolicy extends K8sObject {
  spec?: {
    nodeSelector?: Labels;
    maxUnavailable?: number | string;
    desiredState?: {
      interfaces?: Record<string, unknown>[];
      ovn?: { 'bridge-mappings'?: BridgeMapping[] };
      [key: string]: unknown;
    };
  };
  status?: { conditions?: Condition[] };
}

/** nmstate.io/v1beta1 NodeNetworkState: what a node reports. */
export interface NodeNetworkState extends K8sObject {
  status?: {
    currentState?: {
      interfaces?: Record<string, unknown>[];
      ovn?: { 'bridge-mappings'?: BridgeMapping[] };
      [key: string]: unknown;
    };
  };
}

/** config.openshift.io/v1 Network `cluster`: the cluster network as installed. */
export interface ClusterNetworkConfig extends K8sObject {
  spec?: { networkType?: string; clusterNetwork?: { cidr: string }[]; [key: string]: unknown };
  status?: {
    networkType?: string;
    clusterNetworkMTU?: number;
    clusterNetwork?: { cidr: string }[];
    [key: string]: unknown;
  };
}

/** operator.openshift.io/v1 Network (the cluster network operator config). */
export interface NetworkOperatorConfig extends K8sObject {
  spec?: {
    useMultiNetworkPolicy?: boolean;
    clusterNetwork?: { cidr: string; hostPrefix?: number }[];
    serviceNetwork?: string[];
    [key: string]: unknown;
  };
}
