/** How the pages name a network's kind, topology, role and state (translated by the caller's `t`). */
import type { NetworkRow, RowState } from '../../core/network-list/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- i18next's TFunction overloads
type T = (key: string, params?: any) => string;

/** Short, for the list's Kind column (the details page and filters use the full names). */
export const shortKindLabel = (t: T, row: NetworkRow): string =>
  row.kind === 'UserDefinedNetwork'
    ? t('UDN')
    : row.kind === 'ClusterUserDefinedNetwork'
      ? t('CUDN')
      : row.canonicalType === 'ovn-k8s-cni-overlay'
        ? t('NAD (OVN-K)')
        : row.canonicalType
          ? t('NAD ({{type}})', { type: row.pluginType ?? row.canonicalType })
          : t('NAD (type unknown)');

export const kindLabel = (t: T, row: NetworkRow): string =>
  row.kind === 'UserDefinedNetwork'
    ? t('UserDefinedNetwork')
    : row.kind === 'ClusterUserDefinedNetwork'
      ? t('ClusterUserDefinedNetwork')
      : row.canonicalType
        ? t('NAD ({{type}})', { type: row.pluginType ?? row.canonicalType })
        : t('NAD (type unknown)');

export const topologyLabel = (t: T, topology: string | undefined): string =>
  topology === 'layer2'
    ? t('Layer2')
    : topology === 'layer3'
      ? t('Layer3')
      : topology === 'localnet'
        ? t('Localnet')
        : t('None (not OVN)');

export const roleLabel = (t: T, role: string | undefined): string =>
  role === 'primary' ? t('Primary') : role === 'secondary' ? t('Secondary') : t('Unknown');

export const kindFilterLabel = (t: T, id: string): string =>
  id === 'udn'
    ? t('UserDefinedNetwork')
    : id === 'cudn'
      ? t('ClusterUserDefinedNetwork')
      : t('NetworkAttachmentDefinition');

export const stateLabel = (t: T, state: RowState): string =>
  state === 'ready'
    ? t('Ready')
    : state === 'not-ready'
      ? t('Not ready')
      : state === 'pending'
        ? t('No condition reported')
        : state === 'invalid'
          ? t('Unreadable')
          : t('No status');
