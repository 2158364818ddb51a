/** Step 1: name, namespace, boot source, instance type and preference (listed live), run strategy. */
import * as React from 'react';
import {
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Radio,
  TextInput,
} from '@patternfly/react-core';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  PLAN_MESSAGES,
  RUN_STRATEGIES,
  type PlanIssue,
  type RunStrategy,
} from '../../core/create-vm';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { K8sObject } from '../../core/k8s/types';
import { formatFieldError } from '../../core/validation/format';
import { useNetworkingTranslation } from '../shared/i18n';
import type { CreateVMState } from './useCreateVMState';

export const OS_IMAGES_NAMESPACE = 'openshift-virtualization-os-images';

const REQUIRED: string[] = [
  '{{label}} is required.',
  PLAN_MESSAGES.dataSourceRequired,
  PLAN_MESSAGES.imageRequired,
  PLAN_MESSAGES.instancetypeRequired,
];

const useList = (model: (typeof Models)[keyof typeof Models], namespace?: string) => {
  const [data, loaded, error] = useK8sWatchResource<K8sObject[]>({
    groupVersionKind: groupVersionKindOf(model),
    isList: true,
    ...(namespace ? { namespace } : {}),
    optional: true,
  });
  const names = (loaded && !error && Array.isArray(data) ? data : [])
    .map((o) => o.metadata?.name ?? '')
    .filter(Boolean)
    .sort();
  return { names, loaded: loaded || !!error };
};

export const IssueHelp: React.FC<{ issues: PlanIssue[] }> = ({ issues }) => {
  const { t } = useNetworkingTranslation();
  if (!issues.length) return null;
  return (
    <FormHelperText>
      <HelperText>
        {issues.map((i, k) => (
          <HelperTextItem key={k} variant={i.severity === 'error' ? 'error' : 'warning'}>
            {formatFieldError(t as never, i)}
          </HelperTextItem>
        ))}
      </HelperText>
    </FormHelperText>
  );
};

export const BasicsStep: React.FC<{ state: CreateVMState; showErrors: boolean }> = ({
  state,
  showErrors,
}) => {
  const { t } = useNetworkingTranslation();
  const { plan, setPlan, ns, setNs, planIssues } = state;
  const dataSources = useList(Models.DataSource, OS_IMAGES_NAMESPACE);
  const instancetypes = useList(Models.VirtualMachineClusterInstancetype);
  const preferences = useList(Models.VirtualMachineClusterPreference);
  // Before the user leaves the step, "required" stays quiet; a wrong value is said at once.
  const issues = (field: string) =>
    planIssues.filter((i) => i.field === field && (showErrors || !REQUIRED.includes(i.message)));
  const validated = (field: string) =>
    issues(field).some((i) => i.severity === 'error') ? 'error' : 'default';

  return (
    <Form onSubmit={(e) => e.preventDefault()} data-test="create-vm-basics">
      <FormGroup label={t('Name')} fieldId="create-vm-name" isRequired>
        <TextInput
          id="create-vm-name"
          value={plan.name}
          onChange={(_e, v) => setPlan((p) => ({ ...p, name: v }))}
          validated={validated('name')}
          data-test="create-vm-name"
        />
        <IssueHelp issues={issues('name')} />
      </FormGroup>
      <FormGroup label={t('Namespace')} fieldId="create-vm-namespace" isRequired>
        <TextInput
          id="create-vm-namespace"
          value={plan.namespace}
          onChange={(_e, v) => setPlan((p) => ({ ...p, namespace: v }))}
          validated={validated('namespace')}
          data-test="create-vm-namespace"
        />
        <IssueHelp issues={issues('namespace')} />
        {state.data.loaded && plan.namespace && !state.data.namespaceExists && !ns.create && (
          <FormHelperText>
            <HelperText>
              <HelperTextItem variant="warning">
                {t('Namespace {{namespace}} does not exist; create it with the VM below.', {
                  namespace: plan.namespace,
                })}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
      <Checkbox
        id="create-vm-create-namespace"
        label={t('Create this namespace')}
        isChecked={ns.create}
        onChange={(_e, v) => setNs((x) => ({ ...x, create: v }))}
        data-test="create-vm-create-namespace"
      />
      {ns.create && (
        <Checkbox
          id="create-vm-primary-label"
          label={t(
            'For a primary user-defined network (label {{label}}, only possible at creation)',
            {
              label: 'k8s.ovn.org/primary-user-defined-network',
            },
          )}
          isChecked={ns.primaryLabel}
          onChange={(_e, v) => setNs((x) => ({ ...x, primaryLabel: v }))}
          data-test="create-vm-primary-label"
        />
      )}
      <FormGroup label={t('Boot source')} fieldId="create-vm-boot" role="radiogroup" isInline>
        <Radio
          id="create-vm-boot-datasource"
          name="create-vm-boot"
          label={t('DataSource')}
          isChecked={plan.boot.kind === 'dataSource'}
          onChange={() =>
            setPlan((p) => ({
              ...p,
              boot: {
                kind: 'dataSource',
                namespace: OS_IMAGES_NAMESPACE,
                name: dataSources.names[0] ?? '',
              },
            }))
          }
        />
        <Radio
          id="create-vm-boot-containerdisk"
          name="create-vm-boot"
          label={t('Container disk')}
          isChecked={plan.boot.kind === 'containerDisk'}
          onChange={() =>
            setPlan((p) => ({
              ...p,
              boot: { kind: 'containerDisk', image: 'quay.io/containerdisks/fedora:latest' },
            }))
          }
          data-test="create-vm-boot-containerdisk"
        />
      </FormGroup>
      {plan.boot.kind === 'dataSource' ? (
        <>
          <FormGroup label={t('DataSource')} fieldId="create-vm-datasource" isRequired>
            <FormSelect
              id="create-vm-datasource"
              value={plan.boot.name}
              onChange={(_e, v) =>
                setPlan((p) => ({
                  ...p,
                  boot: {
                    ...(p.boot as { kind: 'dataSource'; namespace: string; name: string }),
                    name: v,
                  },
                }))
              }
              data-test="create-vm-datasource"
            >
              <FormSelectOption
                value=""
                label={
                  dataSources.names.length
                    ? t('Choose a DataSource')
                    : t('No DataSource found in {{source}}', { source: OS_IMAGES_NAMESPACE })
                }
                isPlaceholder
              />
              {dataSources.names.map((n) => (
                <FormSelectOption key={n} value={n} label={`${OS_IMAGES_NAMESPACE}/${n}`} />
              ))}
            </FormSelect>
            <IssueHelp issues={issues('boot.name')} />
          </FormGroup>
          <FormGroup label={t('Disk size')} fieldId="create-vm-storage">
            <TextInput
              id="create-vm-storage"
              value={plan.boot.storage ?? ''}
              placeholder={t('From the source')}
              onChange={(_e, v) =>
                setPlan((p) => ({
                  ...p,
                  boot: {
                    ...(p.boot as { kind: 'dataSource'; namespace: string; name: string }),
                    storage: v || undefined,
                  },
                }))
              }
            />
            <IssueHelp issues={issues('boot.storage')} />
          </FormGroup>
        </>
      ) : (
        <FormGroup label={t('Container disk image')} fieldId="create-vm-image" isRequired>
          <TextInput
            id="create-vm-image"
            value={plan.boot.image}
            onChange={(_e, v) =>
              setPlan((p) => ({ ...p, boot: { kind: 'containerDisk', image: v } }))
            }
            validated={validated('boot.image')}
            data-test="create-vm-image"
          />
          <IssueHelp issues={issues('boot.image')} />
        </FormGroup>
      )}
      <FormGroup label={t('Instance type')} fieldId="create-vm-instancetype">
        <FormSelect
          id="create-vm-instancetype"
          value={plan.compute.kind === 'instancetype' ? plan.compute.instancetype : ''}
          onChange={(_e, v) =>
            setPlan((p) => ({
              ...p,
              compute: v
                ? { kind: 'instancetype', instancetype: v }
                : { kind: 'custom', cpu: 1, memory: '2Gi' },
            }))
          }
          data-test="create-vm-instancetype"
        >
          <FormSelectOption value="" label={t('None: set CPU and memory')} />
          {[
            ...new Set([
              ...instancetypes.names,
              ...(plan.compute.kind === 'instancetype' ? [plan.compute.instancetype] : []),
            ]),
          ].map((n) => (
            <FormSelectOption key={n} value={n} label={n} />
          ))}
        </FormSelect>
        <IssueHelp issues={issues('compute.instancetype')} />
      </FormGroup>
      {plan.compute.kind === 'custom' && (
        <>
          <FormGroup label={t('CPU cores')} fieldId="create-vm-cpu">
            <TextInput
              id="create-vm-cpu"
              type="number"
              value={String(plan.compute.cpu)}
              onChange={(_e, v) =>
                setPlan((p) => ({
                  ...p,
                  compute: {
                    ...(p.compute as { kind: 'custom'; cpu: number; memory: string }),
                    cpu: Number(v),
                  },
                }))
              }
            />
            <IssueHelp issues={issues('compute.cpu')} />
          </FormGroup>
          <FormGroup label={t('Memory')} fieldId="create-vm-memory">
            <TextInput
              id="create-vm-memory"
              value={plan.compute.memory}
              onChange={(_e, v) =>
                setPlan((p) => ({
                  ...p,
                  compute: {
                    ...(p.compute as { kind: 'custom'; cpu: number; memory: string }),
                    memory: v,
                  },
                }))
              }
            />
            <IssueHelp issues={issues('compute.memory')} />
          </FormGroup>
        </>
      )}
      <FormGroup label={t('Preference')} fieldId="create-vm-preference">
        <FormSelect
          id="create-vm-preference"
          value={plan.preference ?? ''}
          onChange={(_e, v) => setPlan((p) => ({ ...p, preference: v }))}
          data-test="create-vm-preference"
        >
          <FormSelectOption value="" label={t('None')} />
          {preferences.names.map((n) => (
            <FormSelectOption key={n} value={n} label={n} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('Run strategy')} fieldId="create-vm-run-strategy">
        <FormSelect
          id="create-vm-run-strategy"
          value={plan.runStrategy}
          onChange={(_e, v) => setPlan((p) => ({ ...p, runStrategy: v as RunStrategy }))}
          data-test="create-vm-run-strategy"
        >
          {RUN_STRATEGIES.map((r) => (
            <FormSelectOption key={r} value={r} label={r} />
          ))}
        </FormSelect>
      </FormGroup>
    </Form>
  );
};
