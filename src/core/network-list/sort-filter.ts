/** Filter ids and column orderings of the network list, for any row the model produces. */
import type { NetworkRow } from './types';

export type KindFilter = 'udn' | 'cudn' | 'nad';
export type TopologyFilter = 'layer2' | 'layer3' | 'localnet' | 'none';
export type RoleFilter = 'primary' | 'secondary' | 'unknown';

export const KIND_FILTERS: KindFilter[] = ['udn', 'cudn', 'nad'];
export const TOPOLOGY_FILTERS: TopologyFilter[] = ['layer2', 'layer3', 'localnet', 'none'];
export const ROLE_FILTERS: RoleFilter[] = ['primary', 'secondary', 'unknown'];

export const kindFilterOf = (row: NetworkRow): KindFilter =>
  row.kind === 'UserDefinedNetwork'
    ? 'udn'
    : row.kind === 'ClusterUserDefinedNetwork'
      ? 'cudn'
      : 'nad';

/** `none`: not an OVN-Kubernetes topology (Linux bridge, SR-IOV…) or not readable. */
export const topologyFilterOf = (row: NetworkRow): TopologyFilter => row.topology ?? 'none';

export const roleFilterOf = (row: NetworkRow): RoleFilter => row.role ?? 'unknown';

/** Case-insensitive substring on the name (the console's name filter does the same). */
export const matchesName = (row: NetworkRow, text: string | undefined): boolean =>
  !text || row.name.toLowerCase().includes(text.trim().toLowerCase());

export type SortColumn =
  | 'name'
  | 'kind'
  | 'namespace'
  | 'topology'
  | 'role'
  | 'vlan'
  | 'physical'
  | 'subnets'
  | 'mtu'
  | 'status'
  | 'vms';

const STATE_ORDER = { invalid: 0, 'not-ready': 1, pending: 2, ready: 3, 'no-status': 4 } as const;

type Key = string | number | undefined;

const keyOf = (row: NetworkRow, column: SortColumn): Key => {
  switch (column) {
    case 'name':
      return row.name;
    case 'kind':
      return `${row.kind} ${row.canonicalType ?? ''}`;
    case 'namespace':
      return row.namespace ?? row.namespaces.join(',');
    case 'topology':
      // Topology, then role: the list shows them in one column.
      return row.topology ? `${row.topology} ${row.role ?? ''}` : undefined;
    case 'role':
      return row.role;
    case 'vlan':
      return row.vlan;
    case 'physical':
      return row.physicalNetwork ?? row.bridges.join(',');
    case 'subnets':
      return row.subnets.join(',');
    case 'mtu':
      return row.mtu;
    case 'status':
      return STATE_ORDER[row.status.state];
    case 'vms':
      return row.vmCount;
    default:
      return undefined;
  }
};

const compareKeys = (a: Key, b: Key): number => {
  // Unknown values sort last in either direction's natural reading: after every known value.
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
};

/** A stable sort by one column; ties by namespace then name. Unknown values stay last. */
export const sortRows = (
  rows: NetworkRow[],
  column: SortColumn,
  direction: 'asc' | 'desc',
): NetworkRow[] => {
  const sign = direction === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: keyOf(row, column) }));
  keyed.sort((x, y) => {
    const xUnknown = x.key === undefined || x.key === '';
    const yUnknown = y.key === undefined || y.key === '';
    let c = xUnknown || yUnknown ? compareKeys(x.key, y.key) : sign * compareKeys(x.key, y.key);
    if (c === 0) c = compareKeys(x.row.namespace ?? '', y.row.namespace ?? '');
    if (c === 0) c = compareKeys(x.row.name, y.row.name);
    return c;
  });
  return keyed.map((k) => k.row);
};
