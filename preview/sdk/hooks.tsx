/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/** Console hooks that depend on console state: namespace, access review, flags, modals and overlays. */
import * as React from 'react';
import { consoleFetchJSON } from './http';
import { k8sBasePath } from './models';
import { activeNamespaceStore, flagsStore, useObservable } from './store';

export const ALL_NAMESPACES_KEY = '#ALL_NS#';

export const useActiveNamespace = (): [string, (ns: string) => void] => {
  const ns = useObservable(activeNamespaceStore);
  const set = React.useCallback((next: string) => activeNamespaceStore.set(next), []);
  return [ns, set];
};

export const useFlag = (flag: string): boolean | undefined => useObservable(flagsStore)[flag];

export const useActivePerspective = (): [string, (p: string) => void] => ['admin', () => undefined];

export interface AccessReviewResourceAttributes {
  group?: string;
  resource?: string;
  subresource?: string;
  verb?: string;
  name?: string;
  namespace?: string;
}

const reviews = new Map<string, Promise<any>>();

export const checkAccess = (
  attrs: AccessReviewResourceAttributes,
  impersonate?: unknown,
): Promise<any> => {
  const resourceAttributes = {
    group: attrs.group ?? '',
    resource: attrs.resource,
    subresource: attrs.subresource ?? '',
    verb: attrs.verb ?? 'get',
    name: attrs.name ?? '',
    namespace: attrs.namespace ?? '',
  };
  const key = JSON.stringify([resourceAttributes, impersonate ?? null]);
  let p = reviews.get(key);
  if (!p) {
    p = consoleFetchJSON.post(
      `${k8sBasePath()}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`,
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes },
      },
    );
    p.catch(() => reviews.delete(key));
    reviews.set(key, p);
  }
  return p;
};

export const useAccessReview = (
  attrs: AccessReviewResourceAttributes,
  impersonate?: unknown,
  noCheckForEmptyGroupAndResource?: boolean,
): [boolean, boolean] => {
  const [state, setState] = React.useState<[boolean, boolean]>([false, true]);
  const key = JSON.stringify([attrs, impersonate ?? null]);
  React.useEffect(() => {
    let alive = true;
    if (!noCheckForEmptyGroupAndResource && !attrs.group && !attrs.resource) {
      setState([false, false]);
      return undefined;
    }
    setState([false, true]);
    checkAccess(attrs, impersonate).then(
      (r) => alive && setState([!!r?.status?.allowed, false]),
      // The console treats a failed review as allowed and lets the API server decide.
      () => alive && setState([true, false]),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
};

export const useAccessReviewAllowed = (
  attrs: AccessReviewResourceAttributes,
  impersonate?: unknown,
): boolean => useAccessReview(attrs, impersonate)[0];

// ---------------------------------------------------------------------------------------- overlays

interface Overlay {
  id: number;
  Component: React.ComponentType<any>;
  props: Record<string, unknown>;
  kind: 'modal' | 'overlay';
}

interface OverlayApi {
  launch: (
    kind: Overlay['kind'],
    Component: React.ComponentType<any>,
    props?: Record<string, unknown>,
    id?: number,
  ) => number;
  close: (id?: number) => void;
}

const OverlayContext = React.createContext<OverlayApi | undefined>(undefined);

export const OverlayProvider: React.FC<{ children?: React.ReactNode }> = ({ children }) => {
  const [overlays, setOverlays] = React.useState<Overlay[]>([]);
  const nextId = React.useRef(1);
  const api = React.useMemo<OverlayApi>(
    () => ({
      launch: (kind, Component, props = {}, id) => {
        const oid = id ?? nextId.current++;
        setOverlays((list) => [
          ...list.filter((o) => o.id !== oid),
          { id: oid, Component, props, kind },
        ]);
        return oid;
      },
      close: (id) =>
        setOverlays((list) =>
          id === undefined ? list.slice(0, -1) : list.filter((o) => o.id !== id),
        ),
    }),
    [],
  );
  return (
    <OverlayContext.Provider value={api}>
      {children}
      {overlays.map(({ id, Component, props, kind }) => (
        <Component
          key={id}
          {...props}
          {...(kind === 'modal'
            ? { closeModal: () => api.close(id) }
            : { closeOverlay: () => api.close(id) })}
        />
      ))}
    </OverlayContext.Provider>
  );
};

const useOverlayApi = (): OverlayApi => {
  const api = React.useContext(OverlayContext);
  if (!api)
    throw new Error('preview host: useModal/useOverlay used outside the host OverlayProvider');
  return api;
};

export const useModal = () => {
  const api = useOverlayApi();
  return React.useCallback(
    (Component: React.ComponentType<any>, props?: Record<string, unknown>) => {
      api.launch('modal', Component, props);
    },
    [api],
  );
};

export const useOverlay = () => {
  const api = useOverlayApi();
  return React.useCallback(
    (Component: React.ComponentType<any>, props?: Record<string, unknown>) =>
      api.launch('overlay', Component, props),
    [api],
  );
};

export const useUserSettings = <T,>(
  key: string,
  defaultValue?: T,
  _sync = false,
): [T, (v: T) => void, boolean] => {
  const storageKey = `preview-user-settings/${key}`;
  const [value, setValue] = React.useState<T>(() => {
    const raw = window.localStorage.getItem(storageKey);
    return raw === null ? (defaultValue as T) : (JSON.parse(raw) as T);
  });
  const set = React.useCallback(
    (v: T) => {
      window.localStorage.setItem(storageKey, JSON.stringify(v));
      setValue(v);
    },
    [storageKey],
  );
  return [value, set, true];
};
