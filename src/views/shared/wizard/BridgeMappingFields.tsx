/** How a localnet's physical network reaches the nodes: already mapped, on br-ex, or a new OVS bridge. */
import * as React from 'react';
import { Alert } from './LazyAlert';
import {
  nodeSelectorToText,
  parseNodeSelectorText,
  pathMtuOf,
  policyNameFor,
  type BridgeMappingState,
  type ClusterFacts,
  type WizardContext,
} from '../../../core/generators';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { CheckboxField, ParsedTextField, SelectField, TextField } from './fields';

export const BRIDGE_MAPPING_FIELDS = ['bridgeMapping'];

type NodeSelectorValue = { labels: Record<string, string>; unreadable: string[] };
const formatNodeSelector = (v: NodeSelectorValue) =>
  [nodeSelectorToText(v.labels), ...v.unreadable].filter(Boolean).join(', ');

export { useDefaultMappingMode } from './step-fields';

export const BridgeMappingFields: React.FC<{
  value: BridgeMappingState;
  onChange: (v: BridgeMappingState) => void;
  localnet: string;
  ctx: WizardContext;
  errors: FieldError[];
  /** NICs and bridges read from the cluster, for suggestions. */
  cluster?: ClusterFacts;
}> = ({ value, onChange, localnet, ctx, errors, cluster }) => {
  const { t } = useNetworkingTranslation();
  const set = (patch: Partial<BridgeMappingState>) => onChange({ ...value, ...patch });
  const known = ctx.bridgeMappings;
  const mapped = known?.filter((m) => m.localnet === localnet) ?? [];
  const nicMtu = value.mode === 'ovs-bridge' ? pathMtuOf(cluster, value.nic) : undefined;
  const selectorEmpty = !Object.keys(value.nodeSelector).length;
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
        onChange={(mode) => set({ mode, modeChosen: true })}
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
            isRequired
          />
          <TextField
            field="bridgeMapping.nic"
            label={t('Node NIC')}
            value={value.nic}
            onChange={(nic) => set({ nic })}
            errors={errors}
            placeholder="ens4"
            isRequired
            suggestions={cluster?.nics.map((n) => n.name)}
            helper={
              nicMtu
                ? t(
                    'The NIC the new bridge takes over on each selected node. Its MTU is {{mtu}} (smallest on {{nodes}}, from NodeNetworkState).',
                    { mtu: nicMtu.mtu, nodes: nicMtu.nodes.join(', ') },
                  )
                : t('The NIC the new bridge takes over on each selected node.')
            }
          />
        </>
      )}
      {value.mode !== 'existing' && (
        <>
          <ParsedTextField<NodeSelectorValue>
            field="bridgeMapping.nodeSelector"
            label={t('Node selector')}
            value={{
              labels: value.nodeSelector,
              unreadable: value.unreadableNodeSelector ?? [],
            }}
            parse={parseNodeSelectorText}
            format={formatNodeSelector}
            onChange={({ labels, unreadable }) =>
              set({ nodeSelector: labels, unreadableNodeSelector: unreadable })
            }
            errors={errors}
            placeholder="node-role.kubernetes.io/worker="
            multiline
            helper={t(
              'key=value labels, separated by commas; the nodes the policy configures (key= for an empty value).',
            )}
          />
          {(selectorEmpty || value.allNodes) && (
            <CheckboxField
              field="bridgeMapping.allNodes"
              label={t('All nodes, control plane included')}
              value={!!value.allNodes}
              onChange={(allNodes) => set({ allNodes })}
              errors={errors}
              helper={t(
                'Without a node selector the policy reconfigures the networking of every node, control plane nodes included; a mistake can cut them off.',
              )}
            />
          )}
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
