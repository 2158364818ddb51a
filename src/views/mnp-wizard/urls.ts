/**
 * Where the MultiNetworkPolicy wizard lives. Free of wizard code, so the Networking tab can link to
 * it without loading any of it.
 */
import { VM_NETWORKS_BASE as BASE } from '../shared/wizard/urls';

const enc = encodeURIComponent;

export const mnpRoutePaths = [`${BASE}/ns/:ns/new/mnp`, `${BASE}/ns/:ns/edit/mnp/:name`];

export const mnpUrls = {
  /** `network` (a NAD of the namespace) and `vm` pre-fill the form. */
  newMNP: (namespace: string, prefill: { network?: string; vm?: string } = {}): string => {
    const q = new URLSearchParams();
    if (prefill.network) q.set('network', prefill.network);
    if (prefill.vm) q.set('vm', prefill.vm);
    const query = q.toString();
    return `${BASE}/ns/${enc(namespace)}/new/mnp${query ? `?${query}` : ''}`;
  },
  editMNP: (namespace: string, name: string): string =>
    `${BASE}/ns/${enc(namespace)}/edit/mnp/${enc(name)}`,
};

export interface MNPRoute {
  mode: 'new' | 'edit';
  namespace: string;
  name?: string;
}

const ROUTE = /^\/vm-networking\/ns\/([^/]+)\/(new|edit)\/mnp(?:\/([^/]+))?\/?$/;

/** Read from the location: the console renders plugin pages in v6 routes, other hosts in v5 ones. */
export const parseMNPPath = (pathname: string): MNPRoute | undefined => {
  const m = ROUTE.exec(pathname);
  if (!m) return undefined;
  const [, ns, mode, name] = m;
  if ((mode === 'edit') !== (name !== undefined)) return undefined;
  return {
    mode: mode as MNPRoute['mode'],
    namespace: decodeURIComponent(ns),
    ...(name !== undefined ? { name: decodeURIComponent(name) } : {}),
  };
};
