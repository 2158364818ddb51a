/**
 * The policy section of one interface on the Networking tab: which kind of policy governs it, the
 * policies that select it, what they allow in plain words, the diagnostics that concern it with
 * their fixes, and "Check traffic". Loaded lazily (its own chunk) when a row is expanded.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import { matchesSelector } from '../../core/k8s/selectors';
import type { InterfaceRow } from '../../core/model/types';
import type { InertReason } from '../../core/policy/analysis';
import type { Network } from '../../core/policy/networks';
import type { PolicyRef } from '../../core/policy/policies';
import { SectionErrorBoundary } from '../shared/ErrorBoundary';
import { useNetworkingTranslation } from '../shared/i18n';
import { CheckTraffic } from './CheckTraffic';
import { PolicyDiagnostics } from './PolicyDiagnostics';
import { adminRulesText, messageText, summarize, undecidedBy, type T } from './policy-text';
import { useVmPolicyAnalysis } from './useVmPolicyAnalysis';
import { diagnosticsFor } from './diagnostics-for';
import { mnpUrls } from '../mnp-wizard/urls';

export { diagnosticsFor };

export interface InterfacePoliciesProps {
  row: InterfaceRow;
  /** The VM whose interface this is. */
  namespace: string;
  vmName: string;
  /** Every NAD the VM's NICs name, comma-separated; without it, this row's NAD. */
  vmNads?: string;
}

/** One term of the interface's policy facts and what it says (a PatternFly description group). */
const FactGroup: React.FC<{ term: string; dataTest: string; children?: React.ReactNode }> = ({
  term,
  dataTest,
  children,
}) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-test={dataTest}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

export const PolicyLink: React.FC<{ policy: PolicyRef }> = ({ policy }) => (
  <ResourceLink
    groupVersionKind={groupVersionKindOf(Models[policy.kind])}
    name={policy.name}
    namespace={policy.namespace}
    inline
  />
);

const GovernedBy: React.FC<{ network?: Network; networkId: string }> = ({ network, networkId }) => {
  const { t } = useNetworkingTranslation();
  if (!network)
    return (
      <>
        {t(
          'MultiNetworkPolicy, but the network {{network}} is not known: its NetworkAttachmentDefinition is missing or unreadable.',
          { network: networkId.replace(/^missing:/, '') },
        )}
      </>
    );
  switch (network.kind) {
    case 'pod':
      return (
        <>
          {t(
            'AdminNetworkPolicy, then NetworkPolicy, then BaselineAdminNetworkPolicy (the cluster pod network)',
          )}
        </>
      );
    case 'primary-udn':
    case 'primary-cudn':
      return (
        <>
          {t('NetworkPolicy (the primary user-defined network {{network}})', {
            network: network.label,
          })}
        </>
      );
    default:
      return (
        <>
          {t(
            'MultiNetworkPolicy (secondary network {{network}}), through the {{annotation}} annotation',
            {
              network:
                network.nads.map((n) => `${n.namespace}/${n.name}`).join(', ') || network.label,
              annotation: 'k8s.v1.cni.cncf.io/policy-for',
            },
          )}
        </>
      );
  }
};

const inertText = (t: T, reason: InertReason) =>
  ({
    'mnp-disabled': t('not enforced: MultiNetworkPolicy is not enabled in the cluster'),
    'linux-bridge': t(
      'not enforced: OpenShift does not support MultiNetworkPolicy on Linux bridge networks',
    ),
    'ipamless-selector-peers': t(
      'not enforced: it has pod or namespace selector peers on a network without IPAM, which OVN-Kubernetes rejects',
    ),
  })[reason];

const Body: React.FC<{ row: InterfaceRow; namespace: string; vmName: string; vmNads?: string }> = ({
  row,
  namespace,
  vmName,
  vmNads,
}) => {
  const { t } = useNetworkingTranslation();
  const tt = t as unknown as T;
  // All rows ask with the VM's NADs: the same inputs, so the analysis is built once for all.
  const foreign =
    vmNads !== undefined
      ? vmNads.split(',').filter(Boolean)
      : row.network.nadKey
        ? [row.network.nadKey]
        : [];
  const { inputs, built } = useVmPolicyAnalysis(namespace, foreign);

  if (!built)
    return <Spinner size="md" aria-label={t('Loading policies')} data-test="policies-loading" />;
  const { analysis } = built;
  const endpoint = analysis.findEndpoint(`${namespace}/${vmName}[VirtualMachine]`);
  const iface = endpoint?.interfaces.find((i) => i.name === row.name);
  if (!endpoint || !iface)
    return (
      <Alert
        variant="info"
        isInline
        isPlain
        title={t('The policy analysis does not know this interface.')}
        data-test="policies-unknown-interface"
      />
    );
  const network = analysis.network(iface.networkId);
  const selecting = analysis.policiesSelecting(iface);
  const admins = analysis.adminPoliciesSelecting(iface);
  const adminsNotApplied = analysis.adminPoliciesNotApplied(iface);
  const inert = analysis.policies
    .filter(
      (p) => p.networkIds.has(iface.networkId) && analysis.inert.get(p.index)?.has(iface.networkId),
    )
    .filter(
      (p) =>
        p.ref.namespace === endpoint.namespace && matchesSelector(endpoint.labels, p.podSelector),
    )
    .map((p) => ({ policy: p, reason: analysis.inert.get(p.index)!.get(iface.networkId)! }));
  const summaries = (['ingress', 'egress'] as const).map((d) =>
    summarize(tt, analysis, iface, d, endpoint),
  );
  const undecided = undecidedBy(analysis, iface);
  const diagnostics = diagnosticsFor(built.diagnostics, analysis, endpoint, iface);
  const isSecondary = network?.kind === 'secondary' || !network;
  const nadName = network?.nads.find((n) => n.namespace === namespace)?.name;

  return (
    <>
      {inputs.problems.length > 0 && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t('Some objects could not be read; the answers may be incomplete.')}
          data-test="policies-input-problems"
        >
          {inputs.problems.map((p) => (
            <div key={p.resource}>
              {p.resource}: {p.forbidden ? t('you may not read these') : p.message}
            </div>
          ))}
        </Alert>
      )}
      {iface.undecided ? (
        // Which network (and so which policies) this is could not be decided: nothing to list.
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t(
            'Which policies apply is unknown: the network of this interface could not be decided.',
          )}
          data-test="policy-network-undecided"
        >
          {messageText(tt, iface.undecided)}
        </Alert>
      ) : (
        <DescriptionList isCompact isHorizontal>
          <FactGroup term={t('Governed by')} dataTest="policy-kind">
            <GovernedBy network={network} networkId={iface.networkId} />
          </FactGroup>
          <FactGroup term={t('Selected by')} dataTest="policy-selecting">
            {selecting.length ? (
              <List isPlain>
                {selecting.map((p) => (
                  <ListItem
                    key={`${p.ref.kind}/${p.ref.name}`}
                    data-test={`policy-selecting-${p.ref.name}`}
                  >
                    <PolicyLink policy={p.ref} />
                    {isSecondary && p.ref.kind === 'MultiNetworkPolicy' && (
                      <>
                        {' '}
                        <Button
                          variant="link"
                          isInline
                          component="a"
                          href={mnpUrls.editMNP(p.ref.namespace, p.ref.name)}
                        >
                          {t('Edit')}
                        </Button>
                      </>
                    )}
                  </ListItem>
                ))}
              </List>
            ) : admins.length ? (
              t('No NetworkPolicy or MultiNetworkPolicy selects this interface.')
            ) : undecided ? (
              t(
                'No policy that can be read selects this interface; {{objects}} could decide its traffic: what is allowed is unknown.',
                { objects: undecided },
              )
            ) : (
              t('No policy selects this interface: all traffic is allowed.')
            )}
          </FactGroup>
          {admins.length > 0 && (
            <FactGroup term={t('Admin network policies')} dataTest="policy-admin">
              <List isPlain>
                {admins.map((p) => (
                  <ListItem
                    key={`${p.ref.kind}/${p.ref.name}`}
                    data-test={`policy-admin-${p.ref.name}`}
                  >
                    <PolicyLink policy={p.ref} />{' '}
                    {p.priority !== undefined
                      ? t('{{kind}}, priority {{priority}}: {{rules}}', {
                          kind: p.ref.kind,
                          priority: p.priority,
                          rules: adminRulesText(tt, p),
                        })
                      : t('{{kind}}, after NetworkPolicy: {{rules}}', {
                          kind: p.ref.kind,
                          rules: adminRulesText(tt, p),
                        })}
                  </ListItem>
                ))}
              </List>
            </FactGroup>
          )}
          {adminsNotApplied.length > 0 && (
            <FactGroup
              term={t('Admin policies not applied here')}
              dataTest="policy-admin-not-applied"
            >
              <List isPlain>
                {adminsNotApplied.map((p) => (
                  <ListItem key={`${p.ref.kind}/${p.ref.name}`}>
                    <PolicyLink policy={p.ref} />{' '}
                    {t(
                      'selects this VM, but OVN-Kubernetes applies admin network policies on the cluster pod network only',
                    )}
                  </ListItem>
                ))}
              </List>
            </FactGroup>
          )}
          {inert.length > 0 && (
            <FactGroup term={t('Not enforced here')} dataTest="policy-inert">
              <List isPlain>
                {inert.map(({ policy, reason }) => (
                  <ListItem key={policy.ref.name}>
                    <PolicyLink policy={policy.ref} /> {inertText(tt, reason)}
                  </ListItem>
                ))}
              </List>
            </FactGroup>
          )}
          {summaries.map((s) => (
            <FactGroup
              key={s.direction}
              term={s.direction === 'ingress' ? t('Ingress') : t('Egress')}
              dataTest={`policy-${s.direction}-summary`}
            >
              {s.headline}
              {s.note && <div data-test={`policy-${s.direction}-note`}>{s.note}</div>}
              {s.allowed.length > 0 && (
                <List>
                  {s.allowed.map((a) => (
                    <ListItem key={`${a.policy.name}-${a.rule.index}`}>
                      {a.text} ({a.policy.name})
                    </ListItem>
                  ))}
                </List>
              )}
            </FactGroup>
          ))}
        </DescriptionList>
      )}
      <PolicyDiagnostics diagnostics={diagnostics} />
      {isSecondary && (
        <Button
          variant="link"
          isInline
          component="a"
          href={mnpUrls.newMNP(namespace, { network: nadName, vm: vmName })}
          data-test="policy-new-mnp"
        >
          {t('Create a MultiNetworkPolicy for this interface')}
        </Button>
      )}
      <Title headingLevel="h5" className="pf-v6-u-mt-md">
        {t('Check traffic')}
      </Title>
      <CheckTraffic analysis={analysis} endpoint={endpoint} iface={iface} />
    </>
  );
};

const InterfacePolicies: React.FC<InterfacePoliciesProps> = ({
  row,
  namespace,
  vmName,
  vmNads,
}) => {
  const { t } = useNetworkingTranslation();
  return (
    <section data-test={`interface-policies-${row.name}`}>
      <Title headingLevel="h4">{t('Policies')}</Title>
      <SectionErrorBoundary
        title={t('Policies')}
        raw={{ namespace, vm: vmName, interface: row.name }}
        texts={{ failed: t('Could not show'), rawData: t('Raw data') }}
      >
        <Body row={row} namespace={namespace} vmName={vmName} vmNads={vmNads} />
      </SectionErrorBoundary>
    </section>
  );
};

export default InterfacePolicies;
