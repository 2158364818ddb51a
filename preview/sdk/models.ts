/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * API discovery and the K8sModel registry, like the console's: models come from `/api/v1` and every group
 * version under `/apis`, keyed by reference (`group~version~Kind`, or `Kind` for the core group).
 */
import * as React from 'react';
import { consoleFetchJSON } from './http';

export const k8sBasePath = (): string =>
  `${(window as any).SERVER_FLAGS?.basePath ?? '/'}api/kubernetes`;

export interface K8sModel {
  kind: string;
  apiVersion: string;
  apiGroup?: string;
  plural: string;
  namespaced: boolean;
  abbr: string;
  label: string;
  labelPlural: string;
  labelKey?: string;
  id: string;
  crd: boolean;
  verbs: string[];
  shortNames?: string[];
  propagationPolicy?: string;
}

export interface K8sGroupVersionKind {
  group?: string;
  version: string;
  kind: string;
}

export const referenceForGVK = ({ group, version, kind }: K8sGroupVersionKind): string =>
  !group || group === 'core' ? kind : `${group}~${version}~${kind}`;

export const referenceForModel = (m: K8sModel): string =>
  referenceForGVK({ group: m.apiGroup, version: m.apiVersion, kind: m.kind });

const labelOf = (kind: string): string =>
  kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
const abbrOf = (kind: string): string =>
  (kind.match(/[A-Z]/g) ?? [kind[0]]).join('').slice(0, 4).toUpperCase();

const BUILTIN_GROUPS = /(^|\.)k8s\.io$|^(apps|batch|policy|autoscaling)$/;

interface APIResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
}

const modelsFrom = (group: string, version: string, resources: APIResource[]): K8sModel[] =>
  resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      kind: r.kind,
      apiVersion: version,
      ...(group ? { apiGroup: group } : {}),
      plural: r.name,
      namespaced: r.namespaced,
      abbr: abbrOf(r.kind),
      label: labelOf(r.kind),
      labelPlural: `${labelOf(r.kind)}s`,
      id: r.singularName || r.kind.toLowerCase(),
      crd: !!group && !BUILTIN_GROUPS.test(group),
      verbs: r.verbs,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    }));

type Listener = () => void;

class ModelStore {
  models = new Map<string, K8sModel>();
  /** Preferred version per group, to resolve bare-kind references. */
  preferred = new Map<string, string>();
  loaded = false;
  error: unknown;
  private promise?: Promise<void>;
  private listeners = new Set<Listener>();

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  discover(): Promise<void> {
    if (!this.promise) {
      this.promise = this.run().then(
        () => {
          this.loaded = true;
          this.listeners.forEach((l) => l());
        },
        (e) => {
          this.error = e;
          this.loaded = true;
          console.error('preview host: API discovery failed', e);
          this.listeners.forEach((l) => l());
        },
      );
    }
    return this.promise;
  }

  private async run(): Promise<void> {
    const base = k8sBasePath();
    const core = consoleFetchJSON(`${base}/api/v1`).then((l: { resources: APIResource[] }) =>
      modelsFrom('', 'v1', l.resources),
    );
    const groups: {
      groups: Array<{
        name: string;
        versions: Array<{ version: string }>;
        preferredVersion: { version: string };
      }>;
    } = await consoleFetchJSON(`${base}/apis`);
    const lists = groups.groups.flatMap((g) => {
      this.preferred.set(g.name, g.preferredVersion.version);
      return g.versions.map((v) =>
        consoleFetchJSON(`${base}/apis/${g.name}/${v.version}`).then(
          (l: { resources: APIResource[] }) => modelsFrom(g.name, v.version, l.resources),
          () => [] as K8sModel[], // an aggregated API that is down must not break discovery
        ),
      );
    });
    for (const models of await Promise.all([core, ...lists])) {
      models.forEach((m) => this.models.set(referenceForModel(m), m));
    }
  }

  /** A reference is `group~version~Kind`, or a bare Kind (core group first, then any group's preferred version). */
  lookup(ref: string | K8sGroupVersionKind | undefined): K8sModel | undefined {
    if (!ref) return undefined;
    const r = typeof ref === 'string' ? ref : referenceForGVK(ref);
    const direct = this.models.get(r);
    if (direct || r.includes('~')) return direct;
    return [...this.models.values()].find(
      (m) => m.kind === r && (!m.apiGroup || this.preferred.get(m.apiGroup) === m.apiVersion),
    );
  }
}

export const modelStore = new ModelStore();

/** Re-renders when API discovery adds models; true once discovery has finished. */
export const useModelsLoaded = (): boolean => {
  const [, force] = React.useReducer((x: number) => x + 1, 0);
  const loaded = modelStore.loaded;
  React.useEffect(() => {
    const off = modelStore.subscribe(force);
    void modelStore.discover();
    // Effects run after the render, and discovery may finish in between: its listeners then ran
    // before this one was added, and nothing would tell this component, which stays "models not
    // loaded" and opens no watch (preview/sdk/watch-hooks.spec.tsx). A VM network details page
    // caught stuck in the e2e tests had no watch open at all, which is what this leaves.
    if (modelStore.loaded !== loaded) force();
    return () => {
      off();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the value this component first rendered with
  }, []);
  return loaded;
};

/** `[model, inFlight]` for a group/version/kind or a reference string. */
export const useK8sModel = (
  groupVersionKind?: K8sGroupVersionKind | string,
): [K8sModel | undefined, boolean] => {
  const loaded = useModelsLoaded();
  const key =
    typeof groupVersionKind === 'string'
      ? groupVersionKind
      : groupVersionKind && referenceForGVK(groupVersionKind);
  return React.useMemo(() => [modelStore.lookup(key), !loaded], [key, loaded]);
};

export const useK8sModels = (): [{ [ref: string]: K8sModel }, boolean] => {
  const loaded = useModelsLoaded();
  return React.useMemo(() => [Object.fromEntries(modelStore.models), !loaded], [loaded]);
};

export const getGroupVersionKindForModel = (m: K8sModel): K8sGroupVersionKind => ({
  ...(m.apiGroup ? { group: m.apiGroup } : {}),
  version: m.apiVersion,
  kind: m.kind,
});

export const getAPIVersionForModel = (m: K8sModel): string =>
  m.apiGroup ? `${m.apiGroup}/${m.apiVersion}` : m.apiVersion;

export const getGroupVersionKindForResource = (r: {
  apiVersion?: string;
  kind?: string;
}): K8sGroupVersionKind => {
  const apiVersion = r.apiVersion ?? '';
  const i = apiVersion.lastIndexOf('/');
  return {
    ...(i >= 0 ? { group: apiVersion.slice(0, i) } : {}),
    version: i >= 0 ? apiVersion.slice(i + 1) : apiVersion,
    kind: r.kind ?? '',
  };
};
