/** Where the MultiNetworkPolicies list lives (console.page/route paths in console-extensions.json). */
import { VM_NETWORKS_BASE } from '../shared/wizard/urls';

const LIST = /^\/vm-networking\/policies(?:\/ns\/([^/]+))?\/?$/;

export const policyUrls = {
  list: (namespace?: string): string =>
    namespace
      ? `${VM_NETWORKS_BASE}/policies/ns/${encodeURIComponent(namespace)}`
      : `${VM_NETWORKS_BASE}/policies`,
};

/** The namespace of a policies path; `undefined` for all namespaces; `null` when not one. */
export const parsePoliciesPath = (pathname: string): string | undefined | null => {
  const m = LIST.exec(pathname);
  if (!m) return null;
  return m[1] ? decodeURIComponent(m[1]) : undefined;
};
