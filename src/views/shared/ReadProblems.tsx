/**
 * One inline warning per list the page could not read (RBAC, a missing API), naming the kind and
 * namespace: the list pages show what they have and say what they lack, never an empty "nothing here".
 */
import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import { useNetworkingTranslation } from './i18n';
import { messageOf } from './k8s-errors';

export interface ReadProblem {
  kind: string;
  namespace?: string;
  error: unknown;
}

export const ReadProblems: React.FC<{ problems: ReadProblem[]; dataTest: string }> = ({
  problems,
  dataTest,
}) => {
  const { t } = useNetworkingTranslation();
  return (
    <>
      {problems.map((p) => (
        <Alert
          key={`${p.kind}/${p.namespace ?? ''}`}
          isInline
          variant="warning"
          title={
            p.namespace
              ? t('{{kind}} in {{namespace}} could not be read: {{error}}', {
                  kind: p.kind,
                  namespace: p.namespace,
                  error: messageOf(p.error),
                })
              : t('{{kind}} could not be read: {{error}}', {
                  kind: p.kind,
                  error: messageOf(p.error),
                })
          }
          data-test={dataTest}
        />
      ))}
    </>
  );
};
