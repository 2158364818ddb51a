/**
 * Manifests for the fixture API, read by the project's manifest reader (src/core/manifests: YAML or JSON,
 * several documents per file, `List`s unwrapped, `*.yaml|*.yml|*.json` files only, recursively, sorted).
 * What the API adds: only documents that can be stored are loaded (apiVersion, kind, and metadata.name or
 * generateName: a kustomization.yaml beside the manifests is not one), and every document left out is
 * reported with the file it came from and why.
 */
import * as fs from 'fs';
import { parseManifests } from '../../../src/core/manifests/parse';
import { listManifestFiles } from '../../../src/core/manifests/read-dir';
import type { K8sObject } from './store';

export interface LoadedManifests {
  objects: Array<{ object: K8sObject; file: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

const isStorable = (v: unknown): v is K8sObject => {
  const o = v as K8sObject;
  return (
    typeof o?.apiVersion === 'string' &&
    typeof o.kind === 'string' &&
    !!o.metadata &&
    typeof o.metadata === 'object' &&
    (typeof o.metadata.name === 'string' || typeof o.metadata.generateName === 'string')
  );
};

export const parseManifestText = (text: string, file: string, out: LoadedManifests): void => {
  const parsed = parseManifests(text, file);
  for (const p of parsed.problems) out.skipped.push({ file: p.source, reason: p.message });
  for (const object of parsed.objects) {
    if (isStorable(object)) out.objects.push({ object, file });
    else
      out.skipped.push({
        file,
        reason: `${object.kind}: not a Kubernetes object to store (apiVersion, kind and metadata.name needed)`,
      });
  }
};

export const loadManifestDir = (dir: string): LoadedManifests => {
  const out: LoadedManifests = { objects: [], skipped: [] };
  for (const file of listManifestFiles(dir))
    parseManifestText(fs.readFileSync(file, 'utf8'), file, out);
  return out;
};
