/** The list's columns and rows: every cell from a named field of the row model. */
import * as React from 'react';
import { sortable } from '@patternfly/react-table';
import { Spinner } from '@patternfly/react-core';
import {
  ResourceLink,
  TableData,
  type RowProps,
  type TableColumn,
} from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router-dom-v5-compat';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import { sortRows, type SortColumn } from '../../core/network-list';
import type { NetworkRow } from '../../core/network-list/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { kindLabel, roleLabel, shortKindLabel } from './labels';
import { NetworkActions, type NetworkActionHandlers } from './NetworkActions';
import { NetworkStatusCell } from './NetworkStatus';
import { detailsUrlOf } from './urls';

/** What the console's list helpers read: the row model plus `metadata.name/namespace`. */
export type NetworkItem = NetworkRow & { metadata: { name: string; namespace?: string } };

export const toItem = (row: NetworkRow): NetworkItem => ({
  ...row,
  metadata: { name: row.name, ...(row.namespace ? { namespace: row.namespace } : {}) },
});

const sortBy =
  (column: SortColumn) =>
  (data: NetworkItem[], direction: string): NetworkItem[] =>
    sortRows(data, column, direction === 'desc' ? 'desc' : 'asc') as NetworkItem[];

export const useNetworkColumns = (): TableColumn<NetworkItem>[] => {
  const { t } = useNetworkingTranslation();
  return React.useMemo(() => {
    const col = (id: SortColumn, title: string): TableColumn<NetworkItem> => ({
      id,
      title,
      sort: sortBy(id),
      transforms: [sortable],
      // Headers wrap rather than truncate; each column has a share of the width (see the CSS).
      props: { className: `pf-m-wrap vm-networking-networks__col--${id}` },
    });
    return [
      col('name', t('Name')),
      col('kind', t('Kind')),
      col('namespace', t('Namespace(s)')),
      col('topology', t('Topology / role')),
      col('vlan', t('VLAN')),
      col('physical', t('Physical network / bridge')),
      col('subnets', t('Subnets / MTU')),
      col('status', t('Status')),
      col('vms', t('VMs')),
      {
        id: '',
        title: '',
        props: { className: 'pf-v6-c-table__action vm-networking-networks__col--actions' },
      },
    ];
  }, [t]);
};

const NOT_SET = '—';

const NamespacesCell: React.FC<{ row: NetworkRow }> = ({ row }) => {
  const { t } = useNetworkingTranslation();
  if (row.namespace)
    return (
      <span className="vm-networking-networks__wrap">
        <ResourceLink
          groupVersionKind={groupVersionKindOf(Models.Namespace)}
          name={row.namespace}
          hideIcon
        />
      </span>
    );
  if (!row.namespaces.length) return <>{t('None selected')}</>;
  const shown = row.namespaces.slice(0, 3).join(', ');
  return (
    <span title={row.namespacesComputed ? t('Computed from the namespace selector') : undefined}>
      {row.namespaces.length > 3
        ? t('{{list}} and {{count}} more', { list: shown, count: row.namespaces.length - 3 })
        : shown}
    </span>
  );
};

/** What every row needs besides its network: the action handlers, and whether VM counts are known. */
export type NetworkRowData = NetworkActionHandlers & { vmsLoaded: boolean };

export const NetworkRowView: React.FC<RowProps<NetworkItem, NetworkRowData>> = ({
  obj: row,
  activeColumnIDs,
  rowData,
}) => {
  const { t } = useNetworkingTranslation();
  const { vmsLoaded, ...handlers } = rowData;
  const physical = [row.physicalNetwork, ...row.bridges.filter((b) => b !== row.physicalNetwork)]
    .filter(Boolean)
    .join(' → ');
  return (
    <>
      <TableData id="name" activeColumnIDs={activeColumnIDs}>
        <span
          className="vm-networking-networks__name vm-networking-networks__wrap"
          data-test={`network-row-${row.kind}-${row.namespace ?? ''}-${row.name}`}
        >
          <Link to={detailsUrlOf(row)} data-test="network-name-link">
            {row.name}
          </Link>
        </span>
      </TableData>
      <TableData id="kind" activeColumnIDs={activeColumnIDs}>
        <span data-test="network-kind" title={kindLabel(t, row)}>
          {shortKindLabel(t, row)}
        </span>
      </TableData>
      <TableData id="namespace" activeColumnIDs={activeColumnIDs}>
        <NamespacesCell row={row} />
      </TableData>
      <TableData id="topology" activeColumnIDs={activeColumnIDs}>
        <span data-test="network-topology">
          {row.topology === 'layer2'
            ? t('Layer2')
            : row.topology === 'layer3'
              ? t('Layer3')
              : row.topology === 'localnet'
                ? t('Localnet')
                : row.status.state === 'invalid'
                  ? t('Unknown')
                  : NOT_SET}
        </span>
        <div className="vm-networking-networks__role">{roleLabel(t, row.role)}</div>
      </TableData>
      <TableData id="vlan" activeColumnIDs={activeColumnIDs}>
        <span data-test="network-vlan">{row.vlan ?? NOT_SET}</span>
      </TableData>
      <TableData id="physical" activeColumnIDs={activeColumnIDs}>
        {physical || (row.topology === 'localnet' ? t('No mapping found') : NOT_SET)}
      </TableData>
      <TableData id="subnets" activeColumnIDs={activeColumnIDs}>
        {row.subnets.length ? row.subnets.join(', ') : NOT_SET}
        <div className="vm-networking-networks__role" data-test="network-mtu">
          {row.mtu !== undefined ? t('MTU {{mtu}}', { mtu: row.mtu }) : t('MTU not set')}
        </div>
      </TableData>
      <TableData id="status" activeColumnIDs={activeColumnIDs}>
        <NetworkStatusCell row={row} />
      </TableData>
      <TableData id="vms" activeColumnIDs={activeColumnIDs}>
        {/* Until the VM lists answered, a count would claim "0": say it is loading instead.
            The count links to the details page's connected-VM list (each VM with its NICs), not to
            kubevirt-plugin's VM list: its NAD filter (kubevirt-ui/kubevirt-plugin
            src/views/virtualmachines/list/utils/filters/getNADsFilter.ts, type 'nad', values
            `ns/name` matched against spec.template.spec.networks[].multus.networkName) is absent
            from older versions of its filter types (src/views/virtualmachines/utils/constants.ts;
            which releases 4.19–4.22 ship it was not established), and cannot select VMs on a
            primary UDN (their NIC is the pod network, no multus name). A link the VM list ignores
            would show every VM under a count that says otherwise. */}
        {vmsLoaded ? (
          <Link
            to={`${detailsUrlOf(row)}#connected-vms`}
            aria-label={t('{{count}} VMs connected to {{name}}', {
              count: row.vmCount,
              name: row.name,
            })}
            data-test="network-vm-count"
          >
            {row.vmCount}
          </Link>
        ) : (
          <Spinner size="sm" aria-label={t('Loading')} data-test="network-vm-count-loading" />
        )}
      </TableData>
      <TableData id="" activeColumnIDs={activeColumnIDs} className="pf-v6-c-table__action">
        <NetworkActions row={row} {...handlers} />
      </TableData>
    </>
  );
};
