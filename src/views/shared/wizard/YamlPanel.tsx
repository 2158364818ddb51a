import * as React from 'react';
import {
  Button,
  CodeBlock,
  CodeBlockAction,
  CodeBlockCode,
  ClipboardCopyButton,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { DownloadIcon } from '@patternfly/react-icons';
import type { K8sObject } from '../../../core/k8s/types';
import { useNetworkingTranslation } from '../i18n';
import { useYamlText } from './useYamlText';

/** The live YAML of what the wizard will create, with copy and download. */
export const YamlPanel: React.FC<{ objects: K8sObject[]; fileName: string }> = ({
  objects,
  fileName,
}) => {
  const { t } = useNetworkingTranslation();
  const text = useYamlText(objects);
  const [copied, setCopied] = React.useState(false);
  const copy = () => {
    if (text === undefined) return;
    void navigator.clipboard?.writeText(text);
    setCopied(true);
  };
  const download = () => {
    if (text === undefined) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const actions = (
    <>
      <CodeBlockAction>
        <ClipboardCopyButton
          id="vm-networking-yaml-copy"
          textId="vm-networking-yaml"
          aria-label={t('Copy YAML')}
          onClick={copy}
          exitDelay={copied ? 1500 : 600}
          onTooltipHidden={() => setCopied(false)}
          variant="plain"
        >
          {copied ? t('Copied') : t('Copy YAML')}
        </ClipboardCopyButton>
      </CodeBlockAction>
      <CodeBlockAction>
        <Button
          variant="plain"
          aria-label={t('Download YAML')}
          icon={<DownloadIcon />}
          onClick={download}
          data-test="yaml-download"
        />
      </CodeBlockAction>
    </>
  );
  return (
    <div className="vm-networking-wizard__yaml">
      <Title headingLevel="h2" size="md">
        {objects.length > 1
          ? t('YAML ({{n}} objects, in creation order)', { n: objects.length })
          : t('YAML')}
      </Title>
      <CodeBlock actions={actions}>
        {text === undefined ? (
          <Spinner size="md" aria-label={t('Loading YAML')} />
        ) : (
          <CodeBlockCode id="vm-networking-yaml" data-test="wizard-yaml">
            {text}
          </CodeBlockCode>
        )}
      </CodeBlock>
    </div>
  );
};
