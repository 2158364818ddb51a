/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
import * as React from 'react';
import { Alert, ExpandableSection } from '@patternfly/react-core';

interface State {
  error?: Error;
  componentStack?: string;
}

/** Keeps a failing plugin component from blanking the page; the error text names what failed. */
export class ErrorBoundary extends React.Component<
  { title: string; children?: React.ReactNode },
  State
> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo): void {
    this.setState({ componentStack: info.componentStack });
    const preview = (window as any).__preview;
    preview?.errors.push(`${this.props.title}: ${error.message}`);
  }

  render(): React.ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert variant="danger" isInline title={this.props.title} data-test="error-boundary">
        <p data-test="error-message">{error.message}</p>
        <ExpandableSection toggleText="Stack">
          <pre className="preview-pre">{error.stack}</pre>
          <pre className="preview-pre">{componentStack}</pre>
        </ExpandableSection>
      </Alert>
    );
  }
}
