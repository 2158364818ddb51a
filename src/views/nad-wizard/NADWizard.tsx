/** The NetworkAttachmentDefinition wizard: `/vm-networking/ns/:ns/new/nad` and `.../edit/nad/:name`. */
import * as React from 'react';
import { useActiveNamespace, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  defaultNADState,
  generateNAD,
  networkNameOf,
  parseBackNAD,
  pathMtuOf,
  pickDocuments,
  serverMetadataOf,
  validateNADForm,
  yamlNotForForm,
  type NADFormState,
  type NADType,
  type VlanRange,
} from '../../core/generators';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import { DEFAULT_TARGET_VERSION } from '../../core/k8s/openshift-version';
import type {
  K8sObject,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationPolicy,
} from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { Alert } from '../shared/wizard/LazyAlert';
import { BridgeMappingFields } from '../shared/wizard/lazy-steps';
import { useDefaultMappingMode } from '../shared/wizard/step-fields';
import { useSwitch } from '../shared/wizard/useSwitch';
import { metadataField, nncpField } from '../shared/wizard/causes';
import {
  CheckboxField,
  ListField,
  NumberField,
  SelectField,
  TextField,
} from '../shared/wizard/fields';
import { LoadForEdit, useWizardRoute } from '../shared/wizard/LoadForEdit';
import { createPlan, editPlan } from '../shared/wizard/plan';
import { IdentityFields } from '../shared/wizard/IdentityFields';
import { useTargetVersion, useWizardContext } from '../shared/wizard/useWizardContext';
import { wizardUrls } from '../shared/wizard/urls';
import { WizardShell } from '../shared/wizard/WizardShell';

export interface WizardPageProps {
  dryRunDelayMs?: number;
}

const mapCause = (kind: string, field: string): string | undefined => {
  if (kind === 'NodeNetworkConfigurationPolicy') return nncpField(field);
  if (field.startsWith('spec.config')) return 'config';
  return metadataField(field);
};

const trunkToText = (r: VlanRange[]) =>
  r.map((x) => (x.minID === x.maxID ? String(x.minID) : `${x.minID}-${x.maxID}`));
const textToTrunk = (terms: string[]): VlanRange[] =>
  terms.map((term) => {
    const [a, b] = term.split('-');
    const min = Number(a);
    return { minID: min, maxID: b === undefined ? min : Number(b) };
  });

const NADForm: React.FC<
  WizardPageProps & {
    initial: NADFormState;
    original?: NetworkAttachmentDefinition;
    preserved?: Record<string, unknown>;
  }
> = ({ initial, original, preserved: initialPreserved, dryRunDelayMs }) => {
  const { t } = useNetworkingTranslation();
  const isEdit = !!original;
  const [state, setState] = React.useState<NADFormState>(initial);
  const [preserved, setPreserved] = React.useState(initialPreserved);
  const [created, setCreated] = React.useState<K8sObject[]>([]);
  const set = (patch: Partial<NADFormState>) => setState((s) => ({ ...s, ...patch }));
  const switchTo = useSwitch(state, setState);
  const { type } = state;
  const isOvn = type === 'ovn-layer2' || type === 'ovn-localnet';

  const wc = useWizardContext({
    kind: 'nad',
    namespace: state.namespace || undefined,
    editing: original?.metadata?.name,
    localnet: type === 'ovn-localnet',
    bridges: type === 'bridge',
    created,
  });
  const { target, setChosenVersion, ctx } = useTargetVersion(wc);
  useDefaultMappingMode(
    state.bridgeMapping,
    networkNameOf(state),
    ctx,
    (bridgeMapping) => set({ bridgeMapping }),
    type === 'ovn-localnet' && !isEdit,
  );
  const errors = React.useMemo(() => validateNADForm(state, ctx), [state, ctx]);
  const objects = React.useMemo(() => generateNAD(state, ctx, preserved), [state, ctx, preserved]);
  const operations = React.useMemo(() => {
    if (!original) return createPlan(objects);
    const main = objects.find((o) => o.kind === 'NetworkAttachmentDefinition')!;
    const existing = new Set((wc.nncps ?? []).map((n) => n.metadata?.name));
    return editPlan(
      objects,
      main,
      'update',
      (o) => o.kind === 'NodeNetworkConfigurationPolicy' && existing.has(o.metadata?.name),
    );
  }, [objects, original, wc.nncps]);

  /** An edited YAML read back into the form; what the form cannot show is kept. */
  const onYamlEdit = (docs: K8sObject[]) => {
    const { main, companions, problems } = pickDocuments(docs, 'NetworkAttachmentDefinition', [
      'NodeNetworkConfigurationPolicy',
    ]);
    if (!main) return problems;
    try {
      const back = parseBackNAD(main as NetworkAttachmentDefinition, ctx, companions[0]);
      setState(back.state);
      const md = { ...((back.preserved.metadata as object) ?? {}), ...serverMetadataOf(original) };
      setPreserved({ ...back.preserved, ...(Object.keys(md).length ? { metadata: md } : {}) });
      return problems;
    } catch (e) {
      return [...problems, yamlNotForForm((e as Error).message)];
    }
  };

  // Linux bridges the nodes have (or policies create), and the MTU the chosen one allows.
  const knownBridges = wc.cluster?.linuxBridges ?? [];
  const bridgeMtu = type === 'bridge' ? pathMtuOf(wc.cluster, state.bridgeName) : undefined;
  const bridgeUnknown =
    type === 'bridge' &&
    !!wc.cluster &&
    !!state.bridgeName &&
    !knownBridges.some((b) => b.name === state.bridgeName);

  const changeType = (next: NADType) =>
    switchTo(
      (s) => ({
        ...s,
        type: next,
        // Fields of the other types would only be refused; keep those every type shares.
        vlanMode: next === 'bridge' ? s.vlanMode : 'none',
        trunk: next === 'bridge' ? s.trunk : [],
        vlanId: next === 'ovn-layer2' || next === 'macvlan' ? undefined : s.vlanId,
        ipamType: next === 'ovn-layer2' || next === 'ovn-localnet' ? 'none' : s.ipamType,
        subnets: next === 'ovn-layer2' || next === 'ovn-localnet' ? s.subnets : [],
        excludeSubnets: next === 'ovn-layer2' || next === 'ovn-localnet' ? s.excludeSubnets : [],
        persistentIPs: next === 'ovn-layer2' || next === 'ovn-localnet' ? s.persistentIPs : false,
      }),
      'type',
    );

  return (
    <WizardShell
      title={
        isEdit ? t('Edit NetworkAttachmentDefinition') : t('Create NetworkAttachmentDefinition')
      }
      alerts={
        isEdit && (
          <Alert
            variant="info"
            isInline
            isPlain
            title={t('Running VMs keep the configuration they started with')}
          >
            {t(
              'A NetworkAttachmentDefinition can be changed in place; VMs attached to it use the new configuration after a restart or live migration. What the form does not show is kept.',
            )}
          </Alert>
        )
      }
      isEdit={isEdit}
      objects={objects}
      operations={operations}
      errors={errors}
      mapCause={mapCause}
      dryRunDelayMs={dryRunDelayMs}
      yamlFileName={`${state.name || 'network-attachment-definition'}.yaml`}
      backTo={wizardUrls.networks()}
      onYamlEdit={onYamlEdit}
      onCreatedChange={setCreated}
      steps={[
        {
          id: 'network',
          name: t('Network'),
          fields: ['name', 'namespace', 'type', 'description', 'config'],
          render: (errs) => (
            <>
              <IdentityFields
                target={target}
                onTargetChange={setChosenVersion}
                detectedVersion={wc.detectedVersion}
                clusterVersionText={wc.clusterVersionText}
                name={state.name}
                onNameChange={(name) => set({ name })}
                namespace={{ value: state.namespace, onChange: (namespace) => set({ namespace }) }}
                errors={errs}
                isEdit={isEdit}
              />
              <SelectField<NADType>
                field="type"
                label={t('Network type')}
                value={type}
                onChange={changeType}
                errors={errs}
                alsoFor={['config']}
                options={[
                  { value: 'bridge', label: t('Linux bridge') },
                  { value: 'ovn-layer2', label: t('OVN-Kubernetes layer 2 overlay') },
                  { value: 'ovn-localnet', label: t('OVN-Kubernetes localnet (physical network)') },
                  { value: 'sriov', label: t('SR-IOV') },
                  { value: 'macvlan', label: t('macvlan') },
                ]}
              />
              <TextField
                field="description"
                label={t('Description')}
                value={state.description}
                onChange={(description) => set({ description })}
                errors={errs}
              />
            </>
          ),
        },
        {
          id: 'settings',
          name: t('Settings'),
          fields: [
            'bridgeName',
            'vlanMode',
            'vlanId',
            'trunk',
            'macspoofchk',
            'requireBridgeOnNode',
            'ipamType',
            'ipamRange',
            'networkName',
            'subnets',
            'excludeSubnets',
            'persistentIPs',
            'mtu',
            'resourceName',
            'master',
            'macvlanMode',
          ],
          render: (errs) => (
            <>
              {type === 'bridge' && (
                <>
                  <TextField
                    field="bridgeName"
                    label={t('Bridge name')}
                    value={state.bridgeName}
                    onChange={(bridgeName) => set({ bridgeName })}
                    errors={errs}
                    placeholder="br1"
                    isRequired
                    suggestions={knownBridges.map((b) => b.name)}
                    helper={t('The Linux bridge on the nodes (created with an NNCP).')}
                  />
                  {bridgeUnknown && (
                    <Alert
                      variant="warning"
                      isInline
                      isPlain
                      title={t('No node or policy has a Linux bridge named {{bridge}}.', {
                        bridge: state.bridgeName,
                      })}
                      data-test="bridge-unknown"
                    >
                      {knownBridges.length
                        ? t('Known Linux bridges: {{bridges}}.', {
                            bridges: knownBridges.map((b) => b.name).join(', '),
                          })
                        : t(
                            'No Linux bridge is known on the nodes: create one with an NNCP first.',
                          )}
                    </Alert>
                  )}
                  <SelectField<NADFormState['vlanMode']>
                    field="vlanMode"
                    label={t('VLAN')}
                    value={state.vlanMode}
                    onChange={(vlanMode) =>
                      switchTo(
                        (s) => ({
                          ...s,
                          vlanMode,
                          vlanId: vlanMode === 'access' ? s.vlanId : undefined,
                          trunk: vlanMode === 'trunk' ? s.trunk : [],
                        }),
                        'vlanMode',
                      )
                    }
                    errors={errs}
                    options={[
                      { value: 'none', label: t('None (untagged)') },
                      { value: 'access', label: t('Access: one VLAN ID') },
                      { value: 'trunk', label: t('Trunk: VLAN ranges passed to the guest') },
                    ]}
                  />
                </>
              )}
              {(type === 'ovn-layer2' || type === 'ovn-localnet') && (
                <TextField
                  field="networkName"
                  label={type === 'ovn-localnet' ? t('Physical network name') : t('Network name')}
                  value={state.networkName}
                  onChange={(networkName) => set({ networkName })}
                  errors={errs}
                  placeholder={state.name}
                  suggestions={
                    type === 'ovn-localnet'
                      ? wc.cluster?.physicalNetworks.map((p) => p.name)
                      : undefined
                  }
                  helper={
                    type === 'ovn-localnet'
                      ? t(
                          'The bridge mapping name on the nodes; empty for the NAD name. NADs sharing it are one network.',
                        )
                      : t(
                          'Cluster-wide network name; empty for the NAD name. NADs sharing it are one network.',
                        )
                  }
                />
              )}
              {((type === 'bridge' && state.vlanMode === 'access') ||
                type === 'ovn-localnet' ||
                type === 'sriov' ||
                state.vlanId !== undefined) && (
                <NumberField
                  field="vlanId"
                  label={t('VLAN ID')}
                  value={state.vlanId}
                  onChange={(vlanId) => set({ vlanId })}
                  errors={errs}
                  isRequired={type === 'bridge' && state.vlanMode === 'access'}
                  helper={t('1–4094.')}
                />
              )}
              {type === 'bridge' && state.vlanMode === 'trunk' && (
                <ListField
                  field="trunk"
                  label={t('Trunk VLANs')}
                  value={trunkToText(state.trunk)}
                  onChange={(terms) => set({ trunk: textToTrunk(terms) })}
                  errors={errs}
                  placeholder="100, 200-299"
                />
              )}
              {type === 'bridge' && (
                <>
                  <CheckboxField
                    field="macspoofchk"
                    label={t('MAC spoof check')}
                    value={state.macspoofchk}
                    onChange={(macspoofchk) => set({ macspoofchk })}
                    errors={errs}
                    helper={t("Drop frames whose source MAC is not the VM interface's own.")}
                  />
                  <CheckboxField
                    field="requireBridgeOnNode"
                    label={t('Schedule only on nodes that have the bridge')}
                    value={state.requireBridgeOnNode}
                    onChange={(requireBridgeOnNode) => set({ requireBridgeOnNode })}
                    errors={errs}
                    helper={t(
                      'Adds the resource annotation bridge.network.kubevirt.io/{{bridge}}.',
                      {
                        bridge: state.bridgeName || '<bridge>',
                      },
                    )}
                  />
                </>
              )}
              {type === 'sriov' && (
                <TextField
                  field="resourceName"
                  label={t('Resource name')}
                  value={state.resourceName}
                  onChange={(resourceName) => set({ resourceName })}
                  errors={errs}
                  placeholder="openshift.io/mlxnics"
                  helper={t('As in the SriovNetworkNodePolicy: openshift.io/<resourceName>.')}
                />
              )}
              {type === 'macvlan' && (
                <>
                  <TextField
                    field="master"
                    label={t('Master interface')}
                    value={state.master}
                    onChange={(master) => set({ master })}
                    errors={errs}
                    placeholder="ens4"
                    helper={t("Empty for the node's default route interface.")}
                  />
                  <SelectField<NADFormState['macvlanMode']>
                    field="macvlanMode"
                    label={t('macvlan mode')}
                    value={state.macvlanMode}
                    onChange={(macvlanMode) => set({ macvlanMode })}
                    errors={errs}
                    options={(['bridge', 'private', 'vepa', 'passthru'] as const).map((m) => ({
                      value: m,
                      label: m,
                    }))}
                  />
                </>
              )}
              {isOvn && (
                <>
                  <ListField
                    field="subnets"
                    label={t('Subnets')}
                    value={state.subnets}
                    onChange={(subnets) => set({ subnets })}
                    errors={errs}
                    placeholder="192.168.100.0/24"
                    helper={t('Empty: no IPAM, addresses are up to the guests.')}
                  />
                  <ListField
                    field="excludeSubnets"
                    label={t('Exclude subnets')}
                    value={state.excludeSubnets}
                    onChange={(excludeSubnets) => set({ excludeSubnets })}
                    errors={errs}
                  />
                  <CheckboxField
                    field="persistentIPs"
                    label={t('Persistent IPs')}
                    value={state.persistentIPs}
                    onChange={(persistentIPs) => set({ persistentIPs })}
                    errors={errs}
                  />
                </>
              )}
              {!isOvn && (
                <>
                  <SelectField<NADFormState['ipamType']>
                    field="ipamType"
                    label={t('IPAM')}
                    value={state.ipamType}
                    onChange={(ipamType) => set({ ipamType })}
                    errors={errs}
                    options={[
                      { value: 'none', label: t('None: layer 2 only (what VMs usually use)') },
                      { value: 'whereabouts', label: t('Whereabouts, from a range') },
                      { value: 'dhcp', label: t('DHCP') },
                    ]}
                  />
                  {state.ipamType === 'whereabouts' && (
                    <TextField
                      field="ipamRange"
                      label={t('IP range')}
                      value={state.ipamRange}
                      onChange={(ipamRange) => set({ ipamRange })}
                      errors={errs}
                      placeholder="192.168.50.0/24"
                    />
                  )}
                </>
              )}
              {type !== 'sriov' && (
                <NumberField
                  field="mtu"
                  label={t('MTU')}
                  value={state.mtu}
                  onChange={(mtu) => set({ mtu })}
                  errors={errs}
                  helper={
                    bridgeMtu
                      ? t(
                          'The physical path allows at most {{mtu}} (smallest MTU of {{bridge}} on {{nodes}}, from NodeNetworkState).',
                          {
                            mtu: bridgeMtu.mtu,
                            bridge: state.bridgeName,
                            nodes: bridgeMtu.nodes.join(', '),
                          },
                        )
                      : t('576–65536; empty for the default.')
                  }
                />
              )}
            </>
          ),
        },
        {
          id: 'bridge-mapping',
          name: t('Bridge mapping'),
          fields: ['bridgeMapping'],
          isHidden: type !== 'ovn-localnet',
          render: (errs) => (
            <BridgeMappingFields
              value={state.bridgeMapping}
              onChange={(bridgeMapping) => set({ bridgeMapping })}
              localnet={networkNameOf(state)}
              ctx={ctx}
              cluster={wc.cluster}
              errors={errs}
            />
          ),
        },
      ]}
    />
  );
};

const NADStart: React.FC<WizardPageProps & { namespace: string; original?: K8sObject }> = ({
  namespace,
  original,
  ...props
}) => {
  const { t } = useNetworkingTranslation();
  const [nncps, loaded, error] = useK8sWatchResource<NodeNetworkConfigurationPolicy[]>(
    original
      ? {
          groupVersionKind: groupVersionKindOf(Models.NodeNetworkConfigurationPolicy),
          isList: true,
        }
      : null,
  );
  const settled = !original || loaded || !!error;
  const start = React.useMemo(() => {
    if (!settled) return undefined;
    if (!original) return { state: defaultNADState(namespace), preserved: undefined };
    try {
      const nad = original as NetworkAttachmentDefinition;
      // The localnet network name is in the config; its policy maps that name.
      let name = '';
      try {
        name = JSON.parse(nad.spec?.config ?? '{}').name ?? '';
      } catch {
        // parseBackNAD says what is wrong with the config
      }
      const nncp = (nncps ?? []).find((n) =>
        (n.spec?.desiredState?.ovn?.['bridge-mappings'] ?? []).some((m) => m.localnet === name),
      );
      return parseBackNAD(nad, { target: DEFAULT_TARGET_VERSION }, nncp);
    } catch (e) {
      return { error: (e as Error).message };
    }
    // Parsed once: later watch updates must not reset what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  if (!start) return null;
  if ('error' in start)
    return (
      <Alert
        variant="danger"
        isInline
        title={t('This NetworkAttachmentDefinition has no wizard')}
        data-test="edit-load-error"
      >
        {start.error}
      </Alert>
    );
  return (
    <NADForm
      {...props}
      initial={start.state}
      preserved={start.preserved}
      original={original as NetworkAttachmentDefinition | undefined}
    />
  );
};

const NADWizard: React.FC<WizardPageProps> = (props) => {
  const route = useWizardRoute();
  const [activeNamespace] = useActiveNamespace();
  const namespace = route?.namespace ?? (activeNamespace === '#ALL_NS#' ? '' : activeNamespace);
  return (
    <LoadForEdit
      model={Models.NetworkAttachmentDefinition}
      name={route?.name}
      namespace={namespace}
    >
      {(obj) => <NADStart {...props} namespace={namespace} original={obj} />}
    </LoadForEdit>
  );
};

export default NADWizard;
