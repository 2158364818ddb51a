/**
 * Hand-written stand-in for @openshift-console/dynamic-plugin-sdk under Jest (jsdom): the real
 * package only runs inside the console. Watches read from an in-memory store that tests fill with
 * real objects; writes are recorded and applied to the store.
 */
import * as React from 'react';
import { applyJsonPatch } from '../../src/core/k8s/json-patch';

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
};

interface WatchRes {
  groupVersionKind?: { group?: string; version: string; kind: string };
  kind?: string;
  name?: string;
  namespace?: string;
  isList?: boolean;
  selector?: { matchLabels?: Record<string, string> };
  optional?: boolean;
}

let store: Obj[] = [];
let errors: Record<string, unknown> = {};
export const __calls: { fn: string; args: unknown }[] = [];
/** Every resource a hook asked to watch, by `kind/namespace/name?selector`, for watch-count tests. */
export const __watched = new Map<string, WatchRes>();

/**
 * A test's stand-in for the API server's answer to a write: throw (e.g. a Status error) or return
 * a value to replace the default behaviour; return undefined to keep it. Reset by __setMockResources.
 */
type Handler = (fn: string, args: { data?: Obj; queryParams?: Record<string, unknown> }) => unknown;
let handler: Handler | undefined;
export const __setK8sHandler = (h: Handler | undefined) => {
  handler = h;
};

/** An error shaped like the console's HttpError carrying a Kubernetes Status. */
export const __statusError = (
  code: number,
  reason: string,
  message: string,
  causes: { field?: string; message?: string; reason?: string }[] = [],
) =>
  Object.assign(new Error(message), {
    code,
    json: {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code,
      reason,
      message,
      details: { causes },
    },
  });

/** Kinds whose watches report "not loaded yet" (a list still on its way). */
let pendingKinds = new Set<string>();
export const __setPendingKinds = (kinds: string[]) => {
  pendingKinds = new Set(kinds);
};

export const __setMockResources = (objects: Obj[], loadErrors: Record<string, unknown> = {}) => {
  pendingKinds = new Set();
  createFailures.length = 0;
  store = objects.map((o) => JSON.parse(JSON.stringify(o)));
  errors = loadErrors;
  __calls.length = 0;
  handler = undefined;
  __watched.clear();
};

const kindOf = (res: WatchRes) => res.groupVersionKind?.kind ?? res.kind?.split('~').pop();

const matches = (o: Obj, res: WatchRes) => {
  if (o.kind !== kindOf(res)) return false;
  if (res.namespace && o.metadata?.namespace !== res.namespace) return false;
  if (res.name && o.metadata?.name !== res.name) return false;
  const labels = o.metadata?.labels ?? {};
  return Object.entries(res.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
};

const notFound = () => Object.assign(new Error('NotFound'), { code: 404 });

const watch = (res: WatchRes | null): [unknown, boolean, unknown] => {
  if (!res) return [undefined, true, undefined];
  __watched.set(
    `${kindOf(res)}/${res.namespace ?? '*'}/${res.name ?? ''}?${JSON.stringify(res.selector ?? {})}`,
    res,
  );
  const kind = kindOf(res) ?? '';
  if (pendingKinds.has(kind)) return [undefined, false, undefined];
  if (errors[kind]) return [res.isList ? [] : undefined, true, errors[kind]];
  const found = store.filter((o) => matches(o, res));
  if (res.isList) return [found, true, undefined];
  return found[0] ? [found[0], true, undefined] : [undefined, true, notFound()];
};

export const useK8sWatchResource = (res: WatchRes | null) => watch(res);

export const useK8sWatchResources = (map: Record<string, WatchRes>) =>
  Object.fromEntries(
    Object.entries(map).map(([key, res]) => {
      const [data, loaded, loadError] = watch(res);
      return [key, { data, loaded, loadError }];
    }),
  );

/** Errors queued by tests for the next k8sCreate of a kind (any kind when omitted). */
const createFailures: { error: unknown; kind?: string }[] = [];
export const __failNextCreate = (error: unknown, kind?: string) =>
  createFailures.push({ error, kind });

const record =
  (fn: string) =>
  async (args: {
    data?: Obj;
    model?: unknown;
    resource?: Obj;
    queryParams?: Record<string, unknown>;
  }) => {
    __calls.push({ fn, args });
    if (fn === 'k8sCreate' && args.queryParams?.dryRun !== 'All') {
      const f = createFailures.findIndex((x) => !x.kind || x.kind === args.data?.kind);
      if (f >= 0) throw createFailures.splice(f, 1)[0].error;
    }
    const answer = handler?.(fn, args);
    if (answer !== undefined) return answer;
    // A dry run changes nothing.
    if (fn === 'k8sCreate' && args.data && args.queryParams?.dryRun !== 'All')
      store.push(args.data);
    return args.data ?? args.resource;
  };

export const k8sCreate = record('k8sCreate');

type PatchOp = { op: string; path: string; value?: unknown };

/**
 * Applies an RFC 6902 patch to the stored object like the API server: a failed `test` (or a
 * missing path) refuses the whole patch with 422 and changes nothing. Objects not in the store are
 * returned unchanged, as before.
 */
const applyToStore = (resource: Obj, ops: PatchOp[]): Obj => {
  const i = store.findIndex(
    (o) =>
      o.kind === resource.kind &&
      o.metadata?.name === resource.metadata?.name &&
      o.metadata?.namespace === resource.metadata?.namespace,
  );
  if (i < 0) return resource;
  // Applied as the API server applies it: a failed `test` or a missing path is a 422.
  try {
    store[i] = applyJsonPatch(store[i], ops);
  } catch (e) {
    throw invalid((e as Error).message);
  }
  return store[i];
};
const invalid = (message: string) =>
  Object.assign(new Error(message), { code: 422, json: { code: 422, reason: 'Invalid', message } });

export const k8sPatch = async (args: { data?: PatchOp[]; model?: unknown; resource?: Obj }) => {
  __calls.push({ fn: 'k8sPatch', args });
  return args.resource && Array.isArray(args.data)
    ? applyToStore(args.resource, args.data)
    : args.resource;
};

/** Reads an object back from the store (for assertions). */
export const __getMockResource = (kind: string, namespace: string | undefined, name: string) =>
  store.find(
    (o) => o.kind === kind && o.metadata?.name === name && o.metadata?.namespace === namespace,
  );

/** Replaces an object in the store, as a concurrent edit by someone else would. */
export const __putMockResource = (obj: Obj) => {
  const i = store.findIndex(
    (o) =>
      o.kind === obj.kind &&
      o.metadata?.name === obj.metadata?.name &&
      o.metadata?.namespace === obj.metadata?.namespace,
  );
  if (i >= 0) store[i] = JSON.parse(JSON.stringify(obj));
  else store.push(JSON.parse(JSON.stringify(obj)));
};

export const useModal = () => (Component: unknown, props: unknown) => {
  __calls.push({ fn: 'launchModal', args: { Component, props } });
};
export const k8sUpdate = record('k8sUpdate');
export const k8sDelete = record('k8sDelete');
export const k8sGet = record('k8sGet');

export const useActiveNamespace = () => ['default', () => undefined];
export const useAccessReview = () => [true, false];
export const useFlag = () => true;

export const ResourceLink: React.FC<{
  kind?: string;
  groupVersionKind?: { kind: string };
  name?: string;
  namespace?: string;
  displayName?: string;
  children?: React.ReactNode;
}> = ({ name, namespace, displayName, groupVersionKind, kind, children }) => (
  <a data-kind={groupVersionKind?.kind ?? kind} href={`/k8s/ns/${namespace ?? ''}/${name}`}>
    {displayName ?? name}
    {children}
  </a>
);

export const DocumentTitle: React.FC = () => null;
export const Timestamp: React.FC<{ timestamp?: string }> = ({ timestamp }) => (
  <time dateTime={timestamp}>{timestamp}</time>
);
export const ListPageHeader: React.FC<{ title: string }> = ({ title, children }) => (
  <div>
    <h1>{title}</h1>
    {children}
  </div>
);

// The code editor: the preview host's text-area stand-in (the console's is Monaco).
export { CodeEditor, YAMLEditor } from '../../preview/sdk/yaml-editor';
