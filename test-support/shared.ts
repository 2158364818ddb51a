/**
 * Access to ../shared (real manifests, captures and CRDs) for tests. CI clones the project with
 * shared/ beside it; SHARED_DIR overrides the location.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../src/core/k8s/types';

export const sharedDir = process.env.SHARED_DIR
  ? path.resolve(process.env.SHARED_DIR)
  : path.resolve(__dirname, '../../shared');

export const sharedPath = (...segments: string[]): string => path.join(sharedDir, ...segments);

export const readShared = (...segments: string[]): string =>
  fs.readFileSync(sharedPath(...segments), 'utf8');

/** Every object of a YAML or JSON file under shared/, with `List`s unwrapped. */
export const loadSharedObjects = <T extends K8sObject = K8sObject>(...segments: string[]): T[] => {
  const out: T[] = [];
  for (const doc of parseAllDocuments(readShared(...segments))) {
    const value = doc.toJS() as (K8sObject & { items?: K8sObject[] }) | null;
    if (!value || typeof value !== 'object') continue;
    if (value.kind?.endsWith('List') && Array.isArray(value.items))
      out.push(...(value.items as T[]));
    else out.push(value as T);
  }
  return out;
};
