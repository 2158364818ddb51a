/**
 * How KubeVirt names the virt-launcher pod's interfaces for each VMI network
 * (pkg/network/namescheme and pkg/network/link in KubeVirt): the Networking tab recomputes them so
 * it can point at the pod devices without `oc rsh` and cross-check them with Multus' network-status.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

/** Linux IFNAMSIZ is 15; KubeVirt keeps room for the `-nic` suffix, leaving 11 hex digits. */
const HASH_LENGTH = 11;
const ORDINAL_RE = /^net\d+$/;
const encoder = new TextEncoder();
const hashCache = new Map<string, string>();

/** `pod` + the first 11 hex digits of sha256 of the VMI network name (not the NAD name). */
export const hashedPodInterfaceName = (networkName: string): string => {
  let name = hashCache.get(networkName);
  if (name === undefined) {
    name = 'pod' + bytesToHex(sha256(encoder.encode(networkName))).slice(0, HASH_LENGTH);
    hashCache.set(networkName, name);
  }
  return name;
};

export type NamingScheme = 'hashed' | 'ordinal';

/**
 * VMs started before KubeVirt 1.0 keep `net1`, `net2`… across migrations; KubeVirt picks the
 * ordinal scheme as soon as any network-status interface looks like one.
 */
export const namingSchemeOf = (podInterfaceNames: Iterable<string | undefined>): NamingScheme => {
  for (const name of podInterfaceNames) if (name && ORDINAL_RE.test(name)) return 'ordinal';
  return 'hashed';
};

export const DEFAULT_PRIMARY_POD_INTERFACE = 'eth0';
/** OVN-Kubernetes' pod interface for a primary user-defined network. */
export const OVN_PRIMARY_UDN_INTERFACE = 'ovn-udn1';

/** `eth0`, unless network-status names another default interface (`ovn-udn1` with a primary UDN). */
export const primaryPodInterfaceName = (defaultStatusInterface: string | undefined): string =>
  defaultStatusInterface || DEFAULT_PRIMARY_POD_INTERFACE;

export interface NamingNetwork {
  name: string;
  /** Pod network or a Multus network with `default: true`: both land on the pod's primary interface. */
  primary: boolean;
}

/**
 * Pod interface name per VMI network name. Ordinal numbers count only the secondary networks, in
 * `spec.networks` order.
 */
export const podInterfaceNames = (
  networks: NamingNetwork[],
  scheme: NamingScheme,
  primaryName: string,
): Map<string, string> => {
  const out = new Map<string, string>();
  let ordinal = 0;
  for (const network of networks) {
    if (network.primary) {
      out.set(network.name, primaryName);
    } else {
      ordinal += 1;
      out.set(
        network.name,
        scheme === 'ordinal' ? `net${ordinal}` : hashedPodInterfaceName(network.name),
      );
    }
  }
  return out;
};

export type PodDeviceRole =
  /** Holds the pod-side address: the CNI interface itself, or a dummy kept DOWN for bridge bindings. */
  | 'pod-interface'
  | 'bridge'
  | 'tap'
  /** The CNI veth, renamed and enslaved to the bridge. */
  | 'veth'
  | 'vf';

export interface PodDevice {
  name: string;
  role: PodDeviceRole;
  /** What KubeVirt puts on it, when that is fixed (masquerade's gateway). */
  address?: string;
}

const trimPod = (podIface: string): string =>
  podIface.startsWith('pod') ? podIface.slice(3) : podIface;

/** Tap devices: the primary interface always uses tap0; secondary ones `tap` + name minus 3 chars. */
const tapName = (podIface: string, primary: boolean): string =>
  primary ? 'tap0' : 'tap' + podIface.slice(3);

export const MASQUERADE_BRIDGE_ADDRESS = '10.0.2.1/24';

/**
 * The devices inside the virt-launcher pod that carry one guest NIC, by binding. Bindings
 * KubeVirt does not wire itself (passt, other plugins) only get the pod interface.
 */
export const podDevicesFor = (
  bindingName: string,
  podIface: string,
  primary: boolean,
): PodDevice[] => {
  switch (bindingName) {
    case 'masquerade':
      return [
        { name: podIface, role: 'pod-interface' },
        { name: `k6t-${trimPod(podIface)}`, role: 'bridge', address: MASQUERADE_BRIDGE_ADDRESS },
        { name: tapName(podIface, primary), role: 'tap' },
      ];
    case 'bridge':
    case 'l2bridge': {
      const trimmed = trimPod(podIface);
      return [
        { name: podIface, role: 'pod-interface' },
        { name: `${trimmed}-nic`, role: 'veth' },
        { name: `k6t-${trimmed}`, role: 'bridge' },
        { name: tapName(podIface, primary), role: 'tap' },
      ];
    }
    case 'sriov':
      return [{ name: podIface, role: 'vf' }];
    default:
      return [{ name: podIface, role: 'pod-interface' }];
  }
};
