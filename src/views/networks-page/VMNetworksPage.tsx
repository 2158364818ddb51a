/**
 * `/vm-networking` (all namespaces) and `/vm-networking/ns/<namespace>`: every network a VM can
 * attach to — UDNs, CUDNs, NADs — with what each says about itself and the VMs on it. Built from
 * the console's list-page parts; filters, sort and namespace live in the URL.
 */
import * as React from 'react';
import {
  Button,
  Dropdown,
  DropdownItem,
  DropdownList,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
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
import { Link, useLocation, useNavigate } from 'react-router-dom-v5-compat';
import {
  KIND_FILTERS,
  kindFilterOf,
  ROLE_FILTERS,
  roleFilterOf,
  TOPOLOGY_FILTERS,
  topologyFilterOf,
  type NetworkRow,
} from '../../core/network-list';
import { useNetworkingTranslation } from '../shared/i18n';
import { ReadProblems } from '../shared/ReadProblems';
import { ALL_NAMESPACES, useUrlNamespace } from '../shared/useUrlNamespace';
import { wizardUrls } from '../shared/wizard/urls';
import { kindFilterLabel, roleLabel, topologyLabel } from './labels';
import {
  NetworkRowView,
  toItem,
  useNetworkColumns,
  type NetworkItem,
  type NetworkRowData,
} from './networkColumns';
import { networkUrls, parseListPath } from './urls';
import { useNetworkList } from './useNetworkList';
import './networks-page.css';

// Loaded when first opened: the list page does not pay for the modals and their forms.
const AttachToVMsModal = React.lazy(
  () => import(/* webpackChunkName: "attach-to-vms-modal" */ './AttachToVMsModal'),
);
const DeleteNetworkModal = React.lazy(
  () => import(/* webpackChunkName: "delete-network-modal" */ './DeleteNetworkModal'),
);

const CreateMenu: React.FC<{ namespace?: string }> = ({ namespace }) => {
  const { t } = useNetworkingTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = React.useState(false);
  const needsNs = t('Choose a project first: it is created in one namespace.');
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      toggle={(ref: React.Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={ref}
          variant="primary"
          onClick={() => setOpen(!open)}
          isExpanded={open}
          data-test="create-network"
        >
          {t('Create network')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem
          isDisabled={!namespace}
          description={namespace ? undefined : needsNs}
          onClick={() => namespace && navigate(wizardUrls.newUDN(namespace))}
          data-test="create-udn"
        >
          {t('UserDefinedNetwork')}
        </DropdownItem>
        <DropdownItem
          isDisabled={!namespace}
          description={namespace ? undefined : needsNs}
          onClick={() => namespace && navigate(wizardUrls.newNAD(namespace))}
          data-test="create-nad"
        >
          {t('NetworkAttachmentDefinition')}
        </DropdownItem>
        <DropdownItem onClick={() => navigate(wizardUrls.newCUDN())} data-test="create-cudn">
          {t('ClusterUserDefinedNetwork')}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};

const VMNetworksList: React.FC = () => {
  const { t } = useNetworkingTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const parsed = parseListPath(pathname);
  const namespace = parsed ?? undefined;
  useUrlNamespace(namespace);

  const { rows, loaded, loadError, problems, vmsLoaded } = useNetworkList(namespace);
  const items = React.useMemo(() => rows.map(toItem), [rows]);
  const columns = useNetworkColumns();

  const rowFilters = React.useMemo<RowFilter<NetworkItem>[]>(
    () => [
      {
        filterGroupName: t('Kind'),
        type: 'network-kind',
        reducer: kindFilterOf,
        items: KIND_FILTERS.map((id) => ({ id, title: kindFilterLabel(t, id) })),
        filter: (input, obj) =>
          !input.selected?.length || input.selected.includes(kindFilterOf(obj)),
      },
      {
        filterGroupName: t('Topology'),
        type: 'network-topology',
        reducer: topologyFilterOf,
        items: TOPOLOGY_FILTERS.map((id) => ({ id, title: topologyLabel(t, id) })),
        filter: (input, obj) =>
          !input.selected?.length || input.selected.includes(topologyFilterOf(obj)),
      },
      {
        filterGroupName: t('Role'),
        type: 'network-role',
        reducer: roleFilterOf,
        items: ROLE_FILTERS.map((id) => ({ id, title: roleLabel(t, id) })),
        filter: (input, obj) =>
          !input.selected?.length || input.selected.includes(roleFilterOf(obj)),
      },
    ],
    [t],
  );
  const [data, filtered, onFilterChange] = useListPageFilter(items, rowFilters);

  const [deleting, setDeleting] = React.useState<NetworkRow>();
  // The row as it is now (the watch may have updated it since the dialog opened).
  const deletingNow = deleting ? (rows.find((r) => r.key === deleting.key) ?? deleting) : undefined;
  const [attaching, setAttaching] = React.useState<NetworkRow>();
  const handlers = React.useMemo(
    () => ({ onDelete: setDeleting, onAttach: setAttaching, vmsLoaded }),
    [vmsLoaded],
  );

  const NoData = React.useCallback(
    () => (
      <EmptyState titleText={t('No VM networks')} headingLevel="h2" data-test="networks-empty">
        <EmptyStateBody>
          {namespace
            ? t(
                'No network in {{namespace}} and no ClusterUserDefinedNetwork selects it: its VMs have the cluster pod network only.',
                { namespace },
              )
            : t(
                'No UserDefinedNetwork, ClusterUserDefinedNetwork or NetworkAttachmentDefinition that you can read.',
              )}
        </EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>
            {namespace ? (
              <Button
                variant="primary"
                component={(p: object) => <Link {...p} to={wizardUrls.newUDN(namespace)} />}
                data-test="empty-create-udn"
              >
                {t('Create a UserDefinedNetwork…')}
              </Button>
            ) : (
              <Button
                variant="primary"
                component={(p: object) => <Link {...p} to={wizardUrls.newCUDN()} />}
                data-test="empty-create-cudn"
              >
                {t('Create a ClusterUserDefinedNetwork…')}
              </Button>
            )}
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    ),
    [t, namespace],
  );
  const NoMatch = React.useCallback(
    () => (
      <EmptyState
        titleText={t('No network matches the filters')}
        headingLevel="h2"
        data-test="networks-no-match"
      >
        <EmptyStateBody>
          {t('Clear the filters or the name search to see all networks.')}
        </EmptyStateBody>
        <EmptyStateFooter>
          <Button variant="link" onClick={() => navigate(pathname)} data-test="clear-filters">
            {t('Clear all filters')}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    ),
    [t, navigate, pathname],
  );

  return (
    <>
      <DocumentTitle>{t('VM networks')}</DocumentTitle>
      <NamespaceBar
        onNamespaceChange={(ns) =>
          navigate(networkUrls.list(ns === ALL_NAMESPACES ? undefined : ns))
        }
      />
      <ListPageHeader
        title={t('VM networks')}
        helpText={t('Every network a VirtualMachine can attach to, and the VMs on it.')}
      >
        <CreateMenu namespace={namespace} />
      </ListPageHeader>
      <ListPageBody>
        <ReadProblems problems={problems} dataTest="networks-problem" />
        <ListPageFilter
          data={data}
          loaded={loaded}
          rowFilters={rowFilters}
          onFilterChange={onFilterChange}
          nameFilterPlaceholder={t('Search by name…')}
          hideLabelFilter
        />
        <div
          className="vm-networking-networks__table"
          data-test="vm-networks-list"
          data-loaded={loaded && vmsLoaded ? 'true' : 'false'}
        >
          <VirtualizedTable<NetworkItem, NetworkRowData>
            data={filtered}
            unfilteredData={data}
            loaded={loaded}
            loadError={loadError}
            columns={columns}
            Row={NetworkRowView}
            rowData={handlers}
            NoDataEmptyMsg={NoData}
            EmptyMsg={NoMatch}
            aria-label={t('VM networks')}
          />
        </div>
      </ListPageBody>
      {attaching && (
        <React.Suspense fallback={null}>
          <AttachToVMsModal row={attaching} onClose={() => setAttaching(undefined)} />
        </React.Suspense>
      )}
      {deletingNow && (
        <React.Suspense fallback={null}>
          <DeleteNetworkModal
            row={deletingNow}
            vmProblems={problems.filter((p) => p.kind.startsWith('VirtualMachine'))}
            vmsLoaded={vmsLoaded}
            onClose={() => setDeleting(undefined)}
          />
        </React.Suspense>
      )}
    </>
  );
};

export default VMNetworksList;
