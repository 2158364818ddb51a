/**
 * The MultiNetworkPolicies page's data: the policies of one namespace (or all), the networks they
 * can name (via the VM networks list's watches), the cluster Network operator config, and the VMs
 * of the policies' namespaces only — one scoped watch per namespace, never pods.
 */
import * as React from 'react';
import { useK8sWatchResources, type WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { K8sObject, MultiNetworkPolicy, NetworkOperatorConfig } from '../../core/k8s/types';
import { buildPolicyRows } from '../../core/network-list/policies';
import {
  listOf,
  listWatch,
  useNetworkList,
  useVmsOf,
  type Problem,
  type WatchResult,
} from '../networks-page/useNetworkList';

export const usePolicyList = (namespace: string | undefined) => {
  const resources = React.useMemo(
    (): Record<string, WatchK8sResource> => ({
      mnps: listWatch(Models.MultiNetworkPolicy, namespace),
      operator: {
        groupVersionKind: groupVersionKindOf(Models.NetworkOperatorConfig),
        name: 'cluster',
      },
    }),
    [namespace],
  );
  const res = useK8sWatchResources<Record<string, K8sObject[]>>(resources) as unknown as Record<
    string,
    WatchResult
  >;
  const mnps = React.useMemo(() => listOf<MultiNetworkPolicy>(res.mnps), [res.mnps]);
  const networks = useNetworkList(namespace);
  const policyNamespaces = React.useMemo(
    () => [...new Set(mnps.map((p) => p.metadata?.namespace ?? ''))].filter(Boolean).sort(),
    [mnps],
  );
  const vmData = useVmsOf(policyNamespaces, false);
  // `null`: not readable (stated as unknown); `undefined`: still loading.
  const operator =
    res.operator?.loaded && !res.operator.loadError
      ? (res.operator.data as unknown as NetworkOperatorConfig)
      : res.operator?.loadError
        ? null
        : undefined;
  const rows = React.useMemo(
    () => buildPolicyRows(mnps, networks.rows, vmData.vms, operator),
    [mnps, networks.rows, vmData.vms, operator],
  );
  const problems: Problem[] = [
    ...(res.operator?.loadError
      ? [
          {
            kind: 'Network operator config (operator.openshift.io Network cluster)',
            error: res.operator.loadError,
          },
        ]
      : []),
    ...networks.problems.filter((p) => !p.kind.startsWith('VirtualMachine')),
    ...vmData.problems,
  ];
  return {
    rows,
    loaded: !!(res.mnps?.loaded || res.mnps?.loadError),
    loadError: res.mnps?.loadError,
    // Enforcement needs the networks and the operator config; VM counts need the VMs.
    complete: networks.loaded && vmData.loaded && operator !== undefined,
    problems,
  };
};
