/**
 * The fixture API server's objects, in memory. One global resourceVersion counter (like etcd's revision)
 * stamps every write; every write is also an event in a history that watches replay from any resourceVersion.
 * Objects are stored per group+plural, independent of the version they were written with.
 */
import { randomUUID } from 'crypto';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    generateName?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  storageKey: string; // `${group}/${plural}`
  object: K8sObject;
  /** The object before the change (MODIFIED) so watches with selectors can emit ADDED/DELETED transitions. */
  previous?: K8sObject;
  rv: number;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class ObjectStore {
  private rv = 0;
  private readonly objects = new Map<string, Map<string, K8sObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(e: StoreEvent) => void>();

  get resourceVersion(): number {
    return this.rv;
  }

  /** The lowest resourceVersion a watch can start from; older ones get 410 Gone. */
  get oldestResourceVersion(): number {
    return this.history.length ? this.history[0].rv - 1 : this.rv;
  }

  private bucket(storageKey: string): Map<string, K8sObject> {
    let b = this.objects.get(storageKey);
    if (!b) {
      b = new Map();
      this.objects.set(storageKey, b);
    }
    return b;
  }

  get(storageKey: string, namespace: string | undefined, name: string): K8sObject | undefined {
    const o = this.objects.get(storageKey)?.get(`${namespace ?? ''}/${name}`);
    return o && clone(o);
  }

  list(storageKey: string, namespace?: string): K8sObject[] {
    const b = this.objects.get(storageKey);
    if (!b) return [];
    return [...b.values()]
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .map(clone)
      .sort((a, b2) =>
        `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
          `${b2.metadata.namespace ?? ''}/${b2.metadata.name}`,
        ),
      );
  }

  /** Every stored object, for namespace cascades and debugging. */
  entries(): Array<{ storageKey: string; object: K8sObject }> {
    return [...this.objects.entries()].flatMap(([storageKey, b]) =>
      [...b.values()].map((object) => ({ storageKey, object: clone(object) })),
    );
  }

  /** Stamps uid/creationTimestamp/generation as the apiserver does on create; does not store. */
  prepareCreate(obj: K8sObject): K8sObject {
    const o = clone(obj);
    o.metadata.uid = randomUUID();
    o.metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    o.metadata.generation = 1;
    delete o.metadata.resourceVersion;
    return o;
  }

  /** Writes and stamps a new resourceVersion; returns the stored copy. */
  write(storageKey: string, obj: K8sObject, type: 'ADDED' | 'MODIFIED'): K8sObject {
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const b = this.bucket(storageKey);
    const previous = b.get(key);
    const o = clone(obj);
    o.metadata.resourceVersion = String(++this.rv);
    b.set(key, o);
    this.emit({
      type,
      storageKey,
      object: clone(o),
      previous: previous && clone(previous),
      rv: this.rv,
    });
    return clone(o);
  }

  remove(storageKey: string, namespace: string | undefined, name: string): K8sObject | undefined {
    const key = `${namespace ?? ''}/${name}`;
    const b = this.objects.get(storageKey);
    const o = b?.get(key);
    if (!b || !o) return undefined;
    b.delete(key);
    const deleted = clone(o);
    deleted.metadata.resourceVersion = String(++this.rv);
    this.emit({ type: 'DELETED', storageKey, object: clone(deleted), rv: this.rv });
    return deleted;
  }

  private emit(e: StoreEvent): void {
    this.history.push(e);
    if (this.history.length > 10000) this.history.splice(0, this.history.length - 10000);
    this.listeners.forEach((l) => l(e));
  }

  /** Events after `sinceRv` (exclusive), in order. */
  eventsSince(sinceRv: number): StoreEvent[] {
    return this.history.filter((e) => e.rv > sinceRv);
  }

  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
