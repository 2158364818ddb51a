/**
 * The connected-VM join: which VM NICs attach to which network row. A Multus NIC names a NAD
 * (`ns/name` or `name` in the VM's namespace); that NAD is a row itself, or was rendered by a
 * (C)UDN row (same name, in the UDN's namespace or in a namespace the CUDN reaches). A pod-network
 * NIC in a namespace served by a primary (C)UDN is on that network.
 */
import type { VirtualMachine, VirtualMachineInstance } from '../k8s/types';
import { specInterfacesOf } from '../kubevirt/vm-spec';
import { metaText } from './rows';
import type { ConnectedNic, NetworkRow } from './types';

interface StatusInterface {
  name?: string;
  mac?: string;
  ipAddress?: string;
  ipAddresses?: string[];
}

const statusInterfacesOf = (vmi: VirtualMachineInstance | undefined): StatusInterface[] => {
  const list = (vmi?.status as { interfaces?: unknown } | undefined)?.interfaces;
  return Array.isArray(list)
    ? (list.filter((i) => i && typeof i === 'object') as StatusInterface[])
    : [];
};

const ipsOf = (s: StatusInterface | undefined): string[] => {
  if (!s) return [];
  const list = Array.isArray(s.ipAddresses)
    ? s.ipAddresses.filter((x): x is string => typeof x === 'string')
    : [];
  if (!list.length && typeof s.ipAddress === 'string' && s.ipAddress) list.push(s.ipAddress);
  return list;
};

export interface NadIndex {
  /** `ns/name` of a NAD → the row that owns it. */
  byNad: Map<string, NetworkRow>;
  /** Namespace → primary (C)UDN rows serving it. */
  primaryByNamespace: Map<string, NetworkRow[]>;
}

export const indexRows = (rows: NetworkRow[]): NadIndex => {
  const byNad = new Map<string, NetworkRow>();
  const primaryByNamespace = new Map<string, NetworkRow[]>();
  const put = (key: string, row: NetworkRow, strong: boolean) => {
    if (strong || !byNad.has(key)) byNad.set(key, row);
  };
  // Weakest first: a CUDN's name in the namespaces it reaches, then a UDN's own name, then NADs
  // that exist (their own row or, when rendered, their owner).
  for (const row of rows) {
    if (row.kind === 'ClusterUserDefinedNetwork')
      for (const ns of row.namespaces) put(`${ns}/${row.name}`, row, false);
  }
  for (const row of rows) {
    if (row.kind === 'UserDefinedNetwork') put(`${row.namespace}/${row.name}`, row, true);
  }
  for (const row of rows) {
    for (const nad of row.renderedNads) put(`${nad.namespace}/${nad.name}`, row, true);
    if (row.kind === 'NetworkAttachmentDefinition') put(`${row.namespace}/${row.name}`, row, true);
  }
  for (const row of rows) {
    if (row.role !== 'primary' || row.kind === 'NetworkAttachmentDefinition') continue;
    for (const ns of row.namespaces) {
      const list = primaryByNamespace.get(ns) ?? [];
      list.push(row);
      primaryByNamespace.set(ns, list);
    }
  }
  return { byNad, primaryByNamespace };
};

/**
 * Fills `connected` and `vmCount` of each row (in place, on fresh rows from buildNetworkRows) and
 * returns them. `vmis` are matched to VMs by namespace and name; a VM without one is stopped or
 * its instance was not read, so its MACs come from the spec and it has no IPs.
 */
export const joinConnectedVms = (
  rows: NetworkRow[],
  vms: VirtualMachine[],
  vmis: VirtualMachineInstance[] = [],
): NetworkRow[] => {
  const index = indexRows(rows);
  const vmiByKey = new Map(
    vmis
      .filter((v) => v && typeof v === 'object')
      .map((v) => [`${metaText(v.metadata?.namespace)}/${metaText(v.metadata?.name)}`, v]),
  );
  for (const row of rows) {
    row.connected = [];
    row.vmCount = 0;
  }
  const vmsOf = new Map<NetworkRow, Set<string>>();
  for (const vm of vms) {
    if (!vm || typeof vm !== 'object') continue;
    const vmNamespace = metaText(vm.metadata?.namespace);
    const vmName = metaText(vm.metadata?.name);
    const vmi = vmiByKey.get(`${vmNamespace}/${vmName}`);
    let interfaces;
    let status: StatusInterface[];
    try {
      interfaces = specInterfacesOf(vm);
      status = statusInterfacesOf(vmi);
    } catch {
      // A VM whose spec cannot be read connects to nothing we can name.
      continue;
    }
    for (const iface of interfaces) {
      const net = iface.network;
      let targets: NetworkRow[] = [];
      let via: ConnectedNic['via'];
      if (net.kind === 'multus') {
        const row = index.byNad.get(`${net.nadNamespace}/${net.nadName}`);
        if (row) targets = [row];
        via = { kind: 'multus', networkName: net.networkName };
      } else if (net.kind === 'pod') {
        // More than one primary network for a namespace is a misconfiguration; list each.
        targets = index.primaryByNamespace.get(vmNamespace) ?? [];
        via = { kind: 'pod' };
      } else continue;
      if (!targets.length) continue;
      const reported = status.find((s) => s.name === iface.name);
      const mac = reported?.mac
        ? { value: reported.mac, source: 'vmi' as const }
        : iface.macAddress
          ? { value: iface.macAddress, source: 'spec' as const }
          : undefined;
      const nic: ConnectedNic = {
        vmName,
        vmNamespace,
        nic: iface.name,
        binding: iface.binding.name,
        ...(mac ? { mac } : {}),
        ips: ipsOf(reported),
        via,
        hasInstance: !!vmi,
      };
      for (const row of targets) {
        row.connected.push(nic);
        const set = vmsOf.get(row) ?? new Set<string>();
        set.add(`${vmNamespace}/${vmName}`);
        vmsOf.set(row, set);
      }
    }
  }
  for (const [row, set] of vmsOf) row.vmCount = set.size;
  return rows;
};

/** The namespaces whose VMs may use these rows: where to watch VMs, and nowhere else. */
export const namespacesReached = (rows: NetworkRow[]): string[] =>
  [...new Set(rows.flatMap((r) => r.namespaces))].filter(Boolean).sort();
