/**
 * The networking-first "Create VirtualMachine" page at /vm-networking/ns/<namespace>/new/vm:
 * Basics → Networking → Policies → Review, in a PatternFly Wizard whose footer holds the one
 * Create button. After a successful create the page shows what was created, nothing else.
 */
import * as React from 'react';
import {
  Breadcrumb,
  BreadcrumbItem,
  PageSection,
  Spinner,
  Title,
  Wizard,
  WizardStep,
} from '@patternfly/react-core';
import { DocumentTitle } from '@openshift-console/dynamic-plugin-sdk';
import { Link, useLocation } from 'react-router-dom-v5-compat';
import { planErrors } from '../../core/create-vm';
import { useNetworkingTranslation } from '../shared/i18n';
import { BasicsStep } from './BasicsStep';
import { CreatedSummary, vmListUrl } from './CreatedSummary';
import { NetworkingStep } from './NetworkingStep';
import { useCreateVMState } from './useCreateVMState';

/** Read from the location, not router params: console (v6 routes) and other hosts agree on paths. */
export const namespaceFromPath = (pathname: string): string => {
  // /vm-networking/ns/<ns>/new/vm, or /vm-networking/new/vm/ns/<ns> (a namespaced nav item).
  const m =
    /\/vm-networking\/ns\/([^/]+)\/new\/vm\/?$/.exec(pathname) ??
    /\/vm-networking\/new\/vm\/ns\/([^/]+)\/?$/.exec(pathname);
  const ns = m ? decodeURIComponent(m[1]) : '';
  return ns && ns !== '#ALL_NS#' ? ns : 'default';
};

// Loaded when their step opens: the policy form and the YAML review (model, diagnostics, yaml).
const PoliciesStep = React.lazy(
  () => import(/* webpackChunkName: "create-vm-policies" */ './PoliciesStep'),
);
const ReviewStep = React.lazy(
  () => import(/* webpackChunkName: "create-vm-review" */ './ReviewStep'),
);

const BASICS_FIELDS = ['name', 'namespace', 'boot.', 'compute.'];

export const CreateVMPage: React.FC = () => {
  const { t } = useNetworkingTranslation();
  const { pathname } = useLocation();
  const state = useCreateVMState(namespaceFromPath(pathname));
  const { creation } = state;
  // A step's missing values count as errors once the user has left it, not before.
  const [left, setLeft] = React.useState<Set<string>>(new Set());
  const errors = planErrors(state.planIssues);
  const basicsErrors = errors.filter((e) =>
    BASICS_FIELDS.some((f) => e.field === f || e.field.startsWith(f)),
  );
  const nicErrors = errors.filter((e) => e.field.startsWith('interfaces'));
  const blocking =
    errors.length + state.policyIssues.length > 0 || state.reviewBlocked || state.policiesLoading;
  const title = t('Create VirtualMachine (networking first)');

  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <PageSection>
        <Breadcrumb data-test="create-vm-breadcrumb">
          <BreadcrumbItem
            render={() => <Link to={vmListUrl(state.plan.namespace)}>{t('VirtualMachines')}</Link>}
          />
          <BreadcrumbItem isActive>{title}</BreadcrumbItem>
        </Breadcrumb>
        <Title headingLevel="h1" data-test="create-vm-title">
          {title}
        </Title>
      </PageSection>
      <PageSection isFilled>
        {creation.allDone ? (
          <CreatedSummary objects={state.objects} vmName={state.plan.name} />
        ) : (
          <Wizard
            height="100%"
            data-test="create-vm-wizard"
            onStepChange={(_e, _current, previous) =>
              setLeft((l) => new Set([...l, String(previous.id)]))
            }
          >
            <WizardStep
              id="basics"
              name={t('Basics')}
              status={left.has('basics') && basicsErrors.length ? 'error' : 'default'}
            >
              <BasicsStep state={state} showErrors={left.has('basics')} />
            </WizardStep>
            <WizardStep
              id="networking"
              name={t('Networking')}
              status={nicErrors.length ? 'error' : 'default'}
            >
              <NetworkingStep state={state} showErrors={left.has('networking')} />
            </WizardStep>
            <WizardStep
              id="policies"
              name={t('Policies')}
              status={state.policyIssues.length ? 'error' : 'default'}
            >
              <React.Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
                <PoliciesStep state={state} />
              </React.Suspense>
            </WizardStep>
            <WizardStep
              id="review"
              name={t('Review and create')}
              footer={{
                nextButtonText: creation.failed ? t('Retry the failed ones') : t('Create'),
                onNext: () => void creation.start(),
                isNextDisabled: blocking || creation.running,
                nextButtonProps: {
                  isLoading: creation.running,
                  ...({ 'data-test': 'create-vm-submit' } as object),
                },
              }}
            >
              <React.Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
                <ReviewStep state={state} />
              </React.Suspense>
            </WizardStep>
          </Wizard>
        )}
      </PageSection>
    </>
  );
};

export default CreateVMPage;
