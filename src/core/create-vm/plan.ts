/**
 * A plan and the objects created with it: a new NIC for a network, the draft the Networking tab
 * previews, and the order objects are created in.
 */
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
} from '../k8s/types';
import type { NetworkingInput } from '../model/types';
import { isPrimaryUdn } from '../networks/udn';
import { chooseBinding } from './binding';
import { draftVM } from './generate';
import { nadOption, networkOptionsFor, renderedNadFor, type NetworkOptionsInput } from './networks';
import type { BindingContext, NetworkOption, PlanInterface, VMPlan } from './types';

/**
 * The NIC KubeVirt gives a VM when its spec names none (autoattachPodInterface): `default` on the
 * pod network, masquerade. On a namespace with a primary UDN the binding follows the network
 * (l2bridge) once the namespace is known: see `chooseBinding`.
 */
export const defaultPodInterface = (
  binding: PlanInterface['binding'] = 'masquerade',
): PlanInterface => ({
  name: 'default',
  network: { kind: 'pod' },
  binding,
  model: 'virtio',
  linkState: 'up',
});

export const defaultPlan = (namespace: string): VMPlan => ({
  name: '',
  namespace,
  boot: { kind: 'dataSource', namespace: 'openshift-virtualization-os-images', name: '' },
  compute: { kind: 'instancetype', instancetype: 'u1.medium' },
  preference: '',
  runStrategy: 'Always',
  interfaces: [defaultPodInterface()],
});

/** `default` for the pod network NIC (what KubeVirt and OpenShift call it), else a free `nic-N`. */
export const interfaceNameFor = (option: NetworkOption, taken: string[]): string => {
  if (option.network.kind === 'pod' && !taken.includes('default')) return 'default';
  for (let i = 1; ; i++) if (!taken.includes(`nic-${i}`)) return `nic-${i}`;
};

export const newInterface = (
  option: NetworkOption,
  ctx: BindingContext,
  taken: string[],
): PlanInterface => ({
  name: interfaceNameFor(option, taken),
  network: option.network,
  binding: chooseBinding(option, ctx).binding,
  model: 'virtio',
  linkState: 'up',
});

/** Objects created together with the VM: a new namespace, networks, NNCPs and policies. */
export interface PlannedObjects {
  namespace?: Namespace;
  networks: K8sObject[];
  nncps: K8sObject[];
  policies: K8sObject[];
}

export const emptyPlanned = (): PlannedObjects => ({ networks: [], nncps: [], policies: [] });

const isKind = <T extends K8sObject>(o: K8sObject, kind: string): o is T => o.kind === kind;

/** The NADs the planned networks will give the VM's namespace (as written, or rendered by OVN-K). */
export const plannedNads = (
  planned: PlannedObjects,
  vmNamespace: string,
): NetworkAttachmentDefinition[] => {
  const out: NetworkAttachmentDefinition[] = [];
  for (const o of planned.networks) {
    if (isKind<NetworkAttachmentDefinition>(o, 'NetworkAttachmentDefinition')) out.push(o);
    else if (isKind<UserDefinedNetwork>(o, 'UserDefinedNetwork')) {
      if ((o.metadata?.namespace ?? vmNamespace) === vmNamespace)
        out.push(renderedNadFor(o, vmNamespace));
    } else if (isKind<ClusterUserDefinedNetwork>(o, 'ClusterUserDefinedNetwork')) {
      // The user picks the CUDN for this VM's namespace; the selector is checked at review.
      out.push(renderedNadFor(o, vmNamespace));
    }
  }
  return out;
};

/** The networks a NIC can use, existing and planned. */
export const planNetworkOptions = (
  existing: NetworkOptionsInput,
  planned: PlannedObjects,
): NetworkOption[] => {
  const udns = [
    ...(existing.udns ?? []),
    ...planned.networks.filter((o): o is UserDefinedNetwork => o.kind === 'UserDefinedNetwork'),
  ];
  const cudns = [
    ...(existing.cudns ?? []),
    ...planned.networks.filter(
      (o): o is ClusterUserDefinedNetwork => o.kind === 'ClusterUserDefinedNetwork',
    ),
  ];
  const options = networkOptionsFor({
    ...existing,
    namespaceObject: planned.namespace ?? existing.namespaceObject,
    udns,
    cudns,
  });
  const plannedIds = new Set<string>();
  for (const nad of plannedNads(planned, existing.namespace)) {
    const option = nadOption(nad, existing.namespace, 'planned');
    if (option.flavor === 'primary-udn') {
      options[0] = { ...options[0], flavor: 'primary-udn' };
      continue;
    }
    plannedIds.add(option.id);
    const at = options.findIndex((o) => o.id === option.id);
    if (at >= 0) options[at] = option;
    else options.push(option);
  }
  // A planned primary UDN turns the pod network into it even before OVN-K renders the NAD.
  if (
    udns.some(
      (u) =>
        isPrimaryUdn(u) && (u.metadata?.namespace ?? existing.namespace) === existing.namespace,
    )
  ) {
    options[0] = { ...options[0], flavor: 'primary-udn' };
  }
  return options;
};

/** The input of `buildNetworkingModel` for the plan's draft VM: what exists plus what is planned. */
export const planModelInput = (
  plan: VMPlan,
  existing: NetworkOptionsInput,
  planned: PlannedObjects,
): NetworkingInput => ({
  vm: draftVM(plan),
  vmi: null,
  nads: [...existing.nads, ...plannedNads(planned, plan.namespace)],
  udns: [
    ...(existing.udns ?? []),
    ...planned.networks.filter((o): o is UserDefinedNetwork => o.kind === 'UserDefinedNetwork'),
  ],
  cudns: [
    ...(existing.cudns ?? []),
    ...planned.networks.filter(
      (o): o is ClusterUserDefinedNetwork => o.kind === 'ClusterUserDefinedNetwork',
    ),
  ],
  namespace: planned.namespace ??
    existing.namespaceObject ?? {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: plan.namespace },
    },
  nncps: planned.nncps as NetworkingInput['nncps'],
});

const ORDER: Record<string, number> = {
  Namespace: 0,
  ClusterUserDefinedNetwork: 1,
  UserDefinedNetwork: 1,
  NetworkAttachmentDefinition: 1,
  NodeNetworkConfigurationPolicy: 2,
  VirtualMachine: 3,
  MultiNetworkPolicy: 4,
};

/**
 * Everything to create, in the order that works: the namespace (its primary-UDN label must be
 * there from the start), the networks, the bridge mappings, the VM, then its policies.
 */
export const creationOrder = (objects: K8sObject[]): K8sObject[] =>
  objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => (ORDER[a.o.kind ?? ''] ?? 5) - (ORDER[b.o.kind ?? ''] ?? 5) || a.i - b.i)
    .map(({ o }) => o);

/** `Kind/namespace/name`: identifies an object across retries. */
export const objectKey = (o: K8sObject): string =>
  `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
