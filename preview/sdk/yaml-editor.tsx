/**
 * The host's stand-in for the SDK's `CodeEditor` and (deprecated) `YAMLEditor`: the console gives
 * plugins Monaco; the preview host gives a plain text area with the same props that matter to a
 * plugin (value, onChange(value), isReadOnly, minHeight, onSave on Ctrl/Cmd+S).
 */
import * as React from 'react';

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
