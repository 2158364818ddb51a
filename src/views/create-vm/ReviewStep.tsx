/**
 * Step 4: every object as YAML, editable and checked again, then Create in order (namespace,
 * networks, NNCP, VM, policies) with progress per object, the server's messages, and a retry that
 * repeats only what failed.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  ExpandableSection,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  List,
  ListItem,
  Spinner,
  Stack,
  StackItem,
  TextArea,
  useWizardContext,
} from '@patternfly/react-core';
import { objectKey, planErrors, planModelInput } from '../../core/create-vm';
import { runDiagnostics } from '../../core/diagnostics';
import type { K8sObject, VirtualMachine } from '../../core/k8s/types';
import { buildNetworkingModel } from '../../core/model/interface-model';
import { parseBackMNP, validateMNPForm } from '../../core/mnp';
import { formatFieldError } from '../../core/validation/format';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import type { CreateVMState } from './useCreateVMState';
import { objectKey as operationKey } from '../shared/wizard/plan';
import type { FieldError } from '../../core/validation/types';
import { fieldTarget, type CreateVMStepId } from './field-target';

type YamlLib = typeof import('yaml');

const useYamlLib = (): YamlLib | undefined => {
  const [lib, setLib] = React.useState<YamlLib>();
  React.useEffect(() => {
    void import(/* webpackChunkName: "yaml" */ 'yaml').then(setLib);
  }, []);
  return lib;
};

/**
 * Focuses the control once its step has rendered it (the wizard draws only the active step);
 * focusing scrolls it into view.
 */
const focusWhenShown = (elementId: string, framesLeft = 10) =>
  requestAnimationFrame(() => {
    const el = document.getElementById(elementId);
    if (el) el.focus();
    else if (framesLeft > 0) focusWhenShown(elementId, framesLeft - 1);
  });

/** One blocking problem: where it is, what is wrong, and a link to the step (and field) to fix it. */
const BlockingProblem: React.FC<{ issue: FieldError; state: CreateVMState }> = ({
  issue,
  state,
}) => {
  const { t } = useNetworkingTranslation();
  const { goToStepById } = useWizardContext();
  const target = fieldTarget(issue.field);
  const stepName: Record<CreateVMStepId, string> = {
    basics: t('Basics'),
    networking: t('Networking'),
    policies: t('Policies'),
  };
  let where: string | undefined;
  if (target?.interfaceIndex !== undefined)
    where = t('Interface {{name}}', {
      name: state.plan.interfaces[target.interfaceIndex]?.name || '—',
    });
  else if (target?.policyInterface)
    where = t('Policy of interface {{name}}', { name: target.policyInterface });
  const message = formatFieldError(t as never, issue);
  return (
    <>
      {where ? t('{{interface}}: {{message}}', { interface: where, message }) : message}
      {target && (
        <>
          {' '}
          <Button
            variant="link"
            isInline
            onClick={() => {
              goToStepById(target.step);
              if (target.elementId) focusWhenShown(target.elementId);
            }}
            data-test={`review-go-to-${target.step}`}
          >
            {t('Go to {{step}}', { step: stepName[target.step] })}
          </Button>
        </>
      )}
    </>
  );
};

const label = (o: K8sObject) =>
  `${o.kind} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? ''}`;

export const ReviewStep: React.FC<{ state: CreateVMState }> = ({ state }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const yaml = useYamlLib();
  const { objects, edits, setEdits } = state;
  const [drafts, setDrafts] = React.useState<Record<string, string>>({});
  const [parseErrors, setParseErrors] = React.useState<Record<string, string>>({});
  const { creation } = state;
  const progressOf = (o: K8sObject) => creation.progress[operationKey(o)];

  const onEdit = (o: K8sObject, value: string) => {
    const key = objectKey(o);
    setDrafts((d) => ({ ...d, [key]: value }));
    if (!yaml) return;
    try {
      const parsed = yaml.parse(value) as K8sObject;
      if (!parsed || typeof parsed !== 'object') throw new Error(t('Not a YAML object'));
      if (parsed.kind !== o.kind || parsed.metadata?.name !== o.metadata?.name) {
        throw new Error(
          t('Kind and name must stay {{kind}} {{name}}.', { kind: o.kind, name: o.metadata?.name }),
        );
      }
      setEdits((e) => ({ ...e, [key]: parsed }));
      setParseErrors(({ [key]: _gone, ...rest }) => rest);
    } catch (e) {
      setParseErrors((p) => ({ ...p, [key]: (e as Error).message }));
    }
  };

  /** Checks an edited object again with the same core the form uses. */
  const recheck = (o: K8sObject): string[] => {
    if (o.kind === 'MultiNetworkPolicy') {
      return validateMNPForm(parseBackMNP(o).state).map((e) => formatFieldError(t as never, e));
    }
    if (o.kind === 'VirtualMachine') {
      const model = buildNetworkingModel({
        ...planModelInput(state.plan, state.data.input, state.planned),
        vm: {
          ...(o as VirtualMachine),
          metadata: { ...o.metadata, uid: undefined, resourceVersion: undefined },
        },
      });
      return runDiagnostics(model)
        .filter((f) => f.severity === 'error' || f.severity === 'warning')
        .map((f) => (f.interface ? `${f.interface}: ${text(f.message)}` : text(f.message)));
    }
    return [];
  };

  const blocking =
    planErrors(state.planIssues).length +
    state.policyIssues.length +
    Object.keys(parseErrors).length;
  // The page's one Create button (the wizard footer) waits for the YAML edits to parse.
  const { setReviewBlocked } = state;
  const yamlBlocked = Object.keys(parseErrors).length > 0 || !yaml;
  React.useEffect(() => setReviewBlocked(yamlBlocked), [yamlBlocked, setReviewBlocked]);
  const statusLabel = (o: K8sObject) => {
    const p = progressOf(o);
    if (!p) return null;
    switch (p.status) {
      case 'running':
        return (
          <Label color="blue" icon={<Spinner size="sm" aria-hidden />}>
            {t('Creating')}
          </Label>
        );
      case 'done':
        return <Label color="green">{t('Created')}</Label>;
      case 'failed':
        return <Label color="red">{t('Failed')}</Label>;
      default:
        return <Label color="grey">{t('Waiting')}</Label>;
    }
  };

  return (
    <Stack hasGutter data-test="create-vm-review">
      {blocking > 0 && (
        <StackItem>
          <Alert
            isInline
            variant="danger"
            title={t('Fix the problems marked in the earlier steps before creating')}
            data-test="review-blocking"
          >
            <List>
              {[...planErrors(state.planIssues), ...state.policyIssues].map((e, i) => (
                <ListItem key={i} data-test="review-blocking-problem">
                  <BlockingProblem issue={e} state={state} />
                </ListItem>
              ))}
              {Object.entries(parseErrors).map(([k, m]) => (
                <ListItem key={k}>
                  {k}: {m}
                </ListItem>
              ))}
            </List>
          </Alert>
        </StackItem>
      )}
      {objects.map((o) => {
        const key = objectKey(o);
        const value = drafts[key] ?? (yaml ? yaml.stringify(o, { lineWidth: 0 }) : '');
        const findings = recheck(o);
        const progress = progressOf(o);
        const testId = `review-${o.kind}-${o.metadata?.name}`;
        return (
          <StackItem key={key} data-test={testId}>
            <ExpandableSection
              toggleContent={
                <>
                  {label(o)} {statusLabel(o)}{' '}
                  {edits[key] && <Label color="orange">{t('edited')}</Label>}
                </>
              }
              data-test={`${testId}-toggle`}
            >
              <FormGroup
                label={t('YAML of {{object}}', { object: label(o) })}
                fieldId={`${testId}-yaml`}
              >
                <TextArea
                  id={`${testId}-yaml`}
                  value={value}
                  onChange={(_e, v) => onEdit(o, v)}
                  rows={Math.min(30, value.split('\n').length + 1)}
                  resizeOrientation="vertical"
                  validated={parseErrors[key] ? 'error' : 'default'}
                  data-test={`${testId}-yaml`}
                  isDisabled={creation.isDone(o)}
                />
                {(parseErrors[key] || findings.length > 0) && (
                  <FormHelperText>
                    <HelperText>
                      {parseErrors[key] && (
                        <HelperTextItem variant="error">{parseErrors[key]}</HelperTextItem>
                      )}
                      {findings.map((f, k) => (
                        <HelperTextItem key={k} variant="warning">
                          {f}
                        </HelperTextItem>
                      ))}
                    </HelperText>
                  </FormHelperText>
                )}
              </FormGroup>
            </ExpandableSection>
            {progress?.status === 'failed' && (
              <Alert
                isInline
                variant="danger"
                title={t('{{object}} was not created', { object: label(o) })}
                data-test={`${testId}-error`}
              >
                {progress.error?.message}
                {progress.error && progress.error.causes.length > 0 && (
                  <List>
                    {progress.error.causes.map((c, k) => (
                      <ListItem key={k}>
                        {c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')}
                      </ListItem>
                    ))}
                  </List>
                )}
              </Alert>
            )}
          </StackItem>
        );
      })}
    </Stack>
  );
};

export default ReviewStep;
