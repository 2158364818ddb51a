/**
 * The list page's data: networks of one namespace (or all), the CUDNs (cluster-scoped), the
 * namespaces (to see which ones a CUDN selects), the bridge mappings, and the VMs of the namespaces
 * those networks reach, one scoped watch per namespace — never a cluster-wide list of VMs or pods.
 */
import * as React from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models, type ResourceModel } from '../../core/k8s/models';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  UserDefinedNetwork,
  VirtualMachine,
  VirtualMachineInstance,
} from '../../core/k8s/types';
import { isNoModel } from '../shared/k8s-errors';
import { collectBridgeMappings } from '../../core/networks/bridge-mappings';
import {
  buildNetworkRows,
  joinConnectedVms,
  namespacesReached,
  type NetworkRow,
} from '../../core/network-list';

export type WatchResult = { data?: unknown; loaded?: boolean; loadError?: unknown };

export const listOf = <T>(r: WatchResult | undefined): T[] =>
  r?.loaded && !r.loadError && Array.isArray(r.data) ? (r.data as T[]) : [];

export const listWatch = (model: ResourceModel, namespace?: string): WatchK8sResource => ({
  groupVersionKind: groupVersionKindOf(model),
  isList: true,
  ...(namespace && model.namespaced ? { namespace } : {}),
});

export interface Problem {
  kind: string;
  namespace?: string;
  error: unknown;
}

/**
 * Watches per namespace: one `VirtualMachine` (and optionally VMI) list each. `namespaces` is
 * undefined while it is not known which namespaces to look in: that is "not loaded", never "no VMs".
 * Loaded means every VM list answered (with its items or an error, reported in `problems`), as the
 * console's useK8sWatchResources reports each resource on its own.
 */
export const useVmsOf = (namespaces: string[] | undefined, withInstances: boolean) => {
  const known = namespaces !== undefined;
  const list = React.useMemo(
    () => namespaces ?? [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- by value
    [known, (namespaces ?? []).join(',')],
  );
  const resources = React.useMemo(() => {
    const r: Record<string, WatchK8sResource> = {};
    list.forEach((ns, i) => {
      r[`vm${i}`] = listWatch(Models.VirtualMachine, ns);
      if (withInstances) r[`vmi${i}`] = listWatch(Models.VirtualMachineInstance, ns);
    });
    return r;
  }, [list, withInstances]);
  const res = useK8sWatchResources<Record<string, K8sObject[]>>(resources) as unknown as Record<
    string,
    WatchResult
  >;
  return React.useMemo(() => {
    const vms: VirtualMachine[] = [];
    const vmis: VirtualMachineInstance[] = [];
    const problems: Problem[] = [];
    let loaded = known;
    list.forEach((ns, i) => {
      const vm = res[`vm${i}`];
      if (vm?.loadError)
        problems.push({ kind: 'VirtualMachines', namespace: ns, error: vm.loadError });
      else if (!vm?.loaded) loaded = false;
      vms.push(...listOf<VirtualMachine>(vm));
      if (withInstances) {
        const vmi = res[`vmi${i}`];
        if (vmi?.loadError)
          problems.push({ kind: 'VirtualMachineInstances', namespace: ns, error: vmi.loadError });
        vmis.push(...listOf<VirtualMachineInstance>(vmi));
      }
    });
    return { vms, vmis, problems, loaded };
  }, [res, list, known, withInstances]);
};

export const useNetworkList = (namespace: string | undefined) => {
  const resources = React.useMemo(
    () => ({
      udns: listWatch(Models.UserDefinedNetwork, namespace),
      nads: listWatch(Models.NetworkAttachmentDefinition, namespace),
      cudns: listWatch(Models.ClusterUserDefinedNetwork),
      namespaces: listWatch(Models.Namespace),
      nncps: listWatch(Models.NodeNetworkConfigurationPolicy),
      nns: listWatch(Models.NodeNetworkState),
    }),
    [namespace],
  );
  const res = useK8sWatchResources<Record<string, K8sObject[]>>(
    resources as Record<string, WatchK8sResource>,
  ) as unknown as Record<string, WatchResult>;

  const baseRows = React.useMemo(() => {
    const rows = buildNetworkRows({
      udns: listOf<UserDefinedNetwork>(res.udns),
      nads: listOf<NetworkAttachmentDefinition>(res.nads),
      cudns: listOf<ClusterUserDefinedNetwork>(res.cudns),
      namespaces:
        res.namespaces?.loaded && !res.namespaces.loadError
          ? listOf<Namespace>(res.namespaces)
          : undefined,
      bridgeMappings: collectBridgeMappings(
        listOf<NodeNetworkConfigurationPolicy>(res.nncps),
        listOf<NodeNetworkState>(res.nns),
      ),
    });
    // In one namespace: its own networks and the CUDNs that reach it.
    return namespace ? rows.filter((r) => r.namespaces.includes(namespace)) : rows;
  }, [res.udns, res.nads, res.cudns, res.namespaces, res.nncps, res.nns, namespace]);

  // Which namespaces' VMs to read is known once the networks (and, for CUDN selectors, the
  // namespaces) have answered, with data or an error; until then the counts are not "0".
  const answered = (r?: WatchResult) => !!(r?.loaded || r?.loadError);
  const reachKnown =
    !!namespace ||
    (answered(res.udns) && answered(res.nads) && answered(res.cudns) && answered(res.namespaces));
  const reached = React.useMemo(
    () => (namespace ? [namespace] : namespacesReached(baseRows)),
    [baseRows, namespace],
  );
  const vmData = useVmsOf(reachKnown ? reached : undefined, false);

  const rows: NetworkRow[] = React.useMemo(
    // The join fills fresh copies: the memoized base rows stay as built.
    () =>
      joinConnectedVms(
        baseRows.map((r) => ({ ...r })),
        vmData.vms,
      ),
    [baseRows, vmData.vms],
  );

  // Networks are what the page lists: it is loaded once they are; CUDNs may be forbidden.
  const loaded =
    !!(res.udns?.loaded || res.udns?.loadError) && !!(res.nads?.loaded || res.nads?.loadError);
  const problems: Problem[] = [
    ...(['udns', 'nads', 'cudns'] as const)
      // A kind the cluster does not serve (a CNI without UserDefinedNetworks) is no problem.
      .filter((k) => res[k]?.loadError && !isNoModel(res[k].loadError))
      .map((k) => ({
        kind:
          k === 'udns'
            ? 'UserDefinedNetworks'
            : k === 'nads'
              ? 'NetworkAttachmentDefinitions'
              : 'ClusterUserDefinedNetworks',
        error: res[k].loadError,
      })),
    ...vmData.problems,
  ];
  const loadError =
    res.udns?.loadError && res.nads?.loadError && res.cudns?.loadError
      ? res.nads.loadError
      : undefined;
  return { rows, loaded, loadError, problems, vmsLoaded: vmData.loaded };
};
