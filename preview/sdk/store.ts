/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Host state the SDK hooks read: the extension registry filled by the plugin loader, feature flags, and the
 * active namespace. Small observable stores instead of the console's redux store.
 */
import * as React from 'react';

export class Observable<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}
  get(): T {
    return this.value;
  }
  set(value: T): void {
    this.value = value;
    this.listeners.forEach((l) => l());
  }
  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const useObservable = <T>(o: Observable<T>): T => {
  const [, force] = React.useReducer((x: number) => x + 1, 0);
  React.useEffect(() => o.subscribe(force), [o]);
  return o.get();
};

/** A `$codeRef` after loading: calling it loads the plugin module and returns the referenced export. */
export type CodeRef<T = unknown> = (() => Promise<T>) & { codeRef: string };

export interface LoadedExtension {
  type: string;
  properties: Record<string, any>;
  flags?: { required?: string[]; disallowed?: string[] };
  pluginName: string;
  pluginID: string;
  uid: string;
}

export const extensionsStore = new Observable<LoadedExtension[]>([]);
export const flagsStore = new Observable<Record<string, boolean | undefined>>({});
export const activeNamespaceStore = new Observable<string>('default');

export const setFlag = (name: string, value: boolean): void => {
  if (flagsStore.get()[name] === value) return;
  flagsStore.set({ ...flagsStore.get(), [name]: value });
};

export const isCodeRef = (v: unknown): v is CodeRef =>
  typeof v === 'function' && typeof (v as CodeRef).codeRef === 'string';
