/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * useK8sWatchResource(s): a shared, reference-counted list+watch per query. The watch is a WebSocket to
 * `<basePath>api/kubernetes/...?watch=true&resourceVersion=<list's>`, as the console opens it (see ws.ts);
 * a dropped socket is reopened from the last resourceVersion with backoff, 410 Gone or an ERROR event
 * re-lists, a socket that cannot be opened re-lists after the backoff (so HTTP errors surface as loadError),
 * and the socket is closed when the last subscriber goes away.
 * Semantics follow the console: `[data, loaded, loadError]`; a list starts as `[]`, a named resource as `{}`;
 * a named resource that does not exist gives a NotFound loadError; a missing model gives NoModelError.
 */
import * as React from 'react';
import { useSyncExternalStore } from 'use-sync-external-store/shim';
import { HttpError, consoleFetchJSON } from './http';
import { addKind, resourceURL, selectorToString, type Selector } from './k8s';
import {
  modelStore,
  referenceForGVK,
  useModelsLoaded,
  type K8sGroupVersionKind,
  type K8sModel,
} from './models';
import { readWatchSocket, webSocketURL, type WatchEvent } from './ws';

/** Reconnect delays: the console's WebSocket factory starts at 1 s and grows by half up to a minute. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30000;
export const retryDelay = (attempt: number): number =>
  Math.min(RETRY_MAX_MS, Math.round(RETRY_FIRST_MS * 1.5 ** Math.max(0, attempt)));
/** A socket that stayed open this long (or delivered events) was healthy: the backoff starts over. */
const HEALTHY_MS = 10000;

export interface WatchK8sResource {
  groupVersionKind?: K8sGroupVersionKind;
  kind?: string;
  name?: string;
  namespace?: string;
  isList?: boolean;
  selector?: Selector;
  namespaced?: boolean;
  limit?: number;
  fieldSelector?: string;
  optional?: boolean;
  partialMetadata?: boolean;
}

export class NoModelError extends Error {
  constructor() {
    super('Model does not exist');
    this.name = 'NoModelError';
  }
}

export interface WatchState {
  data: any;
  loaded: boolean;
  loadError: unknown;
}

type K8sObj = {
  metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string };
};
const keyOf = (o: K8sObj) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

class Watch {
  state: WatchState;
  private listeners = new Set<() => void>();
  private abort = new AbortController();
  private items = new Map<string, K8sObj>();
  private rv = '';
  private stopped = false;
  private notifyScheduled = false;

  constructor(
    private readonly model: K8sModel,
    private readonly q: {
      namespace?: string;
      name?: string;
      labelSelector?: string;
      fieldSelector?: string;
      isList: boolean;
      limit?: number;
    },
  ) {
    this.state = { data: q.isList ? [] : {}, loaded: false, loadError: undefined };
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  private notify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      if (!this.stopped) this.listeners.forEach((l) => l());
    });
  }

  private publish(patch: Partial<WatchState>): void {
    this.state = { ...this.state, ...patch };
    this.notify();
  }

  private fieldSelector(): string {
    return [this.q.fieldSelector, this.q.name ? `metadata.name=${this.q.name}` : '']
      .filter(Boolean)
      .join(',');
  }

  private snapshot(): any {
    const items = [...this.items.values()];
    if (this.q.isList) return items;
    return items[0];
  }

  start(): void {
    void this.listAndWatch();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
  }

  /** Waits, or less if the watch is stopped meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.abort.signal;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
  }

  private async listAndWatch(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      try {
        await this.list();
      } catch (e) {
        if (this.stopped) return;
        this.publish({ loadError: e });
        await this.sleep(retryDelay(attempt++));
        continue;
      }
      attempt = await this.watch(attempt);
    }
  }

  private notFound(): HttpError {
    return new HttpError(`${this.model.plural} "${this.q.name}" not found`, 404, undefined, {
      kind: 'Status',
      code: 404,
      reason: 'NotFound',
    });
  }

  /**
   * A named resource is listed by `metadata.name` too, as the console does: the list's resourceVersion is
   * the current one, where the object's own may be older than the watch history (410 on every watch).
   */
  private async list(): Promise<void> {
    const ctx = this.model;
    // A signal per request: consoleFetch listens on it, and the watch's own lives as long as the watch.
    const request = new AbortController();
    const abort = () => request.abort();
    this.abort.signal.addEventListener('abort', abort);
    let list: any;
    try {
      list = await consoleFetchJSON(
        resourceURL(ctx, {
          ns: this.q.namespace,
          queryParams: {
            ...(this.q.labelSelector ? { labelSelector: this.q.labelSelector } : {}),
            ...(this.fieldSelector() ? { fieldSelector: this.fieldSelector() } : {}),
            ...(this.q.limit ? { limit: String(this.q.limit) } : {}),
          },
        }),
        'GET',
        { signal: request.signal },
      );
    } finally {
      this.abort.signal.removeEventListener('abort', abort);
    }
    this.items = new Map((list.items ?? []).map((o: K8sObj) => [keyOf(o), addKind(ctx)(o)]));
    this.rv = list.metadata?.resourceVersion ?? '';
    if (!this.q.isList && this.items.size === 0) {
      // The console keeps watching by name, so a resource created later still shows up.
      this.publish({ data: undefined, loaded: false, loadError: this.notFound() });
    } else {
      this.publish({ data: this.snapshot(), loaded: true, loadError: undefined });
    }
  }

  private watchURL(): string {
    return webSocketURL(
      resourceURL(this.model, {
        ns: this.q.namespace,
        queryParams: {
          watch: 'true',
          resourceVersion: this.rv,
          allowWatchBookmarks: 'true',
          ...(this.q.labelSelector ? { labelSelector: this.q.labelSelector } : {}),
          ...(this.fieldSelector() ? { fieldSelector: this.fieldSelector() } : {}),
        },
      }),
    );
  }

  /**
   * Watches from the list's resourceVersion, reopening dropped sockets from the last one seen; returns
   * (with the backoff attempt to go on from) when a re-list is needed.
   */
  private async watch(attempt: number): Promise<number> {
    while (!this.stopped) {
      const opened = Date.now();
      let relist = false;
      const end = await readWatchSocket(
        this.watchURL(),
        (ev: WatchEvent) => {
          if (this.apply(ev) !== 'relist') return undefined;
          relist = true;
          return 'stop';
        },
        this.abort.signal,
      );
      if (this.stopped) return attempt;
      // The event that asked for a re-list does not make a socket healthy: a server answering every
      // watch with an error must not get a tight loop of lists.
      const healthy =
        end.opened && (end.events > (relist ? 1 : 0) || Date.now() - opened >= HEALTHY_MS);
      const next = healthy ? 0 : attempt + 1;
      if (relist) {
        if (!healthy) await this.sleep(retryDelay(attempt));
        return next;
      }
      await this.sleep(retryDelay(healthy ? 0 : attempt));
      // A socket that never opened may mean the resource or the permission is gone: the list tells.
      if (!end.opened) return next;
      attempt = next;
    }
    return attempt;
  }

  private apply(ev: { type: string; object: any }): 'relist' | void {
    if (ev.type === 'ERROR') {
      if (ev.object?.code === 410) return 'relist';
      this.publish({
        loadError: new HttpError(
          ev.object?.message ?? 'watch error',
          ev.object?.code,
          undefined,
          ev.object,
        ),
      });
      return 'relist';
    }
    if (ev.type === 'BOOKMARK') {
      this.rv = ev.object?.metadata?.resourceVersion ?? this.rv;
      return;
    }
    const o = addKind(this.model)(ev.object) as K8sObj;
    this.rv = o.metadata?.resourceVersion ?? this.rv;
    if (ev.type === 'DELETED') this.items.delete(keyOf(o));
    else this.items.set(keyOf(o), o);
    if (!this.q.isList && this.items.size === 0) {
      this.publish({ data: undefined, loaded: false, loadError: this.notFound() });
    } else {
      this.publish({ data: this.snapshot(), loaded: true, loadError: undefined });
    }
  }
}

const watches = new Map<string, Watch>();

const acquire = (
  key: string,
  create: () => Watch,
  listener: () => void,
): { watch: Watch; release: () => void } => {
  let w = watches.get(key);
  if (!w) {
    w = create();
    watches.set(key, w);
    w.start();
  }
  const off = w.subscribe(listener);
  const watch = w;
  return {
    watch,
    release: () => {
      off();
      if (watch.subscribers === 0) {
        watch.stop();
        watches.delete(key);
      }
    },
  };
};

/**
 * Subscribes to the shared watch of `resource` outside React (the hooks below use the same watches):
 * `state()` is its current `[data, loaded, loadError]` state; `release()` unsubscribes, and the last
 * release closes the watch.
 */
export const subscribeWatch = (
  model: K8sModel,
  resource: WatchK8sResource,
  onChange: () => void,
): { state: () => WatchState; release: () => void } => {
  const { q, key } = queryKeyOf(model, resource);
  const { watch, release } = acquire(key, () => new Watch(model, q), onChange);
  return { state: () => watch.state, release };
};

/** Open watches, for tests and for counting how many a page opens. */
export const openWatches = (): string[] => [...watches.keys()];

const refOf = (r: WatchK8sResource): string | undefined =>
  r.groupVersionKind ? referenceForGVK(r.groupVersionKind) : r.kind;

type Result = [any, boolean, unknown];

const useDeepMemo = <T>(value: T): T => {
  const ref = React.useRef<{ key: string; value: T }>();
  const key = JSON.stringify(value ?? null);
  if (!ref.current || ref.current.key !== key) ref.current = { key, value };
  return ref.current.value;
};

const queryKeyOf = (model: K8sModel, r: WatchK8sResource) => {
  const q = {
    namespace: model.namespaced ? r.namespace : undefined,
    name: r.isList ? undefined : r.name,
    labelSelector: selectorToString(r.selector) || undefined,
    fieldSelector: r.fieldSelector || undefined,
    isList: !!r.isList,
    limit: r.limit,
  };
  return {
    q,
    key: JSON.stringify([
      referenceForGVK({ group: model.apiGroup, version: model.apiVersion, kind: model.kind }),
      q,
    ]),
  };
};

const resultFor = (
  resource: WatchK8sResource | null | undefined,
  modelsLoaded: boolean,
  states: Map<string, WatchState>,
): Result => {
  if (!resource) return [undefined, true, undefined];
  const empty = resource.isList ? [] : {};
  const model = modelStore.lookup(refOf(resource));
  if (!model) {
    if (!modelsLoaded) return [empty, false, undefined];
    return resource.optional ? [empty, true, undefined] : [empty, true, new NoModelError()];
  }
  const { key } = queryKeyOf(model, resource);
  const s = states.get(key);
  return s ? [s.data, s.loaded, s.loadError] : [empty, false, undefined];
};

/**
 * The re-render the console's watch hooks get from its redux store: console 4.22's react-redux 9
 * reads the store with `useSyncExternalStore`, so a list's answer re-renders its subscribers at
 * once, in the task that received it (React's sync lane). A `useReducer` update from the same
 * microtask is batched into a later task of React's scheduler under React 18's `createRoot` (in a
 * trace, after the next frame). Under React 17 (consoles 4.19-4.21, react-redux 7) both re-render
 * synchronously.
 */
const useStoreUpdates = (): (() => void) => {
  const store = React.useMemo(() => {
    let version = 0;
    const listeners = new Set<() => void>();
    return {
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      version: () => version,
      changed: () => {
        version += 1;
        listeners.forEach((l) => l());
      },
    };
  }, []);
  useSyncExternalStore(store.subscribe, store.version);
  return store.changed;
};

/**
 * Subscribes to the watches of several resources; re-renders when any of them changes. When the
 * resources change, only what changed is subscribed or released: a watch whose query stays keeps
 * its data (no re-list, no flash of "loading"), as the console's keeps its store entries.
 */
const useWatches = (
  resources: Array<WatchK8sResource | null | undefined>,
): [boolean, Map<string, WatchState>] => {
  const modelsLoaded = useModelsLoaded();
  const force = useStoreUpdates();
  const stable = useDeepMemo(resources);
  const subs = React.useRef(new Map<string, { watch: Watch; release: () => void }>());
  React.useEffect(() => {
    if (!modelsLoaded) return;
    const wanted = new Map<string, () => Watch>();
    for (const r of stable) {
      if (!r) continue;
      const model = modelStore.lookup(refOf(r));
      if (!model) continue;
      const { q, key } = queryKeyOf(model, r);
      wanted.set(key, () => new Watch(model, q));
    }
    // New subscriptions first, then releases: a watch shared with this component's old resources
    // never drops to no subscriber in between.
    wanted.forEach((create, key) => {
      if (!subs.current.has(key)) subs.current.set(key, acquire(key, create, force));
    });
    subs.current.forEach((sub, key) => {
      if (wanted.has(key)) return;
      sub.release();
      subs.current.delete(key);
    });
    // A watch may have published before this component subscribed: render its current state.
    force();
  }, [stable, modelsLoaded, force]);
  React.useEffect(() => {
    const current = subs.current;
    return () => {
      current.forEach((sub) => sub.release());
      current.clear();
    };
  }, []);
  const states = new Map<string, WatchState>();
  subs.current.forEach((sub, k) => states.set(k, sub.watch.state));
  return [modelsLoaded, states];
};

export const useK8sWatchResource = (resource: WatchK8sResource | null | undefined): Result => {
  const [modelsLoaded, states] = useWatches([resource]);
  const r = resultFor(resource, modelsLoaded, states);
  const [data, loaded, loadError] = r;
  return React.useMemo(() => [data, loaded, loadError], [data, loaded, loadError]);
};

export const useK8sWatchResources = (
  resources: Record<string, WatchK8sResource | null | undefined>,
): Record<string, { data: any; loaded: boolean; loadError: unknown }> => {
  const keys = Object.keys(resources ?? {});
  const [modelsLoaded, states] = useWatches(keys.map((k) => resources[k]));
  const out: Record<string, { data: any; loaded: boolean; loadError: unknown }> = {};
  for (const k of keys) {
    const [data, loaded, loadError] = resultFor(resources[k], modelsLoaded, states);
    out[k] = { data, loaded, loadError };
  }
  const deps = keys.flatMap((k) => [k, out[k].data, out[k].loaded, out[k].loadError]);
  const prev = React.useRef<{ deps: unknown[]; out: typeof out }>();
  if (
    !prev.current ||
    prev.current.deps.length !== deps.length ||
    deps.some((d, i) => d !== prev.current!.deps[i])
  ) {
    prev.current = { deps, out };
  }
  return prev.current.out;
};
