import * as React from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  clusterFactsOf,
  type BridgeMappingInfo,
  type ClusterFacts,
  type NamespaceInfo,
  type WizardContext,
} from '../../../core/generators';
import { groupVersionKindOf, Models, type ModelName } from '../../../core/k8s/models';
import {
  DEFAULT_TARGET_VERSION,
  detectTargetVersion,
  type TargetVersion,
} from '../../../core/k8s/openshift-version';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  UserDefinedNetwork,
} from '../../../core/k8s/types';
import { collectBridgeMappings } from '../../../core/networks/bridge-mappings';
import { parseNadConfig } from '../../../core/networks/nad-config';
import { cudnsSelecting, isPrimaryUdn, udnConfigOf, type AnyUDN } from '../../../core/networks/udn';
import type { ClusterNetworks, OtherNetwork } from '../../../core/validation/network-rules';
import { isNotFound } from '../k8s-errors';

export interface WizardInputs {
  kind: 'udn' | 'cudn' | 'nad';
  /** The namespace the form targets (UDN, NAD). */
  namespace?: string;
  /** The object being edited: not its own rival for names and subnets. */
  editing?: string;
  /** Read bridge mappings (NNCPs, NodeNetworkStates): only for localnet. */
  localnet?: boolean;
  /**
   * Objects this run of the wizard created: not rivals of the form (its own name, subnets,
   * primary network), so a finished or retried run shows no error about itself.
   */
  created?: K8sObject[];
  /** Read node bridges and NICs (NNCPs, NodeNetworkStates) for the pickers: Linux-bridge NADs. */
  bridges?: boolean;
}

const createdKey = (o: K8sObject) =>
  `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

type Result = { data?: unknown; loaded?: boolean; loadError?: unknown };

const watch = (model: ModelName, extra: Partial<WatchK8sResource> = {}): WatchK8sResource => ({
  groupVersionKind: groupVersionKindOf(Models[model]),
  ...extra,
});

interface OperatorNetwork extends K8sObject {
  spec?: {
    clusterNetwork?: { cidr: string }[];
    serviceNetwork?: string[];
    defaultNetwork?: {
      ovnKubernetesConfig?: {
        v4InternalSubnet?: string;
        v6InternalSubnet?: string;
        ipv4?: { internalJoinSubnet?: string };
        ipv6?: { internalJoinSubnet?: string };
        gatewayConfig?: {
          ipv4?: { internalMasqueradeSubnet?: string };
          ipv6?: { internalMasqueradeSubnet?: string };
        };
      };
    };
  };
}

const defined = (...xs: (string | undefined)[]) => {
  const out = xs.filter((x): x is string => !!x);
  return out.length ? out : undefined;
};

/** The cluster's own ranges from the network operator config; OpenShift defaults where unset. */
export const clusterNetworksOf = (n: OperatorNetwork | undefined): ClusterNetworks | undefined => {
  if (!n?.spec) return undefined;
  const ovn = n.spec.defaultNetwork?.ovnKubernetesConfig;
  return {
    clusterNetwork: defined(...(n.spec.clusterNetwork ?? []).map((c) => c.cidr)),
    serviceNetwork: defined(...(n.spec.serviceNetwork ?? [])),
    joinSubnet: defined(
      ovn?.ipv4?.internalJoinSubnet ?? ovn?.v4InternalSubnet,
      ovn?.ipv6?.internalJoinSubnet ?? ovn?.v6InternalSubnet,
    ),
    masqueradeSubnet: defined(
      ovn?.gatewayConfig?.ipv4?.internalMasqueradeSubnet,
      ovn?.gatewayConfig?.ipv6?.internalMasqueradeSubnet,
    ),
  };
};

const listOf = <T>(r: Result | undefined): T[] | undefined =>
  r && r.loaded && !r.loadError && Array.isArray(r.data) ? (r.data as T[]) : undefined;

const subnetsOfUdn = (u: AnyUDN): string[] =>
  ((udnConfigOf(u)?.subnets ?? []) as (string | { cidr: string })[]).map((s) =>
    typeof s === 'string' ? s : s.cidr,
  );

/**
 * What the wizards validate against, read through scoped watches: the cluster version and
 * network ranges, the namespace (by name), the networks already in it, the CUDNs, and — for
 * localnet only — the bridge mappings. Whatever cannot be read is left out, and the core then
 * skips that check rather than guessing.
 */
export const useWizardContext = ({
  kind,
  namespace,
  editing,
  localnet,
  bridges,
  created,
}: WizardInputs) => {
  const resources = React.useMemo(() => {
    const r: Record<string, WatchK8sResource> = {
      clusterVersion: watch('ClusterVersion', { name: 'version' }),
      network: watch('NetworkOperatorConfig', { name: 'cluster' }),
      cudns: watch('ClusterUserDefinedNetwork', { isList: true }),
    };
    if (kind === 'cudn') r.namespaces = watch('Namespace', { isList: true });
    else if (namespace) {
      r.namespace = watch('Namespace', { name: namespace });
      r.udns = watch('UserDefinedNetwork', { isList: true, namespace });
      r.nads = watch('NetworkAttachmentDefinition', { isList: true, namespace });
    }
    if (localnet || bridges) {
      r.nncps = watch('NodeNetworkConfigurationPolicy', { isList: true });
      r.nns = watch('NodeNetworkState', { isList: true });
    }
    return r;
  }, [kind, namespace, localnet, bridges]);
  const res = useK8sWatchResources<Record<string, K8sObject | K8sObject[]>>(
    resources,
  ) as unknown as Record<string, Result>;

  const cv = res.clusterVersion;
  const detected =
    cv?.loaded && !cv.loadError ? detectTargetVersion(cv.data as K8sObject) : undefined;
  const versionSettled = !!cv && (cv.loaded || !!cv.loadError);

  const namespaceInfo = (ns: Namespace): NamespaceInfo => ({
    name: ns.metadata?.name ?? '',
    labels: ns.metadata?.labels ?? {},
  });

  const nsRes = res.namespace;
  const namespaces: NamespaceInfo[] | undefined =
    kind === 'cudn'
      ? listOf<Namespace>(res.namespaces)?.map(namespaceInfo)
      : nsRes?.loadError
        ? isNotFound(nsRes.loadError)
          ? []
          : undefined
        : nsRes?.loaded && nsRes.data
          ? [namespaceInfo(nsRes.data as Namespace)]
          : undefined;
  const namespacesKey = JSON.stringify(namespaces);

  const createdKeys = (created ?? []).map(createdKey).join('|');
  const notCreated = React.useCallback(
    <T extends K8sObject>(list: T[] | undefined, k: string): T[] | undefined => {
      if (!list || !createdKeys) return list;
      const keys = new Set(createdKeys.split('|'));
      return list.filter(
        (o) => !keys.has(`${k}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`),
      );
    },
    [createdKeys],
  );
  const cudnsRaw = listOf<ClusterUserDefinedNetwork>(res.cudns);
  const udnsRaw = listOf<UserDefinedNetwork>(res.udns);
  const nadsRaw = listOf<NetworkAttachmentDefinition>(res.nads);
  const nncpsRaw = listOf<NodeNetworkConfigurationPolicy>(res.nncps);
  const cudns = React.useMemo(
    () => notCreated(cudnsRaw, 'ClusterUserDefinedNetwork'),
    [cudnsRaw, notCreated],
  );
  const udns = React.useMemo(
    () => notCreated(udnsRaw, 'UserDefinedNetwork'),
    [udnsRaw, notCreated],
  );
  const nads = React.useMemo(
    () => notCreated(nadsRaw, 'NetworkAttachmentDefinition'),
    [nadsRaw, notCreated],
  );
  const nncps = React.useMemo(
    () => notCreated(nncpsRaw, 'NodeNetworkConfigurationPolicy'),
    [nncpsRaw, notCreated],
  );
  const nns = listOf<NodeNetworkState>(res.nns);
  /** Picker contents; undefined while neither policies nor node states can be read. */
  const cluster: ClusterFacts | undefined = React.useMemo(
    () => (nncpsRaw || nns ? clusterFactsOf(nncpsRaw ?? [], nns ?? []) : undefined),
    [nncpsRaw, nns],
  );

  const base = React.useMemo(() => {
    const labels = namespaces?.find((n) => n.name === namespace)?.labels ?? {};
    const selecting = namespace && cudns ? cudnsSelecting(cudns, labels) : [];
    const otherNetworks: OtherNetwork[] = [];
    let existingNames: string[] | undefined;
    let namespacesWithPrimaryNetwork: string[] | undefined;
    if (kind === 'udn') {
      const others = (udns ?? []).filter((u) => u.metadata?.name !== editing);
      existingNames = udns ? others.map((u) => u.metadata?.name ?? '') : undefined;
      others.forEach((u) =>
        otherNetworks.push({ name: `UDN ${u.metadata?.name}`, subnets: subnetsOfUdn(u) }),
      );
      selecting.forEach((c) =>
        otherNetworks.push({ name: `CUDN ${c.metadata?.name}`, subnets: subnetsOfUdn(c) }),
      );
      if (namespace && (udns || cudns))
        namespacesWithPrimaryNetwork = [...others, ...selecting].some(isPrimaryUdn)
          ? [namespace]
          : [];
    }
    if (kind === 'nad') {
      const others = (nads ?? []).filter((n) => n.metadata?.name !== editing);
      existingNames = nads ? others.map((n) => n.metadata?.name ?? '') : undefined;
      others.forEach((n) => {
        const subnets = parseNadConfig(n).subnets;
        if (subnets.length) otherNetworks.push({ name: `NAD ${n.metadata?.name}`, subnets });
      });
    }
    if (kind === 'cudn' && cudns) {
      const others = cudns.filter((c) => c.metadata?.name !== editing);
      existingNames = others.map((c) => c.metadata?.name ?? '');
      if (namespaces) {
        namespacesWithPrimaryNetwork = namespaces
          .filter((n) => cudnsSelecting(others.filter(isPrimaryUdn), n.labels ?? {}).length)
          .map((n) => n.name);
      }
    }
    let bridgeMappings: BridgeMappingInfo[] | undefined;
    if (localnet && (nncps || nns)) {
      bridgeMappings = [];
      collectBridgeMappings(nncps ?? [], nns ?? []).forEach((sources, localnetName) =>
        sources.forEach(
          (s) => s.bridge && bridgeMappings!.push({ localnet: localnetName, bridge: s.bridge }),
        ),
      );
    }
    return { otherNetworks, existingNames, namespacesWithPrimaryNetwork, bridgeMappings };
    // The lists come from watches and change identity only when they change; the namespaces are
    // compared by content (namespacesKey).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, namespace, editing, localnet, namespacesKey, cudns, udns, nads, nncps, nns]);

  const clusterNetworks = clusterNetworksOf(
    res.network?.loaded && !res.network.loadError
      ? (res.network.data as OperatorNetwork)
      : undefined,
  );

  const makeContext = React.useCallback(
    (target: TargetVersion): WizardContext => ({
      target,
      clusterNetworks,
      namespaces,
      ...base,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [base, JSON.stringify(clusterNetworks), JSON.stringify(namespaces)],
  );

  return {
    detectedVersion: detected,
    defaultVersion: detected ?? DEFAULT_TARGET_VERSION,
    versionSettled,
    clusterVersionText: (cv?.data as { status?: { desired?: { version?: string } } } | undefined)
      ?.status?.desired?.version,
    makeContext,
    namespaces,
    nncps,
    cudns,
    cluster,
  };
};

/**
 * The OpenShift version a wizard generates for: the one chosen in the form, else the cluster's.
 * Returns the validation/generation context for it.
 */
export const useTargetVersion = (wc: ReturnType<typeof useWizardContext>) => {
  const [chosenVersion, setChosenVersion] = React.useState<TargetVersion>();
  const target = chosenVersion ?? wc.defaultVersion;
  const ctx = React.useMemo(() => wc.makeContext(target), [wc, target]);
  return { target, setChosenVersion, ctx };
};
