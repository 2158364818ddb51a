/**
 * The frame every network wizard shares: a PatternFly Wizard on the left with the wizard's own
 * steps and a common "Review and create" step, the live YAML on the right, the server dry run,
 * and creation with progress per object.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Content,
  Form,
  Grid,
  GridItem,
  Label,
  List,
  ListItem,
  PageSection,
  Spinner,
  Title,
  Wizard,
  WizardStep,
} from '@patternfly/react-core';
import { useNavigate } from 'react-router-dom-v5-compat';
import type { K8sObject } from '../../../core/k8s/types';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { errorsFor, fieldErrorText } from './field-errors';
import { isAlreadyExists, objectLabel } from './k8s';
import { objectKey, type Operation } from './plan';
import { dryRunFieldErrors, useDryRun, type CauseMapper } from './useDryRun';
import { useOperations } from './useOperations';
import { YamlPanel } from './YamlPanel';
import { FieldStateProvider, useFieldState, useVisibleErrors } from './fields';
import './wizard.css';

export interface ShellStep {
  id: string;
  name: string;
  /** Fields shown on this step: their errors are counted against it. */
  fields: string[];
  isHidden?: boolean;
  render: (errors: FieldError[]) => React.ReactNode;
}

interface Props {
  title: string;
  alerts?: React.ReactNode;
  steps: ShellStep[];
  objects: K8sObject[];
  operations: Operation[];
  /** Client-side errors from the core. */
  errors: FieldError[];
  mapCause: CauseMapper;
  yamlFileName: string;
  isEdit: boolean;
  /** Where "Cancel" and "Done" go. */
  backTo: string;
  dryRunDelayMs?: number;
  replaceTimeoutMs?: number;
  /**
   * Errors that only say an object exists, for objects this wizard itself created before a later
   * one failed (a namespace it made): they must not block the retry.
   */
  dropOnceCreated?: { kind: string; fields: string[] }[];
}

const statusLabel = (
  t: (k: string) => string,
  kind: Operation['kind'],
  status: string | undefined,
) => {
  if (kind === 'keep') return <Label color="grey">{t('exists, kept')}</Label>;
  switch (status) {
    case 'running':
      return (
        <Label color="blue" icon={<Spinner size="sm" aria-hidden />}>
          {t('in progress')}
        </Label>
      );
    case 'done':
      return <Label color="green">{kind === 'create' ? t('created') : t('saved')}</Label>;
    case 'failed':
      return <Label color="red">{t('failed')}</Label>;
    default:
      return <Label color="grey">{t('pending')}</Label>;
  }
};

const ShellInner: React.FC<Props> = ({
  title,
  alerts,
  steps,
  objects,
  operations,
  errors: allErrors,
  mapCause,
  yamlFileName,
  isEdit,
  backTo,
  dryRunDelayMs,
  replaceTimeoutMs,
  dropOnceCreated = [],
}) => {
  const { t } = useNetworkingTranslation();
  const navigate = useNavigate();
  const ops = useOperations(operations, replaceTimeoutMs);
  const dropped = dropOnceCreated
    .filter((d) => operations.some((o) => o.obj.kind === d.kind && ops.isDone(o.obj)))
    .flatMap((d) => d.fields);
  const errors = dropped.length
    ? allErrors.filter((e) => !errorsFor([e], ...dropped).length)
    : allErrors;
  const pendingOps = React.useMemo(
    () => operations.filter((o) => !ops.isDone(o.obj)),
    // Recomputed when progress changes, which is when `done` grows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [operations, ops.progress],
  );
  const dry = useDryRun(pendingOps, errors.length === 0 && !ops.running, dryRunDelayMs);
  const server = dryRunFieldErrors(dry.result, operations, mapCause);
  // The server's failures from the last Create attempt, mapped back onto fields as well.
  const createFailures = Object.values(ops.progress).filter((p) => p.status === 'failed');
  const createFieldErrors = createFailures.flatMap((p) => {
    const kind = operations.find((o) => objectKey(o.obj) === p.key)?.obj.kind ?? '';
    return (p.error?.causes ?? [])
      .map((c) => ({ field: c.field ? mapCause(kind, c.field) : undefined, message: c.message }))
      .filter((x): x is FieldError => !!x.field && !!x.message);
  });
  const shown = [...errors, ...server.fieldErrors, ...createFieldErrors];
  const fieldState = useFieldState();
  const visibleErrors = useVisibleErrors(errors);
  // Server errors are shown whether or not the field was touched: they answer the person's action.
  const counted = [...visibleErrors, ...server.fieldErrors, ...createFieldErrors];

  const visible = steps.filter((s) => !s.isHidden);
  const stepOf = (e: FieldError) => visible.find((s) => errorsFor([e], ...s.fields).length);

  const canCreate = errors.length === 0 && !ops.running && !ops.allDone;
  const actionText = isEdit ? t('Save') : t('Create');

  const review = (
    <div data-test="wizard-review">
      {errors.length > 0 ? (
        <Alert
          variant="danger"
          isInline
          title={t('Fix these before creating:')}
          data-test="review-errors"
        >
          <List>
            {errors.map((e, i) => (
              <ListItem key={`${e.field}-${i}`}>
                {stepOf(e) ? `${stepOf(e)!.name}: ` : ''}
                {fieldErrorText(t, e)}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert
          variant={dry.result?.failures.length ? 'warning' : 'info'}
          isInline
          isPlain
          title={
            dry.checking
              ? t('Checking with the API server (dry run)…')
              : dry.result
                ? dry.result.failures.length
                  ? t('The API server would refuse this:')
                  : t('The API server accepts every object (dry run).')
                : t('The form finds nothing wrong.')
          }
          data-test="dry-run-status"
        >
          {server.unmapped.map((u, i) => (
            <p key={i}>
              {u.label}: {u.message}
            </p>
          ))}
        </Alert>
      )}
      <Title headingLevel="h3" size="md" className="vm-networking-wizard__progress-title">
        {isEdit ? t('Changes, in order') : t('Objects, in creation order')}
      </Title>
      <List isPlain data-test="create-progress">
        {operations.map((op) => {
          const key = objectKey(op.obj);
          const p = ops.progress[key];
          return (
            <ListItem key={key} data-test={`progress-${op.obj.kind}-${op.obj.metadata?.name}`}>
              <span className="vm-networking-wizard__progress-object">{objectLabel(op.obj)}</span>{' '}
              {op.kind === 'replace' && <Label color="orange">{t('delete and recreate')}</Label>}{' '}
              {statusLabel(t, op.kind, p?.status)}
              {p?.status === 'failed' && p.error && (
                <Alert
                  variant="danger"
                  isInline
                  isPlain
                  title={
                    isAlreadyExists(p.error)
                      ? t(
                          '{{object}} already exists. Choose another name, or edit the existing one.',
                          {
                            object: objectLabel(op.obj),
                          },
                        )
                      : t('The API server refused it ({{code}}):', { code: p.error.code ?? '?' })
                  }
                  data-test="create-error"
                >
                  {p.error.message}
                </Alert>
              )}
            </ListItem>
          );
        })}
      </List>
      {ops.failed && !ops.running && (
        <Content component="p" data-test="retry-hint">
          {t(
            'Nothing you typed is lost. Correct the form if needed, then retry: objects already created are not created again.',
          )}
        </Content>
      )}
      {ops.allDone && (
        <Alert
          variant="success"
          isInline
          title={isEdit ? t('Saved.') : t('Created.')}
          data-test="create-done"
        >
          <Button variant="link" isInline onClick={() => navigate(backTo)}>
            {t('Back to VM networks')}
          </Button>
        </Alert>
      )}
    </div>
  );

  return (
    <PageSection className="vm-networking-wizard">
      <Title headingLevel="h1">{title}</Title>
      {alerts}
      <Grid hasGutter className="vm-networking-wizard__grid">
        <GridItem md={7}>
          <Wizard
            onClose={() => navigate(backTo)}
            onSave={() => void (canCreate || ops.failed ? ops.start() : undefined)}
            navAriaLabel={t('Wizard steps')}
            isVisitRequired={false}
            onStepChange={(_e, step) => {
              if (step.id === 'review') fieldState?.setShowAll(true);
            }}
          >
            {steps.map((s) => {
              const count = counted.filter((e) => errorsFor([e], ...s.fields).length).length;
              return (
                <WizardStep
                  key={s.id}
                  id={s.id}
                  name={count ? `${s.name} (${count})` : s.name}
                  isHidden={s.isHidden}
                >
                  <Form onSubmit={(e) => e.preventDefault()}>{s.render(shown)}</Form>
                </WizardStep>
              );
            })}
            <WizardStep
              id="review"
              name={t('Review and create')}
              footer={{
                nextButtonText: ops.failed ? t('Retry failed') : actionText,
                isNextDisabled: !(canCreate || (ops.failed && !ops.running && errors.length === 0)),
              }}
            >
              {review}
            </WizardStep>
          </Wizard>
        </GridItem>
        <GridItem md={5}>
          <YamlPanel objects={objects} fileName={yamlFileName} />
        </GridItem>
      </Grid>
    </PageSection>
  );
};

export const WizardShell: React.FC<Props> = (props) => (
  <FieldStateProvider>
    <ShellInner {...props} />
  </FieldStateProvider>
);
