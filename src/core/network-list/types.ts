/** The shapes of the VM networks list: one row per network a VM can attach to. */
import type { Condition, K8sObject } from '../k8s/types';
import type { Message } from '../model/messages';

export type NetworkRowKind =
  'UserDefinedNetwork' | 'ClusterUserDefinedNetwork' | 'NetworkAttachmentDefinition';

export type RowTopology = 'layer2' | 'layer3' | 'localnet';
export type RowRole = 'primary' | 'secondary';

/**
 * `ready`: a (C)UDN whose NetworkCreated/NetworkReady condition is True and no condition False.
 * `not-ready`: a condition is False. `pending`: no condition yet (or Unknown).
 * `invalid`: the object cannot be read (NAD config not JSON, unknown topology).
 * `no-status`: a NAD: NADs have no status; its config parses.
 */
export type RowState = 'ready' | 'not-ready' | 'pending' | 'invalid' | 'no-status';

export interface RowStatus {
  state: RowState;
  /** Why, in words; the first one is the summary. */
  messages: Message[];
  conditions: Condition[];
}

export interface NadRef {
  namespace: string;
  name: string;
}

/** One NIC of one VM on a network: spec (NIC, binding, MAC) joined with the VMI's report (MAC, IPs). */
export interface ConnectedNic {
  vmName: string;
  vmNamespace: string;
  nic: string;
  binding: string;
  /** `vmi`: the running instance reports it; `spec`: configured in the VM; absent: unknown. */
  mac?: { value: string; source: 'vmi' | 'spec' };
  /** From the VMI `status.interfaces[]`; empty when stopped or not reported. */
  ips: string[];
  /** How the NIC names the network: `multus` networkName as written, or the pod network. */
  via: { kind: 'multus'; networkName: string } | { kind: 'pod' };
  /** Whether a VMI was given for this VM (running or starting). */
  hasInstance: boolean;
}

export interface NetworkRow {
  /** Stable key: `<kind>/<namespace>/<name>` (namespace empty for a CUDN). */
  key: string;
  kind: NetworkRowKind;
  name: string;
  /** The object's namespace; absent for a CUDN. */
  namespace?: string;
  /**
   * Namespaces whose VMs can use it: the object's own namespace, or for a CUDN the namespaces its
   * selector matches among those readable, plus those holding a NAD it rendered.
   */
  namespaces: string[];
  /** For a CUDN: `namespaces` was computed from its selector and the namespaces this user can read. */
  namespacesComputed: boolean;
  /** NADs: the CNI plugin type as written and what it is (`cnv-bridge` → `bridge`). */
  pluginType?: string;
  canonicalType?: string;
  topology?: RowTopology;
  role?: RowRole;
  vlan?: number;
  /** Localnet: the bridge-mapping key (`physicalNetworkName`, else the CNI network name). */
  physicalNetwork?: string;
  /** Linux bridge: the bridge of the NAD config; localnet: bridges the mapping names (NNCP/NNS). */
  bridges: string[];
  subnets: string[];
  /** Whether the network assigns addresses (OVN subnets, or a NAD's IPAM plugin), and by what. */
  ipam: { assigns: boolean; type?: string };
  mtu?: number;
  /** The CNI network name (cluster-wide for OVN-Kubernetes). */
  networkName?: string;
  status: RowStatus;
  /** For a (C)UDN: the NADs it rendered (folded into this row). */
  renderedNads: NadRef[];
  /** For a NAD rendered by a (C)UDN not in the list. */
  renderedBy?: { kind: string; name: string };
  object: K8sObject;
  /** Filled by the connected-VM join. */
  connected: ConnectedNic[];
  /** Distinct VMs in `connected`. */
  vmCount: number;
}
