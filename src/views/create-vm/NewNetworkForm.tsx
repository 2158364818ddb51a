/**
 * "New network…" inside VM creation: a primary or secondary Layer2 UDN, an OVN localnet NAD (with
 * its bridge-mapping NNCP when the nodes lack one) or a Linux bridge NAD, built and checked by the
 * network wizards' core (src/core/generators) and added to the plan instead of being created now.
 * The full wizards live at /vm-networking/ns/<ns>/new/{udn,nad} and /vm-networking/cluster/new/cudn.
 */
import * as React from 'react';
import {
  ActionGroup,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
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
import { formatFieldError } from '../../core/validation/format';
import type { FieldError } from '../../core/validation/types';
import { useNetworkingTranslation } from '../shared/i18n';

export type NewNetworkKind = 'primary-udn' | 'secondary-udn' | 'localnet-nad' | 'bridge-nad';

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
  onAdd: (objects: K8sObject[]) => void;
  onCancel: () => void;
}> = ({ namespace, target, namespaces, existingNames, onAdd, onCancel }) => {
  const { t } = useNetworkingTranslation();
  const [s, setS] = React.useState<FormState>(initial('localnet-nad'));
  const ctx: WizardContext = { target, namespaces, existingNames };
  const { objects, errors } = buildNewNetwork(s, namespace, ctx);
  const [touched, setTouched] = React.useState(false);
  const errorsFor = (...fields: string[]) =>
    touched
      ? errors.filter((e) =>
          fields.some(
            (f) => e.field === f || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`),
          ),
        )
      : [];
  const claimed = [
    'name',
    'subnets',
    'networkName',
    'physicalNetworkName',
    'vlanId',
    'bridgeName',
    'bridgeMapping',
  ];
  const other = touched
    ? errors.filter((e) => !claimed.some((f) => e.field === f || e.field.startsWith(f)))
    : [];
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
        <Form
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
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
          <ActionGroup>
            <Button
              variant="primary"
              onClick={() => {
                setTouched(true);
                if (!errors.length) onAdd(objects);
              }}
              data-test="new-network-add"
            >
              {t('Add to plan')}
            </Button>
            <Button variant="link" onClick={onCancel} data-test="new-network-cancel">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
};
