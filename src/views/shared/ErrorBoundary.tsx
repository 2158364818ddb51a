import * as React from 'react';
import { Alert, CodeBlock, CodeBlockCode, ExpandableSection } from '@patternfly/react-core';

interface Props {
  /** What this section shows, for the message: "Could not show <title>". */
  title: string;
  /** The data the section was given, shown raw so nothing is hidden when rendering fails. */
  raw?: unknown;
  children?: React.ReactNode;
  /** Pre-translated texts: class components cannot call hooks. */
  texts: { failed: string; rawData: string };
  /** Told of the error, for a parent that must know the section gave up. */
  onError?: (error: Error) => void;
}

interface State {
  error?: Error;
}

const stringify = (value: unknown): string => {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
};

/**
 * Keeps one broken section from blanking the whole tab: shows the error with the raw data
 * that caused it, and lets the other sections render.
 */
export class SectionErrorBoundary extends React.Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error) {
    this.props.onError?.(error);
  }

  render() {
    const { error } = this.state;
    const { title, raw, texts, children } = this.props;
    if (!error) return children ?? null;
    return (
      <Alert
        variant="danger"
        isInline
        title={`${texts.failed}: ${title}`}
        data-test="section-error"
      >
        <p>{error.message}</p>
        {raw !== undefined && (
          <ExpandableSection toggleText={texts.rawData}>
            <CodeBlock>
              <CodeBlockCode>{stringify(raw)}</CodeBlockCode>
            </CodeBlock>
          </ExpandableSection>
        )}
      </Alert>
    );
  }
}
