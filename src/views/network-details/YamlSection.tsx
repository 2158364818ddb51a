/**
 * The network's YAML, read-only, loaded when asked for. Until the host provides the SDK's
 * ResourceYAMLEditor (the wizards engineer's preview/sdk/yaml-editor.tsx), edits go through the
 * wizards; this shows the object as the API returned it.
 */
import * as React from 'react';
import { CodeBlock, CodeBlockCode, Spinner } from '@patternfly/react-core';
import type { K8sObject } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useYaml } from '../shared/useYaml';

const YamlSection: React.FC<{ object: K8sObject }> = ({ object }) => {
  const { t } = useNetworkingTranslation();
  const yaml = useYaml(object);
  return yaml === undefined ? (
    <Spinner size="md" aria-label={t('Loading')} />
  ) : (
    <CodeBlock data-test="network-yaml">
      <CodeBlockCode>{yaml}</CodeBlockCode>
    </CodeBlock>
  );
};

export default YamlSection;
