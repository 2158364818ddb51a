/**
 * Reads a directory of manifests (YAML or JSON, several documents per file, `List`s unwrapped, recursively).
 * Documents that are not Kubernetes objects (no apiVersion/kind/metadata.name) are reported, not loaded.
 * This is the preview host's own reader: src/core/manifests did not exist when the host was written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './store';

export interface LoadedManifests {
  objects: Array<{ object: K8sObject; file: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

const isObject = (v: unknown): v is K8sObject =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as K8sObject).apiVersion === 'string' &&
  typeof (v as K8sObject).kind === 'string' &&
  !!(v as K8sObject).metadata &&
  (typeof (v as K8sObject).metadata.name === 'string' ||
    typeof (v as K8sObject).metadata.generateName === 'string');

const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return filesUnder(p);
      return /\.(ya?ml|json)$/i.test(e.name) ? [p] : [];
    });

export const parseManifestText = (text: string, file: string, out: LoadedManifests): void => {
  // Parse errors are tolerated when the document still yields a value: some upstream CRDs have continuation
  // lines that Go's YAML parser accepts and the `yaml` package flags.
  const docs = /\.json$/i.test(file)
    ? [JSON.parse(text) as unknown]
    : parseAllDocuments(text).map((d) => {
        const value = d.toJS() as unknown;
        if (d.errors.length && (value === null || value === undefined)) {
          out.skipped.push({ file, reason: d.errors[0].message });
        }
        return value;
      });
  const visit = (value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach(visit);
    const v = value as { kind?: string; items?: unknown[] };
    if (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items))
      return v.items.forEach(visit);
    if (isObject(value)) out.objects.push({ object: value, file });
    else
      out.skipped.push({
        file,
        reason: 'not a Kubernetes object (apiVersion, kind and metadata.name needed)',
      });
  };
  docs.forEach(visit);
};

export const loadManifestDir = (dir: string): LoadedManifests => {
  const out: LoadedManifests = { objects: [], skipped: [] };
  const stat = fs.statSync(dir);
  const files = stat.isDirectory() ? filesUnder(dir) : [dir];
  for (const file of files) parseManifestText(fs.readFileSync(file, 'utf8'), file, out);
  return out;
};
