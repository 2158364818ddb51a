/**
 * The before/after connectivity matrix of the drafted policy. Loaded on demand (React.lazy) when
 * the preview step opens: the analysis is the bulk of the wizard's code.
 */
import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import type { K8sObject } from '../../core/k8s/types';
import { PolicyAnalysis } from '../../core/policy/analysis';
import { buildMatrix, outsideBlocksOf } from '../../core/policy/matrix';
import { useNetworkingTranslation } from '../shared/i18n';
import { SelectField } from '../shared/wizard/fields';
import { ConnectivityMatrix } from '../policy/ConnectivityMatrix';

export interface MatrixPreviewProps {
  /** The namespace as it is, without the policy being edited. */
  others: K8sObject[];
  /** The drafted policy. */
  policy: K8sObject;
  namespace: string;
  /** The chosen networks: `namespace/nad` and the analysis network id. */
  networks: { key: string; id: string }[];
}

const MatrixPreview: React.FC<MatrixPreviewProps> = ({ others, policy, namespace, networks }) => {
  const { t } = useNetworkingTranslation();
  const before = React.useMemo(() => new PolicyAnalysis(others), [others]);
  const after = React.useMemo(() => new PolicyAnalysis([...others, policy]), [others, policy]);
  const [chosen, setChosen] = React.useState(networks[0]?.key ?? '');
  const network = networks.find((n) => n.key === chosen) ?? networks[0];
  const matrices = React.useMemo(() => {
    if (!network) return undefined;
    const outside = [
      ...new Set([...outsideBlocksOf(before, network.id), ...outsideBlocksOf(after, network.id)]),
    ];
    return {
      before: buildMatrix(before, { namespace, networkId: network.id, outside }),
      after: buildMatrix(after, { namespace, networkId: network.id, outside }),
    };
  }, [before, after, namespace, network]);
  if (!network || !matrices)
    return (
      <Alert
        variant="info"
        isInline
        isPlain
        title={t('Choose a network the namespace has to preview the policy on.')}
      />
    );
  return (
    <div data-test="mnp-matrix-preview">
      <SelectField
        field="previewNetwork"
        label={t('Network to preview')}
        value={network.key}
        onChange={setChosen}
        errors={[]}
        options={networks.map((n) => ({ value: n.key, label: n.key }))}
      />
      <ConnectivityMatrix
        matrix={matrices.before}
        caption={t('Before: what the namespace allows today on {{network}}', {
          network: network.key,
        })}
        dataTest="mnp-matrix-before"
      />
      <ConnectivityMatrix
        matrix={matrices.after}
        compare={matrices.before}
        caption={t('After: with this policy (changed cells in bold)')}
        dataTest="mnp-matrix-after"
      />
    </div>
  );
};

export default MatrixPreview;
