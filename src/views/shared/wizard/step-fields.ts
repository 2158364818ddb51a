/**
 * What the wizards need of their later steps before those steps are shown: the field ids a step
 * counts errors against, and the bridge-mapping default that follows the cluster. Kept apart from
 * the steps' components, which load on demand (see lazy-steps.tsx).
 */
import * as React from 'react';
import type { BridgeMappingState, WizardContext } from '../../../core/generators';

export const NETWORK_FIELD_IDS = [
  'subnets',
  'hostSubnet',
  'ipamMode',
  'persistentIPs',
  'mtu',
  'joinSubnets',
  'reservedSubnets',
  'infrastructureSubnets',
  'defaultGatewayIPs',
  'physicalNetworkName',
  'vlanId',
  'excludeSubnets',
];

/**
 * Until the person picks a mode, it follows the cluster: "already mapped" when a node or policy
 * maps the physical network, else generating the mapping (on br-ex).
 */
export const useDefaultMappingMode = (
  value: BridgeMappingState,
  localnet: string,
  ctx: WizardContext,
  onChange: (v: BridgeMappingState) => void,
  active: boolean,
) => {
  const known = ctx.bridgeMappings;
  const mapped = !!known?.some((m) => m.localnet === localnet);
  const want = known === undefined || !localnet ? undefined : mapped ? 'existing' : 'br-ex';
  React.useEffect(() => {
    if (active && !value.modeChosen && want && value.mode !== want)
      onChange({ ...value, mode: want });
  }, [active, want, value, onChange]);
};
