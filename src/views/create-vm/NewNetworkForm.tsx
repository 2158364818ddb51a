/**
 * "New network…" inside VM creation: a primary or secondary Layer2 UDN, an OVN localnet NAD (with
 * its bridge-mapping NNCP when the nodes lack one) or a Linux bridge NAD, built and checked by the
 * network wizards' core (src/core/generators) and added to the plan instead of being created now.
 * The full wizards live at /vm-networking/ns/<ns>/new/{udn,nad} and /vm-networking/cluster/new/cudn.
 */
import * as React from 'react';
import { css } from '@patternfly/react-styles';
import formStyles from '@patternfly/react-styles/css/components/Form/form';
import {
  ActionGroup,
  Alert,
  AlertActionLink,
  Button,
  Card,
  CardBody,
  CardTitle,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import {
  defaultBridgeMapping,
  defaultNADState,
  defaultUDNState,
  generateNAD,
  generateUDN,
  validateNADForm,
  validateUDNForm,
  type BridgeMappingMode,
  type WizardContext,
} from '../../core/generators';
import type { K8sObject } from '../../core/k8s/types';
import type { TargetVersion } from '../../core/k8s/openshift-version';
import { PRIMARY_UDN_NAMESPACE_LABEL } from '../../core/networks/udn';
import { formatFieldError } from '../../core/validation/format';
import type { FieldError } from '../../core/validation/types';
import { useNetworkingTranslation } from '../shared/i18n';

export type NewNetworkKind = 'primary-udn' | 'secondary-udn' | 'localnet-nad' | 'bridge-nad';

export type PrimaryNamespaceState = 'labelled' | 'can-label' | 'existing-unlabelled';

interface FormState {
  kind: NewNetworkKind;
  name: string;
  subnet: string;
  physicalNetworkName: string;
  vlan: string;
  bridgeName: string;
  mappingMode: BridgeMappingMode;
  ovsBridge: string;
  nic: string;
}

const initial = (kind: NewNetworkKind): FormState => ({
  kind,
  name: kind === 'primary-udn' ? 'primary-udn' : '',
  subnet: '',
  physicalNetworkName: '',
  vlan: '',
  bridgeName: 'br1',
  mappingMode: 'existing',
  ovsBridge: 'br-vmdata',
  nic: '',
});

/** The objects of a form state and the core's findings about them. */
export const buildNewNetwork = (
  s: FormState,
  namespace: string,
  ctx: WizardContext,
): { objects: K8sObject[]; errors: FieldError[] } => {
  const vlan = s.vlan.trim() === '' ? undefined : Number(s.vlan);
  if (s.kind === 'primary-udn' || s.kind === 'secondary-udn') {
    const u = defaultUDNState(namespace);
    u.name = s.name;
    u.role = s.kind === 'primary-udn' ? 'Primary' : 'Secondary';
    u.topology = 'Layer2';
    u.subnets = s.subnet.trim() ? [{ cidr: s.subnet.trim() }] : [];
    // Without subnets OVN hands out no addresses: IPAM (and persistent IPs) must be off.
    if (!u.subnets.length && u.role === 'Secondary') {
      u.ipamMode = 'Disabled';
      u.persistentIPs = false;
    }
    return { objects: generateUDN(u, ctx), errors: validateUDNForm(u, ctx) };
  }
  const n = defaultNADState(namespace);
  n.name = s.name;
  if (s.kind === 'localnet-nad') {
    n.type = 'ovn-localnet';
    n.networkName = s.physicalNetworkName;
    n.vlanId = vlan;
    n.subnets = s.subnet.trim() ? [s.subnet.trim()] : [];
    n.bridgeMapping = {
      ...defaultBridgeMapping(),
      mode: s.mappingMode,
      bridgeName: s.ovsBridge,
      nic: s.nic,
    };
  } else {
    n.type = 'bridge';
    n.bridgeName = s.bridgeName;
    n.vlanMode = vlan === undefined ? 'none' : 'access';
    n.vlanId = vlan;
  }
  return { objects: generateNAD(n, ctx), errors: validateNADForm(n, ctx) };
};

export const NewNetworkForm: React.FC<{
  namespace: string;
  target: TargetVersion;
  /** Namespace names as known (for the primary-UDN namespace checks), or undefined. */
  namespaces?: WizardContext['namespaces'];
  existingNames: string[];
  /**
   * Create VM only: whether the VM's namespace carries (or will be created with) the primary-UDN
   * label; `can-label` when ticking it is still possible (the namespace is created with the VM).
   */
  primaryNamespace?: PrimaryNamespaceState;
  /** Ticks "create the namespace with the primary-UDN label". */
  onLabelNamespace?: () => void;
  onAdd: (objects: K8sObject[]) => void;
  onCancel: () => void;
}> = ({
  namespace,
  target,
  namespaces,
  existingNames,
  primaryNamespace,
  onLabelNamespace,
  onAdd,
  onCancel,
}) => {
  const { t } = useNetworkingTranslation();
  const [s, setS] = React.useState<FormState>(initial('localnet-nad'));
  const ctx: WizardContext = { target, namespaces, existingNames };
  const { objects, errors } = buildNewNetwork(s, namespace, ctx);
  const [touched, setTouched] = React.useState(false);
  /** `name` is the field `name` and its children, never `namespace`. */
  const isFieldOf = (field: string, f: string) =>
    field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`);
  // The namespace condition of a primary UDN is said (with its remedy) by the alert below.
  const covered = (e: FieldError) =>
    s.kind === 'primary-udn' &&
    primaryNamespace !== undefined &&
    (isFieldOf(e.field, 'namespace') || isFieldOf(e.field, 'createNamespace'));
  const shown = errors.filter((e) => !covered(e));
  const errorsFor = (...fields: string[]) =>
    touched ? shown.filter((e) => fields.some((f) => isFieldOf(e.field, f))) : [];
  const claimed = [
    'name',
    'subnets',
    'networkName',
    'physicalNetworkName',
    'vlanId',
    'bridgeName',
    'bridgeMapping',
  ];
  // Everything no field shows is listed under the form: a refusal is never silent.
  const other = touched ? shown.filter((e) => !claimed.some((f) => isFieldOf(e.field, f))) : [];
  const primaryBlocked =
    s.kind === 'primary-udn' && primaryNamespace !== undefined && primaryNamespace !== 'labelled';
  const help = (list: FieldError[]) =>
    list.length ? (
      <FormHelperText>
        <HelperText>
          {list.map((e, i) => (
            <HelperTextItem key={i} variant="error">
              {formatFieldError(t as never, e)}
            </HelperTextItem>
          ))}
        </HelperText>
      </FormHelperText>
    ) : null;
  const set = (patch: Partial<FormState>) => setS((x) => ({ ...x, ...patch }));
  const field = (
    id: string,
    label: string,
    value: string,
    key: keyof FormState,
    errs: FieldError[],
    placeholder?: string,
  ) => (
    <FormGroup label={label} fieldId={`new-network-${id}`}>
      <TextInput
        id={`new-network-${id}`}
        value={value}
        placeholder={placeholder}
        onChange={(_e, v) => set({ [key]: v } as Partial<FormState>)}
        validated={errs.length ? 'error' : 'default'}
        data-test={`new-network-${id}`}
      />
      {help(errs)}
    </FormGroup>
  );

  return (
    <Card isCompact data-test="new-network-form">
      <CardTitle>{t('New network')}</CardTitle>
      <CardBody>
        {/* Rendered inside the Networking step's <form>: a nested <form> is invalid HTML (React warns),
            so this takes the form's look without being one. */}
        <div className={css(formStyles.form)} data-test="new-network-fields">
          <FormGroup label={t('Network type')} fieldId="new-network-kind">
            <FormSelect
              id="new-network-kind"
              value={s.kind}
              onChange={(_e, v) =>
                setS({
                  ...initial(v as NewNetworkKind),
                  name: s.kind === v ? s.name : initial(v as NewNetworkKind).name,
                })
              }
              data-test="new-network-kind"
            >
              <FormSelectOption
                value="primary-udn"
                label={t('Primary user-defined network (Layer2)')}
              />
              <FormSelectOption
                value="secondary-udn"
                label={t('Secondary user-defined network (Layer2)')}
              />
              <FormSelectOption
                value="localnet-nad"
                label={t('OVN localnet (physical network, VLAN)')}
              />
              <FormSelectOption value="bridge-nad" label={t('Linux bridge')} />
            </FormSelect>
          </FormGroup>
          {field('name', t('Name'), s.name, 'name', errorsFor('name'))}
          {(s.kind === 'primary-udn' || s.kind === 'secondary-udn' || s.kind === 'localnet-nad') &&
            field(
              'subnet',
              t('Subnets'),
              s.subnet,
              'subnet',
              errorsFor('subnets'),
              s.kind === 'primary-udn' ? '10.100.0.0/16' : t('Optional'),
            )}
          {s.kind === 'localnet-nad' &&
            field(
              'physnet',
              t('Physical network name'),
              s.physicalNetworkName,
              'physicalNetworkName',
              errorsFor('networkName', 'physicalNetworkName'),
              t('Defaults to the name'),
            )}
          {(s.kind === 'localnet-nad' || s.kind === 'bridge-nad') &&
            field('vlan', t('VLAN ID'), s.vlan, 'vlan', errorsFor('vlanId'), t('Optional'))}
          {s.kind === 'bridge-nad' &&
            field('bridge', t('Bridge name'), s.bridgeName, 'bridgeName', errorsFor('bridgeName'))}
          {s.kind === 'localnet-nad' && (
            <FormGroup label={t('Bridge mapping')} fieldId="new-network-mapping">
              <FormSelect
                id="new-network-mapping"
                value={s.mappingMode}
                onChange={(_e, v) => set({ mappingMode: v as BridgeMappingMode })}
                data-test="new-network-mapping"
              >
                <FormSelectOption
                  value="existing"
                  label={t('The nodes already map this physical network')}
                />
                <FormSelectOption
                  value="br-ex"
                  label={t('Map it to br-ex (NodeNetworkConfigurationPolicy)')}
                />
                <FormSelectOption
                  value="ovs-bridge"
                  label={t('Map it to a new OVS bridge over a NIC')}
                />
              </FormSelect>
              {help(errorsFor('bridgeMapping'))}
            </FormGroup>
          )}
          {s.kind === 'localnet-nad' && s.mappingMode === 'ovs-bridge' && (
            <>
              {field('ovs-bridge', t('OVS bridge name'), s.ovsBridge, 'ovsBridge', [])}
              {field('nic', t('Node NIC'), s.nic, 'nic', [])}
            </>
          )}
          {help(other)}
          {primaryBlocked && (
            <Alert
              isInline
              variant={touched ? 'danger' : 'info'}
              title={t(
                'A primary user-defined network needs a namespace created with the label {{label}}',
                {
                  label: PRIMARY_UDN_NAMESPACE_LABEL,
                },
              )}
              data-test="new-network-primary-namespace"
              actionLinks={
                primaryNamespace === 'can-label' && onLabelNamespace ? (
                  <AlertActionLink onClick={onLabelNamespace} data-test="new-network-tick-label">
                    {t('Create namespace {{namespace}} with the label', { namespace })}
                  </AlertActionLink>
                ) : undefined
              }
            >
              {primaryNamespace === 'can-label'
                ? t(
                    'Namespace {{namespace}} will be created with this VM: it must carry the label from its creation.',
                    { namespace },
                  )
                : t(
                    'Namespace {{namespace}} already exists without the label, and the label cannot be added later. In Basics, enter a new namespace name and tick "Create this namespace" and the primary user-defined network label.',
                    { namespace },
                  )}
            </Alert>
          )}
          <ActionGroup>
            <Button
              variant="primary"
              onClick={() => {
                setTouched(true);
                if (!errors.length && !primaryBlocked) onAdd(objects);
              }}
              data-test="new-network-add"
            >
              {t('Add to plan')}
            </Button>
            <Button variant="link" onClick={onCancel} data-test="new-network-cancel">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </div>
      </CardBody>
    </Card>
  );
};

export default NewNetworkForm;
