/** Renders the chart with the real helm and parses the manifests. */
import { parseAllDocuments } from 'yaml';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { helmTemplate } from '../../test-support/helm';

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  [key: string]: unknown;
}

export const parseManifests = (text: string): RenderedObject[] =>
  parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
      return doc.toJS() as RenderedObject | null;
    })
    .filter((obj): obj is RenderedObject => obj !== null);

/** `helm template` with `--set`/`--set-string`/`-f` arguments, parsed. */
export const render = (args: string[] = []): RenderedObject[] => parseManifests(helmTemplate(args));

export const find = (objects: RenderedObject[], kind: string, name?: string): RenderedObject[] =>
  objects.filter((obj) => obj.kind === kind && (name === undefined || obj.metadata.name === name));

export const one = <T = RenderedObject>(
  objects: RenderedObject[],
  kind: string,
  name?: string,
): T => {
  const found = find(objects, kind, name);
  if (found.length !== 1)
    throw new Error(`expected one ${kind} ${name ?? ''}, found ${found.length}`);
  return found[0] as T;
};

/** The pod spec of every Deployment and Job. */
export const podSpecs = (objects: RenderedObject[]): { ref: string; spec: PodSpec }[] =>
  objects
    .filter((obj) => obj.kind === 'Deployment' || obj.kind === 'Job')
    .map((obj) => ({
      ref: `${obj.kind} ${obj.metadata.name}`,
      spec: (obj as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec,
    }));
