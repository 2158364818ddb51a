/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * The console-like pages of the host: overview, VirtualMachine list and details, generic resource YAML.
 * The VM details page is laid out as kubevirt-plugin 4.22 lays it out: the project tree (about 340 px,
 * collapsible) beside the VM's header, actions and tab bar, so a plugin tab gets the width it gets there.
 */
import * as React from 'react';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  EmptyState,
  EmptyStateBody,
  Label,
  MenuToggle,
  PageSection,
  Select,
  SelectList,
  SelectOption,
  Spinner,
  Tab,
  TabTitleText,
  Tabs,
  Title,
  TreeView,
  type MenuToggleElement,
  type TreeViewDataItem,
} from '@patternfly/react-core';
import { AngleDoubleLeftIcon, AngleDoubleRightIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link, useNavigate, useParams } from 'react-router-dom-v5-compat';
import { stringify } from 'yaml';
import { isHorizontalNavTab } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { DocumentTitle, ResourceIcon, ResourceLink, Timestamp } from '../sdk/components';
import { useResolvedExtensions } from '../sdk/extensions';
import { ALL_NAMESPACES_KEY } from '../sdk/hooks';
import { useK8sModel } from '../sdk/models';
import { useK8sWatchResource } from '../sdk/watch';
import { ActionsMenu } from './actions';
import { ErrorBoundary } from './ErrorBoundary';
import type { PluginStatus } from './plugin-loader';

export const VM_MODEL = { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' };
export const VM_REF = 'kubevirt.io~v1~VirtualMachine';
const VMI_MODEL = { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachineInstance' };

export const vmListPath = (ns: string | undefined): string =>
  !ns || ns === ALL_NAMESPACES_KEY ? `/k8s/all-namespaces/${VM_REF}` : `/k8s/ns/${ns}/${VM_REF}`;

type K8s = {
  metadata: {
    name: string;
    namespace?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  status?: any;
};

export const Loading: React.FC = () => (
  <div className="preview-loading" data-test="loading">
    <Spinner size="lg" aria-label="Loading" />
  </div>
);

const ErrorState: React.FC<{ error: any; what: string }> = ({ error, what }) => (
  <PageSection hasBodyWrapper={false}>
    <EmptyState
      titleText={error?.code === 404 ? `404: ${what} not found` : `Error loading ${what}`}
      headingLevel="h2"
      data-test="error-state"
    >
      <EmptyStateBody>{error?.message ?? String(error)}</EmptyStateBody>
    </EmptyState>
  </PageSection>
);

export const NamespaceSelector: React.FC<{
  namespace: string | undefined;
  onChange: (ns: string) => void;
}> = ({ namespace, onChange }) => {
  const [namespaces, loaded] = useK8sWatchResource({ kind: 'Namespace', isList: true });
  const [open, setOpen] = React.useState(false);
  return (
    <div className="preview-namespace-bar" data-test="namespace-bar">
      <Select
        isOpen={open}
        onOpenChange={setOpen}
        selected={namespace ?? ALL_NAMESPACES_KEY}
        onSelect={(_e, v) => {
          setOpen(false);
          if (typeof v === 'string') onChange(v);
        }}
        toggle={(ref: React.Ref<MenuToggleElement>) => (
          <MenuToggle
            ref={ref}
            onClick={() => setOpen(!open)}
            isExpanded={open}
            data-test="namespace-dropdown"
          >
            Project: {namespace ?? 'All Projects'}
          </MenuToggle>
        )}
      >
        <SelectList>
          <SelectOption value={ALL_NAMESPACES_KEY} data-test="namespace-option-all">
            All Projects
          </SelectOption>
          {loaded &&
            (namespaces as K8s[]).map((ns) => (
              <SelectOption
                key={ns.metadata.name}
                value={ns.metadata.name}
                data-test={`namespace-option-${ns.metadata.name}`}
              >
                {ns.metadata.name}
              </SelectOption>
            ))}
        </SelectList>
      </Select>
    </div>
  );
};

export const Overview: React.FC<{ plugins: PluginStatus[] }> = ({ plugins }) => {
  const [namespaces, loaded] = useK8sWatchResource({ kind: 'Namespace', isList: true });
  return (
    <>
      <DocumentTitle>Overview</DocumentTitle>
      <PageSection hasBodyWrapper={false}>
        <Title headingLevel="h1">Overview</Title>
      </PageSection>
      <PageSection hasBodyWrapper={false}>
        <Title headingLevel="h2">Console plugins</Title>
        <Table aria-label="Console plugins" variant="compact" data-test="plugins-table">
          <Thead>
            <Tr>
              <Th>Name</Th>
              <Th>Display name</Th>
              <Th>Version</Th>
              <Th>Status</Th>
            </Tr>
          </Thead>
          <Tbody>
            {plugins.map((p) => (
              <Tr key={p.name}>
                <Td>{p.name}</Td>
                <Td>{p.displayName ?? '-'}</Td>
                <Td>{p.version ?? '-'}</Td>
                <Td data-test={`${p.name}-status`}>
                  {p.status}
                  {p.error && <div className="pf-v6-u-danger-color-100">{p.error}</div>}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </PageSection>
      <PageSection hasBodyWrapper={false}>
        <Title headingLevel="h2">VirtualMachines by project</Title>
        {!loaded ? (
          <Loading />
        ) : (
          <ul className="preview-namespace-list">
            {(namespaces as K8s[]).map((ns) => (
              <li key={ns.metadata.name}>
                <Link
                  to={`/k8s/ns/${ns.metadata.name}/${VM_REF}`}
                  data-test={`namespace-link-${ns.metadata.name}`}
                >
                  {ns.metadata.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
    </>
  );
};

const vmStatus = (vm: K8s): string =>
  vm.status?.printableStatus ?? (vm.status?.ready ? 'Running' : 'Stopped');

export const VMListPage: React.FC = () => {
  const { ns } = useParams<{ ns?: string }>();
  const navigate = useNavigate();
  const [vms, loaded, error] = useK8sWatchResource({
    groupVersionKind: VM_MODEL,
    namespace: ns,
    isList: true,
  });
  return (
    <>
      <DocumentTitle>VirtualMachines</DocumentTitle>
      <NamespaceSelector namespace={ns} onChange={(next) => navigate(vmListPath(next))} />
      <PageSection hasBodyWrapper={false}>
        <Title headingLevel="h1" data-test="page-heading">
          VirtualMachines
        </Title>
      </PageSection>
      <PageSection hasBodyWrapper={false}>
        {error ? (
          <Alert
            variant="danger"
            isInline
            title="Could not list VirtualMachines"
            data-test="list-error"
          >
            {(error as Error).message}
          </Alert>
        ) : !loaded ? (
          <Loading />
        ) : (vms as K8s[]).length === 0 ? (
          <EmptyState
            titleText="No VirtualMachines found"
            headingLevel="h2"
            data-test="empty-list"
          />
        ) : (
          <Table aria-label="VirtualMachines" data-test="vm-list">
            <Thead>
              <Tr>
                <Th>Name</Th>
                {!ns && <Th>Namespace</Th>}
                <Th>Status</Th>
                <Th>Created</Th>
                <Th screenReaderText="Actions" />
              </Tr>
            </Thead>
            <Tbody>
              {(vms as K8s[]).map((vm) => (
                <Tr
                  key={`${vm.metadata.namespace}/${vm.metadata.name}`}
                  data-test={`vm-row-${vm.metadata.name}`}
                >
                  <Td dataLabel="Name">
                    <ResourceLink
                      groupVersionKind={VM_MODEL}
                      name={vm.metadata.name}
                      namespace={vm.metadata.namespace}
                    />
                  </Td>
                  {!ns && (
                    <Td dataLabel="Namespace">
                      <ResourceLink kind="Namespace" name={vm.metadata.namespace} />
                    </Td>
                  )}
                  <Td dataLabel="Status">{vmStatus(vm)}</Td>
                  <Td dataLabel="Created">
                    <Timestamp timestamp={vm.metadata.creationTimestamp} />
                  </Td>
                  <Td isActionCell>
                    <ActionsMenu model={VM_MODEL} obj={vm} variant="kebab" />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
};

const DetailsTab: React.FC<{ obj: K8s }> = ({ obj }) => (
  <PageSection hasBodyWrapper={false}>
    <DescriptionList columnModifier={{ default: '2Col' }} data-test="vm-details">
      <DescriptionListGroup>
        <DescriptionListTerm>Name</DescriptionListTerm>
        <DescriptionListDescription>{obj.metadata.name}</DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>Namespace</DescriptionListTerm>
        <DescriptionListDescription>
          <ResourceLink kind="Namespace" name={obj.metadata.namespace} />
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>Status</DescriptionListTerm>
        <DescriptionListDescription>{vmStatus(obj)}</DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>Run strategy</DescriptionListTerm>
        <DescriptionListDescription>
          {obj.spec?.runStrategy ?? (obj.spec?.running ? 'Always' : '-')}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>Labels</DescriptionListTerm>
        <DescriptionListDescription>
          {Object.entries(obj.metadata.labels ?? {}).map(([k, v]) => (
            <Label key={k} isCompact className="preview-label">
              {k}={v}
            </Label>
          ))}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>Created</DescriptionListTerm>
        <DescriptionListDescription>
          <Timestamp timestamp={obj.metadata.creationTimestamp} />
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  </PageSection>
);

const YamlTab: React.FC<{ obj: unknown }> = ({ obj }) => (
  <PageSection hasBodyWrapper={false}>
    <pre className="preview-pre preview-yaml" data-test="yaml-view">
      {stringify(obj)}
    </pre>
  </PageSection>
);

interface TabDef {
  href: string;
  name: string;
  component: React.ComponentType<any>;
  plugin?: string;
}

const modelMatchesVM = (m: any) =>
  m?.group === VM_MODEL.group && m?.version === VM_MODEL.version && m?.kind === VM_MODEL.kind;

/**
 * kubevirt-plugin 4.22's project tree: projects holding VirtualMachines, the current VM selected.
 * Collapsible, as there; collapsed it leaves a narrow strip with the button that opens it again.
 */
const VMTree: React.FC<{ ns: string; name: string; open: boolean; onToggle: () => void }> = ({
  ns,
  name,
  open,
  onToggle,
}) => {
  const navigate = useNavigate();
  const [vms, loaded] = useK8sWatchResource({ groupVersionKind: VM_MODEL, isList: true });
  const data: TreeViewDataItem[] = React.useMemo(() => {
    const byNs = new Map<string, string[]>();
    for (const vm of (loaded ? (vms as K8s[]) : []) ?? []) {
      const n = vm.metadata.namespace ?? '';
      byNs.set(n, [...(byNs.get(n) ?? []), vm.metadata.name]);
    }
    return [...byNs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([n, names]) => ({
        id: `ns/${n}`,
        name: n,
        defaultExpanded: n === ns,
        children: names.sort().map((v) => ({ id: `vm/${n}/${v}`, name: v })),
      }));
  }, [vms, loaded, ns]);
  const active = data.flatMap((d) => d.children ?? []).filter((c) => c.id === `vm/${ns}/${name}`);
  return (
    <aside
      className={`preview-vm-tree${open ? '' : ' preview-vm-tree--collapsed'}`}
      data-test="vm-tree"
      aria-label="Projects and VirtualMachines"
    >
      <div className="preview-vm-tree__toggle">
        <Button
          variant="plain"
          aria-label={open ? 'Hide the project tree' : 'Show the project tree'}
          aria-expanded={open}
          onClick={onToggle}
          data-test="vm-tree-toggle"
          icon={open ? <AngleDoubleLeftIcon /> : <AngleDoubleRightIcon />}
        />
      </div>
      {open &&
        (loaded ? (
          <TreeView
            data={data}
            activeItems={active}
            hasGuides
            aria-label="Projects"
            onSelect={(_e, item) => {
              const m = /^vm\/([^/]+)\/(.+)$/.exec(String(item.id));
              if (m) navigate(`/k8s/ns/${m[1]}/${VM_REF}/${encodeURIComponent(m[2])}`);
            }}
          />
        ) : (
          <Loading />
        ))}
    </aside>
  );
};

const TREE_KEY = 'preview-vm-tree-open';

export const VMDetailsPage: React.FC = () => {
  const params = useParams<{ ns: string; name: string; '*'?: string }>();
  const ns = params.ns!;
  const name = params.name!;
  const tab = params['*'] ?? '';
  const navigate = useNavigate();
  const [treeOpen, setTreeOpen] = React.useState(
    () => window.sessionStorage.getItem(TREE_KEY) !== 'false',
  );
  const toggleTree = () =>
    setTreeOpen((o) => {
      window.sessionStorage.setItem(TREE_KEY, String(!o));
      return !o;
    });
  const [vm, loaded, error] = useK8sWatchResource({
    groupVersionKind: VM_MODEL,
    namespace: ns,
    name,
  });
  // kubevirt-plugin's page title watches the VM's instance by name (for its pending-changes alert,
  // `VirtualMachineNavPageTitle`), on every tab. So in the console a tab that watches the VMI with
  // the same query finds it in the store, already loaded, and no second request is made.
  const vmName = (vm as K8s | undefined)?.metadata?.name;
  useK8sWatchResource(
    vmName ? { groupVersionKind: VMI_MODEL, namespace: ns, name: vmName, isList: false } : null,
  );
  const [tabExtensions, tabsResolved] = useResolvedExtensions(isHorizontalNavTab as any);
  const tabs: TabDef[] = React.useMemo(
    () => [
      { href: '', name: 'Details', component: DetailsTab },
      { href: 'yaml', name: 'YAML', component: YamlTab },
      ...tabExtensions
        .filter((e) => modelMatchesVM(e.properties.model))
        .map((e) => ({
          href: e.properties.page.href,
          name: e.properties.page.name,
          component: e.properties.component,
          plugin: e.pluginName,
        })),
    ],
    [tabExtensions],
  );
  const active = tabs.find((t) => t.href === tab);
  const base = `/k8s/ns/${ns}/${VM_REF}/${encodeURIComponent(name)}`;
  const obj = vm as K8s;
  const TabComponent = active?.component;
  const body = error ? (
    <ErrorState error={error} what="VirtualMachine" />
  ) : !loaded ? (
    <Loading />
  ) : (
    <>
      <PageSection hasBodyWrapper={false} className="preview-details-header">
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to={vmListPath(ns)}>VirtualMachines</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>VirtualMachine details</BreadcrumbItem>
        </Breadcrumb>
        <div className="preview-title-row">
          <Title headingLevel="h1" data-test="resource-title">
            <ResourceIcon groupVersionKind={VM_MODEL} /> {name}{' '}
            <Label isCompact>{vmStatus(obj)}</Label>
          </Title>
          <ActionsMenu model={VM_MODEL} obj={obj} variant="button" />
        </div>
      </PageSection>
      <Tabs
        activeKey={tab}
        onSelect={(_e, key) => navigate(key ? `${base}/${key}` : base)}
        className="preview-horizontal-nav"
        data-test="horizontal-nav"
        mountOnEnter
      >
        {tabs.map((t) => (
          <Tab
            key={t.href}
            eventKey={t.href}
            title={<TabTitleText>{t.name}</TabTitleText>}
            data-test={`horizontal-link-${t.name}`}
          />
        ))}
      </Tabs>
      <div data-test="horizontal-tab-content" className="preview-tab-content">
        {!active ? (
          tabsResolved ? (
            <ErrorState
              error={{ code: 404, message: `No tab "${tab}" on VirtualMachine pages` }}
              what="Tab"
            />
          ) : (
            <Loading />
          )
        ) : (
          <ErrorBoundary
            key={active.href}
            title={`Tab "${active.name}"${active.plugin ? ` of plugin ${active.plugin}` : ''} failed`}
          >
            <React.Suspense fallback={<Loading />}>
              {/* kubevirt-plugin passes the VM expanded with its instance type by virt-api's
                  expand-spec; the host has no virt-api, so this is undefined, as for a VM without one. */}
              {TabComponent && (
                <TabComponent obj={obj} params={params} instanceTypeExpandedSpec={undefined} />
              )}
            </React.Suspense>
          </ErrorBoundary>
        )}
      </div>
    </>
  );
  return (
    <>
      <DocumentTitle>{`${name} · VirtualMachine details`}</DocumentTitle>
      <div className="preview-vm-navigator" data-test="vm-navigator">
        <VMTree ns={ns} name={name} open={treeOpen} onToggle={toggleTree} />
        <div className="preview-vm-main" data-test="vm-main">
          {body}
        </div>
      </div>
    </>
  );
};

/** Where ResourceLink points for kinds the host has no page for: the object's YAML. */
export const ResourceYAMLPage: React.FC = () => {
  const { ns, ref = '', name = '' } = useParams<{ ns?: string; ref: string; name: string }>();
  const [model] = useK8sModel(ref);
  const [obj, loaded, error] = useK8sWatchResource(
    model ? { kind: ref, name, namespace: ns } : null,
  );
  if (error) return <ErrorState error={error} what={ref} />;
  if (!model || !loaded) return <Loading />;
  return (
    <>
      <DocumentTitle>{`${name} · ${model.kind} details`}</DocumentTitle>
      <PageSection hasBodyWrapper={false}>
        <Title headingLevel="h1" data-test="resource-title">
          <ResourceIcon kind={ref} /> {name}
        </Title>
      </PageSection>
      <YamlTab obj={obj} />
    </>
  );
};

export const NotFoundPage: React.FC = () => (
  <PageSection hasBodyWrapper={false}>
    <EmptyState titleText="404: Page Not Found" headingLevel="h1" data-test="not-found" />
  </PageSection>
);

export { ErrorBoundary };
