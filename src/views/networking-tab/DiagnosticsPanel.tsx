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
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { useYaml } from '../shared/useYaml';
import { ObjectLink } from './InterfaceDetails';

const VARIANT = { error: 'danger', warning: 'warning', info: 'info' } as const;

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

const FindingAlert: React.FC<{ finding: Finding }> = ({ finding }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const [showFix, setShowFix] = React.useState(false);
  return (
    <Alert
      isInline
      isExpandable
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
        finding.fix?.yaml ? (
          <AlertActionLink onClick={() => setShowFix((v) => !v)}>
            {showFix ? t('Hide the fix') : t('Show the fix as YAML')}
          </AlertActionLink>
        ) : undefined
      }
    >
      <p>{text(finding.explanation)}</p>
      {finding.fix && <p data-test="diagnostic-fix">{text(finding.fix.message)}</p>}
      {finding.refs.length > 0 && (
        <p>
          {finding.refs.map((r) => (
            <React.Fragment key={`${r.kind}/${r.namespace}/${r.name}`}>
              <ObjectLink ref_={r} />{' '}
            </React.Fragment>
          ))}
        </p>
      )}
      {showFix && finding.fix?.yaml && <FixYaml value={finding.fix.yaml} />}
    </Alert>
  );
};

/** The diagnostics of one VM: each a named rule with its explanation and, where one applies, the fix. */
export const DiagnosticsPanel: React.FC<{ findings: Finding[] }> = ({ findings }) => {
  const { t } = useNetworkingTranslation();
  if (findings.length === 0) {
    return (
      <Alert
        isInline
        isPlain
        variant="success"
        title={t('No networking problems found')}
        data-test="diagnostics-none"
      />
    );
  }
  return (
    <Stack hasGutter data-test="diagnostics">
      {findings.map((f, i) => (
        <StackItem key={`${f.ruleId}-${f.interface ?? ''}-${i}`}>
          <FindingAlert finding={f} />
        </StackItem>
      ))}
    </Stack>
  );
};
