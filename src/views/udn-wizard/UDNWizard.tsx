/** The UserDefinedNetwork wizard: `/vm-networking/ns/:ns/new/udn` and `.../edit/udn/:name`. */
import * as React from 'react';
import { useActiveNamespace } from '@openshift-console/dynamic-plugin-sdk';
import {
  defaultUDNState,
  generateUDN,
  parseBackUDN,
  pickDocuments,
  PRIMARY_UDN_LABEL,
  serverMetadataOf,
  validateUDNForm,
  type UDNFormState,
  withTopology,
  yamlNotForForm,
} from '../../core/generators';
import { Models } from '../../core/k8s/models';
import { DEFAULT_TARGET_VERSION } from '../../core/k8s/openshift-version';
import type { K8sObject, UserDefinedNetwork } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { Alert } from '../shared/wizard/LazyAlert';
import { metadataField, networkField } from '../shared/wizard/causes';
import { CheckboxField, SelectField } from '../shared/wizard/fields';
import { LoadForEdit, useWizardRoute } from '../shared/wizard/LoadForEdit';
import { NetworkFields } from '../shared/wizard/lazy-steps';
import { NETWORK_FIELD_IDS } from '../shared/wizard/step-fields';
import { createPlan, editPlan, sameJson } from '../shared/wizard/plan';
import { IdentityFields } from '../shared/wizard/IdentityFields';
import { useTargetVersion, useWizardContext } from '../shared/wizard/useWizardContext';
import { wizardUrls } from '../shared/wizard/urls';
import { WizardShell } from '../shared/wizard/WizardShell';
import { useSwitch } from '../shared/wizard/useSwitch';

export interface WizardPageProps {
  /** Tests shorten the wait before the server dry run. */
  dryRunDelayMs?: number;
}

const mapCause = (kind: string, field: string): string | undefined => {
  if (kind === 'Namespace') return field === 'metadata.name' ? 'namespace' : undefined;
  const m = /^spec\.(?:layer2|layer3)\.(.+)$/.exec(field);
  if (m) return networkField(m[1]);
  if (field === 'spec.topology') return 'topology';
  return metadataField(field);
};

const specOf = (o: K8sObject | undefined) => (o as { spec?: unknown } | undefined)?.spec;

const UDNForm: React.FC<
  WizardPageProps & {
    initial: UDNFormState;
    original?: UserDefinedNetwork;
    preserved?: Record<string, unknown>;
  }
> = ({ initial, original, preserved: initialPreserved, dryRunDelayMs }) => {
  const { t } = useNetworkingTranslation();
  const isEdit = !!original;
  const [state, setState] = React.useState<UDNFormState>(initial);
  const [preserved, setPreserved] = React.useState(initialPreserved);
  const [created, setCreated] = React.useState<K8sObject[]>([]);
  const set = (patch: Partial<UDNFormState>) => setState((s) => ({ ...s, ...patch }));
  const switchTo = useSwitch(state, setState);

  const wc = useWizardContext({
    kind: 'udn',
    namespace: state.namespace || undefined,
    editing: original?.metadata?.name,
    created,
  });
  const { target, setChosenVersion, ctx } = useTargetVersion(wc);
  const errors = React.useMemo(() => validateUDNForm(state, ctx), [state, ctx]);
  const objects = React.useMemo(() => generateUDN(state, ctx, preserved), [state, ctx, preserved]);
  const operations = React.useMemo(() => {
    if (!original) return createPlan(objects);
    const main = objects.find((o) => o.kind === 'UserDefinedNetwork')!;
    return editPlan(
      objects,
      main,
      sameJson(specOf(main), specOf(original)) ? 'update' : 'replace',
      () => false,
    );
  }, [objects, original]);

  /** An edited YAML read back into the form; what the form cannot show is kept. */
  const onYamlEdit = (docs: K8sObject[]) => {
    const { main, companions, problems } = pickDocuments(docs, 'UserDefinedNetwork', ['Namespace']);
    if (!main) return problems;
    try {
      const back = parseBackUDN(main as UserDefinedNetwork, ctx);
      const ns = companions.find((c) => c.kind === 'Namespace');
      setState({ ...back.state, createNamespace: !!ns && !isEdit });
      const md = { ...((back.preserved.metadata as object) ?? {}), ...serverMetadataOf(original) };
      setPreserved({ ...back.preserved, ...(Object.keys(md).length ? { metadata: md } : {}) });
      return problems;
    } catch (e) {
      return [...problems, yamlNotForForm((e as Error).message)];
    }
  };

  const ns = wc.namespaces?.find((n) => n.name === state.namespace);
  const lacksLabel = state.role === 'Primary' && ns && !(PRIMARY_UDN_LABEL in (ns.labels ?? {}));

  const alerts = (
    <>
      {isEdit && (
        <Alert
          variant="warning"
          isInline
          title={t('The spec of a UserDefinedNetwork cannot be changed after creation')}
          data-test="immutable-alert"
        >
          {t(
            'OpenShift refuses any change to spec. Saving a changed network deletes this UserDefinedNetwork and creates it again; delete or stop the VMs and pods attached to it first, or the deletion waits for them. What the form does not show (labels, annotations) is kept.',
          )}
        </Alert>
      )}
      {lacksLabel && (
        <Alert
          variant="warning"
          isInline
          title={t('Namespace {{namespace}} lacks the label {{label}}', {
            namespace: state.namespace,
            label: PRIMARY_UDN_LABEL,
          })}
          data-test="namespace-label-alert"
        >
          {t(
            'A primary network needs the label from the moment the namespace is created; it cannot be added later. Choose a new namespace name and let the wizard create it.',
          )}
        </Alert>
      )}
    </>
  );

  return (
    <WizardShell
      title={isEdit ? t('Edit UserDefinedNetwork') : t('Create UserDefinedNetwork')}
      alerts={alerts}
      isEdit={isEdit}
      objects={objects}
      operations={operations}
      errors={errors}
      mapCause={mapCause}
      dryRunDelayMs={dryRunDelayMs}
      yamlFileName={`${state.name || 'userdefinednetwork'}.yaml`}
      backTo={wizardUrls.networks()}
      dropOnceCreated={[{ kind: 'Namespace', fields: ['createNamespace'] }]}
      onYamlEdit={onYamlEdit}
      onCreatedChange={setCreated}
      steps={[
        {
          id: 'network',
          name: t('Network'),
          fields: ['name', 'namespace', 'topology', 'role', 'createNamespace'],
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
              <SelectField
                field="topology"
                label={t('Topology')}
                value={state.topology}
                onChange={(topology) => switchTo((s) => withTopology(s, topology), 'topology')}
                errors={errs}
                options={[
                  { value: 'Layer2', label: t('Layer2 (one broadcast domain across nodes)') },
                  { value: 'Layer3', label: t('Layer3 (a subnet per node, routed)') },
                ]}
              />
              <SelectField
                field="role"
                label={t('Role')}
                value={state.role}
                onChange={(role) =>
                  switchTo(
                    (s) => ({
                      ...s,
                      role,
                      createNamespace: role === 'Primary' ? s.createNamespace : false,
                    }),
                    'role',
                  )
                }
                errors={errs}
                options={[
                  {
                    value: 'Primary',
                    label: t('Primary (replaces the pod network in the namespace)'),
                  },
                  { value: 'Secondary', label: t('Secondary (an extra interface)') },
                ]}
              />
              {state.role === 'Primary' && !isEdit && (
                <CheckboxField
                  field="createNamespace"
                  label={t('Create the namespace, labelled for a primary network')}
                  value={state.createNamespace}
                  onChange={(createNamespace) => set({ createNamespace })}
                  errors={errs}
                  helper={t('Adds a Namespace with the label {{label}} before the network.', {
                    label: PRIMARY_UDN_LABEL,
                  })}
                />
              )}
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
            />
          ),
        },
      ]}
    />
  );
};

/** Parses the edited object once, so the form's starting point never changes under it. */
const UDNStart: React.FC<
  WizardPageProps & { namespace: string; original?: UserDefinedNetwork }
> = ({ namespace, original, ...props }) => {
  const start = React.useMemo(
    () =>
      original
        ? parseBackUDN(original, { target: DEFAULT_TARGET_VERSION })
        : { state: { ...defaultUDNState(namespace), subnets: [] }, preserved: undefined },
    // The first namespace and object only: later changes must not reset what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <UDNForm {...props} initial={start.state} preserved={start.preserved} original={original} />
  );
};

const UDNWizard: React.FC<WizardPageProps> = (props) => {
  const route = useWizardRoute();
  const [activeNamespace] = useActiveNamespace();
  const namespace = route?.namespace ?? (activeNamespace === '#ALL_NS#' ? '' : activeNamespace);
  return (
    <LoadForEdit model={Models.UserDefinedNetwork} name={route?.name} namespace={namespace}>
      {(obj) => <UDNStart {...props} namespace={namespace} original={obj as UserDefinedNetwork} />}
    </LoadForEdit>
  );
};

export default UDNWizard;
