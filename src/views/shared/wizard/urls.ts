/**
 * Where the network wizards and the VM networks page live. Kept free of wizard code so the
 * Networking tab and VM actions can link to them without loading any of it.
 */
export const VM_NETWORKS_BASE = '/vm-networking';

const enc = encodeURIComponent;

export const wizardUrls = {
  networks: (): string => VM_NETWORKS_BASE,
  newUDN: (namespace: string): string => `${VM_NETWORKS_BASE}/ns/${enc(namespace)}/new/udn`,
  newCUDN: (): string => `${VM_NETWORKS_BASE}/cluster/new/cudn`,
  newNAD: (namespace: string): string => `${VM_NETWORKS_BASE}/ns/${enc(namespace)}/new/nad`,
  editUDN: (namespace: string, name: string): string =>
    `${VM_NETWORKS_BASE}/ns/${enc(namespace)}/edit/udn/${enc(name)}`,
  editCUDN: (name: string): string => `${VM_NETWORKS_BASE}/cluster/edit/cudn/${enc(name)}`,
  editNAD: (namespace: string, name: string): string =>
    `${VM_NETWORKS_BASE}/ns/${enc(namespace)}/edit/nad/${enc(name)}`,
};

/** The console.page/route paths, one list per wizard (path-to-regexp syntax). */
export const wizardRoutePaths = {
  udn: [`${VM_NETWORKS_BASE}/ns/:ns/new/udn`, `${VM_NETWORKS_BASE}/ns/:ns/edit/udn/:name`],
  cudn: [`${VM_NETWORKS_BASE}/cluster/new/cudn`, `${VM_NETWORKS_BASE}/cluster/edit/cudn/:name`],
  nad: [`${VM_NETWORKS_BASE}/ns/:ns/new/nad`, `${VM_NETWORKS_BASE}/ns/:ns/edit/nad/:name`],
};

export interface WizardRoute {
  kind: 'udn' | 'cudn' | 'nad';
  mode: 'new' | 'edit';
  namespace?: string;
  name?: string;
}

const ROUTE =
  /^\/vm-networking\/(?:ns\/([^/]+)|cluster)\/(new|edit)\/(udn|cudn|nad)(?:\/([^/]+))?\/?$/;

/**
 * Read from the location rather than router params: the console renders plugin pages in v6
 * routes (4.19+) while other hosts use v5 ones, and the path is the same in both.
 */
export const parseWizardPath = (pathname: string): WizardRoute | undefined => {
  const m = ROUTE.exec(pathname);
  if (!m) return undefined;
  const [, ns, mode, kind, name] = m;
  if ((kind === 'cudn') !== (ns === undefined)) return undefined;
  if ((mode === 'edit') !== (name !== undefined)) return undefined;
  return {
    kind: kind as WizardRoute['kind'],
    mode: mode as WizardRoute['mode'],
    ...(ns !== undefined ? { namespace: decodeURIComponent(ns) } : {}),
    ...(name !== undefined ? { name: decodeURIComponent(name) } : {}),
  };
};
