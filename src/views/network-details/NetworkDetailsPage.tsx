/**
 * `/vm-networking/ns/<ns>/udn/<name>`, `/vm-networking/ns/<ns>/nad/<name>`,
 * `/vm-networking/cluster/cudn/<name>`: one network — its facts in words, conditions, the NADs it
 * rendered, the bridge mapping per node for a localnet, the MultiNetworkPolicies naming it, the VMs
 * connected (NIC, MAC, IPs), its events and YAML.
 */
import * as React from 'react';
import {
  Breadcrumb,
  Button,
  BreadcrumbItem,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  List,
  ListItem,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { SimpleTable } from './SimpleTable';
// Alerts show only when something is wrong or unreadable: fetched then (Alert brings Tooltip/Popper).
import { Alert } from '../shared/wizard/LazyAlert';
import { DocumentTitle, ResourceLink, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { Link, useLocation, useNavigate } from 'react-router-dom-v5-compat';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { K8sObject } from '../../core/k8s/types';
import {
  describeNetwork,
  localnetMappings,
  policiesTargeting,
  type NetworkRow,
  type NotEnforcedReason,
} from '../../core/network-list';
import { useNetworkingTranslation } from '../shared/i18n';
import { isNoModel, isNotFound, messageOf } from '../shared/k8s-errors';
import { useMessageText } from '../shared/useMessage';
import { kindLabel, roleLabel, topologyLabel } from '../networks-page/labels';
import { NetworkActions } from '../networks-page/NetworkActions';
import { NetworkStatusLabel, NetworkStatusReasons } from '../networks-page/NetworkStatus';
import { networkUrls, parseDetailsPath, type NetworkRoute } from '../networks-page/urls';
import { useNetworkDetails } from './useNetworkDetails';
import './network-details.css';

const NOT_SET = '—';

const YamlSection = React.lazy(
  () => import(/* webpackChunkName: "network-yaml" */ './YamlSection'),
);

const AttachToVMsModal = React.lazy(
  () => import(/* webpackChunkName: "attach-to-vms-modal" */ '../networks-page/AttachToVMsModal'),
);
const DeleteNetworkModal = React.lazy(
  () =>
    import(/* webpackChunkName: "delete-network-modal" */ '../networks-page/DeleteNetworkModal'),
);

const Fact: React.FC<{ term: string; test: string; children: React.ReactNode }> = ({
  term,
  test,
  children,
}) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-test={`fact-${test}`}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

const Facts: React.FC<{ row: NetworkRow; reachError?: unknown }> = ({ row, reachError }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  return (
    <>
      <Content component="p" data-test="network-in-words">
        {describeNetwork(row).map(text).join(' ')}
      </Content>
      <DescriptionList
        isHorizontal
        isCompact
        columnModifier={{ lg: '2Col' }}
        data-test="network-facts"
      >
        <Fact term={t('Kind')} test="kind">
          {kindLabel(t, row)}
        </Fact>
        <Fact term={t('Namespace(s)')} test="namespaces">
          {row.namespaces.length
            ? row.namespaces.join(', ')
            : reachError
              ? t('Not known: the namespaces could not be read')
              : t('None selected')}
          {row.namespacesComputed && (
            <>
              {' '}
              <Label isCompact>{t('computed from the selector')}</Label>
            </>
          )}
        </Fact>
        <Fact term={t('Topology')} test="topology">
          {row.topology ? topologyLabel(t, row.topology) : NOT_SET}
        </Fact>
        <Fact term={t('Role')} test="role">
          {roleLabel(t, row.role)}
        </Fact>
        <Fact term={t('CNI network name')} test="network-name">
          {row.networkName ?? NOT_SET}
        </Fact>
        {row.pluginType && (
          <Fact term={t('CNI plugin')} test="plugin">
            {row.pluginType}
          </Fact>
        )}
        <Fact term={t('VLAN')} test="vlan">
          {row.vlan ?? NOT_SET}
        </Fact>
        <Fact term={t('Physical network')} test="physical">
          {row.physicalNetwork ?? NOT_SET}
        </Fact>
        <Fact term={t('Bridge')} test="bridge">
          {row.bridges.length ? row.bridges.join(', ') : NOT_SET}
        </Fact>
        <Fact term={t('Subnets')} test="subnets">
          {row.subnets.length ? row.subnets.join(', ') : NOT_SET}
        </Fact>
        <Fact term={t('MTU')} test="mtu">
          {row.mtu ?? t('Not set')}
        </Fact>
        <Fact term={t('Status')} test="status">
          <NetworkStatusLabel row={row} />
        </Fact>
        <Fact term={t('Created')} test="created">
          <Timestamp timestamp={row.object.metadata?.creationTimestamp ?? ''} />
        </Fact>
      </DescriptionList>
    </>
  );
};

const Section: React.FC<{
  title: string;
  id?: string;
  test: string;
  children: React.ReactNode;
}> = ({ title, id, test, children }) => (
  <section id={id} data-test={test} className="vm-networking-details__section">
    <Title headingLevel="h2" size="lg">
      {title}
    </Title>
    {children}
  </section>
);

const Conditions: React.FC<{ row: NetworkRow }> = ({ row }) => {
  const { t } = useNetworkingTranslation();
  if (!row.status.conditions.length)
    return <Content component="p">{t('No condition reported.')}</Content>;
  return (
    <SimpleTable
      label={t('Conditions')}
      rows={row.status.conditions}
      rowKey={(c) => c.type}
      columns={[
        { title: t('Type'), cell: (c) => c.type },
        { title: t('Status'), cell: (c) => c.status },
        { title: t('Reason'), cell: (c) => c.reason ?? NOT_SET },
        { title: t('Message'), cell: (c) => c.message ?? NOT_SET },
        {
          title: t('Changed'),
          cell: (c) => <Timestamp timestamp={c.lastTransitionTime ?? ''} />,
        },
      ]}
    />
  );
};

const ConnectedVms: React.FC<{ row: NetworkRow; loaded: boolean; reachError?: unknown }> = ({
  row,
  loaded,
  reachError,
}) => {
  const { t } = useNetworkingTranslation();
  if (reachError)
    // Without the namespaces its selector matches, whether any VM uses it cannot be told.
    return (
      <Alert
        isInline
        variant="warning"
        data-test="connected-vms-unknown"
        title={t(
          'Connected VMs are not known: the namespaces this network selects could not be read: {{error}}',
          { error: messageOf(reachError) },
        )}
      />
    );
  if (!loaded) return <Spinner size="md" aria-label={t('Loading')} />;
  if (!row.connected.length)
    return (
      <Content component="p" data-test="no-connected-vms">
        {t('No VirtualMachine has a NIC on this network.')}
      </Content>
    );
  return (
    <SimpleTable
      label={t('VMs connected')}
      rows={row.connected}
      rowKey={(c) => `${c.vmNamespace}/${c.vmName}/${c.nic}`}
      rowTest={(c) => `connected-${c.vmName}-${c.nic}`}
      columns={[
        {
          title: t('VirtualMachine'),
          cell: (c) => (
            <Link to={networkUrls.vmTab(c.vmNamespace, c.vmName)} data-test="vm-tab-link">
              {c.vmName}
            </Link>
          ),
        },
        { title: t('Namespace'), cell: (c) => c.vmNamespace },
        {
          title: t('NIC'),
          cell: (c) => (
            <>
              {c.nic} {c.via.kind === 'pod' && <Label isCompact>{t('pod network')}</Label>}
            </>
          ),
        },
        { title: t('Binding'), cell: (c) => c.binding },
        {
          title: t('MAC'),
          cell: (c) =>
            c.mac ? (
              <>
                {c.mac.value}{' '}
                <Label isCompact variant="outline">
                  {c.mac.source === 'vmi' ? t('reported') : t('configured')}
                </Label>
              </>
            ) : c.hasInstance ? (
              t('Not reported')
            ) : (
              t('Assigned at start')
            ),
        },
        {
          title: t('IP addresses'),
          cell: (c) =>
            c.ips.length
              ? c.ips.join(', ')
              : c.hasInstance
                ? t('Not reported')
                : t('VM not running'),
        },
      ]}
    />
  );
};

const reasonText = (t: (k: string) => string, reason: NotEnforcedReason | undefined): string =>
  reason === 'mnp-disabled'
    ? t(
        'Not enforced: MultiNetworkPolicy is disabled in the cluster Network operator (spec.useMultiNetworkPolicy).',
      )
    : reason === 'mnp-config-unknown'
      ? t('Unknown: the cluster Network operator config could not be read.')
      : reason === 'linux-bridge'
        ? t('Not enforced: OpenShift does not support MultiNetworkPolicy on Linux bridge networks.')
        : reason === 'primary'
          ? t(
              'Not enforced: a primary network is filtered by NetworkPolicy, not MultiNetworkPolicy.',
            )
          : t('Enforced');

const Details: React.FC<{ route: NetworkRoute }> = ({ route }) => {
  const { t } = useNetworkingTranslation();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const d = useNetworkDetails(route);
  const [yamlOpen, setYamlOpen] = React.useState(false);
  const [yamlShown, setYamlShown] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  const [attaching, setAttaching] = React.useState(false);
  React.useEffect(() => {
    if (hash === '#connected-vms' && d.row && d.vms.loaded)
      document.getElementById('connected-vms')?.scrollIntoView();
  }, [hash, d.row, d.vms.loaded]);

  const title = route.name;
  const breadcrumb = (
    <Breadcrumb>
      <BreadcrumbItem>
        <Link to={networkUrls.list(route.namespace)}>{t('VM networks')}</Link>
      </BreadcrumbItem>
      <BreadcrumbItem isActive>{title}</BreadcrumbItem>
    </Breadcrumb>
  );
  if (d.objError || (d.objLoaded && !d.row)) {
    return (
      <PageSection>
        {breadcrumb}
        <Title headingLevel="h1">{route.name}</Title>
        <Alert
          isInline
          variant={isNotFound(d.objError) ? 'warning' : 'danger'}
          title={
            isNotFound(d.objError)
              ? t('{{kind}} {{name}} not found', { kind: route.kind, name: route.name })
              : t('Could not read {{kind}} {{name}}', { kind: route.kind, name: route.name })
          }
          data-test="network-details-error"
        >
          {messageOf(d.objError)}
        </Alert>
      </PageSection>
    );
  }
  if (!d.row) return <Spinner aria-label={t('Loading')} />;
  const row = d.row;
  const policies = policiesTargeting(row, d.mnps, d.operator);
  const mappings =
    row.topology === 'localnet' && row.physicalNetwork
      ? localnetMappings(row.physicalNetwork, d.nncps, d.nns)
      : undefined;

  return (
    <>
      <DocumentTitle>{t('{{name}} · VM networks', { name: row.name })}</DocumentTitle>
      <PageSection data-test="network-details" data-loaded={d.vms.loaded ? 'true' : 'false'}>
        {breadcrumb}
        <Flex
          justifyContent={{ default: 'justifyContentSpaceBetween' }}
          alignItems={{ default: 'alignItemsCenter' }}
        >
          <FlexItem>
            <Title headingLevel="h1" data-test="page-heading">
              {row.name} <Label isCompact>{kindLabel(t, row)}</Label>{' '}
              <NetworkStatusLabel row={row} />
            </Title>
          </FlexItem>
          <FlexItem>
            <NetworkActions
              row={row}
              variant="button"
              onDelete={() => setDeleting(true)}
              onAttach={() => setAttaching(true)}
            />
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection>
        <Flex
          direction={{ default: 'column' }}
          spaceItems={{ default: 'spaceItemsLg' }}
          className="vm-networking-details"
        >
          {row.status.messages.length > 0 && row.status.state !== 'no-status' && (
            <Alert
              isInline
              variant={row.status.state === 'pending' ? 'info' : 'danger'}
              title={t('Status')}
              data-test="status-alert"
            >
              <NetworkStatusReasons row={row} />
            </Alert>
          )}
          <Facts row={row} reachError={d.reachError} />
          {row.kind !== 'NetworkAttachmentDefinition' && (
            <Section title={t('Conditions')} test="conditions">
              <Conditions row={row} />
            </Section>
          )}
          {row.kind !== 'NetworkAttachmentDefinition' && (
            <Section title={t('NetworkAttachmentDefinitions it rendered')} test="rendered-nads">
              {row.renderedNads.length ? (
                <List isPlain>
                  {row.renderedNads.map((n) => (
                    <ListItem key={`${n.namespace}/${n.name}`}>
                      <ResourceLink
                        groupVersionKind={groupVersionKindOf(Models.NetworkAttachmentDefinition)}
                        name={n.name}
                        namespace={n.namespace}
                      />{' '}
                      {t('in {{namespace}}', { namespace: n.namespace })}
                    </ListItem>
                  ))}
                </List>
              ) : (
                <Content component="p">{t('None found in the namespaces it reaches.')}</Content>
              )}
            </Section>
          )}
          {row.renderedBy && (
            <Alert
              isInline
              variant="info"
              title={t('Rendered by {{kind}} {{name}}', row.renderedBy)}
            />
          )}
          {mappings && (
            <Section
              title={t('Bridge mapping of "{{physicalNetwork}}" per node', {
                physicalNetwork: mappings.physicalNetwork,
              })}
              test="bridge-mappings"
            >
              <Content component="p">
                {mappings.policies.length
                  ? t('Asked for by NodeNetworkConfigurationPolicy {{list}}.', {
                      list: mappings.policies
                        .map((p) => `${p.name} (→ ${p.bridge ?? '?'})`)
                        .join(', '),
                    })
                  : t('No NodeNetworkConfigurationPolicy asks for this mapping.')}
              </Content>
              {mappings.nodes ? (
                mappings.nodes.length ? (
                  <SimpleTable
                    label={t('Bridge mapping per node')}
                    rows={mappings.nodes}
                    rowKey={(n) => n.node}
                    columns={[
                      { title: t('Node'), cell: (n) => n.node },
                      {
                        title: t('Bridge'),
                        cell: (n) =>
                          n.bridge ?? (
                            <Label color="red" isCompact>
                              {t('Missing: VMs on this node cannot reach the network')}
                            </Label>
                          ),
                      },
                    ]}
                  />
                ) : (
                  <Content component="p">{t('No NodeNetworkState reported.')}</Content>
                )
              ) : (
                <Content component="p">
                  {d.nnsError && isNoModel(d.nnsError)
                    ? t(
                        'This cluster does not serve NodeNetworkStates (the NMState operator is not installed): the mapping per node is not reported.',
                      )
                    : d.nnsError
                      ? t(
                          'NodeNetworkStates could not be read ({{error}}): the mapping per node is not known.',
                          { error: messageOf(d.nnsError) },
                        )
                      : t('Loading NodeNetworkStates…')}
                </Content>
              )}
            </Section>
          )}
          <Section title={t('VMs connected')} id="connected-vms" test="connected-vms">
            {d.vms.problems.map((p) => (
              <Alert
                key={`${p.kind}/${p.namespace}`}
                isInline
                variant="warning"
                title={t('{{kind}} in {{namespace}} could not be read: {{error}}', {
                  kind: p.kind,
                  namespace: p.namespace ?? '',
                  error: messageOf(p.error),
                })}
              />
            ))}
            <ConnectedVms row={row} loaded={d.vms.loaded} reachError={d.reachError} />
          </Section>
          <Section title={t('MultiNetworkPolicies')} test="policies">
            {d.mnpProblems.map((p) => (
              <Alert
                key={p.ns}
                isInline
                variant="warning"
                title={t('{{kind}} in {{namespace}} could not be read: {{error}}', {
                  kind: 'MultiNetworkPolicies',
                  namespace: p.ns,
                  error: messageOf(p.error),
                })}
              />
            ))}
            {policies.length ? (
              <List isPlain>
                {policies.map((p) => (
                  <ListItem
                    key={`${p.policy.metadata?.namespace}/${p.policy.metadata?.name}`}
                    data-test={`policy-${p.policy.metadata?.name}`}
                  >
                    <ResourceLink
                      groupVersionKind={groupVersionKindOf(Models.MultiNetworkPolicy)}
                      name={p.policy.metadata?.name}
                      namespace={p.policy.metadata?.namespace}
                      inline
                    />{' '}
                    <Label
                      isCompact
                      color={p.enforced ? 'green' : p.enforced === false ? 'red' : 'grey'}
                    >
                      {reasonText(t, p.reason)}
                    </Label>
                  </ListItem>
                ))}
              </List>
            ) : (
              <Content component="p">
                {t('No MultiNetworkPolicy names this network (k8s.v1.cni.cncf.io/policy-for).')}
              </Content>
            )}
          </Section>
          <Section title={t('Events')} test="events">
            {d.eventsError ? (
              <Alert
                isInline
                variant="warning"
                title={t('Events could not be read: {{error}}', {
                  error: messageOf(d.eventsError),
                })}
              />
            ) : !d.eventsLoaded ? (
              <Spinner size="md" aria-label={t('Loading')} />
            ) : d.events.length ? (
              <SimpleTable
                label={t('Events')}
                rows={d.events}
                rowKey={(e) => e.metadata?.uid ?? e.metadata?.name ?? ''}
                columns={[
                  { title: t('Type'), cell: (e) => e.type ?? NOT_SET },
                  { title: t('Reason'), cell: (e) => e.reason ?? NOT_SET },
                  { title: t('Message'), cell: (e) => e.message ?? NOT_SET },
                  { title: t('Count'), cell: (e) => e.count ?? 1 },
                  {
                    title: t('Last seen'),
                    cell: (e) => <Timestamp timestamp={e.lastTimestamp ?? e.eventTime ?? ''} />,
                  },
                ]}
              />
            ) : (
              <Content component="p" data-test="no-events">
                {t('No events recorded for this object.')}
              </Content>
            )}
          </Section>
          <Section title={t('YAML')} test="yaml-section">
            <Button
              variant="link"
              isInline
              onClick={() => {
                setYamlShown(true);
                setYamlOpen(!yamlOpen);
              }}
              aria-expanded={yamlOpen}
              data-test="yaml-toggle"
            >
              {yamlOpen ? t('Hide YAML') : t('Show YAML')}
            </Button>
            {/* Once opened the editor stays mounted (hidden when closed): hiding the YAML must not
                drop what the user typed in it. */}
            {yamlShown && (
              <div hidden={!yamlOpen}>
                <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
                  <YamlSection object={d.obj as K8sObject} model={Models[route.kind]} />
                </React.Suspense>
              </div>
            )}
          </Section>
        </Flex>
      </PageSection>
      {attaching && (
        <React.Suspense fallback={null}>
          <AttachToVMsModal row={row} onClose={() => setAttaching(false)} />
        </React.Suspense>
      )}
      {deleting && (
        <React.Suspense fallback={null}>
          <DeleteNetworkModal
            row={row}
            vmProblems={d.vms.problems}
            vmsLoaded={d.vms.loaded}
            onClose={() => setDeleting(false)}
            onDeleted={() => navigate(networkUrls.list(route.namespace))}
          />
        </React.Suspense>
      )}
    </>
  );
};

const NetworkDetailsPage: React.FC = () => {
  const { t } = useNetworkingTranslation();
  const { pathname } = useLocation();
  const route = parseDetailsPath(pathname);
  if (!route)
    return (
      <PageSection>
        <Title headingLevel="h1">{t('Not a network details address')}</Title>
      </PageSection>
    );
  return <Details key={pathname} route={route} />;
};

export default NetworkDetailsPage;
