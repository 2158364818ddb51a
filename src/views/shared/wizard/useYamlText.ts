import * as React from 'react';
import { forDisplay } from '../../../core/generators/display';
import type { K8sObject } from '../../../core/k8s/types';

export type YamlLib = typeof import('yaml');
let loaded: YamlLib | undefined;

/** The yaml library, loaded in its own chunk on first use (undefined until then). */
export const useYamlLib = (): YamlLib | undefined => {
  const [lib, setLib] = React.useState<YamlLib | undefined>(loaded);
  React.useEffect(() => {
    if (lib) return undefined;
    let cancelled = false;
    void import(/* webpackChunkName: "yaml" */ 'yaml').then((m) => {
      loaded = m;
      if (!cancelled) setLib(m);
    });
    return () => {
      cancelled = true;
    };
  }, [lib]);
  return lib;
};

export const objectsToYaml = (lib: YamlLib, objects: K8sObject[]): string =>
  objects
    .map((o) => lib.stringify(forDisplay(o), { lineWidth: 0, aliasDuplicateObjects: false }))
    .join('---\n');

/**
 * The objects as one `kubectl apply`-ready YAML file, documents separated by `---`, each starting
 * apiVersion/kind/metadata/spec without server-managed fields.
 */
export const useYamlText = (objects: K8sObject[]): string | undefined => {
  const lib = useYamlLib();
  return React.useMemo(() => (lib ? objectsToYaml(lib, objects) : undefined), [lib, objects]);
};

/** The documents of a YAML text, or the parser's first complaint. */
export const parseYamlDocuments = (
  lib: YamlLib,
  text: string,
): { objects: K8sObject[] } | { error: string } => {
  const docs = lib.parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) if (d.errors.length) return { error: d.errors[0].message };
  const objects: K8sObject[] = [];
  for (const d of list) {
    const v = d.toJS() as unknown;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v)) return { error: 'not-an-object' };
    objects.push(v as K8sObject);
  }
  return { objects };
};
