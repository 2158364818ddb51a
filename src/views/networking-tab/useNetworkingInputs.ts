import * as React from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { NetworkAttachmentDefinition, VirtualMachine } from '../../core/k8s/types';
import { specInterfacesOf, type SpecInterface } from '../../core/kubevirt/vm-spec';
import type { NetworkingInput, Unreadable } from '../../core/model/types';
import { foreignNadRefs, networkingWatchesFor, type WatchSpec } from '../../core/model/watches';
import { parseNadConfig } from '../../core/networks/nad-config';
import { isForbidden, isNoModel, isNotFound, messageOf } from '../shared/k8s-errors';

type WatchResult = { data?: unknown; loaded?: boolean; loadError?: unknown };
type Resources = Record<string, K8sResourceCommon | K8sResourceCommon[]>;

/** Cluster-scoped lists that only a NIC on a node bridge (OVN localnet, Linux bridge) needs. */
const NODE_SIDE_KEYS: WatchSpec['key'][] = ['nncps', 'nodeNetworkStates'];

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

/**
 * Loaded value, `Unreadable` marker, or undefined while loading. A missing instance is `null`. A
 * kind the cluster does not serve is no error: none of it exists (an empty list, no instance, no
 * cluster network config), unless the watch says its facts are then unknown (`ifNotServed`).
 */
const valueOf = (
  w: Pick<WatchSpec, 'key' | 'isList' | 'ifNotServed'>,
  r: WatchResult | undefined,
): unknown => {
  if (!r) return undefined;
  if (r.loadError && isNoModel(r.loadError)) {
    if (w.ifNotServed === 'unknown') return undefined;
    return w.isList ? [] : w.key === 'vmi' ? null : undefined;
  }
  if (r.loadError)
    return w.key === 'vmi' && isNotFound(r.loadError) ? null : unreadable(r.loadError);
  return r.loaded ? r.data : undefined;
};

const specInterfaces = (vm: VirtualMachine): SpecInterface[] => {
  try {
    return specInterfacesOf(vm);
  } catch {
    return []; // a spec the core cannot read: the model reports it; the plan stays minimal
  }
};

/**
 * What the VM's own spec says about node-side facts: only a secondary (Multus) network bound with
 * `bridge` can sit on a node bridge (OVN localnet or a Linux bridge). The pod network, a primary
 * UDN, SR-IOV and binding plugins never need NNCPs or NodeNetworkStates.
 */
export const specMayNeedNodeSide = (vm: VirtualMachine): boolean =>
  specInterfaces(vm).some(
    (s) => s.network.kind === 'multus' && !s.network.isDefault && s.binding.name === 'bridge',
  );

/** Whether any NAD the VM uses is on a node bridge: OVN localnet, or the Linux bridge plugin. */
export const nadsNeedNodeSide = (
  vm: VirtualMachine,
  nads: NetworkAttachmentDefinition[],
): boolean => {
  const byKey = new Map(
    nads.map((n) => [`${n.metadata?.namespace ?? ''}/${n.metadata?.name ?? ''}`, n]),
  );
  return specInterfaces(vm).some((s) => {
    if (s.network.kind !== 'multus') return false;
    const nad = byKey.get(`${s.network.nadNamespace}/${s.network.nadName}`);
    if (!nad) return false;
    const config = parseNadConfig(nad);
    return config.topology === 'localnet' || config.canonicalType === 'bridge';
  });
};

/**
 * The watches to open for one VM, all at once (no request waits for another's answer): the scoped
 * watches the core names (src/core/model/watches.ts) minus what the VM cannot need. NNCPs and
 * NodeNetworkStates — cluster-scoped, one large object per node — start with the others when the
 * spec has a bridge-bound secondary NIC, and are dropped once the NADs show none of them is on a
 * node bridge. `nads` is undefined while the NAD list is loading (or unreadable).
 */
export const networkingWatchPlan = (
  vm: VirtualMachine,
  nads?: NetworkAttachmentDefinition[],
): WatchSpec[] => {
  const isDraft = !vm.metadata?.uid;
  const nodeSide = specMayNeedNodeSide(vm) && (nads === undefined || nadsNeedNodeSide(vm, nads));
  return networkingWatchesFor(vm).filter(
    (w) =>
      !(isDraft && (w.key === 'vmi' || w.key === 'pods')) &&
      (nodeSide || !NODE_SIDE_KEYS.includes(w.key)),
  );
};

/**
 * Everything the networking model reads for one VM, through one set of scoped watches opened
 * together: the instance by name, launcher pods by label selector, NADs and UDNs by namespace,
 * NADs of other namespaces by name, and the node-side lists only when a NIC can need them.
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
    vm?.spec?.template?.spec?.domain?.devices?.interfaces,
    isDraft,
  ]);
  // The NADs decide only whether the node-side lists stay open (for this VM spec): once they load.
  const [ruledOutFor, setRuledOutFor] = React.useState<string>();
  const nodeSideRuledOut = ruledOutFor === watchKey;
  const specs = React.useMemo(
    () => (vm ? networkingWatchPlan(vm) : []),
    // The VM's identity, NICs and networks decide the watches; status updates must not reopen them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [watchKey],
  );
  const foreign = React.useMemo(() => (vm ? foreignNadRefs(vm) : []), [watchKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const main = useK8sWatchResources<Resources>(
    React.useMemo(() => {
      const res: Record<string, WatchK8sResource> = {};
      specs
        .filter((w) => !NODE_SIDE_KEYS.includes(w.key))
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
  // A second set, opened in the same render: closing it when the NADs rule it out must not
  // reopen (and re-list) the watches above, as changing one set of resources would.
  const nodeSide = useK8sWatchResources<Resources>(
    React.useMemo(() => {
      const res: Record<string, WatchK8sResource> = {};
      if (!nodeSideRuledOut) {
        specs
          .filter((w) => NODE_SIDE_KEYS.includes(w.key))
          .forEach((w) => (res[w.key] = toResource(w)));
      }
      return res;
    }, [specs, nodeSideRuledOut]),
  ) as Record<string, WatchResult>;
  const results = React.useMemo(() => ({ ...main, ...nodeSide }), [main, nodeSide]);

  const nadsValue = valueOf({ key: 'nads', isList: true }, results.nads);
  const localNads = Array.isArray(nadsValue)
    ? (nadsValue as NetworkAttachmentDefinition[])
    : undefined;
  const crossNamespace = Object.entries(results)
    .filter(([key, r]) => key.startsWith('nad:') && r.loaded && !r.loadError && r.data)
    .map(([, r]) => r.data as NetworkAttachmentDefinition);
  const foreignLoaded = Object.entries(results)
    .filter(([key]) => key.startsWith('nad:'))
    .every(([, r]) => r.loaded || r.loadError);
  const ruledOut =
    !!vm &&
    specs.some((w) => NODE_SIDE_KEYS.includes(w.key)) &&
    !!localNads &&
    foreignLoaded &&
    !nadsNeedNodeSide(vm, [...localNads, ...crossNamespace]);
  React.useEffect(() => {
    if (ruledOut) setRuledOutFor(watchKey);
  }, [ruledOut, watchKey]);

  return React.useMemo(() => {
    const watchCount = Object.keys(results).length;
    if (!vm) return { loaded: false, watchCount };
    // Every watched list has answered (or failed): the model is built once from all of them
    // instead of re-rendering every row as each list arrives. Node-side lists the NADs have ruled
    // out are not waited for.
    const loaded = Object.entries(results).every(
      ([key, r]) =>
        r.loaded || r.loadError || (ruledOut && NODE_SIDE_KEYS.includes(key as WatchSpec['key'])),
    );
    const input: Record<string, unknown> = { vm };
    for (const w of specs) {
      if (ruledOut && NODE_SIDE_KEYS.includes(w.key)) continue;
      input[w.key] = valueOf(w, results[w.key]);
    }
    if (isDraft) input.vmi = null;
    // The watch's own array while no NAD of another namespace is added: the model's checks and
    // indexes are cached per array, and a copy on every update missed them.
    if (Array.isArray(input.nads) && crossNamespace.length > 0)
      input.nads = [...(input.nads as unknown[]), ...crossNamespace];
    return { input: input as unknown as NetworkingInput, loaded, watchCount };
    // crossNamespace is derived from results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [vm, results, specs, isDraft, ruledOut]);
};
