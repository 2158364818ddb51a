import * as React from 'react';
import type { K8sObject } from '../../../core/k8s/types';

type YamlLib = typeof import('yaml');
let loaded: YamlLib | undefined;

/**
 * The objects as one `kubectl apply`-ready YAML file, documents separated by `---`. The yaml
 * library loads in its own chunk on first use; after that the text follows every change at once.
 */
export const useYamlText = (objects: K8sObject[]): string | undefined => {
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
  return React.useMemo(
    () =>
      lib
        ? objects
            .map((o) => lib.stringify(o, { lineWidth: 0, aliasDuplicateObjects: false }))
            .join('---\n')
        : undefined,
    [lib, objects],
  );
};
