/**
 * Reading a directory of manifests (Node only: the CLI, the fixture server and tests use it; the
 * console plugin never does). Files are read in sorted path order so results are reproducible.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { K8sObject } from '../k8s/types';
import { parseManifests, type ManifestProblem } from './parse';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export const isManifestFile = (file: string): boolean =>
  MANIFEST_EXTENSIONS.has(path.extname(file).toLowerCase());

/** Manifest files under `dir`, recursively, sorted; a file path is returned as is. */
export const listManifestFiles = (target: string): string[] => {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isManifestFile(entry.name)) out.push(full);
    }
  };
  walk(target);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
};

export interface LoadedManifests {
  objects: K8sObject[];
  files: string[];
  problems: ManifestProblem[];
}

/** All objects of all manifest files under the given directories or files. */
export const readManifests = (...targets: string[]): LoadedManifests => {
  const result: LoadedManifests = { objects: [], files: [], problems: [] };
  for (const target of targets) {
    for (const file of listManifestFiles(target)) {
      const parsed = parseManifests(fs.readFileSync(file, 'utf8'), file);
      result.files.push(file);
      result.objects.push(...parsed.objects);
      result.problems.push(...parsed.problems);
    }
  }
  return result;
};
