/**
 * The resources the Networking tab watches for one VM, all scoped: the VMI by name, the launcher
 * pods by label selector, NADs and UDNs of the namespace. Cluster-scoped lists are only the small
 * ones (CUDNs, NNCPs, NodeNetworkStates); never a cluster-wide list of pods or VMs.
 */
import { Models, type ModelName } from '../k8s/models';
import type { LabelSelector, VirtualMachine } from '../k8s/types';
import { specInterfacesOf } from '../kubevirt/vm-spec';
import { launcherPodSelector } from '../pod/launcher';

export interface WatchSpec {
  /** Key of the NetworkingInput field the result goes into. */
  key:
    | 'vmi'
    | 'pods'
    | 'nads'
    | 'udns'
    | 'cudns'
    | 'namespace'
    | 'nncps'
    | 'nodeNetworkStates'
    | 'networkConfig'
    | 'clusterNetwork';
  model: ModelName;
  isList: boolean;
  namespace?: string;
  name?: string;
  selector?: LabelSelector;
  /** Readable by most users? When false a 403 is expected and only hides facts. */
  optional: boolean;
  /**
   * What a cluster that does not serve the kind (its CRD is not installed) means for the model:
   * by default that no such object exists; `unknown` where the kind is the only evidence of facts
   * that exist without it (NMState: a cluster without it can still map localnet networks to
   * bridges, and only NMState's objects show those mappings).
   */
  ifNotServed?: 'unknown';
}

export const networkingWatchesFor = (vm: VirtualMachine): WatchSpec[] => {
  const namespace = vm.metadata?.namespace ?? '';
  const name = vm.metadata?.name ?? '';
  const watches: WatchSpec[] = [
    {
      key: 'vmi',
      model: 'VirtualMachineInstance',
      isList: false,
      namespace,
      name,
      optional: false,
    },
    {
      key: 'pods',
      model: 'Pod',
      isList: true,
      namespace,
      selector: launcherPodSelector(vm),
      optional: false,
    },
    { key: 'nads', model: 'NetworkAttachmentDefinition', isList: true, namespace, optional: false },
    { key: 'udns', model: 'UserDefinedNetwork', isList: true, namespace, optional: true },
    { key: 'namespace', model: 'Namespace', isList: false, name: namespace, optional: true },
    { key: 'cudns', model: 'ClusterUserDefinedNetwork', isList: true, optional: true },
    {
      key: 'nncps',
      model: 'NodeNetworkConfigurationPolicy',
      isList: true,
      optional: true,
      ifNotServed: 'unknown',
    },
    {
      key: 'nodeNetworkStates',
      model: 'NodeNetworkState',
      isList: true,
      optional: true,
      ifNotServed: 'unknown',
    },
    // One small named object: its status.networkType says whether OVN-Kubernetes internals apply.
    {
      key: 'clusterNetwork',
      model: 'ClusterNetworkConfig',
      isList: false,
      name: 'cluster',
      optional: true,
    },
  ];
  return watches;
};

/**
 * NADs in other namespaces that the spec references by `ns/name` (typically `default`): fetched
 * one by one, by name, so the tab does not list every namespace's NADs.
 */
export const foreignNadRefs = (vm: VirtualMachine): { namespace: string; name: string }[] => {
  const namespace = vm.metadata?.namespace ?? '';
  const seen = new Set<string>();
  const out: { namespace: string; name: string }[] = [];
  for (const s of specInterfacesOf(vm)) {
    if (s.network.kind !== 'multus' || s.network.nadNamespace === namespace) continue;
    const key = `${s.network.nadNamespace}/${s.network.nadName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ namespace: s.network.nadNamespace, name: s.network.nadName });
  }
  return out;
};

export const modelOfWatch = (w: WatchSpec) => Models[w.model];
