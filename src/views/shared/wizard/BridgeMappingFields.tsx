/** How a localnet's physical network reaches the nodes: already mapped, on br-ex, or a new OVS bridge. */
import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import {
  policyNameFor,
  type BridgeMappingState,
  type WizardContext,
} from '../../../core/generators';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { ListField, SelectField, TextField } from './fields';
import { parseSelectorText, selectorToText } from './label-selector-text';

export const BRIDGE_MAPPING_FIELDS = ['bridgeMapping'];

export const BridgeMappingFields: React.FC<{
  value: BridgeMappingState;
  onChange: (v: BridgeMappingState) => void;
  localnet: string;
  ctx: WizardContext;
  errors: FieldError[];
}> = ({ value, onChange, localnet, ctx, errors }) => {
  const { t } = useNetworkingTranslation();
  const set = (patch: Partial<BridgeMappingState>) => onChange({ ...value, ...patch });
  const known = ctx.bridgeMappings;
  const mapped = known?.filter((m) => m.localnet === localnet) ?? [];
  return (
    <>
      {known === undefined ? (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t('The node bridge mappings could not be read.')}
        >
          {t(
            'Without read access to NodeNetworkStates and NNCPs, the wizard cannot tell whether a node maps {{name}}.',
            {
              name: localnet || t('this physical network'),
            },
          )}
        </Alert>
      ) : mapped.length ? (
        <Alert
          variant="success"
          isInline
          isPlain
          title={t('Nodes map {{name}} to {{bridges}}.', {
            name: localnet,
            bridges: [...new Set(mapped.map((m) => m.bridge))].join(', '),
          })}
          data-test="bridge-mapping-found"
        />
      ) : (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t('No node maps {{name}} to a bridge yet.', {
            name: localnet || t('this physical network'),
          })}
          data-test="bridge-mapping-missing"
        >
          {t(
            'Generate a NodeNetworkConfigurationPolicy that maps it, on br-ex or on a new OVS bridge over a NIC.',
          )}
        </Alert>
      )}
      <SelectField<BridgeMappingState['mode']>
        field="bridgeMapping.mode"
        label={t('Bridge mapping')}
        value={value.mode}
        onChange={(mode) => set({ mode })}
        errors={errors}
        options={[
          { value: 'existing', label: t('The nodes already map it: generate nothing') },
          { value: 'br-ex', label: t("Map it to br-ex (shares the node's main NIC)") },
          { value: 'ovs-bridge', label: t('A new OVS bridge over a dedicated NIC') },
        ]}
      />
      {value.mode === 'ovs-bridge' && (
        <>
          <TextField
            field="bridgeMapping.bridgeName"
            label={t('OVS bridge name')}
            value={value.bridgeName}
            onChange={(bridgeName) => set({ bridgeName })}
            errors={errors}
          />
          <TextField
            field="bridgeMapping.nic"
            label={t('Node NIC')}
            value={value.nic}
            onChange={(nic) => set({ nic })}
            errors={errors}
            placeholder="ens4"
            helper={t('The NIC the new bridge takes over on each selected node.')}
          />
        </>
      )}
      {value.mode !== 'existing' && (
        <>
          <ListField
            field="bridgeMapping.nodeSelector"
            label={t('Node selector')}
            value={selectorToText({ matchLabels: value.nodeSelector }).split(', ').filter(Boolean)}
            onChange={(terms) =>
              set({ nodeSelector: parseSelectorText(terms.join(',')).selector.matchLabels })
            }
            errors={errors}
            helper={t('key=value pairs; the nodes the policy configures.')}
          />
          <TextField
            field="bridgeMapping.policyName"
            label={t('Policy name')}
            value={value.policyName}
            onChange={(policyName) => set({ policyName })}
            errors={errors}
            placeholder={policyNameFor(localnet || 'localnet')}
          />
        </>
      )}
    </>
  );
};
