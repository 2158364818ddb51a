/** Helpers for the wizards' component tests (imported by *.spec.tsx only). */
import * as fs from 'fs';
import * as path from 'path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../../../core/k8s/types';
import * as mock from '../../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { preloadWizardParts } from './lazy-part';

// The parts a wizard fetches on demand (Review step, YAML view, alerts) are loaded before each
// test file's tests, as a browser has them once fetched: the tests then step through a wizard
// without waiting for chunks.
beforeAll(() => preloadWizardParts());

const DEMO = path.resolve(__dirname, '../../../../preview/fixtures/demo');

/** The preview host's demo fixtures (derived from real captures): the cluster the tests see. */
export const demoObjects = (...files: string[]): K8sObject[] =>
  files.flatMap((f) =>
    parseAllDocuments(fs.readFileSync(path.join(DEMO, f), 'utf8'))
      .map((d) => d.toJS() as K8sObject | null)
      .filter((o): o is K8sObject => !!o && typeof o === 'object'),
  );

export const renderAt = (pathname: string, element: React.ReactElement) =>
  render(<MemoryRouter initialEntries={[pathname]}>{element}</MemoryRouter>);

/**
 * A label as a person reads it: a required field's label ends with PatternFly's " *" marker,
 * which screen readers skip (aria-hidden) and so does this matcher.
 */
export const label = (text: string | RegExp) =>
  typeof text === 'string' ? (content: string) => content.replace(/\s*\*$/, '') === text : text;

/** The control of a labelled field. */
export const byLabel = (text: string | RegExp) => screen.getByLabelText(label(text));

/** Types into a labelled field the way a person replaces its content. */
export const fill = (text: string | RegExp, value: string) =>
  fireEvent.change(byLabel(text), { target: { value } });

export const check = (text: string | RegExp) => fireEvent.click(byLabel(text));

export const goToStep = (name: string | RegExp) =>
  fireEvent.click(screen.getByRole('button', { name }));

/** The wizard's YAML, read in its YAML view (switched to and back when the form is shown). */
export const yamlText = async (): Promise<string> => {
  const switched = !screen.queryByTestId('wizard-yaml');
  if (switched) fireEvent.click(screen.getByRole('button', { name: 'YAML' }));
  await waitFor(() =>
    expect(screen.getByTestId('wizard-yaml').querySelector('textarea')).toBeTruthy(),
  );
  const text = screen.getByTestId('wizard-yaml').querySelector('textarea')!.value;
  if (switched) fireEvent.click(screen.getByRole('button', { name: 'Form' }));
  return text;
};

/** Replaces the YAML in the YAML view the way a person edits it. */
export const editYaml = async (text: string) => {
  if (!screen.queryByTestId('wizard-yaml'))
    fireEvent.click(screen.getByRole('button', { name: 'YAML' }));
  await waitFor(() =>
    expect(screen.getByTestId('wizard-yaml').querySelector('textarea')).toBeTruthy(),
  );
  fireEvent.change(screen.getByTestId('wizard-yaml').querySelector('textarea')!, {
    target: { value: text },
  });
};

export const fieldErrors = (text: string | RegExp): string[] => {
  const input = byLabel(text);
  const help = document.getElementById(`${input.id}-help`);
  return [...(help?.querySelectorAll('[data-test="field-error"]') ?? [])].map((e) =>
    (e.textContent ?? '').replace(/: error status;$/, ''),
  );
};

/** An SDK call the stand-in recorded, as far as the wizard tests read it. */
export type Call = {
  fn: string;
  args: {
    data?: { kind?: string; metadata?: { name?: string } };
    queryParams?: { dryRun?: string };
  };
};

export const calls = (): Call[] => mock.__calls as Call[];
const isDryRun = (c: Call) => c.args.queryParams?.dryRun === 'All';
/** Creates that were not dry runs. */
export const creates = (): Call[] => calls().filter((c) => c.fn === 'k8sCreate' && !isDryRun(c));
/** Every write (create, update, delete, patch) that was not a dry run. */
export const writes = (): Call[] => calls().filter((c) => c.fn !== 'k8sGet' && !isDryRun(c));
