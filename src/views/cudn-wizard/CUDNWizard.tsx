/** The ClusterUserDefinedNetwork wizard: `/vm-networking/cluster/new/cudn` and `.../edit/cudn/:name`. */
import * as React from 'react';
import { FormGroup } from '@patternfly/react-core';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  defaultCUDNState,
  generateCUDN,
  parseBackCUDN,
  pickDocuments,
  selectedNamespaces,
  serverMetadataOf,
  validateCUDNForm,
  type CUDNFormState,
  withTopology,
  yamlNotForForm,
} from '../../core/generators';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import { DEFAULT_TARGET_VERSION } from '../../core/k8s/openshift-version';
import type { K8sObject, NodeNetworkConfigurationPolicy } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { Alert } from '../shared/wizard/LazyAlert';
import { BridgeMappingFields } from '../shared/wizard/lazy-steps';
import { useDefaultMappingMode } from '../shared/wizard/step-fields';
import { metadataField, networkField, nncpField } from '../shared/wizard/causes';
import { SelectField, TextField } from '../shared/wizard/fields';
import {
  parseSelectorText,
  unreadableSelectorErrors,
  selectorToText,
} from '../shared/wizard/label-selector-text';
import { LoadForEdit, useWizardRoute } from '../shared/wizard/LoadForEdit';
import { NetworkFields } from '../shared/wizard/lazy-steps';
import { NETWORK_FIELD_IDS } from '../shared/wizard/step-fields';
import { createPlan, editPlan, sameJson } from '../shared/wizard/plan';
import { IdentityFields } from '../shared/wizard/IdentityFields';
import { useTargetVersion, useWizardContext } from '../shared/wizard/useWizardContext';
import { wizardUrls } from '../shared/wizard/urls';
import { WizardShell } from '../shared/wizard/WizardShell';
import { useSwitch } from '../shared/wizard/useSwitch';
import { lazyPart } from '../shared/wizard/lazy-part';

// Shown once a selector matches namespaces; PatternFly's Label brings Tooltip and Popper.
const NamespaceLabels = lazyPart(
  () => import(/* webpackChunkName: "cudn-namespace-labels" */ './NamespaceLabels'),
);

export interface WizardPageProps {
  dryRunDelayMs?: number;
}

const mapCause = (kind: string, field: string): string | undefined => {
  if (kind === 'NodeNetworkConfigurationPolicy') return nncpField(field);
  const m = /^spec\.network\.(?:layer2|layer3|localnet)\.(.+)$/.exec(field);
  if (m) return networkField(m[1]);
  if (field.startsWith('spec.namespaceSelector')) return 'namespaceSelector';
  if (field === 'spec.network.topology') return 'topology';
  return metadataField(field);
};

const networkOf = (o: K8sObject | undefined) =>
  (o as { spec?: { network?: unknown } } | undefined)?.spec?.network;

const CUDNForm: React.FC<
  WizardPageProps & {
    initial: CUDNFormState;
    original?: K8sObject;
    preserved?: Record<string, unknown>;
  }
> = ({ initial, original, preserved: initialPreserved, dryRunDelayMs }) => {
  const { t } = useNetworkingTranslation();
  const isEdit = !!original;
  const [state, setState] = React.useState<CUDNFormState>(initial);
  const [preserved, setPreserved] = React.useState(initialPreserved);
  const [created, setCreated] = React.useState<K8sObject[]>([]);
  const [selectorText, setSelectorText] = React.useState(() =>
    selectorToText({
      matchLabels: initial.matchLabels,
      matchExpressions: initial.matchExpressions,
    }),
  );
  const set = (patch: Partial<CUDNFormState>) => setState((s) => ({ ...s, ...patch }));
  const switchTo = useSwitch(state, setState);
  const localnet = state.topology === 'Localnet';

  const wc = useWizardContext({
    kind: 'cudn',
    editing: original?.metadata?.name,
    localnet,
    created,
  });
  const { target, setChosenVersion, ctx } = useTargetVersion(wc);
  useDefaultMappingMode(
    state.bridgeMapping,
    state.physicalNetworkName,
    ctx,
    (bridgeMapping) => set({ bridgeMapping }),
    localnet && !isEdit,
  );
  const parsedSelector = React.useMemo(() => parseSelectorText(selectorText), [selectorText]);
  const errors = React.useMemo(() => {
    return [
      ...validateCUDNForm(state, ctx),
      ...unreadableSelectorErrors('namespaceSelector', parsedSelector),
    ];
  }, [state, ctx, parsedSelector]);
  const objects = React.useMemo(() => generateCUDN(state, ctx, preserved), [state, ctx, preserved]);
  const operations = React.useMemo(() => {
    if (!original) return createPlan(objects);
    const main = objects.find((o) => o.kind === 'ClusterUserDefinedNetwork')!;
    const existing = new Set((wc.nncps ?? []).map((n) => n.metadata?.name));
    return editPlan(
      objects,
      main,
      sameJson(networkOf(main), networkOf(original)) ? 'update' : 'replace',
      (o) => o.kind === 'NodeNetworkConfigurationPolicy' && existing.has(o.metadata?.name),
    );
  }, [objects, original, wc.nncps]);

  /** An edited YAML read back into the form; what the form cannot show is kept. */
  const onYamlEdit = (docs: K8sObject[]) => {
    const { main, companions, problems } = pickDocuments(docs, 'ClusterUserDefinedNetwork', [
      'NodeNetworkConfigurationPolicy',
    ]);
    if (!main) return problems;
    try {
      const back = parseBackCUDN(main, ctx, companions[0]);
      setState(back.state);
      setSelectorText(
        selectorToText({
          matchLabels: back.state.matchLabels,
          matchExpressions: back.state.matchExpressions,
        }),
      );
      const md = { ...((back.preserved.metadata as object) ?? {}), ...serverMetadataOf(original) };
      setPreserved({ ...back.preserved, ...(Object.keys(md).length ? { metadata: md } : {}) });
      return problems;
    } catch (e) {
      return [...problems, yamlNotForForm((e as Error).message)];
    }
  };

  const picked = wc.namespaces
    ? selectedNamespaces(
        { matchLabels: state.matchLabels, matchExpressions: state.matchExpressions },
        wc.namespaces,
      )
    : undefined;
  const selectorEmpty = !Object.keys(state.matchLabels).length && !state.matchExpressions.length;

  return (
    <WizardShell
      title={isEdit ? t('Edit ClusterUserDefinedNetwork') : t('Create ClusterUserDefinedNetwork')}
      alerts={
        isEdit && (
          <Alert
            variant="warning"
            isInline
            title={t('The network of a ClusterUserDefinedNetwork cannot be changed after creation')}
            data-test="immutable-alert"
          >
            {t(
              'OpenShift refuses changes to spec.network; only the namespace selector can change in place. Saving a changed network deletes this ClusterUserDefinedNetwork and creates it again, which waits until no VM or pod uses it.',
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
      yamlFileName={`${state.name || 'clusteruserdefinednetwork'}.yaml`}
      backTo={wizardUrls.networks()}
      onYamlEdit={onYamlEdit}
      onCreatedChange={setCreated}
      steps={[
        {
          id: 'network',
          name: t('Network'),
          fields: ['name', 'topology', 'role'],
          render: (errs) => (
            <>
              <IdentityFields
                target={target}
                onTargetChange={setChosenVersion}
                detectedVersion={wc.detectedVersion}
                clusterVersionText={wc.clusterVersionText}
                name={state.name}
                onNameChange={(name) => set({ name })}
                errors={errs}
                isEdit={isEdit}
              />
              <SelectField
                field="topology"
                label={t('Topology')}
                value={state.topology}
                onChange={(topology) => switchTo((s) => withTopology(s, topology), 'topology')}
                errors={errs}
                options={[
                  { value: 'Layer2', label: t('Layer2 (one broadcast domain across nodes)') },
                  { value: 'Layer3', label: t('Layer3 (a subnet per node, routed)') },
                  {
                    value: 'Localnet',
                    label: t('Localnet (the physical network, optionally on a VLAN)'),
                  },
                ]}
              />
              <SelectField
                field="role"
                label={t('Role')}
                value={state.role}
                onChange={(role) => switchTo((s) => ({ ...s, role }), 'role')}
                errors={errs}
                options={[
                  {
                    value: 'Primary',
                    label: t('Primary (replaces the pod network in the namespace)'),
                    isDisabled: localnet,
                  },
                  { value: 'Secondary', label: t('Secondary (an extra interface)') },
                ]}
              />
            </>
          ),
        },
        {
          id: 'namespaces',
          name: t('Namespaces'),
          fields: ['namespaceSelector'],
          render: (errs) => (
            <>
              <TextField
                field="namespaceSelector"
                label={t('Namespace selector')}
                value={selectorText}
                onChange={(text) => {
                  setSelectorText(text);
                  const { selector } = parseSelectorText(text);
                  set({
                    matchLabels: selector.matchLabels,
                    matchExpressions: selector.matchExpressions,
                  });
                }}
                errors={errs}
                placeholder="kubernetes.io/metadata.name in (tenant-a,tenant-b)"
                isRequired
                helper={t('Label selector syntax: env=prod, team in (a,b), key, !key.')}
              />
              <FormGroup
                label={t('Selected namespaces')}
                fieldId="vm-networking-selected-namespaces"
              >
                <div id="vm-networking-selected-namespaces" data-test="selected-namespaces">
                  {picked === undefined ? (
                    t('The namespaces could not be listed.')
                  ) : selectorEmpty ? (
                    t('None yet: write a selector.')
                  ) : picked.length === 0 ? (
                    t('No namespace matches this selector (yet).')
                  ) : (
                    <NamespaceLabels names={picked} />
                  )}
                </div>
              </FormGroup>
            </>
          ),
        },
        {
          id: 'addresses',
          name: t('Subnets and IPAM'),
          fields: NETWORK_FIELD_IDS,
          render: (errs) => (
            <NetworkFields
              state={state}
              setState={setState}
              switchTo={switchTo}
              errors={errs}
              target={target}
              cluster={wc.cluster}
            />
          ),
        },
        {
          id: 'bridge-mapping',
          name: t('Bridge mapping'),
          fields: ['bridgeMapping'],
          isHidden: !localnet,
          render: (errs) => (
            <BridgeMappingFields
              value={state.bridgeMapping}
              onChange={(bridgeMapping) => set({ bridgeMapping })}
              localnet={state.physicalNetworkName}
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

const CUDNStart: React.FC<WizardPageProps & { original?: K8sObject }> = ({
  original,
  ...props
}) => {
  // The bridge-mapping policy of an edited localnet network, when policies can be read.
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
    if (!original) return { state: { ...defaultCUDNState(), subnets: [] }, preserved: undefined };
    const physnet = (
      original as { spec?: { network?: { localnet?: { physicalNetworkName?: string } } } }
    ).spec?.network?.localnet?.physicalNetworkName;
    const nncp = physnet
      ? (nncps ?? []).find((n) =>
          (n.spec?.desiredState?.ovn?.['bridge-mappings'] ?? []).some(
            (m) => m.localnet === physnet,
          ),
        )
      : undefined;
    return parseBackCUDN(original, { target: DEFAULT_TARGET_VERSION }, nncp);
    // Parsed once: later watch updates must not reset what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  if (!start) return null;
  return (
    <CUDNForm {...props} initial={start.state} preserved={start.preserved} original={original} />
  );
};

const CUDNWizard: React.FC<WizardPageProps> = (props) => {
  const route = useWizardRoute();
  return (
    <LoadForEdit model={Models.ClusterUserDefinedNetwork} name={route?.name}>
      {(obj) => <CUDNStart {...props} original={obj} />}
    </LoadForEdit>
  );
};

export default CUDNWizard;
