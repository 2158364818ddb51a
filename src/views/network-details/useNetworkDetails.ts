/**
 * The details page's data, all scoped: the network object, the NADs it rendered (by name, in the
 * namespaces it reaches), the VMs and VMIs of those namespaces, their MultiNetworkPolicies, bridge
 * mappings for a localnet, the cluster network operator config and the object's events.
 */
import * as React from 'react';
import { useK8sWatchResource, useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  MultiNetworkPolicy,
  Namespace,
  NetworkAttachmentDefinition,
  NetworkOperatorConfig,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  UserDefinedNetwork,
} from '../../core/k8s/types';
import { collectBridgeMappings } from '../../core/networks/bridge-mappings';
import { buildNetworkRows, joinConnectedVms, type NetworkRow } from '../../core/network-list';
import type { NetworkRoute } from '../networks-page/urls';
import { listOf, listWatch, useVmsOf, type WatchResult } from '../networks-page/useNetworkList';

export interface K8sEvent extends K8sObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
}

const EVENT_GVK = { version: 'v1', kind: 'Event' };

export const useNetworkDetails = (route: NetworkRoute) => {
  const model = Models[route.kind];
  const [obj, objLoaded, objError] = useK8sWatchResource<K8sObject>({
    groupVersionKind: groupVersionKindOf(model),
    name: route.name,
    ...(route.namespace ? { namespace: route.namespace } : {}),
  });
  const cluster = route.kind === 'ClusterUserDefinedNetwork';
  const [namespaces, nsLoaded, nsError] = useK8sWatchResource<Namespace[]>(
    cluster ? listWatch(Models.Namespace) : null,
  );
  const present = objLoaded && !objError && obj && typeof obj === 'object' && obj.metadata;

  // First pass: which namespaces the network reaches (a CUDN: by its selector).
  const firstRow = React.useMemo(() => {
    if (!present) return undefined;
    return buildNetworkRows({
      udns: route.kind === 'UserDefinedNetwork' ? [obj as UserDefinedNetwork] : [],
      cudns: cluster ? [obj as ClusterUserDefinedNetwork] : [],
      nads:
        route.kind === 'NetworkAttachmentDefinition' ? [obj as NetworkAttachmentDefinition] : [],
      namespaces: cluster && nsLoaded && !nsError ? (namespaces ?? []) : undefined,
    })[0];
  }, [present, obj, route.kind, cluster, namespaces, nsLoaded, nsError]);
  const reached = React.useMemo(() => firstRow?.namespaces ?? [], [firstRow]);
  // A CUDN reaches the namespaces its selector matches: known once the namespaces answered. When
  // they cannot be read, which VMs are connected is not known (reachError), never "none".
  const reachError = cluster ? nsError : undefined;
  const reachKnown = !!present && (!cluster || nsLoaded || !!nsError);
  const isLocalnet = firstRow?.topology === 'localnet';

  const resources = React.useMemo(() => {
    const r: Record<string, WatchK8sResource> = {
      operator: {
        groupVersionKind: groupVersionKindOf(Models.NetworkOperatorConfig),
        name: 'cluster',
      },
      // Events of a cluster-scoped object are recorded in `default`.
      events: {
        groupVersionKind: EVENT_GVK,
        isList: true,
        namespace: route.namespace ?? 'default',
        fieldSelector: `involvedObject.name=${route.name}`,
      },
    };
    if (isLocalnet) {
      r.nncps = listWatch(Models.NodeNetworkConfigurationPolicy);
      r.nns = listWatch(Models.NodeNetworkState);
    }
    reached.forEach((ns, i) => {
      r[`mnp${i}`] = listWatch(Models.MultiNetworkPolicy, ns);
      if (route.kind !== 'NetworkAttachmentDefinition') {
        r[`nad${i}`] = {
          groupVersionKind: groupVersionKindOf(Models.NetworkAttachmentDefinition),
          namespace: ns,
          name: route.name,
        };
      }
    });
    return r;
  }, [reached, isLocalnet, route.kind, route.name, route.namespace]);
  const res = useK8sWatchResources<Record<string, K8sObject[]>>(resources) as unknown as Record<
    string,
    WatchResult
  >;
  const vmData = useVmsOf(reachKnown ? reached : undefined, true);

  const row: NetworkRow | undefined = React.useMemo(() => {
    if (!present) return undefined;
    const rendered = reached
      .map((_, i) => res[`nad${i}`])
      .filter((r) => r?.loaded && !r.loadError && r.data && !Array.isArray(r.data))
      .map((r) => r!.data as NetworkAttachmentDefinition);
    const rows = buildNetworkRows({
      udns: route.kind === 'UserDefinedNetwork' ? [obj as UserDefinedNetwork] : [],
      cudns: cluster ? [obj as ClusterUserDefinedNetwork] : [],
      nads:
        route.kind === 'NetworkAttachmentDefinition'
          ? [obj as NetworkAttachmentDefinition]
          : rendered,
      namespaces: cluster && nsLoaded && !nsError ? (namespaces ?? []) : undefined,
      bridgeMappings: collectBridgeMappings(
        listOf<NodeNetworkConfigurationPolicy>(res.nncps),
        listOf<NodeNetworkState>(res.nns),
      ),
    });
    const own = rows.find((r) => r.kind === route.kind && r.name === route.name);
    if (!own) return undefined;
    return joinConnectedVms([own], vmData.vms, vmData.vmis)[0];
  }, [
    present,
    obj,
    res,
    reached,
    route.kind,
    route.name,
    cluster,
    namespaces,
    nsLoaded,
    nsError,
    vmData.vms,
    vmData.vmis,
  ]);

  const mnps = reached.flatMap((_, i) => listOf<MultiNetworkPolicy>(res[`mnp${i}`]));
  const mnpProblems = reached
    .map((ns, i) => ({ ns, error: res[`mnp${i}`]?.loadError }))
    .filter((p) => p.error);
  const operator =
    res.operator?.loaded && !res.operator.loadError
      ? (res.operator.data as NetworkOperatorConfig)
      : res.operator?.loadError
        ? null
        : undefined;
  const events = listOf<K8sEvent>(res.events).filter(
    (e) =>
      e.involvedObject?.name === route.name &&
      (!e.involvedObject?.kind || e.involvedObject.kind === route.kind),
  );

  return {
    obj,
    objLoaded,
    objError,
    row,
    reached,
    reachError,
    vms: vmData,
    mnps,
    mnpProblems,
    operator,
    nncps:
      isLocalnet && res.nncps?.loaded && !res.nncps.loadError
        ? listOf<NodeNetworkConfigurationPolicy>(res.nncps)
        : undefined,
    nns:
      isLocalnet && res.nns?.loaded && !res.nns.loadError
        ? listOf<NodeNetworkState>(res.nns)
        : undefined,
    nnsError: res.nns?.loadError,
    events,
    eventsError: res.events?.loadError,
    eventsLoaded: !!res.events?.loaded,
  };
};
