import { VM_NETWORKS_BASE } from '../shared/wizard/urls';

/** The networking-first VM creation page (kept free of its code, so links cost nothing). */
export const createVMUrl = (namespace: string): string =>
  `${VM_NETWORKS_BASE}/ns/${encodeURIComponent(namespace || 'default')}/new/vm`;

export const CREATE_VM_ROUTE = `${VM_NETWORKS_BASE}/ns/:ns/new/vm`;
