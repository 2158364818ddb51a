/**
 * The networking-first "Create VirtualMachine" page at /vm-networking/ns/<namespace>/new/vm:
 * Basics → Networking → Policies → Review, in a PatternFly Wizard.
 */
import * as React from 'react';
import { PageSection, Title, Wizard, WizardStep } from '@patternfly/react-core';
import { DocumentTitle } from '@openshift-console/dynamic-plugin-sdk';
import { useLocation } from 'react-router-dom-v5-compat';
import { planErrors } from '../../core/create-vm';
import { useNetworkingTranslation } from '../shared/i18n';
import { BasicsStep } from './BasicsStep';
import { NetworkingStep } from './NetworkingStep';
import { PoliciesStep } from './PoliciesStep';
import { ReviewStep } from './ReviewStep';
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

const BASICS_FIELDS = ['name', 'namespace', 'boot.', 'compute.'];

export const CreateVMPage: React.FC = () => {
  const { t } = useNetworkingTranslation();
  const { pathname } = useLocation();
  const state = useCreateVMState(namespaceFromPath(pathname));
  // A step's missing values count as errors once the user has left it, not before.
  const [left, setLeft] = React.useState<Set<string>>(new Set());
  const errors = planErrors(state.planIssues);
  const basicsErrors = errors.filter((e) =>
    BASICS_FIELDS.some((f) => e.field === f || e.field.startsWith(f)),
  );
  const nicErrors = errors.filter((e) => e.field.startsWith('interfaces'));

  return (
    <>
      <DocumentTitle>{t('Create VirtualMachine (networking first)')}</DocumentTitle>
      <PageSection>
        <Title headingLevel="h1" data-test="create-vm-title">
          {t('Create VirtualMachine (networking first)')}
        </Title>
      </PageSection>
      <PageSection isFilled>
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
            <NetworkingStep state={state} showErrors />
          </WizardStep>
          <WizardStep
            id="policies"
            name={t('Policies')}
            status={state.policyIssues.length ? 'error' : 'default'}
          >
            <PoliciesStep state={state} />
          </WizardStep>
          <WizardStep
            id="review"
            name={t('Review and create')}
            footer={{ isNextDisabled: true, nextButtonText: t('Create below') }}
          >
            <ReviewStep state={state} />
          </WizardStep>
        </Wizard>
      </PageSection>
    </>
  );
};

export default CreateVMPage;
