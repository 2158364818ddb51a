/** The shapes of the networking model: what one guest NIC looks like from guest to wire. */
import type {
  ClusterNetworkConfig,
  ClusterUserDefinedNetwork,
  LabelSelector,
  Labels,
  Namespace,
  NetworkAttachmentDefinition,
  NetworkOperatorConfig,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  Pod,
  UserDefinedNetwork,
  VirtualMachine,
  VirtualMachineInstance,
} from '../k8s/types';
import type { Binding, SpecInterface } from '../kubevirt/vm-spec';
import type { PodDevice, NamingScheme } from '../kubevirt/naming';
import type { NadConfig } from '../networks/nad-config';
import type { BridgeMappingSource } from '../networks/bridge-mappings';
import type { AnyUDN, PrimaryNetworkState } from '../networks/udn';
import type {
  NetworkSelectionElement,
  NetworkStatusEntry,
  OvnPodNetwork,
} from '../pod/annotations';
import type { IpFact } from './addresses';
import type { Message } from './messages';

/**
 * An input the view could not read. `forbidden` marks a 403, so the row can say "you may not read
 * X" rather than "X is missing". Any input may also be `undefined`: not provided / not loaded.
 */
export interface Unreadable {
  error: string;
  forbidden?: boolean;
}

export type Readable<T> = T | Unreadable | undefined;

export interface NetworkingInput {
  vm: VirtualMachine;
  /** `null` or `undefined`: there is no instance (the VM is stopped, or a draft). */
  vmi?: VirtualMachineInstance | Unreadable | null;
  /** The launcher pods (fetched by label selector); other pods are ignored. */
  pods?: Readable<Pod[]>;
  /** NADs of the VM namespace plus those referenced in other namespaces (e.g. `default`). */
  nads?: Readable<NetworkAttachmentDefinition[]>;
  udns?: Readable<UserDefinedNetwork[]>;
  cudns?: Readable<ClusterUserDefinedNetwork[]>;
  namespace?: Readable<Namespace>;
  nncps?: Readable<NodeNetworkConfigurationPolicy[]>;
  nodeNetworkStates?: Readable<NodeNetworkState[]>;
  networkConfig?: Readable<NetworkOperatorConfig>;
  /** config.openshift.io/v1 Network `cluster` (its `status.networkType` names the CNI). */
  clusterNetwork?: Readable<ClusterNetworkConfig>;
}

export interface ObjectRef {
  group: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * Where a fact comes from: a named field of a named object (the VMI status also names its reporter,
 * `infoSource`), or computed by a named rule from named inputs (e.g. KubeVirt's pod interface
 * naming applied to the VM network name). The view shows computed facts as such.
 */
export type Evidence =
  | { kind: 'field'; object: ObjectRef; field: string; infoSource?: string }
  | { kind: 'computed'; rule: ComputedRule; from: string[] };

/** The rules the model applies itself, each documented where it is applied. */
export type ComputedRule =
  /** KubeVirt pod interface naming (pkg/network/namescheme): `pod` + sha256(network)[:11], netN, eth0. */
  | 'kubevirt-pod-interface-name'
  /** The devices KubeVirt creates in the launcher pod for a binding (k6t-*, tap*, *-nic). */
  | 'kubevirt-pod-devices'
  /** KubeVirt defaults an interface model to virtio. */
  | 'kubevirt-default-model'
  /** An interface without a `state` is up. */
  | 'kubevirt-default-link-state'
  /** An interface without a binding field gets the bridge binding. */
  | 'kubevirt-default-binding'
  /** No interfaces and no networks: KubeVirt adds the pod network `default` (autoattachPodInterface). */
  | 'kubevirt-auto-pod-interface'
  /** Masquerade's fixed guest side: 10.0.2.2/24 via 10.0.2.1, fd10:0:2::2/120 via fd10:0:2::1. */
  | 'kubevirt-masquerade'
  /** OVN-Kubernetes names the pod side of a primary UDN `ovn-udn1`. */
  | 'ovn-primary-udn-interface'
  /** OVN-Kubernetes' default gateway on a layer2 primary network: the first host of each subnet. */
  | 'ovn-first-host-gateway'
  /** A bridge binding hands the pod's address on the network to the guest. */
  | 'bridge-binding-pod-address'
  /** The launcher pod's OVN annotation exists only on OVN-Kubernetes clusters. */
  | 'ovn-annotation-present'
  /**
   * The Namespace, whose labels decide whether a primary (C)UDN carries the pod network NIC, could
   * not be read, and a primary (C)UDN could apply: which network it is, is unknown.
   */
  | 'primary-network-undecided';

export interface DataProblem {
  /** The object the bad value belongs to. */
  object: ObjectRef;
  /** Where in it: a field path or an annotation key. */
  field: string;
  /** What is wrong (technical, e.g. "expected a list of strings, got a string"). */
  problem: string;
  /** The value as it was found. */
  raw: unknown;
}

export type VmState =
  'draft' | 'stopped' | 'starting' | 'running' | 'migrating' | 'stopping' | 'unknown';

export type HotplugState = 'absent' | 'pending-restart' | 'pending-migration' | 'not-in-instance';

export interface Fact {
  /** Stable id the view maps to a label (masqueradeGuestAddress, podIP, gateway…). */
  id: string;
  value: string;
  source: Evidence;
}

export interface GuestFacts {
  /** The guest OS name (eth0, enp1s0), from the guest agent. */
  interfaceName?: string;
  /**
   * The emulated device model. No `value` for an SR-IOV VF (`passthrough`): the guest drives the
   * VF itself, there is no emulated model.
   */
  model: { value?: string; defaulted: boolean; passthrough?: boolean };
  mac: { configured?: string; reported?: string; pod?: string };
  linkState: { configured: 'up' | 'down' | 'absent'; reported?: string };
  ips: IpFact[];
  linkLocal: IpFact[];
  /** `infoSource` of the VMI status entry, split. */
  infoSources: string[];
  hotplug?: HotplugState;
  hotplugMessage?: Message;
  /**
   * False when the instance runs but its status has no entry for this NIC: the guest facts are
   * "not reported" (which is not evidence of a hot-plug).
   */
  statusReported?: boolean;
}

export interface BindingFacts extends Binding {
  meaning: Message;
  facts: Fact[];
}

export type NetworkKind =
  'pod-network' | 'primary-udn' | 'primary-cudn' | 'udn' | 'cudn' | 'nad' | 'missing' | 'unknown';

export interface NetworkFacts {
  kind: NetworkKind;
  kindLabel: Message;
  role: 'primary' | 'secondary';
  /**
   * Why the objects cannot tell which network this is (kind `unknown` on the pod network NIC:
   * the cluster pod network or a primary UDN), as the row's note says it.
   */
  undecided?: Message;
  /** Plugin type as written (`cnv-bridge` stays visible) and what it is. */
  pluginType?: string;
  canonicalType?: string;
  topology?: string;
  /** The CNI network name (cluster-wide for OVN; the bridge-mapping key for localnet). */
  networkName?: string;
  subnets: string[];
  excludeSubnets: string[];
  gateways: string[];
  ipam: { enabled?: boolean; lifecycle?: 'Persistent' };
  vlan?: number;
  mtu?: number;
  bridge?: string;
  physicalNetworkName?: string;
  nodeBridges: BridgeMappingSource[];
  /** `ns/name` of the NAD the spec points at, for multus networks. */
  nadKey?: string;
  nad?: NadConfig;
  udn?: AnyUDN;
  refs: ObjectRef[];
  /** Why a NAD is missing, when another object shows it. */
  missingCause?: MissingCause;
  /** Per field of this object (`subnets`, `vlan`, …): where it was read or how it was computed. */
  evidence: Record<string, Evidence>;
}

export type MissingCause =
  /** A CUDN of that name exists but its namespaceSelector does not select this namespace. */
  | { kind: 'cudn-not-selecting'; cudn: ObjectRef; selector?: LabelSelector }
  /** UDNs of that name exist, in other namespaces. */
  | { kind: 'udn-in-other-namespace'; udns: ObjectRef[] };

export interface PodSide {
  /** The name KubeVirt gives it, computed. */
  expectedInterface?: string;
  /** The name the pod reports (network-status, VMI podInterfaceName), when it does. */
  reportedInterface?: string;
  /** expected === reported, when both are known. */
  matches?: boolean;
  interfaceName?: string;
  devices: PodDevice[];
  ips: IpFact[];
  mac?: string;
  gateways: string[];
  ovnRole?: string;
  /** Key of the `k8s.ovn.org/pod-networks` entry. */
  ovnKey?: string;
  /**
   * With a primary UDN: the pod's own `eth0` on the cluster default network, which OVN-Kubernetes
   * keeps for the infrastructure (kubelet probes, DNS); the guest cannot use it.
   */
  lockedDefault?: { interfaceName: string; ips: IpFact[]; mac?: string; role?: string };
  /** SR-IOV: the VF as the device plugin reports it in network-status `device-info`. */
  deviceInfo?: { type?: string; pciAddress?: string; raw: Record<string, unknown> };
}

export interface RawFacts {
  nadConfig?: string;
  networkStatusEntry?: NetworkStatusEntry;
  networkSelection?: NetworkSelectionElement;
  ovnPodNetwork?: OvnPodNetwork;
  vmiStatus?: Record<string, unknown>;
  specInterface: unknown;
  specNetwork?: unknown;
}

export interface InterfaceRow {
  name: string;
  primary: boolean;
  guest: GuestFacts;
  binding: BindingFacts;
  network: NetworkFacts;
  pod: PodSide;
  raw: RawFacts;
  /** What this row could not learn (missing or unreadable objects, parse errors). */
  notes: Message[];
  spec: SpecInterface;
  /**
   * Evidence per fact, keyed by its path in the row (`guest.mac.reported`, `pod.interfaceName`…).
   * Network facts carry theirs in `network.evidence`, IP facts and binding facts their own.
   */
  evidence: Record<string, Evidence>;
}

export interface ResourceProblem {
  resource: string;
  error: string;
  forbidden: boolean;
}

/** Indices the diagnostics read; built once per call. */
export interface ModelContext {
  nadsByKey: Map<string, NetworkAttachmentDefinition>;
  nadsKnown: boolean;
  allNads: NetworkAttachmentDefinition[];
  bridgeMappings: Map<string, BridgeMappingSource[]>;
  bridgeMappingsKnown: boolean;
  /** Smallest MTU each node interface (bridges included) reports in NodeNetworkState. */
  nodeInterfaceMtus: Map<string, number>;
  /** The cluster network MTU (operator status), that overlays ride on. */
  clusterNetworkMtu?: number;
  namespaceLabels?: Labels;
  primary?: PrimaryNetworkState;
  udnsKnown: boolean;
  vmi?: VirtualMachineInstance;
  activePod?: Pod;
  networkStatus?: NetworkStatusEntry[];
  ovnPodNetworks?: Record<string, OvnPodNetwork>;
  guestAgentConnected?: boolean;
  restartRequired: boolean;
  /** Networking CRD problems on the VMI (e.g. failed hot-plug). */
  vmiConditions: { type: string; status: string; reason?: string; message?: string }[];
}

/** The cluster's CNI: OVN-Kubernetes internals (br-int, br-ex) are drawn only when it is OVN. */
export interface ClusterNetworkFacts {
  /** `OVNKubernetes`, `OpenShiftSDN`, `Calico`…: as written; undefined when nothing says. */
  type?: string;
  ovnKubernetes?: boolean;
  source?: Evidence;
}

export interface NetworkingModel {
  vmName: string;
  namespace: string;
  state: VmState;
  /** The fields the state was read from (runStrategy/running, printableStatus, VMI phase). */
  stateEvidence: Evidence[];
  clusterNetwork: ClusterNetworkFacts;
  /** Bad values found in objects (annotations, specs, statuses), each with its raw data. */
  dataProblems: DataProblem[];
  stateMessages: Message[];
  guestAgentConnected?: boolean;
  namingScheme: NamingScheme;
  launcher: { active?: Pod; migrationTarget?: Pod };
  interfaces: InterfaceRow[];
  /** VMI status entries with no spec interface (guest-only devices such as a bridge in the guest). */
  extraStatusInterfaces: Record<string, unknown>[];
  problems: ResourceProblem[];
  /** For a draft: what to create before the VM (primary UDN, NADs). */
  createFirst: ObjectRef[];
  context: ModelContext;
}
