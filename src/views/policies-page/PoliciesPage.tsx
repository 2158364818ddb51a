/**
 * `/vm-networking/policies` (all namespaces) and `/vm-networking/policies/ns/<namespace>`: every
 * MultiNetworkPolicy with the networks it names, the VMs it selects, its isolation in words and
 * whether it is enforced (and why not). Built from the console's list-page parts.
 */
import * as React from 'react';
import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import {
  DocumentTitle,
  ListPageBody,
  ListPageFilter,
  ListPageHeader,
  NamespaceBar,
  useListPageFilter,
  VirtualizedTable,
  type RowFilter,
} from '@openshift-console/dynamic-plugin-sdk';
import { useLocation, useNavigate } from 'react-router-dom-v5-compat';
import type { PolicyEnforcement } from '../../core/network-list/policies';
import { useNetworkingTranslation } from '../shared/i18n';
import { ReadProblems } from '../shared/ReadProblems';
import { ALL_NAMESPACES, useUrlNamespace } from '../shared/useUrlNamespace';
import {
  enforcementLabel,
  PolicyRowView,
  toPolicyItem,
  usePolicyColumns,
  type PolicyItem,
} from './policyColumns';
import { parsePoliciesPath, policyUrls } from './urls';
import { usePolicyList } from './usePolicyList';
import '../networks-page/networks-page.css';
import './policies-page.css';

const ENFORCEMENTS: PolicyEnforcement[] = ['enforced', 'partly', 'unknown', 'not-enforced'];

const PoliciesPage: React.FC = () => {
  const { t } = useNetworkingTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const namespace = parsePoliciesPath(pathname) ?? undefined;
  useUrlNamespace(namespace);

  const { rows, loaded, loadError, complete, problems } = usePolicyList(namespace);
  const items = React.useMemo(() => rows.map(toPolicyItem), [rows]);
  const columns = usePolicyColumns();
  const rowFilters = React.useMemo<RowFilter<PolicyItem>[]>(
    () => [
      {
        filterGroupName: t('Enforced'),
        type: 'policy-enforced',
        reducer: (p) => p.enforcement,
        items: ENFORCEMENTS.map((id) => ({ id, title: enforcementLabel(t, id) })),
        filter: (input, p) => !input.selected?.length || input.selected.includes(p.enforcement),
      },
    ],
    [t],
  );
  const [data, filtered, onFilterChange] = useListPageFilter(items, rowFilters);

  const NoData = React.useCallback(
    () => (
      <EmptyState
        titleText={t('No MultiNetworkPolicies')}
        headingLevel="h2"
        data-test="policies-empty"
      >
        <EmptyStateBody>
          {namespace
            ? t(
                'No MultiNetworkPolicy in {{namespace}}: traffic on its secondary networks is not filtered.',
                {
                  namespace,
                },
              )
            : t('No MultiNetworkPolicy that you can read.')}
        </EmptyStateBody>
      </EmptyState>
    ),
    [t, namespace],
  );

  return (
    <>
      <DocumentTitle>{t('VM network policies')}</DocumentTitle>
      <NamespaceBar
        onNamespaceChange={(ns) =>
          navigate(policyUrls.list(ns === ALL_NAMESPACES ? undefined : ns))
        }
      />
      <ListPageHeader
        title={t('VM network policies')}
        helpText={t(
          'MultiNetworkPolicies: which networks they filter, which VMs they select, and whether the cluster enforces them.',
        )}
      />
      <ListPageBody>
        <ReadProblems problems={problems} dataTest="policies-problem" />
        <ListPageFilter
          data={data}
          loaded={loaded}
          rowFilters={rowFilters}
          onFilterChange={onFilterChange}
          nameFilterPlaceholder={t('Search by name…')}
          hideLabelFilter
        />
        <div
          className="vm-networking-policies__table"
          data-test="vm-policies-list"
          data-loaded={loaded && complete ? 'true' : 'false'}
        >
          <VirtualizedTable<PolicyItem>
            data={filtered}
            unfilteredData={data}
            loaded={loaded}
            loadError={loadError}
            columns={columns}
            Row={PolicyRowView}
            NoDataEmptyMsg={NoData}
            aria-label={t('VM network policies')}
          />
        </div>
      </ListPageBody>
    </>
  );
};

export default PoliciesPage;
