/** The MultiNetworkPolicies list's columns: each cell from a named field of the policy row. */
import * as React from 'react';
import { Label } from '@patternfly/react-core';
import { sortable } from '@patternfly/react-table';
import {
  ResourceLink,
  TableData,
  type RowProps,
  type TableColumn,
} from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router-dom-v5-compat';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type {
  DirectionIsolation,
  PolicyEnforcement,
  PolicyRow,
  TargetReason,
} from '../../core/network-list/policies';
import { useNetworkingTranslation } from '../shared/i18n';
import { detailsUrlOf, networkUrls } from '../networks-page/urls';

export type PolicyItem = PolicyRow & { metadata: { name: string; namespace: string } };

export const toPolicyItem = (row: PolicyRow): PolicyItem => ({
  ...row,
  metadata: { name: row.name, namespace: row.namespace },
});

type T = (key: string, params?: Record<string, unknown>) => string;

export const enforcementLabel = (t: T, e: PolicyEnforcement): string =>
  e === 'enforced'
    ? t('Enforced')
    : e === 'not-enforced'
      ? t('Not enforced')
      : e === 'partly'
        ? t('Enforced on some networks')
        : t('Unknown');

export const reasonText = (t: T, reason: TargetReason): string =>
  reason === 'mnp-disabled'
    ? t(
        'MultiNetworkPolicy is disabled in the cluster Network operator (spec.useMultiNetworkPolicy).',
      )
    : reason === 'mnp-config-unknown'
      ? t('The cluster Network operator config could not be read.')
      : reason === 'linux-bridge'
        ? t('OpenShift does not support MultiNetworkPolicy on Linux bridge networks.')
        : reason === 'primary'
          ? t('A primary network is filtered by NetworkPolicy, not MultiNetworkPolicy.')
          : t('A network it names is not in the list (not readable, or does not exist).');

const directionText = (t: T, dir: 'ingress' | 'egress', d: DirectionIsolation): string => {
  if (!d.isolated)
    return dir === 'ingress' ? t('Ingress: not isolated') : t('Egress: not isolated');
  if (!d.rules) return dir === 'ingress' ? t('Ingress: all denied') : t('Egress: all denied');
  return dir === 'ingress'
    ? t('Ingress: isolated; allowing rules: {{count}}', { count: d.rules })
    : t('Egress: isolated; allowing rules: {{count}}', { count: d.rules });
};

const ENFORCEMENT_ORDER: Record<PolicyEnforcement, number> = {
  enforced: 0,
  partly: 1,
  unknown: 2,
  'not-enforced': 3,
};

const sorter =
  (value: (r: PolicyItem) => string | number) =>
  (data: PolicyItem[], direction: string): PolicyItem[] => {
    const sign = direction === 'desc' ? -1 : 1;
    return [...data].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sign * (c || a.key.localeCompare(b.key));
    });
  };

export const usePolicyColumns = (): TableColumn<PolicyItem>[] => {
  const { t } = useNetworkingTranslation();
  return React.useMemo(
    () => [
      {
        id: 'name',
        title: t('Name'),
        sort: sorter((r) => r.name),
        transforms: [sortable],
        props: { className: 'pf-m-wrap vm-networking-policies__col--name' },
      },
      {
        id: 'namespace',
        title: t('Namespace'),
        sort: sorter((r) => r.namespace),
        transforms: [sortable],
        props: { className: 'pf-m-wrap vm-networking-policies__col--namespace' },
      },
      {
        id: 'networks',
        title: t('Networks (policy-for)'),
        sort: sorter((r) => r.targets.map((x) => x.key).join(',')),
        transforms: [sortable],
        props: { className: 'pf-m-wrap vm-networking-policies__col--networks' },
      },
      {
        id: 'vms',
        title: t('VMs selected'),
        sort: sorter((r) => r.selectedVms.length),
        transforms: [sortable],
        props: { className: 'pf-m-wrap vm-networking-policies__col--vms' },
      },
      {
        id: 'isolation',
        title: t('Isolation'),
        props: { className: 'pf-m-wrap vm-networking-policies__col--isolation' },
      },
      {
        id: 'enforced',
        title: t('Enforced'),
        sort: sorter((r) => ENFORCEMENT_ORDER[r.enforcement]),
        transforms: [sortable],
        props: { className: 'pf-m-wrap vm-networking-policies__col--enforced' },
      },
    ],
    [t],
  );
};

const COLOR: Record<PolicyEnforcement, 'green' | 'orange' | 'grey' | 'red'> = {
  enforced: 'green',
  partly: 'orange',
  unknown: 'grey',
  'not-enforced': 'red',
};

const SHOWN_VMS = 3;

export const PolicyRowView: React.FC<RowProps<PolicyItem>> = ({ obj: row, activeColumnIDs }) => {
  const { t } = useNetworkingTranslation();
  return (
    <>
      <TableData id="name" activeColumnIDs={activeColumnIDs}>
        <span
          className="vm-networking-policies__wrap"
          data-test={`policy-row-${row.namespace}-${row.name}`}
        >
          <ResourceLink
            groupVersionKind={groupVersionKindOf(Models.MultiNetworkPolicy)}
            name={row.name}
            namespace={row.namespace}
          />
        </span>
      </TableData>
      <TableData id="namespace" activeColumnIDs={activeColumnIDs}>
        <span className="vm-networking-policies__wrap">
          <ResourceLink
            groupVersionKind={groupVersionKindOf(Models.Namespace)}
            name={row.namespace}
            hideIcon
          />
        </span>
      </TableData>
      <TableData id="networks" activeColumnIDs={activeColumnIDs}>
        <div data-test="policy-networks">
          {row.targets.length === 0 ? (
            <span>{t('None: no policy-for annotation names a network')}</span>
          ) : (
            row.targets.map((target) => (
              <div key={target.key} className="vm-networking-policies__wrap">
                {target.row ? (
                  <Link to={detailsUrlOf(target.row)}>{target.key}</Link>
                ) : (
                  t('{{network}} (not found)', { network: target.key })
                )}
              </div>
            ))
          )}
        </div>
      </TableData>
      <TableData id="vms" activeColumnIDs={activeColumnIDs}>
        <div data-test="policy-vms">
          {row.selectorInvalid ? (
            t('None: the podSelector cannot be read')
          ) : row.selectedVms.length === 0 ? (
            t('No VM')
          ) : (
            <>
              {row.selectedVms.slice(0, SHOWN_VMS).map((vm) => (
                <div key={vm} className="vm-networking-policies__wrap">
                  <Link to={networkUrls.vmTab(row.namespace, vm)}>{vm}</Link>
                </div>
              ))}
              {row.selectedVms.length > SHOWN_VMS && (
                <div>{t('and {{count}} more', { count: row.selectedVms.length - SHOWN_VMS })}</div>
              )}
            </>
          )}
        </div>
        <div className="vm-networking-networks__role">{t('Computed from the VMs’ labels')}</div>
      </TableData>
      <TableData id="isolation" activeColumnIDs={activeColumnIDs}>
        <div data-test="policy-isolation">
          <div>{directionText(t, 'ingress', row.ingress)}</div>
          <div>{directionText(t, 'egress', row.egress)}</div>
        </div>
      </TableData>
      <TableData id="enforced" activeColumnIDs={activeColumnIDs}>
        <Label color={COLOR[row.enforcement]} isCompact data-test="policy-enforced">
          {enforcementLabel(t, row.enforcement)}
        </Label>
        {row.reasons.map((r) => (
          <div key={r} className="vm-networking-networks__reason" data-test="policy-reason">
            {reasonText(t, r)}
          </div>
        ))}
        {row.enforcement === 'not-enforced' && !row.targets.length && (
          <div className="vm-networking-networks__reason" data-test="policy-reason">
            {t('It names no network, so it applies to none.')}
          </div>
        )}
      </TableData>
    </>
  );
};
