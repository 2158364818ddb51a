/**
 * The frame every network wizard shares: a title with breadcrumbs, a Form/YAML switch, a
 * PatternFly Wizard with the wizard's own steps and a common "Review and create" step, a sticky
 * footer whose Next checks the step it leaves, the server dry run, creation with progress per
 * object, and, once everything is created, a page that shows only what was created.
 */
import * as React from 'react';
import {
  ActionGroup,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Form,
  PageSection,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Wizard,
  WizardFooterWrapper,
  WizardStep,
} from '@patternfly/react-core';
import { DocumentTitle } from '@openshift-console/dynamic-plugin-sdk';
import { Link, useNavigate } from 'react-router-dom-v5-compat';
import { yamlUnreadable } from '../../../core/generators/yaml-edit';
import { sameJson } from '../../../core/k8s/json-patch';
import type { K8sObject } from '../../../core/k8s/types';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { errorsFor } from './field-errors';
import { objectKey, type Operation } from './plan';
import { dryRunFieldErrors, useDryRun, type CauseMapper } from './useDryRun';
import { useOperations } from './useOperations';
import { objectsToYaml, parseYamlDocuments, useYamlLib } from './useYamlText';
import { FieldStateProvider, focusField, useFieldState, useVisibleErrors } from './fields';
import { lazyPart } from './lazy-part';
import './wizard.css';

// What the first screen does not show comes in its own chunks, on demand.
const ReviewPane = lazyPart(() => import(/* webpackChunkName: "wizard-review" */ './ReviewPane'));
const YamlEditorPane = lazyPart(() =>
  import(/* webpackChunkName: "wizard-yaml" */ './YamlPanel').then((m) => ({
    default: m.YamlEditorPane,
  })),
);
const CreatedObjects = lazyPart(() =>
  import(/* webpackChunkName: "wizard-created" */ './CreatedObjects').then((m) => ({
    default: m.CreatedObjects,
  })),
);

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
  /**
   * Reads an edited YAML back into the form. Returns the problems that stop it (they block
   * Create, like the form's own); without it the YAML is read-only.
   */
  onYamlEdit?: (objects: K8sObject[]) => FieldError[];
  /** Told which objects this run created, so validation does not hold them against the form. */
  onCreatedChange?: (created: K8sObject[]) => void;
  /** Breadcrumb parent: label of `backTo`. */
  backToLabel?: string;
}

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
  backToLabel,
  dryRunDelayMs,
  replaceTimeoutMs,
  dropOnceCreated = [],
  onYamlEdit,
  onCreatedChange,
}) => {
  const { t } = useNetworkingTranslation();
  const navigate = useNavigate();
  const ops = useOperations(operations, replaceTimeoutMs);
  const [view, setView] = React.useState<'form' | 'yaml'>('form');

  // The YAML view: after an edit its text is the person's, as long as the form holds what that
  // text stands for; a later change in the form wins and the YAML follows the form again.
  const lib = useYamlLib();
  const yamlEdit = React.useRef<{ text: string; objects?: K8sObject[] }>();
  const [yamlErrors, setYamlErrors] = React.useState<FieldError[]>([]);
  const [, rerender] = React.useState(0);
  const generated = React.useMemo(
    () => (lib ? objectsToYaml(lib, objects) : undefined),
    [lib, objects],
  );
  // The first render after an edit: the objects now held are what the edited text stands for.
  if (yamlEdit.current && !yamlEdit.current.objects) yamlEdit.current.objects = objects;
  const followsEdit = !!yamlEdit.current && sameJson(yamlEdit.current.objects, objects);
  const yamlText = followsEdit ? yamlEdit.current!.text : generated;
  React.useEffect(() => {
    if (!followsEdit && yamlEdit.current) {
      yamlEdit.current = undefined;
      setYamlErrors([]);
    }
  }, [followsEdit]);
  const editYaml = (text: string) => {
    if (!lib || !onYamlEdit) return;
    const parsed = parseYamlDocuments(lib, text);
    const problems: FieldError[] =
      'error' in parsed ? [yamlUnreadable(parsed.error)] : onYamlEdit(parsed.objects);
    yamlEdit.current = { text };
    setYamlErrors(problems);
    rerender((n) => n + 1);
  };

  const dropped = dropOnceCreated
    .filter((d) => operations.some((o) => o.obj.kind === d.kind && ops.isDone(o.obj)))
    .flatMap((d) => d.fields);
  const formErrors = dropped.length
    ? allErrors.filter((e) => !errorsFor([e], ...dropped).length)
    : allErrors;
  const errors = [...yamlErrors, ...formErrors];

  const createdKey = operations
    .filter((o) => o.kind !== 'keep' && ops.isDone(o.obj))
    .map((o) => objectKey(o.obj))
    .join('|');
  React.useEffect(() => {
    onCreatedChange?.(
      operations.filter((o) => o.kind !== 'keep' && ops.isDone(o.obj)).map((o) => o.obj),
    );
    // Told when the set of created objects changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [createdKey]);

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
  const canRetry = ops.failed && !ops.running && errors.length === 0;
  const actionText = isEdit ? t('Save') : t('Create');
  const create = () => void (canCreate || canRetry ? ops.start(dry.stop) : undefined);

  const reviewProps = {
    errors,
    stepOf,
    dry,
    unmapped: server.unmapped,
    operations,
    progress: ops.progress,
    failed: ops.failed,
    running: ops.running,
    isEdit,
  };

  // Next checks the step it leaves: its errors show on its fields, and it stays.
  type Nav = (e: React.MouseEvent<HTMLButtonElement>) => void | Promise<void>;
  const footer = (activeStep: { id: string | number; index: number }, next: Nav, back: Nav) => {
    const isReview = activeStep.id === 'review';
    const onNext = (ev: React.MouseEvent<HTMLButtonElement>) => {
      if (isReview) return create();
      const step = visible.find((s) => s.id === activeStep.id);
      if (step) {
        fieldState?.touchAll(step.fields);
        const stepErrors = errors.filter((e) => errorsFor([e], ...step.fields).length);
        if (stepErrors.length) {
          setTimeout(() => focusField(stepErrors[0].field), 0);
          return undefined;
        }
      }
      return void next(ev);
    };
    return (
      <WizardFooterWrapper className="vm-networking-wizard__footer">
        <Button
          variant="primary"
          onClick={onNext}
          isDisabled={isReview && !(canCreate || canRetry)}
          data-test="wizard-next"
        >
          {isReview ? (ops.failed ? t('Retry failed') : actionText) : t('Next')}
        </Button>
        <Button variant="secondary" onClick={back} isDisabled={activeStep.index === 1}>
          {t('Back')}
        </Button>
        <Button variant="link" onClick={() => navigate(backTo)}>
          {t('Cancel')}
        </Button>
      </WizardFooterWrapper>
    );
  };

  const done = ops.allDone && !ops.running;

  return (
    <PageSection className="vm-networking-wizard">
      <DocumentTitle>{title}</DocumentTitle>
      <Breadcrumb className="vm-networking-wizard__breadcrumb">
        <BreadcrumbItem>
          <Link to={backTo}>
            {backToLabel ?? (backTo.startsWith('/vm-networking') ? t('VM networks') : t('List'))}
          </Link>
        </BreadcrumbItem>
        <BreadcrumbItem isActive>{title}</BreadcrumbItem>
      </Breadcrumb>
      <div className="vm-networking-wizard__header">
        <Title headingLevel="h1">{title}</Title>
        {!done && (
          <ToggleGroup aria-label={t('Edit with')}>
            <ToggleGroupItem
              text={t('Form')}
              buttonId="vm-networking-view-form"
              isSelected={view === 'form'}
              onChange={() => setView('form')}
            />
            <ToggleGroupItem
              text={t('YAML')}
              buttonId="vm-networking-view-yaml"
              isSelected={view === 'yaml'}
              onChange={() => setView('yaml')}
            />
          </ToggleGroup>
        )}
      </div>
      {done ? (
        <CreatedObjects operations={operations} isEdit={isEdit} backTo={backTo} />
      ) : (
        <>
          {alerts}
          <div hidden={view !== 'form'} className="vm-networking-wizard__body">
            <Wizard
              onClose={() => navigate(backTo)}
              navAriaLabel={t('Wizard steps')}
              isVisitRequired={false}
              footer={footer}
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
                    <Form
                      onSubmit={(e) => e.preventDefault()}
                      className="vm-networking-wizard__form"
                    >
                      {s.render(shown)}
                    </Form>
                  </WizardStep>
                );
              })}
              <WizardStep id="review" name={t('Review and create')}>
                <ReviewPane {...reviewProps} linkErrors={view === 'form'} />
              </WizardStep>
            </Wizard>
          </div>
          {view === 'yaml' && (
            <div className="vm-networking-wizard__body">
              <YamlEditorPane
                text={yamlText}
                onChange={onYamlEdit ? editYaml : undefined}
                fileName={yamlFileName}
                problemCount={errors.length}
                objectCount={objects.length}
              />
              <ReviewPane {...reviewProps} linkErrors={false} />
              <ActionGroup className="vm-networking-wizard__footer">
                <Button
                  variant="primary"
                  onClick={create}
                  isDisabled={!(canCreate || canRetry)}
                  data-test="yaml-create"
                >
                  {ops.failed ? t('Retry failed') : actionText}
                </Button>
                <Button variant="link" onClick={() => navigate(backTo)}>
                  {t('Cancel')}
                </Button>
              </ActionGroup>
            </div>
          )}
        </>
      )}
    </PageSection>
  );
};

export const WizardShell: React.FC<Props> = (props) => (
  <FieldStateProvider>
    <ShellInner {...props} />
  </FieldStateProvider>
);
