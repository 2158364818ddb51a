/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * The host's stand-ins for the SDK's `CodeEditor`, (deprecated) `YAMLEditor` and `ResourceYAMLEditor`:
 * the console gives plugins Monaco; the preview host gives a plain text area with the same props that
 * matter to a plugin (value, onChange(value), isReadOnly, minHeight, onSave on Ctrl/Cmd+S).
 */
import * as React from 'react';
import { ActionGroup, Alert, Button, Form, Title } from '@patternfly/react-core';
import { useNavigate } from 'react-router-dom-v5-compat';
import { parse, stringify } from 'yaml';
import { resourcePath } from './components';
import { ALL_NAMESPACES_KEY, checkAccess, useActiveNamespace } from './hooks';
import { k8sCreate, k8sUpdate } from './k8s';
import { modelStore, referenceForModel, type K8sModel } from './models';

export interface CodeEditorStandInProps {
  value?: string;
  language?: string;
  minHeight?: string;
  isReadOnly?: boolean;
  onChange?: (value: string, event?: unknown) => void;
  onSave?: () => void;
  'aria-label'?: string;
}

export const CodeEditor = React.forwardRef<{ editor?: unknown }, CodeEditorStandInProps>(
  ({ value = '', language = 'yaml', minHeight, isReadOnly, onChange, onSave, ...rest }, ref) => {
    React.useImperativeHandle(ref, () => ({ editor: undefined }), []);
    return (
      <textarea
        aria-label={rest['aria-label'] ?? `${language.toUpperCase()} editor`}
        data-test="code-editor"
        spellCheck={false}
        readOnly={isReadOnly}
        value={value}
        style={{
          width: '100%',
          minHeight: minHeight ?? '300px',
          fontFamily: 'var(--pf-t--global--font--family--mono)',
          fontSize: 'var(--pf-t--global--font--size--sm)',
          boxSizing: 'border-box',
        }}
        onChange={(e) => onChange?.(e.target.value, e)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's' && onSave) {
            e.preventDefault();
            onSave();
          }
        }}
      />
    );
  },
);
CodeEditor.displayName = 'CodeEditor';

export const YAMLEditor = React.forwardRef<{ editor?: unknown }, CodeEditorStandInProps>(
  (props, ref) => <CodeEditor ref={ref} language="yaml" {...props} />,
);
YAMLEditor.displayName = 'YAMLEditor';

export interface ResourceYAMLEditorProps {
  initialResource: string | { [key: string]: any };
  header?: string;
  onSave?: (content: string) => void;
  readOnly?: boolean;
  create?: boolean;
  onChange?: (content: string) => void;
  hideHeader?: boolean;
}

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; resourceVersion?: string; [k: string]: any };
  [k: string]: any;
};

const groupOf = (apiVersion = ''): string =>
  apiVersion.includes('/') ? apiVersion.split('/')[0] : '';

const modelOf = (obj: Obj): K8sModel | undefined =>
  obj?.apiVersion && obj.kind
    ? modelStore.lookup({
        group: groupOf(obj.apiVersion),
        version: obj.apiVersion.split('/').pop()!,
        kind: obj.kind,
      })
    : undefined;

const yamlOf = (resource: ResourceYAMLEditorProps['initialResource']): string => {
  if (typeof resource === 'string') return resource;
  try {
    return stringify(resource, { lineWidth: 0 });
  } catch (e) {
    return `Error getting YAML: ${String(e)}`;
  }
};

const versionOf = (resource: ResourceYAMLEditorProps['initialResource']): string | undefined =>
  typeof resource === 'string' ? undefined : resource?.metadata?.resourceVersion;

/**
 * The host's stand-in for the SDK's `ResourceYAMLEditor` (the console's EditYAML): the object as YAML
 * in the CodeEditor stand-in, and the console's buttons and messages. Save parses the YAML, refuses a
 * changed name, namespace, kind or API group, and PUTs the object (k8sUpdate); the API's error shows
 * inline, success says the new resourceVersion and shows the saved object. When the resource passed in
 * changes on the server meanwhile, "This object has been updated." asks for Reload, which shows the
 * latest version and drops the edits. Without update permission (or with `readOnly`) the editor is
 * read-only and has no Save. Cancel goes to the resource's list page, as the console's does.
 */
export const ResourceYAMLEditor: React.FC<ResourceYAMLEditorProps> = ({
  initialResource,
  header,
  onSave,
  readOnly,
  create = false,
  onChange,
  hideHeader,
}) => {
  const navigate = useNavigate();
  const [activeNamespace] = useActiveNamespace();
  const [text, setText] = React.useState(() => yamlOf(initialResource));
  const displayed = React.useRef(versionOf(initialResource));
  const [errors, setErrors] = React.useState<string[]>([]);
  const [success, setSuccess] = React.useState<string>();
  const [notAllowed, setNotAllowed] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const original = typeof initialResource === 'string' ? undefined : (initialResource as Obj);
  // Compared when the resource passed in changes (as the console's EditYAML does), so the editor's own
  // save does not flash "updated" before the watch delivers the version it just wrote.
  const incoming = versionOf(initialResource);
  const [stale, setStale] = React.useState(false);
  React.useEffect(() => {
    setStale(!create && incoming !== displayed.current);
  }, [incoming, create]);

  // As the console: the editor is read-only for a user who may not update the object.
  const name = original?.metadata?.name;
  const namespace = original?.metadata?.namespace;
  const model = original ? modelOf(original) : undefined;
  React.useEffect(() => {
    if (readOnly || create || !model || !name) return undefined;
    let cancelled = false;
    checkAccess({
      group: model.apiGroup,
      resource: model.plural,
      verb: 'update',
      name,
      namespace,
    })
      .then((r) => {
        if (!cancelled) setNotAllowed(!r?.status?.allowed);
      })
      .catch((e) => console.warn('Error while check edit access', e));
    return () => {
      cancelled = true;
    };
  }, [readOnly, create, model, name, namespace]);

  const load = (resource: ResourceYAMLEditorProps['initialResource']) => {
    displayed.current = versionOf(resource);
    setText(yamlOf(resource));
    setStale(false);
  };

  const validate = (obj: Obj): string | undefined => {
    if (!obj || typeof obj !== 'object') return 'No YAML content found.';
    if (!obj.apiVersion) return 'No "apiVersion" field found in YAML.';
    if (!obj.kind) return 'No "kind" field found in YAML.';
    const m = modelOf(obj);
    if (!m)
      return `The server doesn't have a resource type "kind: ${obj.kind}, apiVersion: ${obj.apiVersion}".`;
    if (!obj.metadata) return 'No "metadata" field found in YAML.';
    if (obj.metadata.namespace && !m.namespaced) delete obj.metadata.namespace;
    if (!obj.metadata.namespace && m.namespaced) {
      if (activeNamespace === ALL_NAMESPACES_KEY)
        return 'No "metadata.namespace" field found in YAML.';
      obj.metadata.namespace = activeNamespace;
    }
    if (create || !original?.metadata) return undefined;
    const o = original.metadata;
    if (o.name !== obj.metadata.name)
      return `Cannot change resource name (original: "${o.name}", updated: "${obj.metadata.name}").`;
    if (o.namespace !== obj.metadata.namespace)
      return `Cannot change resource namespace (original: "${o.namespace}", updated: "${obj.metadata.namespace}").`;
    if (original.kind !== obj.kind)
      return `Cannot change resource kind (original: "${original.kind}", updated: "${obj.kind}").`;
    if (groupOf(original.apiVersion) !== groupOf(obj.apiVersion))
      return `Cannot change API group (original: "${groupOf(original.apiVersion)}", updated: "${groupOf(obj.apiVersion)}").`;
    return undefined;
  };

  const save = async () => {
    setErrors([]);
    setSuccess(undefined);
    if (onSave) {
      onSave(text);
      return;
    }
    let obj: Obj;
    try {
      obj = parse(text) as Obj;
    } catch (e) {
      setErrors([`Error parsing YAML: ${String(e)}`]);
      return;
    }
    const error = validate(obj);
    if (error) {
      setErrors([error]);
      return;
    }
    const m = modelOf(obj)!;
    setSaving(true);
    try {
      if (create) {
        const { resourceVersion: _drop, ...metadata } = obj.metadata ?? {};
        const created: Obj = await k8sCreate({ model: m, data: { ...obj, metadata } });
        navigate(
          resourcePath(referenceForModel(m), created.metadata?.name, created.metadata?.namespace),
        );
        return;
      }
      const updated: Obj = await k8sUpdate({
        model: m,
        data: obj,
        ns: obj.metadata?.namespace,
        name: obj.metadata?.name,
      });
      setSuccess(
        `${obj.metadata?.name} has been updated to version ${updated.metadata?.resourceVersion}`,
      );
      load(updated);
    } catch (e) {
      setErrors([(e as Error)?.message ?? String(e)]);
    } finally {
      setSaving(false);
    }
  };

  const reload = () => {
    load(initialResource);
    setErrors([]);
    setSuccess(undefined);
  };

  const cancel = () => {
    if (model) {
      const ns =
        model.namespaced && activeNamespace !== ALL_NAMESPACES_KEY ? activeNamespace : undefined;
      navigate(resourcePath(referenceForModel(model), undefined, ns));
    } else navigate(-1);
  };

  const isReadOnly = !!readOnly || notAllowed;
  return (
    // A form, as the console lays its editor out (spacing between editor, alerts and buttons);
    // the buttons are plain buttons, so nothing submits it.
    <Form onSubmit={(e) => e.preventDefault()} data-test="resource-yaml-editor">
      {(header || create) && !hideHeader && (
        <Title headingLevel="h1" data-test="yaml-editor-header">
          {header}
        </Title>
      )}
      <CodeEditor
        value={text}
        isReadOnly={isReadOnly}
        minHeight="400px"
        aria-label="YAML editor"
        onChange={(v) => {
          setText(v);
          onChange?.(v);
        }}
        onSave={() => void save()}
      />
      {errors.length > 0 && (
        <Alert isInline variant="danger" title="An error occurred" data-test="yaml-error">
          <div style={{ whiteSpace: 'pre-line' }}>{errors.join('\n')}</div>
        </Alert>
      )}
      {success && <Alert isInline variant="success" title={success} data-test="yaml-success" />}
      {stale && (
        <Alert isInline variant="info" title="This object has been updated." data-test="yaml-stale">
          Click reload to see the new version.
        </Alert>
      )}
      <ActionGroup>
        {create && (
          <Button
            variant="primary"
            data-test="save-changes"
            isDisabled={saving}
            onClick={() => void save()}
          >
            Create
          </Button>
        )}
        {!create && !isReadOnly && (
          <Button
            variant="primary"
            data-test="save-changes"
            isDisabled={saving}
            onClick={() => void save()}
          >
            Save
          </Button>
        )}
        {!create && (
          <Button variant="secondary" data-test="reload-object" onClick={reload}>
            Reload
          </Button>
        )}
        <Button variant="secondary" data-test="cancel" onClick={cancel}>
          Cancel
        </Button>
      </ActionGroup>
    </Form>
  );
};
