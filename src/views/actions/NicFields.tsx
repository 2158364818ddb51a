/** The fields of one NIC: network, name, binding (chosen from the network), model, MAC, link state. */
import * as React from 'react';
import {
  Alert,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import {
  BINDING_NAMES,
  bindingErrors,
  bindingWarnings,
  checkMac,
  chooseBinding,
  INTERFACE_MODELS,
  networkId,
  type BindingContext,
  type BindingName,
  type NetworkOption,
  type PlanInterface,
} from '../../core/create-vm';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';

export const useFlavorLabel = () => {
  const { t } = useNetworkingTranslation();
  return (o: NetworkOption): string => {
    switch (o.flavor) {
      case 'pod':
        return t('Pod network');
      case 'primary-udn':
        return t('Pod network (primary user-defined network)');
      case 'ovn-layer2':
        return t('{{name}} (OVN layer2)', { name: o.id });
      case 'ovn-layer3':
        return t('{{name}} (OVN layer3)', { name: o.id });
      case 'ovn-localnet':
        return t('{{name}} (OVN localnet)', { name: o.id });
      case 'bridge':
        return t('{{name}} (Linux bridge)', { name: o.id });
      case 'sriov':
        return t('{{name}} (SR-IOV)', { name: o.id });
      case 'macvlan':
        return t('{{name}} (macvlan)', { name: o.id });
      default:
        return t('{{name}} ({{type}})', { name: o.id, type: o.pluginType ?? '?' });
    }
  };
};

export const useBindingLabel = () => {
  const { t } = useNetworkingTranslation();
  return (b: BindingName): string =>
    b === 'passt'
      ? t('passt (binding plugin)')
      : b === 'passtBinding'
        ? t('passt (core binding)')
        : b;
};

interface Props {
  idPrefix: string;
  value: PlanInterface;
  onChange: (next: PlanInterface) => void;
  options: NetworkOption[];
  ctx: BindingContext;
  /** Normalized MAC → owner, for uniqueness. */
  macsInUse: Map<string, string>;
  /** Server or plan errors of this NIC's fields, by field (name, network, macAddress…). */
  fieldErrors?: Record<string, string[]>;
}

export const NicFields: React.FC<Props> = ({
  idPrefix,
  value,
  onChange,
  options,
  ctx,
  macsInUse,
  fieldErrors = {},
}) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const flavorLabel = useFlavorLabel();
  const bindingLabel = useBindingLabel();
  const option = options.find((o) => o.id === networkId(value.network));
  const choice = option ? chooseBinding(option, ctx) : undefined;
  const warnings = option ? bindingWarnings(option, value.binding, ctx) : [];
  // KubeVirt's hard stops, said here whether or not the caller passes them in fieldErrors.
  const refusals = bindingErrors(value.network, value.binding).map((m) => text(m));
  const bindingRefusals = [
    ...refusals,
    ...(fieldErrors.binding ?? []).filter((e) => !refusals.includes(e)),
  ];
  const mac = value.macAddress
    ? checkMac(value.macAddress, macsInUse)
    : { errors: [], warnings: [] };
  const id = (f: string) => `${idPrefix}-${f}`;
  const errorsOf = (f: string) => fieldErrors[f] ?? [];
  const helper = (items: { text: string; variant: 'error' | 'warning' | 'default' }[]) =>
    items.length ? (
      <FormHelperText>
        <HelperText>
          {items.map((i, k) => (
            <HelperTextItem key={k} variant={i.variant}>
              {i.text}
            </HelperTextItem>
          ))}
        </HelperText>
      </FormHelperText>
    ) : null;

  const onNetwork = (idValue: string) => {
    const o = options.find((x) => x.id === idValue);
    if (!o) return;
    onChange({
      ...value,
      network: o.network,
      binding: chooseBinding(o, ctx).binding,
      bindingOverridden: false,
    });
  };

  return (
    <>
      <FormGroup label={t('Network')} fieldId={id('network')} isRequired>
        <FormSelect
          id={id('network')}
          value={option?.id ?? ''}
          onChange={(_e, v) => onNetwork(v)}
          aria-label={t('Network')}
          data-test="nic-network"
        >
          {!option && <FormSelectOption value="" label={t('Choose a network')} isPlaceholder />}
          {options.map((o) => (
            <FormSelectOption key={o.id} value={o.id} label={flavorLabel(o)} />
          ))}
        </FormSelect>
        {helper(errorsOf('network').map((e) => ({ text: e, variant: 'error' as const })))}
      </FormGroup>
      <FormGroup label={t('Interface name')} fieldId={id('name')} isRequired>
        <TextInput
          id={id('name')}
          value={value.name}
          onChange={(_e, v) => onChange({ ...value, name: v })}
          data-test="nic-name"
          validated={errorsOf('name').length ? 'error' : 'default'}
        />
        {helper(errorsOf('name').map((e) => ({ text: e, variant: 'error' as const })))}
      </FormGroup>
      <FormGroup label={t('Binding')} fieldId={id('binding')}>
        <FormSelect
          id={id('binding')}
          value={value.binding}
          onChange={(_e, v) =>
            onChange({
              ...value,
              binding: v as BindingName,
              bindingOverridden: v !== choice?.binding,
            })
          }
          data-test="nic-binding"
          validated={bindingRefusals.length ? 'error' : 'default'}
        >
          {BINDING_NAMES.map((b) => (
            <FormSelectOption
              key={b}
              value={b}
              label={
                b === choice?.binding
                  ? t('{{binding}} (what this network needs)', { binding: bindingLabel(b) })
                  : choice?.alternatives.includes(b)
                    ? t('{{binding}} (also works here)', { binding: bindingLabel(b) })
                    : bindingLabel(b)
              }
            />
          ))}
        </FormSelect>
        {helper([
          ...bindingRefusals.map((e) => ({ text: e, variant: 'error' as const })),
          ...(choice && !warnings.length && !bindingRefusals.length
            ? [{ text: text(choice.reason), variant: 'default' as const }]
            : []),
          ...warnings.map((w) => ({ text: text(w), variant: 'warning' as const })),
        ])}
      </FormGroup>
      {warnings.length > 0 && (
        <Alert
          isInline
          isPlain
          variant="warning"
          title={t('This binding will not work as expected on this network')}
          data-test="binding-warning"
        />
      )}
      <FormGroup label={t('Model')} fieldId={id('model')}>
        <FormSelect
          id={id('model')}
          value={value.model}
          onChange={(_e, v) => onChange({ ...value, model: v as PlanInterface['model'] })}
          data-test="nic-model"
        >
          {INTERFACE_MODELS.map((m) => (
            <FormSelectOption key={m} value={m} label={m} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('MAC address')} fieldId={id('mac')}>
        <TextInput
          id={id('mac')}
          value={value.macAddress ?? ''}
          placeholder={t('Assigned automatically')}
          onChange={(_e, v) => onChange({ ...value, macAddress: v || undefined })}
          data-test="nic-mac"
          validated={mac.errors.length || errorsOf('macAddress').length ? 'error' : 'default'}
        />
        {helper([
          ...mac.errors.map((m) => ({ text: text(m), variant: 'error' as const })),
          ...mac.warnings.map((m) => ({ text: text(m), variant: 'warning' as const })),
        ])}
      </FormGroup>
      <FormGroup label={t('Link state')} fieldId={id('link')}>
        <FormSelect
          id={id('link')}
          value={value.linkState}
          onChange={(_e, v) => onChange({ ...value, linkState: v as 'up' | 'down' })}
          isDisabled={value.binding === 'sriov'}
          data-test="nic-link-state"
        >
          <FormSelectOption value="up" label={t('Up')} />
          <FormSelectOption value="down" label={t('Down')} />
        </FormSelect>
      </FormGroup>
    </>
  );
};
