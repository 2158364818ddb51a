/**
 * What the attach modal and the create page read from the cluster, all scoped: the networks of one
 * namespace (NADs, UDNs, the CUDNs, the Namespace), its VMs (names and MACs), and the facts that
 * decide bindings (OpenShift version, HCO's passt opt-in).
 */
import * as React from 'react';
import {
  useK8sWatchResource,
  useK8sWatchResources,
  type K8sResourceCommon,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  passtSupportOf,
  planNetworkOptions,
  emptyPlanned,
  type BindingContext,
  type NetworkOption,
  type NetworkOptionsInput,
  type PlannedObjects,
} from '../../core/create-vm';
import { groupVersionKindOf, Models, type ResourceModel } from '../../core/k8s/models';
import { DEFAULT_TARGET_VERSION, detectTargetVersion } from '../../core/k8s/openshift-version';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
  VirtualMachine,
} from '../../core/k8s/types';

// The console's model shapes come from the wizards' helpers; the actions use the same ones.
export { k8sModelOf, modelForObject as modelOfObject } from '../shared/wizard/k8s';

const HYPERCONVERGED = { group: 'hco.kubevirt.io', version: 'v1beta1', kind: 'HyperConverged' };

export const useBindingContext = (): BindingContext => {
  const [cv] = useK8sWatchResource<K8sObject>({
    groupVersionKind: groupVersionKindOf(Models.ClusterVersion),
    name: 'version',
    optional: true,
  });
  const [hco] = useK8sWatchResource<K8sObject>({
    groupVersionKind: HYPERCONVERGED,
    name: 'kubevirt-hyperconverged',
    namespace: 'openshift-cnv',
    optional: true,
  });
  const target = detectTargetVersion(cv as never) ?? DEFAULT_TARGET_VERSION;
  const passt = passtSupportOf(target, hco);
  return React.useMemo(() => ({ target, passt }), [target, passt]);
};

const list = <T>(r: { data?: unknown; loaded?: boolean; loadError?: unknown } | undefined): T[] =>
  r?.loaded && !r.loadError && Array.isArray(r.data) ? (r.data as T[]) : [];

export interface NamespaceNetworks {
  input: NetworkOptionsInput;
  options: NetworkOption[];
  vms: VirtualMachine[];
  namespaceExists: boolean;
  loaded: boolean;
}

/** The networks of a namespace, existing and planned; `namespace` empty ⇒ nothing is watched. */
export const useNamespaceNetworks = (
  namespace: string,
  planned: PlannedObjects = emptyPlanned(),
): NamespaceNetworks => {
  const scoped = (m: ResourceModel) =>
    namespace
      ? { groupVersionKind: groupVersionKindOf(m), namespace, isList: true, optional: true }
      : undefined;
  const res = useK8sWatchResources<Record<string, K8sResourceCommon | K8sResourceCommon[]>>(
    Object.fromEntries(
      Object.entries({
        nads: scoped(Models.NetworkAttachmentDefinition),
        udns: scoped(Models.UserDefinedNetwork),
        vms: scoped(Models.VirtualMachine),
        cudns: namespace
          ? {
              groupVersionKind: groupVersionKindOf(Models.ClusterUserDefinedNetwork),
              isList: true,
              optional: true,
            }
          : undefined,
        ns: namespace
          ? {
              groupVersionKind: groupVersionKindOf(Models.Namespace),
              name: namespace,
              optional: true,
            }
          : undefined,
      }).filter(([, v]) => v !== undefined),
    ) as never,
  ) as Record<string, { data?: unknown; loaded?: boolean; loadError?: unknown } | undefined>;
  const nads = list<NetworkAttachmentDefinition>(res.nads);
  const udns = list<UserDefinedNetwork>(res.udns);
  const cudns = list<ClusterUserDefinedNetwork>(res.cudns);
  const vms = list<VirtualMachine>(res.vms);
  const nsObj =
    res.ns?.loaded && !res.ns.loadError ? (res.ns.data as Namespace | undefined) : undefined;
  // The watches hand out new arrays on every render; key the memo on what the objects are.
  const version = JSON.stringify(
    [nads, udns, cudns, nsObj ? [nsObj] : []].map((l) =>
      l.map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion ?? ''}`),
    ),
  );
  const input = React.useMemo<NetworkOptionsInput>(
    () => ({ namespace, namespaceObject: nsObj, nads, udns, cudns }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on `version` (see above)
    [namespace, version],
  );
  const options = React.useMemo(() => planNetworkOptions(input, planned), [input, planned]);
  return {
    input,
    options,
    vms,
    namespaceExists: !!nsObj?.metadata,
    loaded: !namespace || Object.values(res).every((r) => r?.loaded || r?.loadError),
  };
};
