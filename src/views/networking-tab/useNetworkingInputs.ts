import * as React from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { NetworkAttachmentDefinition, VirtualMachine } from '../../core/k8s/types';
import type { NetworkingInput, Unreadable } from '../../core/model/types';
import { foreignNadRefs, networkingWatchesFor, type WatchSpec } from '../../core/model/watches';
import { isForbidden, isNotFound, messageOf } from '../shared/k8s-errors';

type WatchResult = { data?: unknown; loaded?: boolean; loadError?: unknown };
type Resources = Record<string, K8sResourceCommon | K8sResourceCommon[]>;

const unreadable = (error: unknown): Unreadable => ({
  error: messageOf(error),
  forbidden: isForbidden(error),
});

const toResource = (w: WatchSpec): WatchK8sResource => ({
  groupVersionKind: groupVersionKindOf(Models[w.model]),
  isList: w.isList,
  ...(w.namespace ? { namespace: w.namespace } : {}),
  ...(w.name ? { name: w.name } : {}),
  ...(w.selector ? { selector: w.selector } : {}),
});

/** Loaded value, `Unreadable` marker, or undefined while loading. A missing instance is `null`. */
const valueOf = (key: string, r: WatchResult | undefined): unknown => {
  if (!r) return undefined;
  if (r.loadError) return key === 'vmi' && isNotFound(r.loadError) ? null : unreadable(r.loadError);
  return r.loaded ? r.data : undefined;
};

const isLocalnetNad = (nad: NetworkAttachmentDefinition) =>
  /"topology"\s*:\s*"localnet"/.test(nad.spec?.config ?? '');

/**
 * Everything the networking model reads for one VM, through the scoped watches the core names
 * (src/core/model/watches.ts): the instance by name, launcher pods by label selector, NADs and UDNs
 * by namespace, NADs of other namespaces by name. NodeNetworkStates — one large object per node —
 * are only watched when the VM uses an OVN localnet network, the one case that needs them.
 */
export const useNetworkingInputs = (
  vm: VirtualMachine | undefined,
): { input?: NetworkingInput; loaded: boolean; watchCount: number } => {
  const isDraft = !!vm && !vm.metadata?.uid;
  const watchKey = JSON.stringify([
    vm?.metadata?.namespace,
    vm?.metadata?.name,
    vm?.spec?.template?.spec?.hostname,
    vm?.spec?.template?.spec?.networks,
    isDraft,
  ]);
  const specs = React.useMemo(
    () =>
      vm
        ? networkingWatchesFor(vm).filter(
            (w) => !(isDraft && (w.key === 'vmi' || w.key === 'pods')),
          )
        : [],
    // The VM's identity and network list decide the watches; status updates must not reopen them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [watchKey],
  );
  const foreign = React.useMemo(() => (vm ? foreignNadRefs(vm) : []), [watchKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const results = useK8sWatchResources<Resources>(
    React.useMemo(() => {
      const res: Record<string, WatchK8sResource> = {};
      specs
        .filter((w) => w.key !== 'nodeNetworkStates')
        .forEach((w) => (res[w.key] = toResource(w)));
      foreign.forEach((ref) => {
        res[`nad:${ref.namespace}/${ref.name}`] = {
          groupVersionKind: groupVersionKindOf(Models.NetworkAttachmentDefinition),
          namespace: ref.namespace,
          name: ref.name,
        };
      });
      return res;
    }, [specs, foreign]),
  ) as Record<string, WatchResult>;

  const nads = valueOf('nads', results.nads);
  const usesLocalnet =
    Array.isArray(nads) && (nads as NetworkAttachmentDefinition[]).some(isLocalnetNad);
  const nnsSpec = specs.find((w) => w.key === 'nodeNetworkStates');
  const nns = useK8sWatchResources<Resources>(
    React.useMemo(
      () =>
        (usesLocalnet && nnsSpec ? { nodeNetworkStates: toResource(nnsSpec) } : {}) as Record<
          string,
          WatchK8sResource
        >,
      [usesLocalnet, nnsSpec],
    ),
  ) as Record<string, WatchResult>;

  return React.useMemo(() => {
    const all = { ...results, ...nns };
    const watchCount = Object.keys(all).length;
    if (!vm) return { loaded: false, watchCount };
    // Every watched list has answered (or failed): the model is built once from all of them
    // instead of re-rendering every row as each list arrives. NodeNetworkStates count once the
    // NADs have shown whether they are needed.
    const loaded =
      Object.values(all).every((r) => r.loaded || r.loadError) &&
      (!usesLocalnet || !!(nns.nodeNetworkStates?.loaded || nns.nodeNetworkStates?.loadError));
    const input: Record<string, unknown> = { vm };
    for (const w of specs) input[w.key] = valueOf(w.key, all[w.key]);
    if (isDraft) input.vmi = null;
    const crossNamespace = Object.entries(all)
      .filter(([key, r]) => key.startsWith('nad:') && r.loaded && !r.loadError && r.data)
      .map(([, r]) => r.data);
    if (Array.isArray(input.nads)) input.nads = [...(input.nads as unknown[]), ...crossNamespace];
    return { input: input as unknown as NetworkingInput, loaded, watchCount };
  }, [vm, results, nns, specs, isDraft, usesLocalnet]);
};
