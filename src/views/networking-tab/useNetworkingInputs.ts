import * as React from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { VirtualMachine } from '../../core/k8s/types';
import { specInterfacesOf } from '../../core/kubevirt/vm-spec';
import type { NetworkingInput, Unreadable } from '../../core/model/types';
import { isForbidden, isNotFound, messageOf } from '../shared/k8s-errors';

type WatchResult = { data?: unknown; loaded?: boolean; loadError?: unknown };

const unreadable = (error: unknown): Unreadable => ({
  error: messageOf(error),
  forbidden: isForbidden(error),
});

const listOrError = <T>(r: WatchResult | undefined): T[] | Unreadable | undefined => {
  if (!r) return undefined;
  if (r.loadError) return unreadable(r.loadError);
  return r.loaded ? ((r.data as T[]) ?? []) : undefined;
};

/**
 * Everything the networking model reads for one VM, each watch scoped: the instance by name, the
 * launcher pods by the `kubevirt.io/created-by` label of that instance, NADs and UDNs by namespace,
 * NADs of other namespaces by name. Cluster-scoped network config (CUDNs, NNCPs) is listed as is;
 * NodeNetworkStates only when a NAD the VM uses is an OVN localnet.
 */
export const useNetworkingInputs = (
  vm: VirtualMachine | undefined,
): { input?: NetworkingInput; loaded: boolean; watchCount: number } => {
  const namespace = vm?.metadata?.namespace;
  const name = vm?.metadata?.name;
  const isDraft = !vm?.metadata?.uid;

  const first = useK8sWatchResources<Record<string, K8sResourceCommon | K8sResourceCommon[]>>(
    React.useMemo(() => {
      if (!namespace || !name) return {};
      const res: Record<string, WatchK8sResource> = {
        namespace: { groupVersionKind: groupVersionKindOf(Models.Namespace), name: namespace },
        nads: {
          groupVersionKind: groupVersionKindOf(Models.NetworkAttachmentDefinition),
          namespace,
          isList: true,
        },
        udns: {
          groupVersionKind: groupVersionKindOf(Models.UserDefinedNetwork),
          namespace,
          isList: true,
        },
        cudns: {
          groupVersionKind: groupVersionKindOf(Models.ClusterUserDefinedNetwork),
          isList: true,
        },
        nncps: {
          groupVersionKind: groupVersionKindOf(Models.NodeNetworkConfigurationPolicy),
          isList: true,
        },
      };
      if (!isDraft) {
        res.vmi = {
          groupVersionKind: groupVersionKindOf(Models.VirtualMachineInstance),
          name,
          namespace,
        };
      }
      // NADs the VM references in other namespaces (e.g. `default/<nad>`), each by name.
      for (const iface of specInterfacesOf(vm)) {
        if (iface.network.kind === 'multus' && iface.network.nadNamespace !== namespace) {
          res[`nad:${iface.network.nadNamespace}/${iface.network.nadName}`] = {
            groupVersionKind: groupVersionKindOf(Models.NetworkAttachmentDefinition),
            name: iface.network.nadName,
            namespace: iface.network.nadNamespace,
          };
        }
      }
      return res;
      // The spec's network list decides the watches; other VM changes must not reopen them.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [namespace, name, isDraft, JSON.stringify(vm?.spec?.template?.spec?.networks ?? [])]),
  ) as Record<string, WatchResult>;

  const vmiResult = first.vmi;
  const vmi = vmiResult?.loaded && !vmiResult.loadError ? (vmiResult.data as { metadata?: { uid?: string } }) : undefined;
  const vmiUid = vmi?.metadata?.uid;

  const nadsInNamespace = listOrError<{ spec?: { config?: string } }>(first.nads);
  const usesLocalnet = Array.isArray(nadsInNamespace)
    ? nadsInNamespace.some((n) => /"topology"\s*:\s*"localnet"/.test(n.spec?.config ?? ''))
    : false;

  const second = useK8sWatchResources<Record<string, K8sResourceCommon | K8sResourceCommon[]>>(
    React.useMemo(() => {
      const res: Record<string, WatchK8sResource> = {};
      if (namespace && vmiUid) {
        res.pods = {
          groupVersionKind: groupVersionKindOf(Models.Pod),
          namespace,
          isList: true,
          selector: { matchLabels: { 'kubevirt.io/created-by': vmiUid } },
        };
      }
      if (usesLocalnet) {
        res.nodeNetworkStates = {
          groupVersionKind: groupVersionKindOf(Models.NodeNetworkState),
          isList: true,
        };
      }
      return res;
    }, [namespace, vmiUid, usesLocalnet]),
  ) as Record<string, WatchResult>;

  return React.useMemo(() => {
    const watchCount = Object.keys(first).length + Object.keys(second).length;
    if (!vm) return { loaded: false, watchCount };
    const essential = [first.namespace, first.nads, first.vmi].filter(Boolean);
    const loaded =
      essential.every((r) => r?.loaded || r?.loadError) &&
      (!vmiUid || !!(second.pods?.loaded || second.pods?.loadError));

    let vmiInput: NetworkingInput['vmi'];
    if (isDraft) vmiInput = null;
    else if (vmiResult?.loadError) {
      vmiInput = isNotFound(vmiResult.loadError) ? null : unreadable(vmiResult.loadError);
    } else vmiInput = vmiResult?.loaded ? (vmiResult.data as NetworkingInput['vmi']) : undefined;

    const nads = nadsInNamespace;
    const crossNamespace = Object.entries(first)
      .filter(([key, r]) => key.startsWith('nad:') && r.loaded && !r.loadError && r.data)
      .map(([, r]) => r.data);
    const allNads = Array.isArray(nads) ? [...nads, ...crossNamespace] : nads;

    const namespaceResult = first.namespace;
    const input: NetworkingInput = {
      vm,
      vmi: vmiInput,
      pods: listOrError(second.pods),
      nads: allNads as NetworkingInput['nads'],
      udns: listOrError(first.udns),
      cudns: listOrError(first.cudns),
      namespace: namespaceResult?.loadError
        ? unreadable(namespaceResult.loadError)
        : (namespaceResult?.data as NetworkingInput['namespace']),
      nncps: listOrError(first.nncps),
      nodeNetworkStates: listOrError(second.nodeNetworkStates),
    };
    return { input, loaded, watchCount };
  }, [vm, first, second, isDraft, vmiResult, vmiUid, nadsInNamespace]);
};
