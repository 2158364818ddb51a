/**
 * The "Review and create" content of every network wizard: the problems left (each a link to its
 * step and field), the server dry run, and the objects in creation order with their progress.
 * Its own chunk: the first screen of a wizard does not show it.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Content,
  Label,
  List,
  ListItem,
  Spinner,
  Title,
  useWizardContext as usePfWizard,
} from '@patternfly/react-core';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { fieldErrorText } from './field-errors';
import { focusField } from './fields';
import { isAlreadyExists, objectLabel } from './k8s';
import { objectKey, type Operation } from './plan';
import type { DryRunResult } from './useDryRun';
import type { OperationProgress } from './useOperations';

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

export interface ReviewStepRef {
  id: string;
  name: string;
}

/** An error of the review list: a link to its step and field. */
const ErrorLink: React.FC<{ error: FieldError; step?: ReviewStepRef }> = ({ error, step }) => {
  const { t } = useNetworkingTranslation();
  const wizard = usePfWizard();
  return (
    <Button
      variant="link"
      isInline
      data-test="review-error-link"
      onClick={() => {
        if (!step) return;
        wizard.goToStepById(step.id);
        setTimeout(() => focusField(error.field), 0);
      }}
    >
      {step ? `${step.name}: ` : ''}
      {fieldErrorText(t, error)}
    </Button>
  );
};

export interface ReviewPaneProps {
  errors: FieldError[];
  /** In the form, errors link to their field; in the YAML view they are text. */
  linkErrors: boolean;
  stepOf: (e: FieldError) => ReviewStepRef | undefined;
  dry: { result?: DryRunResult; checking: boolean };
  /** Dry-run failures that name no field of the form. */
  unmapped: { label: string; message: string }[];
  operations: Operation[];
  progress: Record<string, OperationProgress>;
  failed: boolean;
  running: boolean;
  isEdit: boolean;
}

const ReviewPane: React.FC<ReviewPaneProps> = ({
  errors,
  linkErrors,
  stepOf,
  dry,
  unmapped,
  operations,
  progress,
  failed,
  running,
  isEdit,
}) => {
  const { t } = useNetworkingTranslation();
  return (
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
                {linkErrors ? (
                  <ErrorLink error={e} step={stepOf(e)} />
                ) : (
                  <>
                    {stepOf(e) ? `${stepOf(e)!.name}: ` : ''}
                    {fieldErrorText(t, e)}
                  </>
                )}
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
          {unmapped.map((u, i) => (
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
          const p = progress[key];
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
      {failed && !running && (
        <Content component="p" data-test="retry-hint">
          {t(
            'Nothing you typed is lost. Correct the form if needed, then retry: objects already created are not created again.',
          )}
        </Content>
      )}
    </div>
  );
};

export default ReviewPane;
