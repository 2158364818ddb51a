import * as React from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  Label,
  LabelGroup,
  List,
  ListItem,
  Title,
} from '@patternfly/react-core';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import type { IpFact } from '../../core/model/addresses';
import type { InterfaceRow, ObjectRef } from '../../core/model/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { RawFact } from './RawFact';

// The policy section and the policy analysis load in their own chunk, when a row is expanded.
const InterfacePolicies = React.lazy(
  () => import(/* webpackChunkName: "interface-policies" */ '../policy/InterfacePolicies'),
);

const Term: React.FC<{ term: string; test?: string; children?: React.ReactNode }> = ({
  term,
  test,
  children,
}) =>
  children === undefined || children === null || children === '' ? null : (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription data-test={test}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );

export const IpList: React.FC<{ ips: IpFact[]; showSource?: boolean }> = ({ ips, showSource }) => {
  const { t } = useNetworkingTranslation();
  const sourceLabel: Record<string, string> = {
    'guest-agent': t('guest agent'),
    'pod-annotation': t('pod annotation'),
    domain: t('domain'),
    spec: t('spec'),
  };
  if (ips.length === 0) return null;
  return (
    <>
      {ips.map((ip) => (
        <div key={`${ip.address}-${ip.source}`}>
          {ip.address}
          {ip.prefixLength !== undefined ? `/${ip.prefixLength}` : ''}
          {showSource && (
            <>
              {' '}
              <Label isCompact>{sourceLabel[ip.source] ?? ip.source}</Label>
            </>
          )}
        </div>
      ))}
    </>
  );
};

export const ObjectLink: React.FC<{ ref_: ObjectRef }> = ({ ref_ }) => (
  <ResourceLink
    groupVersionKind={{ group: ref_.group, version: ref_.version, kind: ref_.kind }}
    name={ref_.name}
    namespace={ref_.namespace}
    inline
  />
);

const joined = (values: (string | number | undefined)[]) =>
  values.filter((v) => v !== undefined && v !== '').join(', ') || undefined;

/** Everything about one NIC, from guest to wire, with the raw objects behind the facts. */
export const InterfaceDetails: React.FC<{
  row: InterfaceRow;
  namespace: string;
  vmName: string;
}> = ({ row, namespace, vmName }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const { guest, binding, network, pod, raw } = row;

  const factLabel = (id: string): string =>
    ({
      podIP: t('Pod IP'),
      podIPs: t('Pod IPs'),
      guestAddress: t('Guest address'),
      masqueradeGuestAddress: t('Guest address'),
      guestGateway: t('Guest gateway'),
      gateway: t('Gateway'),
      address: t('Address'),
      nodeIP: t('Node IP'),
    })[id] ?? id;

  return (
    <Grid hasGutter data-test={`interface-details-${row.name}`}>
      <GridItem md={6} lg={3}>
        <Title headingLevel="h4">{t('Guest')}</Title>
        <DescriptionList isCompact>
          <Term term={t('Guest device')} test="detail-guest-device">
            {guest.interfaceName}
          </Term>
          <Term term={t('Model')}>
            {guest.model.value}
            {guest.model.defaulted ? ` (${t('default')})` : ''}
          </Term>
          <Term term={t('MAC configured')} test="detail-mac-configured">
            {guest.mac.configured ?? t('Assigned at start')}
          </Term>
          <Term term={t('MAC reported')} test="detail-mac-reported">
            {guest.mac.reported}
          </Term>
          <Term term={t('Link state')} test="detail-link-state">
            {guest.linkState.configured}
            {guest.linkState.reported && guest.linkState.reported !== guest.linkState.configured
              ? ` (${t('reported {{state}}', { state: guest.linkState.reported })})`
              : ''}
          </Term>
          <Term term={t('IP addresses')} test="detail-guest-ips">
            {guest.ips.length ? <IpList ips={guest.ips} showSource /> : undefined}
          </Term>
          <Term term={t('Link-local')} test="detail-link-local">
            {guest.linkLocal.length ? <IpList ips={guest.linkLocal} /> : undefined}
          </Term>
          <Term term={t('Reported by')}>{joined(guest.infoSources)}</Term>
          <Term term={t('Hot-plug')} test="detail-hotplug">
            {guest.hotplugMessage ? text(guest.hotplugMessage) : undefined}
          </Term>
        </DescriptionList>
      </GridItem>
      <GridItem md={6} lg={3}>
        <Title headingLevel="h4">{t('Binding')}</Title>
        <DescriptionList isCompact>
          <Term term={t('Binding')}>
            {binding.name}
            {binding.source === 'plugin' ? ` (${t('binding plugin')})` : ''}
            {binding.source === 'default' ? ` (${t('default')})` : ''}
            {binding.source === 'deprecated' ? ` (${t('deprecated')})` : ''}
          </Term>
          <Term term={t('What it means')} test="detail-binding-meaning">
            {text(binding.meaning)}
          </Term>
          {binding.facts.map((f) => (
            <Term key={f.id} term={factLabel(f.id)} test={`detail-binding-${f.id}`}>
              {f.value}
            </Term>
          ))}
        </DescriptionList>
      </GridItem>
      <GridItem md={6} lg={3}>
        <Title headingLevel="h4">{t('Network')}</Title>
        <DescriptionList isCompact>
          <Term term={t('Kind')} test="detail-network-kind">
            {text(network.kindLabel)}
          </Term>
          <Term term={t('Role')} test="detail-network-role">
            {network.role === 'primary' ? t('Primary') : t('Secondary')}
          </Term>
          <Term term={t('Type')}>{joined([network.pluginType, network.topology])}</Term>
          <Term term={t('Network name')}>{network.networkName}</Term>
          <Term term={t('Subnets')} test="detail-subnets">
            {joined(network.subnets)}
          </Term>
          <Term term={t('Excluded subnets')}>{joined(network.excludeSubnets)}</Term>
          <Term term={t('Gateway')} test="detail-gateway">
            {joined(network.gateways)}
          </Term>
          <Term term={t('IPAM')} test="detail-ipam">
            {network.ipam.enabled === undefined
              ? undefined
              : network.ipam.enabled
                ? network.ipam.lifecycle === 'Persistent'
                  ? t('Enabled, persistent IPs')
                  : t('Enabled')
                : t('None: the guest configures its own address')}
          </Term>
          <Term term={t('VLAN')} test="detail-vlan">
            {network.vlan}
          </Term>
          <Term term={t('MTU')} test="detail-mtu">
            {network.mtu}
          </Term>
          <Term term={t('Bridge')} test="detail-bridge">
            {network.bridge}
          </Term>
          <Term term={t('Physical network')} test="detail-physical-network">
            {network.physicalNetworkName}
          </Term>
          <Term term={t('Node bridge')} test="detail-node-bridge">
            {network.nodeBridges.length
              ? joined([...new Set(network.nodeBridges.map((b) => b.bridge))])
              : undefined}
          </Term>
          <Term term={t('Objects')}>
            {network.refs.length ? (
              <List isPlain>
                {network.refs.map((r) => (
                  <ListItem key={`${r.kind}/${r.namespace}/${r.name}`}>
                    <ObjectLink ref_={r} />
                  </ListItem>
                ))}
              </List>
            ) : undefined}
          </Term>
        </DescriptionList>
      </GridItem>
      <GridItem md={6} lg={3}>
        <Title headingLevel="h4">{t('Pod side')}</Title>
        <DescriptionList isCompact>
          <Term term={t('Pod interface')} test="detail-pod-interface">
            {pod.interfaceName ?? pod.expectedInterface}
            {pod.matches === false && pod.reportedInterface
              ? ` (${t('expected {{name}}', { name: pod.expectedInterface ?? '' })})`
              : ''}
          </Term>
          <Term term={t('Devices')} test="detail-pod-devices">
            {pod.devices.length ? (
              <LabelGroup numLabels={8}>
                {pod.devices.map((d) => (
                  <Label key={d.name} isCompact>
                    {d.name}
                    {d.address ? ` ${d.address}` : ''}
                  </Label>
                ))}
              </LabelGroup>
            ) : undefined}
          </Term>
          <Term term={t('Pod IPs')} test="detail-pod-ips">
            {pod.ips.length ? <IpList ips={pod.ips} /> : undefined}
          </Term>
          <Term term={t('Pod MAC')}>{pod.mac}</Term>
          <Term term={t('Pod gateway')}>{joined(pod.gateways)}</Term>
          <Term term={t('OVN role')} test="detail-ovn-role">
            {pod.ovnRole}
          </Term>
        </DescriptionList>
      </GridItem>
      {row.notes.length > 0 && (
        <GridItem span={12}>
          <List data-test="interface-notes">
            {row.notes.map((n, i) => (
              <ListItem key={i}>{text(n)}</ListItem>
            ))}
          </List>
        </GridItem>
      )}
      <GridItem span={12}>
        <React.Suspense fallback={null}>
          <InterfacePolicies row={row} namespace={namespace} vmName={vmName} />
        </React.Suspense>
      </GridItem>
      <GridItem span={12}>
        <RawFact title={t('NAD config')} value={raw.nadConfig} dataTest="raw-nad-config" />
        <RawFact
          title={t('network-status entry')}
          value={raw.networkStatusEntry}
          dataTest="raw-network-status"
        />
        <RawFact
          title={t('network selection element')}
          value={raw.networkSelection}
          dataTest="raw-network-selection"
        />
        <RawFact title={t('OVN pod-networks entry')} value={raw.ovnPodNetwork} dataTest="raw-ovn" />
        <RawFact title={t('VMI status entry')} value={raw.vmiStatus} dataTest="raw-vmi-status" />
        <RawFact
          title={t('VM spec interface')}
          value={raw.specInterface}
          dataTest="raw-spec-interface"
        />
        <RawFact title={t('VM spec network')} value={raw.specNetwork} dataTest="raw-spec-network" />
      </GridItem>
    </Grid>
  );
};
