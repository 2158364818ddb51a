/**
 * What the wizard's first steps read from the namespace: the secondary networks a policy can
 * target (with whether OpenShift enforces a policy there) and the workloads with their labels and
 * addresses. Loaded on demand (a dynamic import) so that the wizard opens without the policy
 * core's network and endpoint readers.
 */
import type { K8sObject } from '../../core/k8s/types';
import type { MNPNetworkInfo } from '../../core/mnp';
import { buildEndpoints, type Endpoint, type YamlParse } from '../../core/policy/endpoints';
import { buildNetworkCatalog, mnpEnforcement } from '../../core/policy/networks';

export interface NamespaceModel {
  networks: MNPNetworkInfo[];
  /** `namespace/nad` → the analysis network id. */
  nadNetwork: Map<string, string>;
  endpoints: Endpoint[];
}

export const readNamespaceModel = (
  objects: K8sObject[],
  namespace: string,
  parseYaml: YamlParse | undefined,
): NamespaceModel => {
  const catalog = buildNetworkCatalog(objects);
  const networks = objects
    .filter((o) => o.kind === 'NetworkAttachmentDefinition' && o.metadata?.namespace === namespace)
    .map((o) => `${namespace}/${o.metadata!.name}`)
    .map((key) => ({ key, net: catalog.networks.get(catalog.nadNetwork.get(key) ?? '') }))
    .filter((x) => x.net?.kind === 'secondary')
    .map(({ key, net }): MNPNetworkInfo => {
      const e = mnpEnforcement(net!);
      return {
        key,
        hasIpam: net!.ipam !== 'no',
        ...(e.enforced ? {} : { notEnforced: e.reason }),
      };
    });
  return {
    networks,
    nadNetwork: catalog.nadNetwork,
    endpoints: buildEndpoints(objects, catalog, { parseYaml }).endpoints,
  };
};
