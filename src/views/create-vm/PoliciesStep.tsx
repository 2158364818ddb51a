/**
 * Step 3 (optional): a MultiNetworkPolicy per secondary NIC from the policy wizard's starting
 * points, selecting the new VM by `vm.kubevirt.io/name`.
 */
import * as React from 'react';
import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { defaultVMPolicyDraft, type VMPolicyDraft } from '../../core/mnp';
import { formatFieldError } from '../../core/validation/format';
import { useNetworkingTranslation } from '../shared/i18n';
import type { CreateVMState } from './useCreateVMState';

export const PoliciesStep: React.FC<{ state: CreateVMState }> = ({ state }) => {
  const { t } = useNetworkingTranslation();
  const { plan, policies, setPolicies, policyIssues } = state;
  const secondary = plan.interfaces.filter((i) => i.network.kind === 'multus');
  const update = (name: string, patch: Partial<VMPolicyDraft> | null) =>
    setPolicies((list) => {
      const rest = list.filter((d) => d.interfaceName !== name);
      if (patch === null) return rest;
      const current = list.find((d) => d.interfaceName === name) ?? defaultVMPolicyDraft(name);
      return [...rest, { ...current, ...patch }];
    });

  if (!secondary.length) {
    return (
      <Alert isInline variant="info" title={t('No secondary network interface')}>
        {t(
          'MultiNetworkPolicies apply to secondary networks. The pod network and a primary user-defined network use NetworkPolicy.',
        )}
      </Alert>
    );
  }

  return (
    <Form onSubmit={(e) => e.preventDefault()} data-test="create-vm-policies">
      {secondary.map((iface) => {
        const draft = policies.find((d) => d.interfaceName === iface.name);
        const id = (f: string) => `policy-${iface.name}-${f}`;
        const errors = policyIssues.filter((e) => e.field.startsWith(`policies.${iface.name}.`));
        const text = (label: string, f: keyof VMPolicyDraft, placeholder: string) => (
          <FormGroup label={label} fieldId={id(f)}>
            <TextInput
              id={id(f)}
              value={(draft?.[f] as string) ?? ''}
              placeholder={placeholder}
              onChange={(_e, v) => update(iface.name, { [f]: v })}
              data-test={id(f)}
            />
          </FormGroup>
        );
        return (
          <Card key={iface.name} isCompact data-test={`policy-card-${iface.name}`}>
            <CardTitle>{t('Interface {{name}}', { name: iface.name })}</CardTitle>
            <CardBody>
              <Checkbox
                id={id('enabled')}
                label={t('Create a MultiNetworkPolicy for this interface')}
                isChecked={!!draft}
                onChange={(_e, v) => update(iface.name, v ? {} : null)}
                data-test={id('enabled')}
              />
              {draft && (
                <>
                  <Checkbox
                    id={id('deny')}
                    label={t('Deny all incoming traffic, then allow what follows')}
                    isChecked={draft.denyAll}
                    onChange={(_e, v) => update(iface.name, { denyAll: v })}
                    data-test={id('deny')}
                  />
                  <Checkbox
                    id={id('egress')}
                    label={t(
                      'Also isolate egress: ALL outgoing traffic blocked except what follows',
                    )}
                    isChecked={draft.denyAll && draft.isolateEgress}
                    isDisabled={!draft.denyAll}
                    onChange={(_e, v) => update(iface.name, { isolateEgress: v })}
                    data-test={id('egress')}
                  />
                  {text(t('Allow the gateway'), 'gateway', t('Gateway address, e.g. 192.168.1.1'))}
                  <Checkbox
                    id={id('dhcp')}
                    label={t('Allow DHCP (UDP 67/68)')}
                    isChecked={draft.dhcp}
                    onChange={(_e, v) => update(iface.name, { dhcp: v })}
                    data-test={id('dhcp')}
                  />
                  {text(t('Allow one CIDR'), 'cidr', t('e.g. 10.0.0.0/24'))}
                  {text(
                    t('Allow from another VM (its address)'),
                    'fromVmIp',
                    t('e.g. 192.168.1.20'),
                  )}
                  {errors.length > 0 && (
                    <FormHelperText>
                      <HelperText>
                        {errors.map((e, k) => (
                          <HelperTextItem key={k} variant="error">
                            {formatFieldError(t as never, e)}
                          </HelperTextItem>
                        ))}
                      </HelperText>
                    </FormHelperText>
                  )}
                </>
              )}
            </CardBody>
          </Card>
        );
      })}
    </Form>
  );
};

export default PoliciesStep;
