/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * The SDK's k8s* CRUD functions over the Kubernetes HTTP API at `<basePath>api/kubernetes`, with the
 * console's option objects and URL shapes (`/api/v1/...`, `/apis/<group>/<version>/namespaces/<ns>/<plural>/<name>`).
 */
import { consoleFetchJSON } from './http';
import { k8sBasePath, type K8sModel } from './models';

export interface MatchExpression {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals';
  values?: string[];
  value?: string;
}

export interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: MatchExpression[];
}

/** A label selector object as the `labelSelector` query string. */
export const selectorToString = (selector: Selector | string | undefined): string => {
  if (!selector) return '';
  if (typeof selector === 'string') return selector;
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = e.values ?? (e.value !== undefined ? [e.value] : []);
    switch (e.operator) {
      case 'In':
        parts.push(`${e.key} in (${values.join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${e.key} notin (${values.join(',')})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
      case 'Equals':
        parts.push(`${e.key}=${values[0]}`);
        break;
      case 'NotEquals':
        parts.push(`${e.key}!=${values[0]}`);
        break;
    }
  }
  return parts.join(',');
};

export type QueryParams = Record<string, string | string[] | Selector | undefined>;

export interface ResourceURLOptions {
  ns?: string;
  name?: string;
  path?: string;
  queryParams?: QueryParams;
}

export const resourceURL = (
  model: K8sModel,
  { ns, name, path, queryParams }: ResourceURLOptions = {},
): string => {
  let url = k8sBasePath();
  url += model.apiGroup
    ? `/apis/${model.apiGroup}/${model.apiVersion}`
    : `/api/${model.apiVersion}`;
  if (ns && model.namespaced) url += `/namespaces/${encodeURIComponent(ns)}`;
  url += `/${model.plural}`;
  if (name) url += `/${encodeURIComponent(name)}`;
  if (path) url += `/${path.replace(/^\//, '')}`;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(queryParams ?? {})) {
    if (v === undefined) continue;
    if (k === 'labelSelector' && typeof v === 'object' && !Array.isArray(v))
      q.append(k, selectorToString(v as Selector));
    else if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, String(v));
  }
  const qs = q.toString();
  return qs ? `${url}?${qs}` : url;
};

interface Meta {
  metadata?: { name?: string; namespace?: string };
}

export const k8sGet = ({
  model,
  name,
  ns,
  path,
  queryParams,
  requestInit,
}: {
  model: K8sModel;
  name?: string;
  ns?: string;
  path?: string;
  queryParams?: QueryParams;
  requestInit?: RequestInit;
}): Promise<any> =>
  consoleFetchJSON(resourceURL(model, { ns, name, path, queryParams }), 'GET', requestInit);

export const k8sCreate = <R extends Meta>({
  model,
  data,
  path,
  queryParams,
}: {
  model: K8sModel;
  data: R;
  path?: string;
  queryParams?: QueryParams;
}): Promise<R> =>
  consoleFetchJSON.post(
    resourceURL(model, { ns: data.metadata?.namespace, path, queryParams }),
    data,
  );

export const k8sUpdate = <R extends Meta>({
  model,
  data,
  path,
  queryParams,
  ns,
  name,
}: {
  model: K8sModel;
  data: R;
  path?: string;
  queryParams?: QueryParams;
  ns?: string;
  name?: string;
}): Promise<R> =>
  consoleFetchJSON.put(
    resourceURL(model, {
      ns: ns ?? data.metadata?.namespace,
      name: name ?? data.metadata?.name,
      path,
      queryParams,
    }),
    data,
  );

export interface Patch {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

export const k8sPatch = <R extends Meta>({
  model,
  resource,
  data,
  path,
  queryParams,
}: {
  model: K8sModel;
  resource: R;
  data: Patch[];
  path?: string;
  queryParams?: QueryParams;
}): Promise<R> =>
  consoleFetchJSON.patch(
    resourceURL(model, {
      ns: resource.metadata?.namespace,
      name: resource.metadata?.name,
      path,
      queryParams,
    }),
    data,
  );

export const k8sDelete = <R extends Meta>({
  model,
  resource,
  path,
  queryParams,
  requestInit,
  json,
}: {
  model: K8sModel;
  resource: R;
  path?: string;
  queryParams?: QueryParams;
  requestInit?: RequestInit;
  json?: Record<string, unknown>;
}): Promise<any> => {
  const body =
    json ??
    (model.propagationPolicy
      ? { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: model.propagationPolicy }
      : null);
  return consoleFetchJSON.delete(
    resourceURL(model, {
      ns: resource.metadata?.namespace,
      name: resource.metadata?.name,
      path,
      queryParams,
    }),
    body,
    requestInit,
  );
};

const addKind = (model: K8sModel) => (o: Record<string, unknown>) => ({
  apiVersion: model.apiGroup ? `${model.apiGroup}/${model.apiVersion}` : model.apiVersion,
  kind: model.kind,
  ...o,
});

export const k8sList = async ({
  model,
  queryParams = {},
  requestInit,
}: {
  model: K8sModel;
  queryParams?: QueryParams & { ns?: string };
  requestInit?: RequestInit;
}): Promise<any> => {
  const { ns, ...rest } = queryParams as QueryParams & { ns?: string };
  const list = await consoleFetchJSON(
    resourceURL(model, { ns: ns as string | undefined, queryParams: rest }),
    'GET',
    requestInit,
  );
  return { ...list, items: (list.items ?? []).map(addKind(model)) };
};

export const k8sListItems = async (options: Parameters<typeof k8sList>[0]): Promise<any[]> =>
  (await k8sList(options)).items;

export { addKind };
