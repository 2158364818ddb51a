/**
 * Reading a VirtualMachine's spec: its interfaces, their bindings and the networks they attach to.
 * Only what the spec says; joining with the instance, the pod and the networks happens elsewhere.
 */
import type { V1Interface, V1Network } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VirtualMachine, VirtualMachineInstance } from '../k8s/types';

/** `cluster-default`: not written anywhere yet (KubeVirt's configured defaultNetworkInterface applies). */
export type BindingSource = 'core' | 'plugin' | 'deprecated' | 'default' | 'cluster-default';

export interface Binding {
  /** The name a person sees: masquerade, bridge, sriov, passt, or the binding plugin's own name. */
  name: string;
  source: BindingSource;
}

/** Core binding fields of `spec.domain.devices.interfaces[]`, in KubeVirt's own order. */
const CORE_BINDINGS: [keyof V1Interface | string, string][] = [
  ['masquerade', 'masquerade'],
  ['bridge', 'bridge'],
  ['sriov', 'sriov'],
  ['passtBinding', 'passt'],
];

/** Removed from KubeVirt 1.3 but still accepted as deprecated aliases on older objects. */
const DEPRECATED_BINDINGS: [string, string][] = [
  ['macvtap', 'macvtap'],
  ['slirp', 'slirp'],
  ['passt', 'passt'],
];

export const bindingOf = (iface: V1Interface): Binding => {
  const record = iface as unknown as Record<string, unknown>;
  const plugin = iface.binding?.name;
  if (plugin) return { name: plugin, source: 'plugin' };
  for (const [field, name] of CORE_BINDINGS) {
    if (record[field] !== undefined && record[field] !== null) return { name, source: 'core' };
  }
  for (const [field, name] of DEPRECATED_BINDINGS) {
    if (record[field] !== undefined && record[field] !== null)
      return { name, source: 'deprecated' };
  }
  // KubeVirt's defaulting gives an interface without a binding method the bridge binding.
  return { name: 'bridge', source: 'default' };
};

export type SpecNetwork =
  | { kind: 'pod'; name: string; vmNetworkCIDR?: string }
  | {
      kind: 'multus';
      name: string;
      /** `networkName` as written: `nad` or `namespace/nad`. */
      networkName: string;
      nadName: string;
      nadNamespace: string;
      /** `multus.default: true` replaces the pod network. */
      isDefault: boolean;
    }
  | { kind: 'other'; name: string; source: string }
  | { kind: 'missing'; name: string };

/** Splits a Multus `networkName` (`nad` or `ns/nad`); a bare name lives in the VM's namespace. */
export const parseNetworkName = (
  networkName: string,
  vmNamespace: string | undefined,
): { namespace: string; name: string } => {
  const slash = networkName.indexOf('/');
  if (slash >= 0) {
    return { namespace: networkName.slice(0, slash), name: networkName.slice(slash + 1) };
  }
  return { namespace: vmNamespace ?? '', name: networkName };
};

export const specNetworkOf = (
  network: V1Network | undefined,
  interfaceName: string,
  vmNamespace: string | undefined,
): SpecNetwork => {
  if (!network) return { kind: 'missing', name: interfaceName };
  if (network.pod) {
    return { kind: 'pod', name: network.name, vmNetworkCIDR: network.pod.vmNetworkCIDR };
  }
  if (network.multus) {
    const { namespace, name } = parseNetworkName(network.multus.networkName, vmNamespace);
    return {
      kind: 'multus',
      name: network.name,
      networkName: network.multus.networkName,
      nadName: name,
      nadNamespace: namespace,
      // The generated type calls it `_default`; the API field is `default`.
      isDefault: !!(network.multus as { default?: boolean }).default,
    };
  }
  const source = Object.keys(network).find((k) => k !== 'name') ?? 'unknown';
  return { kind: 'other', name: network.name, source };
};

export interface SpecInterface {
  name: string;
  binding: Binding;
  /** As written; KubeVirt defaults a missing model to virtio. */
  model?: string;
  macAddress?: string;
  /** `up`, `down` or `absent` (hot-unplug); empty means up. */
  state?: string;
  network: SpecNetwork;
  iface: V1Interface;
}

type VMLike = VirtualMachine | VirtualMachineInstance;

const templateSpecOf = (obj: VMLike) =>
  'template' in (obj.spec ?? {})
    ? (obj as VirtualMachine).spec?.template?.spec
    : (obj as VirtualMachineInstance).spec;

/** One entry per `spec.domain.devices.interfaces[]`, joined with its `spec.networks[]` entry. */
export const specInterfacesOf = (obj: VMLike | undefined): SpecInterface[] => {
  if (!obj) return [];
  const spec = templateSpecOf(obj);
  const interfaces = spec?.domain?.devices?.interfaces ?? [];
  const networks = spec?.networks ?? [];
  // Only text is a namespace: it goes into NAD keys (`ns/name`).
  const namespace =
    typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : undefined;
  return interfaces.map((iface) => ({
    name: iface.name,
    binding: bindingOf(iface),
    model: iface.model,
    macAddress: iface.macAddress,
    state: (iface as { state?: string }).state,
    network: specNetworkOf(
      networks.find((n) => n.name === iface.name),
      iface.name,
      namespace,
    ),
    iface,
  }));
};
