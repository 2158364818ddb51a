/**
 * List pages keep their namespace in the URL. The URL wins: the page follows it and keeps the
 * console's active namespace in step, so the namespace bar shows what the page lists.
 */
import * as React from 'react';
import { useActiveNamespace } from '@openshift-console/dynamic-plugin-sdk';

/** The console's value for "all namespaces" (its namespace bar and `useActiveNamespace`). */
export const ALL_NAMESPACES = '#ALL_NS#';

export const useUrlNamespace = (namespace: string | undefined): void => {
  const [activeNamespace, setActiveNamespace] = useActiveNamespace();
  React.useEffect(() => {
    const want = namespace ?? ALL_NAMESPACES;
    if (activeNamespace !== want) setActiveNamespace(want);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [namespace]);
};
