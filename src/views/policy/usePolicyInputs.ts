import * as React from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  apiVersionOf,
  groupVersionKindOf,
  Models,
  type ModelName,
  type ResourceModel,
} from '../../core/k8s/models';
import type { K8sObject } from '../../core/k8s/types';
import { isForbidden, isNoModel, isNotFound, messageOf } from '../shared/k8s-errors';

type Result = { data?: unknown; loaded?: boolean; loadError?: unknown };

/** What the policy analysis of one namespace reads; keys are the watch names. */
const NAMESPACED: Record<string, ModelName> = {
  multiNetworkPolicies: 'MultiNetworkPolicy',
  networkPolicies: 'NetworkPolicy',
  pods: 'Pod',
  vms: 'VirtualMachine',
  vmis: 'VirtualMachineInstance',
  nads: 'NetworkAttachmentDefinition',
  udns: 'UserDefinedNetwork',
  // Not modelled yet: one makes egress out of the cluster unknown (analysis.ts).
  egressFirewalls: 'EgressFirewall',
};

/** Cluster-scoped policies: a 404 (CRD not served) is no problem, a 403 is reported. */
const CLUSTER_POLICIES: Record<string, ModelName> = {
  adminNetworkPolicies: 'AdminNetworkPolicy',
  baselineAdminNetworkPolicies: 'BaselineAdminNetworkPolicy',
  clusterNetworkPolicies: 'ClusterNetworkPolicy',
};

export interface PolicyInputProblem {
  resource: string;
  /** The kind that could not be read (the resource above is the watch's name). */
  kind: string;
  message: string;
  forbidden: boolean;
}

export interface PolicyInputs {
  objects: K8sObject[];
  loaded: boolean;
  /** Watches that failed (a 404 on an optional CRD or object is not a problem). */
  problems: PolicyInputProblem[];
  /** Whether the cluster network operator config could be read (MNP enablement is known). */
  operatorKnown: boolean;
  /** Namespaces whose Namespace object failed to load: their labels are unknown, not "none". */
  unreadableNamespaces: string[];
}

/**
 * List items come without `kind`/`apiVersion` from some API paths; the analysis reads both, so
 * each object gets them from the model it was watched with.
 */
const stamp = (model: ResourceModel, o: K8sObject): K8sObject =>
  o.kind && o.apiVersion ? o : { ...o, kind: model.kind, apiVersion: apiVersionOf(model) };

const watchOf = (model: ModelName, extra: Partial<WatchK8sResource>): WatchK8sResource => ({
  groupVersionKind: groupVersionKindOf(Models[model]),
  ...extra,
});

/**
 * Everything the policy analysis needs for one VM's namespace, through watches scoped to that
 * namespace (policies, pods, VMs and instances for peer resolution, NADs, UDNs), the Namespace
 * itself (its labels decide namespaceSelector peers and the primary network) and the cluster
 * network operator config by name. NADs of other namespaces that the VM's interfaces name are
 * watched by name. Never a cluster-wide list of pods or VMs.
 */
export const usePolicyInputs = (namespace: string, foreignNads: string[] = []): PolicyInputs => {
  const foreignKey = [...new Set(foreignNads)].sort().join(',');
  const resources = React.useMemo(() => {
    const r: Record<string, WatchK8sResource> = {};
    for (const [key, model] of Object.entries(NAMESPACED))
      r[key] = watchOf(model, { isList: true, namespace });
    // Cluster-scoped policies that apply on the pod network (lists of policies, never of pods).
    for (const [key, model] of Object.entries(CLUSTER_POLICIES))
      r[key] = watchOf(model, { isList: true });
    r.namespace = watchOf('Namespace', { name: namespace });
    r.operator = watchOf('NetworkOperatorConfig', { name: 'cluster' });
    for (const ref of foreignKey ? foreignKey.split(',') : []) {
      const [ns, name] = ref.split('/');
      if (ns && name && ns !== namespace)
        r[`nad:${ref}`] = watchOf('NetworkAttachmentDefinition', { namespace: ns, name });
    }
    return r;
  }, [namespace, foreignKey]);

  const results = useK8sWatchResources<Record<string, K8sObject | K8sObject[]>>(
    resources,
  ) as unknown as Record<string, Result>;

  // Rebuilt only when a watch's data, state or error changes, not on every render.
  const signature = Object.keys(resources).flatMap((k) => [
    results[k]?.data,
    results[k]?.loaded,
    results[k]?.loadError,
  ]);
  const last = React.useRef<{ signature: unknown[]; value: PolicyInputs }>();
  const same =
    last.current &&
    last.current.signature.length === signature.length &&
    last.current.signature.every((v, i) => v === signature[i]);
  if (same) return last.current!.value;
  const value = ((): PolicyInputs => {
    const objects: K8sObject[] = [];
    const problems: PolicyInputProblem[] = [];
    let loaded = true;
    let operatorKnown = false;
    const unreadableNamespaces: string[] = [];
    for (const [key, res] of Object.entries(resources)) {
      const r = results[key];
      const model = Object.values(Models).find(
        (m) => m.kind === res.groupVersionKind?.kind && m.version === res.groupVersionKind?.version,
      )!;
      if (!r || (!r.loaded && !r.loadError)) {
        loaded = false;
        continue;
      }
      if (r.loadError) {
        // No such object, or a kind the cluster does not serve (no ClusterNetworkPolicy API, no
        // EgressFirewall CRD): nothing of it exists, and nothing is missing.
        const absent = isNotFound(r.loadError) || isNoModel(r.loadError);
        if (!absent)
          problems.push({
            resource: key,
            kind: model.kind,
            message: messageOf(r.loadError),
            forbidden: isForbidden(r.loadError),
          });
        // Its labels decide namespace selectors: fail closed (analysis.ts), not "no labels".
        if (key === 'namespace' && !absent) unreadableNamespaces.push(namespace);
        continue;
      }
      if (key === 'operator') operatorKnown = !!r.data;
      const data = r.data;
      if (Array.isArray(data)) objects.push(...(data as K8sObject[]).map((o) => stamp(model, o)));
      else if (data && typeof data === 'object') objects.push(stamp(model, data as K8sObject));
    }
    return { objects, loaded, problems, operatorKnown, unreadableNamespaces };
  })();
  last.current = { signature, value };
  return value;
};
