/** The shapes of the networking model: what one guest NIC looks like from guest to wire. */
import type {
  ClusterUserDefinedNetwork,
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
}

export interface ObjectRef {
  group: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type VmState =
  'draft' | 'stopped' | 'starting' | 'running' | 'migrating' | 'stopping' | 'unknown';

export type HotplugState = 'absent' | 'pending-restart' | 'pending-migration' | 'not-in-instance';

export interface Fact {
  /** Stable id the view maps to a label (masqueradeGuestAddress, podIP, gateway…). */
  id: string;
  value: string;
}

export interface GuestFacts {
  /** The guest OS name (eth0, enp1s0), from the guest agent. */
  interfaceName?: string;
  model: { value: string; defaulted: boolean };
  mac: { configured?: string; reported?: string; pod?: string };
  linkState: { configured: 'up' | 'down' | 'absent'; reported?: string };
  ips: IpFact[];
  linkLocal: IpFact[];
  /** `infoSource` of the VMI status entry, split. */
  infoSources: string[];
  hotplug?: HotplugState;
  hotplugMessage?: Message;
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
}

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

export interface NetworkingModel {
  vmName: string;
  namespace: string;
  state: VmState;
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
