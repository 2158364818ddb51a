/**
 * The MultiNetworkPolicy wizard: `/vm-networking/ns/:ns/new/mnp` and `.../edit/mnp/:name`. The
 * form state, validation, generation and starting points are the core's (src/core/mnp); this page
 * adds the namespace's networks and VMs, the live list of what the policy selects, and a
 * before/after connectivity matrix of the drafted policy.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FormGroup,
  List,
  ListItem,
  Spinner,
} from '@patternfly/react-core';
import { useLocation } from 'react-router-dom-v5-compat';
import { Models } from '../../core/k8s/models';
import { matchesSelector } from '../../core/k8s/selectors';
import type { K8sObject, MultiNetworkPolicy } from '../../core/k8s/types';
import {
  applyStartingPoint,
  defaultMNPState,
  NOT_ENFORCED_MESSAGES,
  STARTING_POINTS,
  generateMNP,
  networkKey,
  parseBackMNP,
  validateMNPForm,
  type MNPContext,
  type MNPFormState,
  type StartingPoint,
} from '../../core/mnp/mnp';
import type { Endpoint } from '../../core/policy/endpoints';
import type { FieldError } from '../../core/validation/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { metadataField } from '../shared/wizard/causes';
import { errorsFor } from '../shared/wizard/field-errors';
import {
  CheckboxField,
  FieldHelp,
  ListField,
  SelectField,
  TextField,
} from '../shared/wizard/fields';
import { LoadForEdit } from '../shared/wizard/LoadForEdit';
import { createPlan, editPlan } from '../shared/wizard/plan';
import { useYamlLib } from '../shared/wizard/useYamlText';
import { WizardShell } from '../shared/wizard/WizardShell';
import { usePolicyInputs } from '../policy/usePolicyInputs';
import { formatLabels, parseLabels } from './labels';
import { parseMNPPath } from './urls';

export interface MNPWizardProps {
  /** Tests shorten the wait before the server dry run. */
  dryRunDelayMs?: number;
}

const mapCause = (_kind: string, field: string): string | undefined => {
  const m = /^spec\.(ingress|egress)\[(\d+)\]\.(?:from|to)\[(\d+)\]\.ipBlock\.(cidr|except)/.exec(
    field,
  );
  if (m) return `${m[1]}[${m[2]}].peers[${m[3]}].${m[4]}`;
  const p = /^spec\.(ingress|egress)\[(\d+)\]\.ports\[(\d+)\]\.(protocol|port|endPort)/.exec(field);
  if (p) return `${p[1]}[${p[2]}].ports[${p[3]}].${p[4]}`;
  if (field.startsWith('spec.podSelector')) return 'target.labels';
  if (field.includes('policy-for')) return 'networks';
  return metadataField(field);
};

const isSame = (o: K8sObject, name?: string) =>
  o.kind === 'MultiNetworkPolicy' && !!name && o.metadata?.name === name;

type NamespaceReader = typeof import('./namespace-model');
const loadReader = () => import(/* webpackChunkName: "mnp-namespace-model" */ './namespace-model');

const useNamespaceReader = (): NamespaceReader | undefined => {
  const [mod, setMod] = React.useState<NamespaceReader>();
  React.useEffect(() => {
    let live = true;
    void loadReader().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, []);
  return mod;
};

const MatrixPreview = React.lazy(
  () => import(/* webpackChunkName: "mnp-matrix-preview" */ './MatrixPreview'),
);

// The rules editor and the effect statement load with their steps.
const RulesEditor = React.lazy(() =>
  import(/* webpackChunkName: "mnp-rules-editor" */ './RulesEditor').then((m) => ({
    default: m.RulesEditor,
  })),
);
const EffectStep = React.lazy(() => import(/* webpackChunkName: "mnp-effect" */ './EffectStep'));

const StartingPoints: React.FC<{
  state: MNPFormState;
  setState: React.Dispatch<React.SetStateAction<MNPFormState>>;
  endpoints?: Endpoint[];
  networkIds: string[];
}> = ({ state, setState, endpoints, networkIds }) => {
  const { t } = useNetworkingTranslation();
  const [point, setPoint] = React.useState<StartingPoint>('deny-ingress');
  const [gateways, setGateways] = React.useState<string[]>([]);
  const [cidr, setCidr] = React.useState('');
  const [vm, setVm] = React.useState('');
  const [applied, setApplied] = React.useState<string[]>([]);
  const others = (endpoints ?? [])
    .filter((e) => e.namespace === state.namespace)
    .flatMap((e) =>
      e.interfaces
        .filter((i) => networkIds.includes(i.networkId) && i.ips.length)
        .map((i) => ({
          key: `${e.name}/${i.name}`,
          label: `${e.name} (${e.kind}) ${i.name}: ${i.ips[0].text}`,
          ip: i.ips[0].text,
        })),
    );
  // Each label says what the point isolates: only the deny points turn isolation on.
  const labels: Record<StartingPoint, string> = {
    'deny-ingress': t('Deny all ingress (isolates ingress only; egress stays open)'),
    'deny-all': t('Deny all in and out (isolates ingress and egress: ALL egress blocked)'),
    'allow-gateway': t('Allow the gateway (adds rules, isolates nothing)'),
    'allow-dhcp': t('Allow DHCP: UDP 67 out, UDP 68 in (adds rules, isolates nothing)'),
    'allow-cidr': t('Allow one CIDR (adds rules, isolates nothing)'),
    'allow-from-vm': t('Allow from another VM by its address (adds a rule, isolates nothing)'),
  };
  const apply = () => {
    const vmIp = others.find((o) => o.key === vm)?.ip;
    setState((s) => applyStartingPoint(s, point, { gateways, cidr, vmIp }));
    setApplied((a) => [...a, labels[point]]);
  };
  const ready =
    (point !== 'allow-gateway' || gateways.length > 0) &&
    (point !== 'allow-cidr' || cidr.trim() !== '') &&
    (point !== 'allow-from-vm' || !!others.find((o) => o.key === vm));
  return (
    <>
      <SelectField<StartingPoint>
        field="startingPoint"
        label={t('Starting point')}
        value={point}
        onChange={setPoint}
        errors={[]}
        helper={t(
          'Starting points add to the rules; apply several to combine them (deny all ingress, then allow the gateway). Allow rules count only in a direction that is isolated.',
        )}
        options={STARTING_POINTS.map((p) => ({
          value: p,
          label: labels[p],
        }))}
      />
      {point === 'allow-gateway' && (
        <ListField
          field="startGateways"
          label={t('Gateway addresses')}
          value={gateways}
          onChange={setGateways}
          errors={[]}
          placeholder="192.168.77.1"
        />
      )}
      {point === 'allow-cidr' && (
        <TextField
          field="startCidr"
          label={t('CIDR to allow')}
          value={cidr}
          onChange={setCidr}
          errors={[]}
          placeholder="192.168.77.0/24"
        />
      )}
      {point === 'allow-from-vm' && (
        <SelectField
          field="startVm"
          label={t('Other VM or pod')}
          value={vm}
          onChange={setVm}
          errors={[]}
          helper={t(
            'Allowed by its address on the chosen networks: selectors do not work on networks without IPAM.',
          )}
          options={[
            { value: '', label: t('Choose…') },
            ...others.map((o) => ({ value: o.key, label: o.label })),
          ]}
        />
      )}
      <Button variant="secondary" onClick={apply} isDisabled={!ready} data-test="mnp-apply-start">
        {t('Apply starting point')}
      </Button>
      {applied.length > 0 && (
        <List data-test="mnp-applied-starts">
          {applied.map((a, i) => (
            <ListItem key={i}>{a}</ListItem>
          ))}
        </List>
      )}
    </>
  );
};

const MNPForm: React.FC<
  MNPWizardProps & {
    namespace: string;
    initial: MNPFormState;
    original?: MultiNetworkPolicy;
    preserved?: Record<string, unknown>;
  }
> = ({ namespace, initial, original, preserved, dryRunDelayMs }) => {
  const { t } = useNetworkingTranslation();
  const isEdit = !!original;
  const [state, setState] = React.useState<MNPFormState>(initial);
  const set = (patch: Partial<MNPFormState>) => setState((s) => ({ ...s, ...patch }));
  const inputs = usePolicyInputs(namespace);

  // The namespace as it is, without the policy being edited: the "before".
  const others = React.useMemo(
    () => inputs.objects.filter((o) => !isSame(o, original?.metadata?.name)),
    [inputs, original],
  );
  // The networks and workloads, read by a module loaded on demand (not the analysis: that loads
  // with the preview step); cloud-init addresses are read once the YAML library has loaded.
  const yamlLib = useYamlLib();
  const reader = useNamespaceReader();
  const model = React.useMemo(
    () =>
      inputs.loaded && reader
        ? reader.readNamespaceModel(others, namespace, yamlLib?.parse)
        : undefined,
    [inputs.loaded, reader, others, namespace, yamlLib],
  );
  const networks = model?.networks;
  const endpoints = model?.endpoints;
  const existingNames = React.useMemo(
    () =>
      inputs.loaded
        ? others.filter((o) => o.kind === 'MultiNetworkPolicy').map((o) => o.metadata?.name ?? '')
        : undefined,
    [inputs.loaded, others],
  );
  const ctx: MNPContext = React.useMemo(
    () => ({ networks, existingNames: isEdit ? undefined : existingNames }),
    [networks, existingNames, isEdit],
  );
  const errors = React.useMemo(() => validateMNPForm(state, ctx), [state, ctx]);
  const obj = React.useMemo(() => generateMNP(state, preserved), [state, preserved]);
  const objects = React.useMemo(() => [obj as K8sObject], [obj]);
  const operations = React.useMemo(
    () => (original ? editPlan(objects, obj, 'update', () => false) : createPlan(objects)),
    [objects, obj, original],
  );

  const chosen = state.networks.map((n) => networkKey(n, state.namespace));
  const chosenIds = chosen
    .map((key) => ({ key, id: model?.nadNetwork.get(key) }))
    .filter((x): x is { key: string; id: string } => !!x.id);
  const noIpam = (networks ?? []).filter((n) => chosen.includes(n.key) && !n.hasIpam);

  const matching = React.useMemo(() => {
    if (!endpoints) return undefined;
    const selector = obj.spec?.podSelector ?? {};
    return endpoints.filter(
      (e) => e.namespace === state.namespace && matchesSelector(e.labels, selector),
    );
  }, [endpoints, obj, state.namespace]);
  const vms = (endpoints ?? []).filter(
    (e) => e.namespace === state.namespace && e.kind === 'VirtualMachine',
  );

  const toggleNetwork = (key: string, on: boolean) => {
    const entry = key.startsWith(`${state.namespace}/`)
      ? key.slice(state.namespace.length + 1)
      : key;
    set({
      networks: on
        ? [...state.networks.filter((n) => networkKey(n, state.namespace) !== key), entry]
        : state.networks.filter((n) => networkKey(n, state.namespace) !== key),
    });
  };
  const vmNames = state.target.mode === 'vms' ? state.target.vmNames : [];

  const policyStep = (errs: FieldError[]) => (
    <>
      <TextField
        field="name"
        label={t('Name')}
        value={state.name}
        onChange={(name) => set({ name })}
        errors={errs}
        isDisabled={isEdit}
      />
      <FormGroup label={t('Networks (policy-for)')} fieldId="mnp-networks" role="group" isStack>
        {!networks && <Spinner size="md" aria-label={t('Loading networks')} />}
        {networks?.length === 0 && (
          <Alert
            variant="warning"
            isInline
            isPlain
            title={t('This namespace has no secondary networks a MultiNetworkPolicy can target.')}
          />
        )}
        {networks?.map((n) => (
          <Checkbox
            key={n.key}
            id={`mnp-network-${n.key}`}
            data-test={`mnp-network-${n.key}`}
            label={
              n.hasIpam
                ? n.key
                : t('{{network}} (no IPAM: only IP block peers)', { network: n.key })
            }
            // Not offered where the policy would do nothing; one already chosen can be unchecked.
            isDisabled={!!n.notEnforced && !chosen.includes(n.key)}
            description={n.notEnforced ? t(NOT_ENFORCED_MESSAGES[n.notEnforced]) : undefined}
            isChecked={chosen.includes(n.key)}
            onChange={(_e, on) => toggleNetwork(n.key, on)}
          />
        ))}
        <FieldHelp id="mnp-networks" errors={errorsFor(errs, 'networks')} />
      </FormGroup>
      <SelectField<'vms' | 'labels' | 'all'>
        field="target.mode"
        label={t('Selects')}
        value={state.target.mode}
        onChange={(mode) =>
          set({
            target:
              mode === 'vms'
                ? { mode, vmNames: [] }
                : mode === 'labels'
                  ? { mode, labels: {} }
                  : { mode },
          })
        }
        errors={errs}
        options={[
          { value: 'vms', label: t('VMs by name (vm.kubevirt.io/name)') },
          { value: 'labels', label: t('Pods and VMs by labels') },
          { value: 'all', label: t('Every pod and VM of the namespace') },
        ]}
      />
      {state.target.mode === 'vms' && (
        <FormGroup label={t('VMs')} fieldId="mnp-vms" role="group" isStack>
          {vms.map((v) => (
            <Checkbox
              key={v.name}
              id={`mnp-vm-${v.name}`}
              data-test={`mnp-vm-${v.name}`}
              label={v.name}
              isChecked={vmNames.includes(v.name)}
              onChange={(_e, on) =>
                set({
                  target: {
                    mode: 'vms',
                    vmNames: on ? [...vmNames, v.name] : vmNames.filter((x) => x !== v.name),
                  },
                })
              }
            />
          ))}
          <FieldHelp id="mnp-vms" errors={errorsFor(errs, 'target.vmNames')} />
        </FormGroup>
      )}
      {state.target.mode === 'labels' && (
        <TextField
          field="target.labels"
          label={t('Labels (key=value, …)')}
          value={formatLabels(state.target.labels)}
          onChange={(v) => set({ target: { mode: 'labels', labels: parseLabels(v) } })}
          errors={errs}
          placeholder="app=web"
        />
      )}
      <FormGroup label={t('Selected now')} fieldId="mnp-matching">
        <div id="mnp-matching" data-test="mnp-matching">
          {matching === undefined ? (
            <Spinner size="sm" aria-label={t('Loading')} />
          ) : matching.length ? (
            <List isPlain>
              {matching.map((e) => (
                <ListItem key={e.key}>
                  {e.name} ({e.kind})
                </ListItem>
              ))}
            </List>
          ) : (
            t('Nothing in the namespace matches yet.')
          )}
        </div>
      </FormGroup>
    </>
  );

  const direction = (dir: 'ingress' | 'egress') =>
    function DirectionStep(errs: FieldError[]) {
      return (
        <>
          {noIpam.length > 0 && (
            <Alert
              variant="info"
              isInline
              isPlain
              title={t(
                '{{networks}} has no IPAM: only IP block peers work there (use a VM address /32).',
                {
                  networks: noIpam.map((n) => n.key).join(', '),
                },
              )}
              data-test="mnp-noipam-hint"
            />
          )}
          <CheckboxField
            field={dir === 'ingress' ? 'ingressEnabled' : 'egressEnabled'}
            alsoFor={['policyTypes']}
            label={
              dir === 'ingress'
                ? t('Isolate ingress (policyTypes Ingress): only the rules below let traffic in')
                : t('Isolate egress (policyTypes Egress): only the rules below let traffic out')
            }
            value={dir === 'ingress' ? state.ingressEnabled : state.egressEnabled}
            onChange={(v) => set(dir === 'ingress' ? { ingressEnabled: v } : { egressEnabled: v })}
            errors={errs}
          />
          {(dir === 'ingress' ? state.ingressEnabled : state.egressEnabled) && (
            <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
              <RulesEditor
                dir={dir}
                rules={state[dir]}
                onChange={(rules) => set({ [dir]: rules } as Partial<MNPFormState>)}
                errors={errs}
              />
            </React.Suspense>
          )}
        </>
      );
    };

  return (
    <WizardShell
      title={isEdit ? t('Edit MultiNetworkPolicy') : t('Create MultiNetworkPolicy')}
      isEdit={isEdit}
      objects={objects}
      operations={operations}
      errors={errors}
      mapCause={mapCause}
      dryRunDelayMs={dryRunDelayMs}
      yamlFileName={`${state.name || 'multinetworkpolicy'}.yaml`}
      backTo={`/k8s/ns/${encodeURIComponent(namespace)}/k8s.cni.cncf.io~v1beta1~MultiNetworkPolicy`}
      steps={[
        {
          id: 'policy',
          name: t('Networks and VMs'),
          fields: ['name', 'namespace', 'networks', 'target'],
          render: policyStep,
        },
        {
          id: 'start',
          name: t('Starting points'),
          fields: [],
          render: () => (
            <StartingPoints
              state={state}
              setState={setState}
              endpoints={endpoints}
              networkIds={chosenIds.map((c) => c.id)}
            />
          ),
        },
        {
          id: 'ingress',
          name: t('Ingress'),
          fields: ['ingress', 'ingressEnabled', 'policyTypes'],
          render: direction('ingress'),
        },
        {
          id: 'egress',
          name: t('Egress'),
          fields: ['egress', 'egressEnabled'],
          render: direction('egress'),
        },
        {
          id: 'preview',
          name: t('Connectivity preview'),
          fields: [],
          render: () =>
            inputs.loaded ? (
              <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
                <MatrixPreview
                  others={others}
                  policy={obj as K8sObject}
                  namespace={namespace}
                  networks={chosenIds}
                />
              </React.Suspense>
            ) : (
              <Spinner size="md" aria-label={t('Loading')} />
            ),
        },
        {
          id: 'effect',
          name: t('What it does'),
          fields: [],
          render: () => (
            <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
              <EffectStep state={state} targets={matching?.map((e) => e.name)} />
            </React.Suspense>
          ),
        },
      ]}
    />
  );
};

/** Parses the edited object (or the query's pre-fill) once, so later updates never reset the form. */
const MNPStart: React.FC<
  MNPWizardProps & { namespace: string; original?: MultiNetworkPolicy; search: string }
> = ({ namespace, original, search, ...props }) => {
  const start = React.useMemo(() => {
    if (original) return parseBackMNP(original);
    const q = new URLSearchParams(search);
    const state = defaultMNPState(namespace);
    const network = q.get('network');
    const vm = q.get('vm');
    return {
      state: {
        ...state,
        networks: network ? [network] : [],
        target: vm ? { mode: 'vms' as const, vmNames: [vm] } : state.target,
      },
      preserved: undefined,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <MNPForm
      {...props}
      namespace={namespace}
      initial={start.state}
      preserved={start.preserved as Record<string, unknown> | undefined}
      original={original}
    />
  );
};

const MNPWizard: React.FC<MNPWizardProps> = (props) => {
  const { t } = useNetworkingTranslation();
  const { pathname, search } = useLocation();
  const route = React.useMemo(() => parseMNPPath(pathname), [pathname]);
  if (!route)
    return (
      <Alert
        variant="danger"
        isInline
        title={t('This address names no MultiNetworkPolicy wizard.')}
      />
    );
  return (
    <LoadForEdit model={Models.MultiNetworkPolicy} name={route.name} namespace={route.namespace}>
      {(obj) => (
        <MNPStart
          {...props}
          namespace={route.namespace}
          search={search}
          original={obj as MultiNetworkPolicy | undefined}
        />
      )}
    </LoadForEdit>
  );
};

export default MNPWizard;
