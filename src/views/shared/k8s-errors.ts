/** Reading the errors the SDK hooks and fetch helpers return (the console's HttpError shapes). */
export const httpStatusOf = (error: unknown): number | undefined => {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as {
    code?: number;
    status?: number;
    response?: { status?: number };
    json?: { code?: number };
  };
  return e.json?.code ?? e.response?.status ?? e.code ?? e.status;
};

export const messageOf = (error: unknown): string => {
  if (!error) return '';
  if (typeof error === 'string') return error;
  const e = error as { json?: { message?: string }; message?: string };
  return e.json?.message ?? e.message ?? String(error);
};

export const isNotFound = (error: unknown) => httpStatusOf(error) === 404;
export const isForbidden = (error: unknown) => httpStatusOf(error) === 403;

/**
 * The console's NoModelError ("Model does not exist"): the cluster's API serves no such resource
 * (its CRD is not installed: no NMState operator, no ClusterNetworkPolicy API, a CNI without
 * UserDefinedNetworks), so no object of that kind can exist. `useK8sWatchResources` returns it for
 * every watch of a kind API discovery did not find, without a request.
 */
export const isNoModel = (error: unknown) => messageOf(error) === 'Model does not exist';
