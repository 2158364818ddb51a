import * as React from 'react';
import {
  Alert,
  AlertActionLink,
  ClipboardCopy,
  ClipboardCopyVariant,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import type { Finding } from '../../core/diagnostics/types';
import type { NetworkingModel } from '../../core/model/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { useYaml } from '../shared/useYaml';
import { ObjectLink } from './InterfaceDetails';
import { RawFact } from './RawFact';
import { SectionErrorBoundary } from '../shared/ErrorBoundary';
import type { PolicyFindingsState } from '../policy/VmPolicyFindings';

const VARIANT = { error: 'danger', warning: 'warning', info: 'info' } as const;

// The policy analysis lives in the Policies sections' chunk; the summary loads it after the rows.
const VmPolicyFindings = React.lazy(
  () => import(/* webpackChunkName: "interface-policies" */ '../policy/VmPolicyFindings'),
);

const FixYaml: React.FC<{ value: Record<string, unknown> }> = ({ value }) => {
  const { t } = useNetworkingTranslation();
  const yaml = useYaml(value);
  if (!yaml) return null;
  return (
    <ClipboardCopy
      isCode
      isReadOnly
      isExpanded
      variant={ClipboardCopyVariant.expansion}
      hoverTip={t('Copy')}
      clickTip={t('Copied')}
      data-test="diagnostic-fix-yaml"
    >
      {yaml}
    </ClipboardCopy>
  );
};

/** One finding: what is wrong and why; "Show the fix" opens the fix (and its YAML) in one click. */
const FindingAlert: React.FC<{ finding: Finding }> = ({ finding }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const [showFix, setShowFix] = React.useState(false);
  return (
    <Alert
      isInline
      variant={VARIANT[finding.severity]}
      title={
        finding.interface
          ? t('{{interface}}: {{message}}', {
              interface: finding.interface,
              message: text(finding.message),
            })
          : text(finding.message)
      }
      data-test={`diagnostic-${finding.ruleId}`}
      actionLinks={
        finding.fix ? (
          <AlertActionLink onClick={() => setShowFix((v) => !v)} data-test="diagnostic-show-fix">
            {finding.fix.kind === 'check'
              ? showFix
                ? t('Hide how to check')
                : t('Show how to check')
              : showFix
                ? t('Hide the fix')
                : t('Show the fix')}
          </AlertActionLink>
        ) : undefined
      }
    >
      <p>{text(finding.explanation)}</p>
      {finding.refs.length > 0 && (
        <p>
          {finding.refs.map((r) => (
            <React.Fragment key={`${r.kind}/${r.namespace}/${r.name}`}>
              <ObjectLink ref_={r} />{' '}
            </React.Fragment>
          ))}
        </p>
      )}
      {finding.raw !== undefined && (
        <RawFact title={t('the bad value')} value={finding.raw} dataTest="diagnostic-raw" />
      )}
      {showFix && finding.fix && (
        <>
          <p data-test="diagnostic-fix">{text(finding.fix.message)}</p>
          {finding.fix.yaml && <FixYaml value={finding.fix.yaml} />}
        </>
      )}
    </Alert>
  );
};

/**
 * True once the panel's first render has been painted: the policy check (its chunk, watches and
 * analysis) starts after the rows are on screen, never competing with them.
 */
const useAfterPaint = (): boolean => {
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, []);
  return painted;
};

/**
 * The one diagnostics summary of the VM: every rule's findings, the rows' included, and whether
 * the check saw all its inputs. With unreadable inputs it never says "No networking problems found".
 */
export const DiagnosticsPanel: React.FC<{
  findings: Finding[];
  model?: NetworkingModel;
  /** Include the policy analysis' findings (the Networking tab; tests of the rules alone omit it). */
  withPolicies?: boolean;
}> = ({ findings: modelFindings, model, withPolicies }) => {
  const { t } = useNetworkingTranslation();
  const [policy, setPolicy] = React.useState<PolicyFindingsState>({
    loaded: false,
    findings: [],
    unreadable: [],
  });
  const afterPaint = useAfterPaint();
  // A draft VM (not created yet) has no launcher pod for a policy to select.
  const checkPolicies =
    !!withPolicies && !!model && model.state !== 'draft' && model.interfaces.length > 0;
  const findings = checkPolicies ? [...modelFindings, ...policy.findings] : modelFindings;
  const unread = [
    ...(model?.problems ?? []).map((p) => p.resource),
    ...(checkPolicies ? policy.unreadable : []),
  ];
  const partial = unread.length > 0 ? [...new Set(unread)].join(', ') : undefined;
  const policiesPending = checkPolicies && !policy.loaded;
  const counts = {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
  const interfaces = new Set(findings.map((f) => f.interface).filter(Boolean)).size;
  let summary: React.ReactNode;
  if (findings.length === 0 && !partial && policiesPending) {
    summary = (
      <Alert
        isInline
        isPlain
        variant="info"
        title={t('No networking problems found so far; checking the policies…')}
        data-test="diagnostics-pending"
      />
    );
  } else if (findings.length === 0 && !partial) {
    summary = (
      <Alert
        isInline
        isPlain
        variant="success"
        title={t('No networking problems found')}
        data-test="diagnostics-none"
      />
    );
  } else {
    const title =
      findings.length === 0
        ? t('No problems found in what could be read')
        : t(
            // Counts as label and value: "1 warnings" read wrong, and one sentence cannot agree with four counts.
            'Errors: {{errors}} · warnings: {{warnings}} · notes: {{infos}} — interfaces concerned: {{interfaces}}',
            {
              errors: counts.error,
              warnings: counts.warning,
              infos: counts.info,
              interfaces,
            },
          );
    summary = (
      <Alert
        isInline
        isPlain
        variant={counts.error ? 'danger' : counts.warning || partial ? 'warning' : 'info'}
        title={title}
        data-test="diagnostics-summary"
      >
        {policiesPending && <p>{t('Checking the policies…')}</p>}
        {partial && (
          <p data-test="diagnostics-partial">
            {t('Checked with partial data: {{resources}} could not be read.', {
              resources: partial,
            })}
          </p>
        )}
      </Alert>
    );
  }
  return (
    <Stack hasGutter data-test="diagnostics">
      {checkPolicies && afterPaint && (
        <SectionErrorBoundary
          title={t('Policies')}
          raw={{ namespace: model!.namespace, vm: model!.vmName }}
          texts={{ failed: t('Could not show'), rawData: t('Raw data') }}
          // The summary then says the check was partial instead of waiting for it forever.
          onError={() =>
            setPolicy({ loaded: true, findings: [], unreadable: [t('the policy analysis')] })
          }
        >
          <React.Suspense fallback={null}>
            <VmPolicyFindings
              namespace={model!.namespace}
              vmName={model!.vmName}
              rows={model!.interfaces}
              onChange={setPolicy}
            />
          </React.Suspense>
        </SectionErrorBoundary>
      )}
      <StackItem>{summary}</StackItem>
      {findings.map((f, i) => (
        <StackItem key={`${f.ruleId}-${f.interface ?? ''}-${i}`}>
          <FindingAlert finding={f} />
        </StackItem>
      ))}
    </Stack>
  );
};
