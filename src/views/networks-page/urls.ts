/** Where the VM networks list and details pages live (console.page/route paths in console-extensions.json). */
import type { NetworkRow, NetworkRowKind } from '../../core/network-list/types';
import { VM_NETWORKS_BASE, wizardUrls } from '../shared/wizard/urls';

const enc = encodeURIComponent;

const SEGMENT: Record<NetworkRowKind, 'udn' | 'cudn' | 'nad'> = {
  UserDefinedNetwork: 'udn',
  ClusterUserDefinedNetwork: 'cudn',
  NetworkAttachmentDefinition: 'nad',
};

export const networkUrls = {
  list: (namespace?: string): string =>
    namespace ? `${VM_NETWORKS_BASE}/ns/${enc(namespace)}` : VM_NETWORKS_BASE,
  details: (kind: NetworkRowKind, name: string, namespace?: string): string =>
    kind === 'ClusterUserDefinedNetwork'
      ? `${VM_NETWORKS_BASE}/cluster/cudn/${enc(name)}`
      : `${VM_NETWORKS_BASE}/ns/${enc(namespace ?? '')}/${SEGMENT[kind]}/${enc(name)}`,
  /** The VM's Networking tab (this plugin's tab on the VM details page). */
  vmTab: (namespace: string, vm: string): string =>
    `/k8s/ns/${enc(namespace)}/kubevirt.io~v1~VirtualMachine/${enc(vm)}/vm-networking`,
};

export const detailsUrlOf = (row: NetworkRow): string =>
  networkUrls.details(row.kind, row.name, row.namespace);

/** The wizard that edits this network, when one does (a NAD rendered by a (C)UDN has none). */
export const editUrlOf = (row: NetworkRow): string | undefined => {
  if (row.renderedBy) return undefined;
  if (row.kind === 'UserDefinedNetwork') return wizardUrls.editUDN(row.namespace ?? '', row.name);
  if (row.kind === 'ClusterUserDefinedNetwork') return wizardUrls.editCUDN(row.name);
  return wizardUrls.editNAD(row.namespace ?? '', row.name);
};

export interface NetworkRoute {
  kind: NetworkRowKind;
  namespace?: string;
  name: string;
}

const DETAILS = /^\/vm-networking\/(?:ns\/([^/]+)\/(udn|nad)|cluster\/(cudn))\/([^/]+)\/?$/;
const LIST = /^\/vm-networking(?:\/ns\/([^/]+)|\/all-namespaces)?\/?$/;

/** Read from the location, as the wizards do: the same path in v5 and v6 console routes. */
export const parseDetailsPath = (pathname: string): NetworkRoute | undefined => {
  const m = DETAILS.exec(pathname);
  if (!m) return undefined;
  const [, ns, nsKind, cudn, name] = m;
  const kind: NetworkRowKind = cudn
    ? 'ClusterUserDefinedNetwork'
    : nsKind === 'udn'
      ? 'UserDefinedNetwork'
      : 'NetworkAttachmentDefinition';
  return {
    kind,
    ...(ns ? { namespace: decodeURIComponent(ns) } : {}),
    name: decodeURIComponent(name),
  };
};

/** The namespace of a list path; `undefined` for all namespaces; `null` when not a list path. */
export const parseListPath = (pathname: string): string | undefined | null => {
  const m = LIST.exec(pathname);
  if (!m) return null;
  return m[1] ? decodeURIComponent(m[1]) : undefined;
};
