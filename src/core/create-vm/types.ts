/** The plan of a VM to create: what the networking-first creation flow edits and generates from. */
import type { TargetVersion } from '../k8s/openshift-version';

/** What a NIC attaches to: the pod network (or the namespace's primary UDN), or a NAD. */
export type PlanNetwork = { kind: 'pod' } | { kind: 'multus'; namespace: string; name: string };

/**
 * The binding written on the interface. `passt` is the binding plugin (`binding: {name: passt}`,
 * OpenShift 4.20–4.21 with the HCO opt-in); `passtBinding` is KubeVirt 1.8's core binding (4.22).
 */
export type BindingName = 'masquerade' | 'bridge' | 'sriov' | 'l2bridge' | 'passt' | 'passtBinding';

export const BINDING_NAMES: readonly BindingName[] = [
  'masquerade',
  'bridge',
  'sriov',
  'l2bridge',
  'passt',
  'passtBinding',
];

/** KubeVirt's interface models (v1 Interface.model). */
export const INTERFACE_MODELS = [
  'virtio',
  'e1000',
  'e1000e',
  'igb',
  'ne2k_pci',
  'pcnet',
  'rtl8139',
] as const;
export type InterfaceModel = (typeof INTERFACE_MODELS)[number];

export interface PlanInterface {
  /** The interface and network name (`spec.networks[].name`): a DNS-1123 label. */
  name: string;
  network: PlanNetwork;
  binding: BindingName;
  /** The user picked the binding instead of taking the one the network calls for. */
  bindingOverridden?: boolean;
  model: InterfaceModel;
  /** Empty: KubeMacPool (or libvirt) assigns one. */
  macAddress?: string;
  linkState: 'up' | 'down';
}

export type BootSource =
  | {
      kind: 'dataSource';
      namespace: string;
      name: string;
      /** Root disk size; empty lets CDI size it from the source. */
      storage?: string;
    }
  | { kind: 'containerDisk'; image: string };

export type Compute =
  { kind: 'instancetype'; instancetype: string } | { kind: 'custom'; cpu: number; memory: string };

export const RUN_STRATEGIES = ['Always', 'RerunOnFailure', 'Manual', 'Halted'] as const;
export type RunStrategy = (typeof RUN_STRATEGIES)[number];

export interface VMPlan {
  name: string;
  namespace: string;
  boot: BootSource;
  compute: Compute;
  /** A cluster-wide VirtualMachineClusterPreference; empty for none. */
  preference?: string;
  runStrategy: RunStrategy;
  interfaces: PlanInterface[];
}

/** Where a network comes from and what it is, as far as the binding is concerned. */
export type NetworkFlavor =
  | 'pod'
  | 'primary-udn'
  | 'ovn-layer2'
  | 'ovn-layer3'
  | 'ovn-localnet'
  | 'bridge'
  | 'sriov'
  | 'macvlan'
  | 'other';

/** A network a NIC can be put on, as the pickers list it. */
export interface NetworkOption {
  /** `pod`, or `<namespace>/<nad>`. */
  id: string;
  network: PlanNetwork;
  flavor: NetworkFlavor;
  /** `udn`/`cudn` when a (C)UDN renders the NAD; `planned` when it is created with the VM. */
  source: 'pod' | 'nad' | 'udn' | 'cudn' | 'planned';
  /** The CNI plugin type as written (`cnv-bridge` stays visible). */
  pluginType?: string;
  /** Whether the network hands out addresses (OVN subnets or an IPAM block). */
  hasIpam: boolean;
  subnets: string[];
}

/** What the cluster offers for passt (../shared/notes/api-facts.md §5.1, §6). */
export type PasstSupport = 'none' | 'plugin' | 'core';

export interface BindingContext {
  target: TargetVersion;
  passt: PasstSupport;
}
