/**
 * `/vm-networking`: the networks VMs of a namespace can attach to — its UserDefinedNetworks, its
 * NetworkAttachmentDefinitions and the ClusterUserDefinedNetworks selecting it — with a way to
 * create or edit each.
 */
import * as React from 'react';
import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  EmptyState,
  Flex,
  FlexItem,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  List,
  ListItem,
  PageSection,
  Spinner,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useActiveNamespace, useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router-dom-v5-compat';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
} from '../../core/k8s/types';
import { nadKindLabel, parseNadConfig } from '../../core/networks/nad-config';
import {
  cudnsSelecting,
  isUdnGeneratedNad,
  udnConfigOf,
  type AnyUDN,
} from '../../core/networks/udn';
import { useNetworkingTranslation } from '../shared/i18n';
import { messageOf } from '../shared/k8s-errors';
import { wizardUrls } from '../shared/wizard/urls';
import './networks-page.css';

type Result = { data?: unknown; loaded?: boolean; loadError?: unknown };

const ALL_NS = '#ALL_NS#';

const udnSummary = (u: AnyUDN): string => {
  const c = udnConfigOf(u);
  const subnets = ((c?.subnets ?? []) as (string | { cidr: string })[])
    .map((s) => (typeof s === 'string' ? s : s.cidr))
    .join(', ');
  return [c?.topology, c?.role, subnets].filter(Boolean).join(' · ');
};

const Section: React.FC<{
  title: string;
  result: Result | undefined;
  testId: string;
  empty: string;
  children?: React.ReactNode;
  count: number;
}> = ({ title, result, testId, empty, children, count }) => {
  const { t } = useNetworkingTranslation();
  return (
    <Card data-test={testId}>
      <CardTitle>
        <Title headingLevel="h2" size="lg">
          {title}
        </Title>
      </CardTitle>
      <CardBody>
        {result?.loadError ? (
          <Content component="p">
            {t('Could not be read: {{error}}', { error: messageOf(result.loadError) })}
          </Content>
        ) : !result?.loaded ? (
          <Spinner size="md" aria-label={t('Loading')} />
        ) : count === 0 ? (
          <Content component="p">{empty}</Content>
        ) : (
          <List isPlain>{children}</List>
        )}
      </CardBody>
    </Card>
  );
};

const Row: React.FC<{ obj: K8sObject; summary: string; edit?: string; badge?: string }> = ({
  obj,
  summary,
  edit,
  badge,
}) => {
  const { t } = useNetworkingTranslation();
  return (
    <ListItem data-test={`network-${obj.kind}-${obj.metadata?.name}`}>
      <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <strong>{obj.metadata?.name}</strong>
        </FlexItem>
        <FlexItem>{summary}</FlexItem>
        {badge && (
          <FlexItem>
            <Label isCompact>{badge}</Label>
          </FlexItem>
        )}
        {edit && (
          <FlexItem>
            <Link to={edit} aria-label={t('Edit {{name}}', { name: obj.metadata?.name })}>
              {t('Edit')}
            </Link>
          </FlexItem>
        )}
      </Flex>
    </ListItem>
  );
};

const VMNetworksPage: React.FC = () => {
  const { t } = useNetworkingTranslation();
  const [activeNamespace, setActiveNamespace] = useActiveNamespace();
  const [picked, setPicked] = React.useState<string>();
  const namespace = picked ?? (activeNamespace === ALL_NS ? '' : activeNamespace);

  const resources = React.useMemo(() => {
    const r: Record<string, WatchK8sResource> = {
      namespaces: { groupVersionKind: groupVersionKindOf(Models.Namespace), isList: true },
      cudns: {
        groupVersionKind: groupVersionKindOf(Models.ClusterUserDefinedNetwork),
        isList: true,
      },
    };
    if (namespace) {
      r.udns = {
        groupVersionKind: groupVersionKindOf(Models.UserDefinedNetwork),
        isList: true,
        namespace,
      };
      r.nads = {
        groupVersionKind: groupVersionKindOf(Models.NetworkAttachmentDefinition),
        isList: true,
        namespace,
      };
    }
    return r;
  }, [namespace]);
  const res = useK8sWatchResources<Record<string, K8sObject[]>>(resources) as unknown as Record<
    string,
    Result
  >;
  const list = <T,>(r: Result | undefined): T[] =>
    r?.loaded && Array.isArray(r.data) ? (r.data as T[]) : [];
  const namespaces = list<Namespace>(res.namespaces);
  const ns = namespaces.find((n) => n.metadata?.name === namespace);
  const udns = list<UserDefinedNetwork>(res.udns);
  const nads = list<NetworkAttachmentDefinition>(res.nads);
  const cudns = ns
    ? cudnsSelecting(list<ClusterUserDefinedNetwork>(res.cudns), ns.metadata?.labels ?? {})
    : [];

  const choose = (value: string) => {
    setPicked(value);
    setActiveNamespace(value);
  };

  return (
    <PageSection className="vm-networking-networks">
      <Title headingLevel="h1">{t('VM networks')}</Title>
      <Content component="p">
        {t(
          'The networks VirtualMachines in a namespace can attach to, and wizards that create them right the first time.',
        )}
      </Content>
      <Flex
        alignItems={{ default: 'alignItemsFlexEnd' }}
        className="vm-networking-networks__toolbar"
      >
        <FlexItem>
          <FormGroup label={t('Namespace')} fieldId="vm-networking-networks-namespace">
            {namespaces.length ? (
              <FormSelect
                id="vm-networking-networks-namespace"
                value={namespace}
                onChange={(_e, v) => choose(v)}
              >
                {!namespace && <FormSelectOption value="" label={t('Choose a namespace')} />}
                {namespaces.map((n) => (
                  <FormSelectOption
                    key={n.metadata?.name}
                    value={n.metadata?.name ?? ''}
                    label={n.metadata?.name ?? ''}
                  />
                ))}
                {namespace && !ns && <FormSelectOption value={namespace} label={namespace} />}
              </FormSelect>
            ) : (
              <TextInput
                id="vm-networking-networks-namespace"
                value={namespace}
                onChange={(_e, v) => choose(v)}
              />
            )}
          </FormGroup>
        </FlexItem>
        <FlexItem>
          <Button
            variant="primary"
            component={(p: object) => (
              <Link {...p} to={wizardUrls.newUDN(namespace || 'default')} />
            )}
            data-test="create-udn"
          >
            {t('Create UserDefinedNetwork')}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            variant="secondary"
            component={(p: object) => (
              <Link {...p} to={wizardUrls.newNAD(namespace || 'default')} />
            )}
            data-test="create-nad"
          >
            {t('Create NetworkAttachmentDefinition')}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            variant="secondary"
            component={(p: object) => <Link {...p} to={wizardUrls.newCUDN()} />}
            data-test="create-cudn"
          >
            {t('Create ClusterUserDefinedNetwork')}
          </Button>
        </FlexItem>
      </Flex>
      {!namespace ? (
        <EmptyState titleText={t('Choose a namespace')} headingLevel="h2" />
      ) : (
        <Flex direction={{ default: 'column' }} className="vm-networking-networks__sections">
          <Section
            title={t('UserDefinedNetworks')}
            result={res.udns}
            testId="udn-list"
            count={udns.length}
            empty={t('None in this namespace.')}
          >
            {udns.map((u) => (
              <Row
                key={u.metadata?.name}
                obj={u}
                summary={udnSummary(u)}
                edit={wizardUrls.editUDN(namespace, u.metadata?.name ?? '')}
              />
            ))}
          </Section>
          <Section
            title={t('ClusterUserDefinedNetworks selecting this namespace')}
            result={res.cudns}
            testId="cudn-list"
            count={cudns.length}
            empty={t('None selects this namespace.')}
          >
            {cudns.map((c) => (
              <Row
                key={c.metadata?.name}
                obj={c}
                summary={udnSummary(c)}
                edit={wizardUrls.editCUDN(c.metadata?.name ?? '')}
              />
            ))}
          </Section>
          <Section
            title={t('NetworkAttachmentDefinitions')}
            result={res.nads}
            testId="nad-list"
            count={nads.length}
            empty={t('None in this namespace.')}
          >
            {nads.map((n) => {
              const generated = isUdnGeneratedNad(n);
              return (
                <Row
                  key={n.metadata?.name}
                  obj={n}
                  summary={nadKindLabel(parseNadConfig(n))}
                  badge={generated ? t('made by its UDN') : undefined}
                  edit={
                    generated ? undefined : wizardUrls.editNAD(namespace, n.metadata?.name ?? '')
                  }
                />
              );
            })}
          </Section>
        </Flex>
      )}
    </PageSection>
  );
};

export default VMNetworksPage;
