/** The networking-first VM creation page (kept free of its code, so links cost nothing). */
export const createVMUrl = (namespace: string): string =>
  `/vm-networking/ns/${encodeURIComponent(namespace || 'default')}/new/vm`;

export const CREATE_VM_ROUTE = '/vm-networking/ns/:ns/new/vm';
