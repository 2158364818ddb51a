import * as React from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  List,
  ListItem,
  Title,
} from '@patternfly/react-core';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import type { IpFact } from '../../core/model/addresses';
import type { Evidence, InterfaceRow, ObjectRef } from '../../core/model/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { RawFact } from './RawFact';
import './interface-details.css';

// The policy section and the policy analysis load in their own chunk, when a row is expanded.
const InterfacePolicies = React.lazy(
  () => import(/* webpackChunkName: "interface-policies" */ '../policy/InterfacePolicies'),
);

/** Where a value comes from, in words: "VirtualMachineInstance x: status.interfaces[nic].mac". */
export const evidenceText = (e: Evidence | undefined): string | undefined => {
  if (!e) return undefined;
  if (e.kind === 'computed') return `${e.rule}${e.from.length ? `: ${e.from.join(', ')}` : ''}`;
  const name = e.object.namespace ? `${e.object.namespace}/${e.object.name}` : e.object.name;
  return `${e.object.kind} ${name}: ${e.field}${e.infoSource ? ` (${e.infoSource})` : ''}`;
};

/** Computed values are marked as such; the evidence of every value is its tooltip. */
const Source: React.FC<{ evidence?: Evidence }> = ({ evidence }) => {
  const { t } = useNetworkingTranslation();
  if (evidence?.kind !== 'computed') return null;
  return (
    <>
      {' '}
      <Label isCompact variant="outline" data-test="computed" title={evidenceText(evidence)}>
        {t('computed')}
      </Label>
    </>
  );
};

const Term: React.FC<{
  term: string;
  test?: string;
  evidence?: Evidence;
  children?: React.ReactNode;
}> = ({ term, test, evidence, children }) =>
  children === undefined || children === null || children === '' ? null : (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription data-test={test} title={evidenceText(evidence)}>
        {children}
        <Source evidence={evidence} />
      </DescriptionListDescription>
    </DescriptionListGroup>
  );

export const IpList: React.FC<{ ips: IpFact[]; showSource?: boolean }> = ({ ips, showSource }) => {
  const { t } = useNetworkingTranslation();
  const sourceLabel: Record<string, string> = {
    'guest-agent': t('guest agent'),
    'multus-status': t('Multus status'),
    'pod-annotation': t('pod annotation'),
    'pod-status': t('pod status'),
    domain: t('domain'),
    instance: t('reported by the instance'),
    spec: t('spec'),
  };
  if (ips.length === 0) return null;
  return (
    <>
      {ips.map((ip) => (
        <div key={`${ip.address}-${ip.source}`} title={evidenceText(ip.evidence)}>
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
  /** Every NAD the VM's NICs name (see InterfacesTable): one policy analysis for all rows. */
  vmNads?: string;
}> = ({ row, namespace, vmName, vmNads }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const { guest, binding, network, pod, raw } = row;
  const ev = (path: string): Evidence | undefined =>
    path.startsWith('network.')
      ? network.evidence?.[path.slice('network.'.length)]
      : row.evidence?.[path];
  // The instance runs but says nothing about this NIC: its guest facts are "not reported".
  const notReported = guest.statusReported === false ? t('not reported') : undefined;

  const factLabel = (id: string): string =>
    ({
      podIP: t('Pod IP'),
      podIPs: t('Pod IPs'),
      guestAddress: t('Guest address'),
      masqueradeGuestAddress: t('Guest address'),
      guestGateway: t('Guest gateway'),
      guestAddressV6: t('Guest IPv6 address'),
      guestGatewayV6: t('Guest IPv6 gateway'),
      gateway: t('Gateway'),
      address: t('Address'),
      nodeIP: t('Node IP'),
    })[id] ?? id;

  return (
    <div className="vm-networking-details" data-test={`interface-details-${row.name}`}>
      <div>
        <Title headingLevel="h4">{t('Guest')}</Title>
        <DescriptionList isCompact>
          <Term
            term={t('Guest device')}
            test="detail-guest-device"
            evidence={ev('guest.interfaceName')}
          >
            {guest.interfaceName ?? notReported}
          </Term>
          <Term term={t('Model')} test="detail-model" evidence={ev('guest.model')}>
            {guest.model.passthrough
              ? t('none: SR-IOV VF passed through')
              : (guest.model.value ?? t('unknown'))}
          </Term>
          <Term
            term={t('MAC configured')}
            test="detail-mac-configured"
            evidence={ev('guest.mac.configured')}
          >
            {guest.mac.configured ?? t('not set: assigned at start')}
          </Term>
          <Term
            term={t('MAC reported')}
            test="detail-mac-reported"
            evidence={ev('guest.mac.reported')}
          >
            {guest.mac.reported ?? notReported}
          </Term>
          <Term
            term={t('Link state')}
            test="detail-link-state"
            evidence={ev('guest.linkState.configured')}
          >
            {guest.linkState.configured}
            {guest.linkState.reported && guest.linkState.reported !== guest.linkState.configured
              ? ` (${t('reported {{state}}', { state: guest.linkState.reported })})`
              : ''}
          </Term>
          <Term term={t('IP addresses')} test="detail-guest-ips">
            {guest.ips.length ? <IpList ips={guest.ips} showSource /> : notReported}
          </Term>
          <Term term={t('Link-local')} test="detail-link-local">
            {guest.linkLocal.length ? <IpList ips={guest.linkLocal} /> : undefined}
          </Term>
          <Term term={t('Reported by')} evidence={ev('guest.infoSources')}>
            {joined(guest.infoSources)}
          </Term>
          <Term term={t('Hot-plug')} test="detail-hotplug" evidence={ev('guest.hotplug')}>
            {guest.hotplugMessage ? text(guest.hotplugMessage) : undefined}
          </Term>
        </DescriptionList>
      </div>
      <div>
        <Title headingLevel="h4">{t('Binding')}</Title>
        <DescriptionList isCompact>
          <Term term={t('Binding')} evidence={ev('binding.name')}>
            {binding.source === 'cluster-default' ? t('cluster default (unknown)') : binding.name}
            {binding.source === 'plugin' ? ` (${t('binding plugin')})` : ''}
            {binding.source === 'deprecated' ? ` (${t('deprecated')})` : ''}
          </Term>
          <Term term={t('What it means')} test="detail-binding-meaning">
            {text(binding.meaning)}
          </Term>
          {binding.facts.map((f) => (
            <Term
              key={`${f.id}-${f.value}`}
              term={factLabel(f.id)}
              test={`detail-binding-${f.id}`}
              evidence={f.source}
            >
              {f.value}
            </Term>
          ))}
        </DescriptionList>
      </div>
      <div>
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
          <Term term={t('Subnets')} test="detail-subnets" evidence={ev('network.subnets')}>
            {joined(network.subnets)}
          </Term>
          <Term term={t('Excluded subnets')}>{joined(network.excludeSubnets)}</Term>
          <Term term={t('Gateway')} test="detail-gateway" evidence={ev('network.gateways')}>
            {joined(network.gateways)}
          </Term>
          <Term term={t('IPAM')} test="detail-ipam" evidence={ev('network.ipam')}>
            {network.ipam.enabled === undefined
              ? undefined
              : network.ipam.enabled
                ? network.ipam.lifecycle === 'Persistent'
                  ? t('Enabled, persistent IPs')
                  : t('Enabled')
                : t('None: the guest configures its own address')}
          </Term>
          <Term term={t('VLAN')} test="detail-vlan" evidence={ev('network.vlan')}>
            {network.vlan}
          </Term>
          <Term term={t('MTU')} test="detail-mtu" evidence={ev('network.mtu')}>
            {network.mtu}
          </Term>
          <Term term={t('Bridge')} test="detail-bridge" evidence={ev('network.bridge')}>
            {network.bridge}
          </Term>
          <Term
            term={t('Physical network')}
            test="detail-physical-network"
            evidence={ev('network.physicalNetworkName')}
          >
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
      </div>
      <div>
        <Title headingLevel="h4">{t('Pod side')}</Title>
        <DescriptionList isCompact>
          <Term
            term={t('Pod interface')}
            test="detail-pod-interface"
            evidence={ev('pod.interfaceName')}
          >
            {pod.interfaceName ?? pod.expectedInterface ?? t('unknown')}
            {pod.matches === false && pod.reportedInterface
              ? ` (${t('expected {{name}}', { name: pod.expectedInterface ?? '' })})`
              : ''}
          </Term>
          <Term term={t('Devices')} test="detail-pod-devices" evidence={ev('pod.devices')}>
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
          <Term term={t('Pod MAC')} evidence={ev('pod.mac')}>
            {pod.mac}
          </Term>
          <Term term={t('Pod gateway')} evidence={ev('pod.gateways')}>
            {joined(pod.gateways)}
          </Term>
          <Term term={t('OVN role')} test="detail-ovn-role" evidence={ev('pod.ovnRole')}>
            {pod.ovnRole}
          </Term>
          <Term term={t('VF PCI address')} test="detail-vf-pci" evidence={ev('pod.deviceInfo')}>
            {pod.deviceInfo?.pciAddress}
          </Term>
          {pod.lockedDefault && (
            <Term
              term={t('Pod {{interface}} (infrastructure-locked, not for the guest)', {
                interface: pod.lockedDefault.interfaceName,
              })}
              test="detail-locked-default"
              evidence={ev('pod.lockedDefault')}
            >
              {pod.lockedDefault.ips.length ? (
                <IpList ips={pod.lockedDefault.ips} />
              ) : (
                (pod.lockedDefault.mac ?? t('no address reported'))
              )}
            </Term>
          )}
        </DescriptionList>
      </div>
      {row.notes.length > 0 && (
        <div className="vm-networking-details__wide">
          <List data-test="interface-notes">
            {row.notes.map((n, i) => (
              <ListItem key={i}>{text(n)}</ListItem>
            ))}
          </List>
        </div>
      )}
      <div className="vm-networking-details__wide">
        <React.Suspense fallback={null}>
          <InterfacePolicies row={row} namespace={namespace} vmName={vmName} vmNads={vmNads} />
        </React.Suspense>
      </div>
      <div className="vm-networking-details__wide">
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
        <RawFact
          title={t('SR-IOV device info')}
          value={pod.deviceInfo?.raw}
          dataTest="raw-device-info"
        />
        <RawFact title={t('VMI status entry')} value={raw.vmiStatus} dataTest="raw-vmi-status" />
        <RawFact
          title={t('VM spec interface')}
          value={raw.specInterface}
          dataTest="raw-spec-interface"
        />
        <RawFact title={t('VM spec network')} value={raw.specNetwork} dataTest="raw-spec-network" />
      </div>
    </div>
  );
};
