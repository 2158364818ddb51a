import * as React from 'react';
import { Alert, CodeBlock, CodeBlockCode, Content, Stack, StackItem } from '@patternfly/react-core';
import type { Diagnostic } from '../../core/policy/diagnostics';
import { useNetworkingTranslation } from '../shared/i18n';
import { useYaml } from '../shared/useYaml';

const severityVariant = { error: 'danger', warning: 'warning', info: 'info' } as const;

/** The fix as something to apply: `oc patch` with the merge patch, or the object to create. */
const FixBody: React.FC<{ diagnostic: Diagnostic }> = ({ diagnostic }) => {
  const { t } = useNetworkingTranslation();
  const { fix } = diagnostic;
  const yaml = useYaml(fix.patch ? fix.patch.body : fix.create);
  const command = fix.patch
    ? `oc patch ${fix.patch.kind.toLowerCase()}.${fix.patch.apiVersion.split('/')[0]} ${fix.patch.name}${
        fix.patch.namespace ? ` -n ${fix.patch.namespace}` : ''
      } --type=merge -p '${JSON.stringify(fix.patch.body)}'`
    : undefined;
  return (
    <>
      <Content component="p">{t(fix.description, fix.params)}</Content>
      {fix.patch && (
        <Content component="p">
          {t('Merge patch for {{kind}} {{name}}:', {
            kind: `${fix.patch.kind}.${fix.patch.apiVersion.split('/')[0]}`,
            name: fix.patch.name,
          })}
        </Content>
      )}
      {fix.create && <Content component="p">{t('Object to create:')}</Content>}
      {yaml !== undefined && (
        <CodeBlock data-test={`policy-fix-yaml-${diagnostic.code}`}>
          <CodeBlockCode>{yaml}</CodeBlockCode>
        </CodeBlock>
      )}
      {command && (
        <CodeBlock data-test={`policy-fix-command-${diagnostic.code}`}>
          <CodeBlockCode>{command}</CodeBlockCode>
        </CodeBlock>
      )}
    </>
  );
};

/** The policy diagnostics that concern one interface, each with its fix. */
export const PolicyDiagnostics: React.FC<{ diagnostics: Diagnostic[] }> = ({ diagnostics }) => {
  const { t } = useNetworkingTranslation();
  if (!diagnostics.length) return null;
  return (
    <Stack hasGutter data-test="policy-diagnostics">
      {diagnostics.map((d, i) => (
        <StackItem key={`${d.code}-${i}`}>
          <Alert
            variant={severityVariant[d.severity]}
            isInline
            title={d.keyed ? t(d.keyed.message, d.keyed.params) : t(d.message)}
            data-test={`policy-diagnostic-${d.code}`}
          >
            <FixBody diagnostic={d} />
          </Alert>
        </StackItem>
      ))}
    </Stack>
  );
};
