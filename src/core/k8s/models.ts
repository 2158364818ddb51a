/**
 * The API resources the plugin reads and writes, as plain data: shared by the SDK hooks, the
 * fixture API server and the CLI, so each knows the same group, version and plural.
 */
export interface ResourceModel {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const m = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced = true,
): ResourceModel => ({ group, version, kind, plural, namespaced });

export const Models = {
  Namespace: m('', 'v1', 'Namespace', 'namespaces', false),
  Pod: m('', 'v1', 'Pod', 'pods'),
  Node: m('', 'v1', 'Node', 'nodes', false),
  VirtualMachine: m('kubevirt.io', 'v1', 'VirtualMachine', 'virtualmachines'),
  VirtualMachineInstance: m(
    'kubevirt.io',
    'v1',
    'VirtualMachineInstance',
    'virtualmachineinstances',
  ),
  VirtualMachineInstanceMigration: m(
    'kubevirt.io',
    'v1',
    'VirtualMachineInstanceMigration',
    'virtualmachineinstancemigrations',
  ),
  NetworkAttachmentDefinition: m(
    'k8s.cni.cncf.io',
    'v1',
    'NetworkAttachmentDefinition',
    'network-attachment-definitions',
  ),
  MultiNetworkPolicy: m(
    'k8s.cni.cncf.io',
    'v1beta1',
    'MultiNetworkPolicy',
    'multi-networkpolicies',
  ),
  NetworkPolicy: m('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies'),
  AdminNetworkPolicy: m(
    'policy.networking.k8s.io',
    'v1alpha1',
    'AdminNetworkPolicy',
    'adminnetworkpolicies',
    false,
  ),
  BaselineAdminNetworkPolicy: m(
    'policy.networking.k8s.io',
    'v1alpha1',
    'BaselineAdminNetworkPolicy',
    'baselineadminnetworkpolicies',
    false,
  ),
  ClusterNetworkPolicy: m(
    'policy.networking.k8s.io',
    'v1alpha2',
    'ClusterNetworkPolicy',
    'clusternetworkpolicies',
    false,
  ),
  UserDefinedNetwork: m('k8s.ovn.org', 'v1', 'UserDefinedNetwork', 'userdefinednetworks'),
  EgressFirewall: m('k8s.ovn.org', 'v1', 'EgressFirewall', 'egressfirewalls'),
  ClusterUserDefinedNetwork: m(
    'k8s.ovn.org',
    'v1',
    'ClusterUserDefinedNetwork',
    'clusteruserdefinednetworks',
    false,
  ),
  NodeNetworkConfigurationPolicy: m(
    'nmstate.io',
    'v1',
    'NodeNetworkConfigurationPolicy',
    'nodenetworkconfigurationpolicies',
    false,
  ),
  NodeNetworkState: m('nmstate.io', 'v1beta1', 'NodeNetworkState', 'nodenetworkstates', false),
  NetworkOperatorConfig: m('operator.openshift.io', 'v1', 'Network', 'networks', false),
  ConsoleOperatorConfig: m('operator.openshift.io', 'v1', 'Console', 'consoles', false),
  ClusterVersion: m('config.openshift.io', 'v1', 'ClusterVersion', 'clusterversions', false),
  /** config.openshift.io/v1 Network `cluster`: `status.networkType` names the cluster's CNI. */
  ClusterNetworkConfig: m('config.openshift.io', 'v1', 'Network', 'networks', false),
  DataSource: m('cdi.kubevirt.io', 'v1beta1', 'DataSource', 'datasources'),
  VirtualMachineClusterInstancetype: m(
    'instancetype.kubevirt.io',
    'v1beta1',
    'VirtualMachineClusterInstancetype',
    'virtualmachineclusterinstancetypes',
    false,
  ),
  VirtualMachineClusterPreference: m(
    'instancetype.kubevirt.io',
    'v1beta1',
    'VirtualMachineClusterPreference',
    'virtualmachineclusterpreferences',
    false,
  ),
} as const;

export type ModelName = keyof typeof Models;

export const apiVersionOf = (model: ResourceModel): string =>
  model.group ? `${model.group}/${model.version}` : model.version;

/** The console's reference string, `group~version~Kind` (`core~v1~Pod` for the core group). */
export const referenceFor = (model: ResourceModel): string =>
  `${model.group || 'core'}~${model.version}~${model.kind}`;

export const groupVersionKindOf = (model: ResourceModel) => ({
  group: model.group || undefined,
  version: model.version,
  kind: model.kind,
});
