import * as React from 'react';
import { Alert, Button, Flex, Spinner, Title } from '@patternfly/react-core';
import { CopyIcon, DownloadIcon } from '@patternfly/react-icons';
import { CodeEditor } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sObject } from '../../../core/k8s/types';
import { useNetworkingTranslation } from '../i18n';
import { useYamlText } from './useYamlText';

/**
 * The YAML of what the wizard creates, in the console's own code editor (Monaco, provided by the
 * console: nothing in our bundle), editable when the wizard can read edits back. Copy and Download
 * say so when what they give is not valid yet.
 */
export const YamlEditorPane: React.FC<{
  text: string | undefined;
  onChange?: (text: string) => void;
  fileName: string;
  /** Problems of the current state: Copy and Download say the YAML is not valid. */
  problemCount: number;
  objectCount: number;
}> = ({ text, onChange, fileName, problemCount, objectCount }) => {
  const { t } = useNetworkingTranslation();
  const [copied, setCopied] = React.useState(false);
  const invalid = problemCount > 0;
  const copy = () => {
    if (text === undefined) return;
    void navigator.clipboard?.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
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
  return (
    <div className="vm-networking-wizard__yaml" data-test="wizard-yaml-pane">
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
      >
        <Title headingLevel="h2" size="md">
          {objectCount > 1
            ? t('YAML ({{n}} objects, in creation order)', { n: objectCount })
            : t('YAML')}
        </Title>
        <Flex>
          <Button variant="secondary" icon={<CopyIcon />} onClick={copy} data-test="yaml-copy">
            {copied
              ? invalid
                ? t('Copied (not valid yet)')
                : t('Copied')
              : invalid
                ? t('Copy invalid YAML')
                : t('Copy YAML')}
          </Button>
          <Button
            variant="secondary"
            icon={<DownloadIcon />}
            onClick={download}
            data-test="yaml-download"
          >
            {invalid ? t('Download invalid YAML') : t('Download YAML')}
          </Button>
        </Flex>
      </Flex>
      {invalid && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t(
            'This YAML is not valid yet ({{count}} problems): the API server would refuse it, or it would not do what you expect.',
            { count: problemCount },
          )}
          data-test="yaml-invalid"
        />
      )}
      {text === undefined ? (
        <Spinner size="md" aria-label={t('Loading YAML')} />
      ) : (
        <div data-test="wizard-yaml" className="vm-networking-wizard__editor">
          <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading YAML')} />}>
            <CodeEditor
              value={text}
              language="yaml"
              minHeight="480px"
              isReadOnly={!onChange}
              onChange={onChange ? (v: string) => onChange(v) : undefined}
            />
          </React.Suspense>
        </div>
      )}
    </div>
  );
};

/** A read-only view of the objects' YAML (kept for callers that only show it). */
export const YamlPanel: React.FC<{ objects: K8sObject[]; fileName: string }> = ({
  objects,
  fileName,
}) => {
  const text = useYamlText(objects);
  return (
    <YamlEditorPane text={text} fileName={fileName} problemCount={0} objectCount={objects.length} />
  );
};
