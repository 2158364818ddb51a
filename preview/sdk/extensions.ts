/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * useResolvedExtensions and friends over the host's extension registry: extensions gated by their
 * `flags`, filtered with the SDK's own type guards, `$codeRef`s resolved (deeply) before they are returned.
 */
import * as React from 'react';
import {
  extensionsStore,
  flagsStore,
  isCodeRef,
  useObservable,
  type LoadedExtension,
} from './store';

type Guard = (e: LoadedExtension) => boolean;

export const isExtensionInUse = (
  e: LoadedExtension,
  flags: Record<string, boolean | undefined>,
): boolean =>
  (e.flags?.required ?? []).every((f) => flags[f] === true) &&
  (e.flags?.disallowed ?? []).every((f) => flags[f] === false);

export const useExtensions = (...guards: Guard[]): LoadedExtension[] => {
  const all = useObservable(extensionsStore);
  const flags = useObservable(flagsStore);
  // Guards are usually module-level functions: the list of them is the memo's key.
  const guardsKey = React.useRef(guards);
  if (
    guardsKey.current.length !== guards.length ||
    guardsKey.current.some((g, i) => g !== guards[i])
  ) {
    guardsKey.current = guards;
  }
  const stableGuards = guardsKey.current;
  return React.useMemo(
    () => all.filter((e) => isExtensionInUse(e, flags) && stableGuards.every((g) => g(e))),
    [all, flags, stableGuards],
  );
};

const resolved = new WeakMap<LoadedExtension, Promise<LoadedExtension>>();

const resolveDeep = async (v: unknown): Promise<unknown> => {
  if (isCodeRef(v)) return v();
  if (Array.isArray(v)) return Promise.all(v.map(resolveDeep));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = await Promise.all(
      Object.entries(v).map(async ([k, x]) => [k, await resolveDeep(x)] as const),
    );
    return Object.fromEntries(entries);
  }
  return v;
};

export const resolveExtension = (e: LoadedExtension): Promise<LoadedExtension> => {
  let p = resolved.get(e);
  if (!p) {
    p = resolveDeep(e.properties).then((properties) => ({
      ...e,
      properties: properties as Record<string, any>,
    }));
    resolved.set(e, p);
  }
  return p;
};

export const useResolvedExtensions = (
  ...guards: Guard[]
): [LoadedExtension[], boolean, unknown[]] => {
  const extensions = useExtensions(...guards);
  const [state, setState] = React.useState<[LoadedExtension[], boolean, unknown[]]>([
    [],
    false,
    [],
  ]);
  React.useEffect(() => {
    let alive = true;
    void Promise.allSettled(extensions.map(resolveExtension)).then((results) => {
      if (!alive) return;
      const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      errors.forEach((err) =>
        console.error('preview host: could not resolve an extension code reference', err),
      );
      setState([ok, true, errors]);
    });
    return () => {
      alive = false;
    };
  }, [extensions]);
  return state;
};
