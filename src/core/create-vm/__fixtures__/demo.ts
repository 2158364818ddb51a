/** The preview host's demo fixtures (real-capture-derived) as objects, for the core's tests. */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../../k8s/types';

export const DEMO_DIR = path.resolve(__dirname, '../../../../preview/fixtures/demo');

export const loadDemo = (file: string): K8sObject[] =>
  parseAllDocuments(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8'))
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => !!o && typeof o === 'object');

export const DEMO_FILES = fs.readdirSync(DEMO_DIR).filter((f) => /^0[1-6].*\.yaml$/.test(f));

export const ofKind = <T extends K8sObject>(objs: K8sObject[], kind: string): T[] =>
  objs.filter((o) => o.kind === kind) as T[];
