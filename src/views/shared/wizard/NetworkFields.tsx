/** The subnet, IPAM and MTU fields a UDN and a CUDN share (and the Localnet ones of a CUDN). */
import * as React from 'react';
import { pathMtuOf, type ClusterFacts, type NetworkFormState } from '../../../core/generators';
import { featuresOf, type TargetVersion } from '../../../core/k8s/openshift-version';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { CheckboxField, ListField, NumberField, SelectField, TextField } from './fields';

export { NETWORK_FIELD_IDS } from './step-fields';

const HOST_SUBNET = /\.hostSubnet$/;

export const NetworkFields = <S extends NetworkFormState>({
  state,
  setState,
  errors,
  target,
  switchTo,
  cluster,
}: {
  state: S;
  setState: React.Dispatch<React.SetStateAction<S>>;
  errors: FieldError[];
  target: TargetVersion;
  /** Choice switches that remember what they clear (see useSwitch); plain setState otherwise. */
  switchTo?: (transition: (s: S) => S, choice: keyof S & string) => void;
  /** Physical networks and bridges read from the cluster, for suggestions and the MTU. */
  cluster?: ClusterFacts;
}) => {
  const { t } = useNetworkingTranslation();
  const set = (patch: Partial<NetworkFormState>) => setState((s) => ({ ...s, ...patch }));
  const { topology, role } = state;
  const localnet = topology === 'Localnet';
  const layer3 = topology === 'Layer3';
  const primary = role === 'Primary';
  const preconfigured =
    featuresOf(target).preconfiguredUDNAddresses && topology === 'Layer2' && primary;
  const hostErrors = errors
    .filter((e) => HOST_SUBNET.test(e.field))
    .map((e) => ({ ...e, field: 'hostSubnet' }));
  const subnetErrors = errors.filter((e) => !HOST_SUBNET.test(e.field));
  const ipamOff = state.ipamMode === 'Disabled';
  const choose = switchTo ?? ((tr: (s: S) => S, _choice: keyof S & string) => setState(tr));
  const physnet = cluster?.physicalNetworks.find((p) => p.name === state.physicalNetworkName);
  const pathMtu = physnet
    ? physnet.bridges
        .map((b) => pathMtuOf(cluster, b))
        .filter((x): x is { mtu: number; nodes: string[] } => !!x)
        .sort((a, b) => a.mtu - b.mtu)[0]
    : undefined;
  return (
    <>
      {localnet && (
        <>
          <TextField
            field="physicalNetworkName"
            label={t('Physical network name')}
            value={state.physicalNetworkName}
            onChange={(physicalNetworkName) => set({ physicalNetworkName })}
            errors={errors}
            placeholder="physnet"
            isRequired
            suggestions={cluster?.physicalNetworks.map((p) => p.name)}
            helper={
              physnet
                ? t('Mapped to {{bridges}}; on nodes: {{nodes}}; by policies: {{policies}}.', {
                    bridges: physnet.bridges.join(', ') || t('unknown'),
                    nodes: physnet.nodes.join(', ') || t('not reported'),
                    policies: physnet.policies.join(', ') || t('none'),
                  })
                : t(
                    'The OVN bridge mapping name on the nodes (physnet maps to br-ex on OpenShift).',
                  )
            }
          />
          <NumberField
            field="vlanId"
            label={t('VLAN ID')}
            value={state.vlanId}
            onChange={(vlanId) => set({ vlanId })}
            errors={errors}
            helper={t('Access VLAN, 1–4094; empty for untagged.')}
          />
        </>
      )}
      {!layer3 && (
        <SelectField<'Enabled' | 'Disabled'>
          field="ipamMode"
          label={t('IPAM')}
          value={state.ipamMode}
          onChange={(ipamMode) =>
            choose(
              (s) => ({
                ...s,
                ipamMode,
                persistentIPs: ipamMode === 'Disabled' ? false : s.persistentIPs,
              }),
              'ipamMode',
            )
          }
          errors={errors}
          options={[
            { value: 'Enabled', label: t('Enabled: OVN-Kubernetes assigns IPs from the subnets') },
            {
              value: 'Disabled',
              label: t('Disabled: layer 2 only, addresses are up to the guests'),
              isDisabled: primary && !ipamOff,
            },
          ]}
        />
      )}
      {(!ipamOff || state.subnets.length > 0) && (
        <ListField
          field="subnets"
          label={t('Subnets')}
          value={state.subnets.map((s) => s.cidr)}
          onChange={(cidrs) =>
            setState((s) => ({
              ...s,
              subnets: cidrs.map((cidr, i) =>
                layer3 && s.subnets[i]?.hostSubnet !== undefined
                  ? { cidr, hostSubnet: s.subnets[i].hostSubnet }
                  : { cidr },
              ),
            }))
          }
          errors={subnetErrors}
          isRequired={!ipamOff}
          placeholder="10.100.0.0/16, fd00:10:100::/64"
          helper={t('One CIDR per IP family, comma-separated (two for dual stack).')}
        />
      )}
      {layer3 && (
        <ListField
          field="hostSubnet"
          label={t('Host subnet')}
          value={state.subnets.map((s) => (s.hostSubnet === undefined ? '' : String(s.hostSubnet)))}
          onChange={(v) =>
            setState((s) => ({
              ...s,
              subnets: s.subnets.map((x, i) =>
                v[i] === undefined ? { cidr: x.cidr } : { cidr: x.cidr, hostSubnet: Number(v[i]) },
              ),
            }))
          }
          errors={hostErrors}
          placeholder="24, 64"
          helper={t("Prefix length of each node's share, in the order of the subnets.")}
        />
      )}
      {!layer3 && (
        <CheckboxField
          field="persistentIPs"
          label={t('Persistent IPs')}
          value={state.persistentIPs}
          onChange={(persistentIPs) => set({ persistentIPs })}
          errors={errors}
          isDisabled={ipamOff && !state.persistentIPs}
          helper={t('VMs keep their IP addresses across restarts and live migration.')}
        />
      )}
      {localnet && (
        <ListField
          field="excludeSubnets"
          label={t('Exclude subnets')}
          value={state.excludeSubnets}
          onChange={(excludeSubnets) => set({ excludeSubnets })}
          errors={errors}
          placeholder="192.168.10.1/32"
          helper={t('Addresses inside the subnets never handed out (gateways, other hosts).')}
        />
      )}
      <NumberField
        field="mtu"
        label={t('MTU')}
        value={state.mtu}
        onChange={(mtu) => set({ mtu })}
        errors={errors}
        placeholder={localnet ? '1500' : ''}
        helper={
          pathMtu
            ? t(
                'The physical path allows at most {{mtu}} (smallest MTU of the mapped bridge on {{nodes}}, from NodeNetworkState); empty for 1500.',
                { mtu: pathMtu.mtu, nodes: pathMtu.nodes.join(', ') },
              )
            : localnet
              ? t('576–65536 (1280 or more with IPv6); empty for 1500.')
              : t('576–65536 (1280 or more with IPv6); empty for the cluster default.')
        }
      />
      {((primary && !localnet) || state.joinSubnets.length > 0) && (
        <ListField
          field="joinSubnets"
          label={t('Join subnets')}
          value={state.joinSubnets}
          onChange={(joinSubnets) => set({ joinSubnets })}
          errors={errors}
          placeholder="100.65.0.0/16, fd99::/64"
          helper={t('Primary networks only; empty for the defaults 100.65.0.0/16 and fd99::/64.')}
        />
      )}
      {(preconfigured || state.reservedSubnets.length > 0) && (
        <ListField
          field="reservedSubnets"
          label={t('Reserved subnets')}
          value={state.reservedSubnets}
          onChange={(reservedSubnets) => set({ reservedSubnets })}
          errors={errors}
          helper={t('Inside the subnets; never assigned automatically (OpenShift 4.20 and later).')}
        />
      )}
      {(preconfigured || state.infrastructureSubnets.length > 0) && (
        <ListField
          field="infrastructureSubnets"
          label={t('Infrastructure subnets')}
          value={state.infrastructureSubnets}
          onChange={(infrastructureSubnets) => set({ infrastructureSubnets })}
          errors={errors}
          helper={t('Inside the subnets; for the gateway and management ports (4.20 and later).')}
        />
      )}
      {(preconfigured || state.defaultGatewayIPs.length > 0) && (
        <ListField
          field="defaultGatewayIPs"
          label={t('Default gateway IPs')}
          value={state.defaultGatewayIPs}
          onChange={(defaultGatewayIPs) => set({ defaultGatewayIPs })}
          errors={errors}
          helper={t('One per subnet, inside it (4.20 and later).')}
        />
      )}
    </>
  );
};
