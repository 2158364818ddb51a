import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../src/core/k8s/types';

/** Every object of a YAML/JSON manifest file, `List`s unwrapped. */
export const readManifestFile = (file: string): K8sObject[] =>
  parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as K8sObject & { items?: K8sObject[] })
    .filter((o) => o && typeof o === 'object')
    .flatMap((o) => (o.kind?.endsWith('List') && Array.isArray(o.items) ? o.items : [o]));
