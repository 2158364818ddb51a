/**
 * Endpoints of the policy analysis: VMs (seen through their virt-launcher pod), pods and pod
 * workloads, each with its interfaces, the network of each interface and the IPs on it. VMs are
 * read through the networking model (./vm-endpoints.ts); pods with the same annotation readers.
 */
import type {
  ContainerPort,
  K8sObject,
  Labels,
  Pod,
  VirtualMachine,
  VirtualMachineInstance,
} from '../k8s/types';
import {
  ovnAddressesOf,
  parseNetworksAnnotation,
  parseNetworkStatus,
  parseOvnPodNetworks,
  type NetworkSelectionElement,
  type NetworkStatusEntry,
  type OvnPodNetwork,
} from '../pod/annotations';
import type { Message } from '../model/messages';
import { isParseError } from '../pod/parse-result';
import type { Family, IpRange } from './ip';
import { nadKey, nsOf, POD_NETWORK_ID, type NetworkCatalog } from './networks';
import { toEndpointIps, vmInterfaces, vmJoinContext } from './vm-endpoints';

export type IpSource =
  | 'vmi-status'
  | 'network-status'
  | 'pod-networks'
  | 'pod-status'
  | 'requested'
  | 'cloud-init'
  | 'none';

export interface EndpointIp {
  text: string;
  family: Family;
  n: bigint;
  /** The connected subnet when the address came with a prefix (`192.168.77.91/24`). */
  subnet?: IpRange;
}

export interface EndpointInterface {
  /** VM interface name; for pods `eth0` or the secondary interface name. */
  name: string;
  /** Network id, or `missing:<ns>/<nad>` when the NAD is not in the input. */
  networkId: string;
  nad?: { namespace: string; name: string };
  ips: EndpointIp[];
  ipSource: IpSource;
  /** Ports that named policy ports resolve against (container ports; VM interface `ports[]`). */
  ports: ContainerPort[];
  binding?: string;
  /** The guest configures this interface by DHCP (cloud-init `dhcp4`/`dhcp6`). */
  dhcp?: boolean;
  /**
   * Which network the interface is on could not be decided (the networking model's note says why,
   * e.g. the Namespace whose labels decide a primary UDN could not be read): every answer on it is
   * unknown.
   */
  undecided?: Message;
}

export type EndpointKind =
  | 'VirtualMachine'
  | 'VirtualMachineInstance'
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'CronJob'
  | 'ReplicationController'
  | string;

export interface Endpoint {
  id: number;
  kind: EndpointKind;
  namespace: string;
  name: string;
  /** `<ns>/<name>[<Kind>]`, np-guard's peer name. */
  key: string;
  /** Labels that policies' pod selectors see (the virt-launcher pod's, for a VM). */
  labels: Labels;
  interfaces: EndpointInterface[];
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

/** A YAML parser (yaml's `parse`), passed in so that the policy core does not load it eagerly. */
export type YamlParse = (text: string) => unknown;

export interface BuildEndpointsOptions {
  /**
   * Reads cloud-init `networkData` (static addresses of VMs without a guest agent). Without it
   * those addresses are not read: the interface's addresses come from the other sources only.
   */
  parseYaml?: YamlParse;
  /** Namespaces whose object could not be read: their VMs' models are told so. */
  unreadableNamespaces?: ReadonlySet<string>;
}

/**
 * A pod's annotations, read with the same shape-checked readers as the Networking tab's: a
 * malformed annotation gives no addresses (the interface is then "without addresses", which the
 * diagnostics report), never an exception or a guessed value.
 */
interface PodAnnotations {
  statuses: NetworkStatusEntry[];
  ovn: Record<string, OvnPodNetwork>;
}

const annotationsOf = (pod: Pod): PodAnnotations => {
  const statusResult = parseNetworkStatus(pod);
  const ovnResult = parseOvnPodNetworks(pod);
  return {
    statuses: statusResult && !isParseError(statusResult) ? statusResult.value : [],
    ovn: ovnResult && !isParseError(ovnResult) ? ovnResult.value : {},
  };
};

const selectionsOf = (meta: K8sObject['metadata']): NetworkSelectionElement[] => {
  const r = parseNetworksAnnotation({ metadata: meta } as K8sObject);
  return r && !isParseError(r) ? r.value : [];
};

/** The IPs a pod has on its primary network (the pod network or its primary UDN). */
const podPrimaryIps = (pod: Pod, onUdn: boolean): { ips: EndpointIp[]; source: IpSource } => {
  const { statuses, ovn } = annotationsOf(pod);
  if (onUdn) {
    const primary = Object.values(ovn).find((v) => v.role === 'primary');
    const fromOvn = toEndpointIps(ovnAddressesOf(primary));
    if (fromOvn.length) return { ips: fromOvn, source: 'pod-networks' };
    const def = statuses.find((s) => s.default && s.interface !== 'eth0');
    const fromStatus = toEndpointIps(def?.ips);
    if (fromStatus.length) return { ips: fromStatus, source: 'network-status' };
    return { ips: [], source: 'none' };
  }
  const podIPs = Array.isArray(pod.status?.podIPs) ? pod.status.podIPs : [];
  const fromStatus = toEndpointIps([pod.status?.podIP, ...podIPs.map((p) => p?.ip)]);
  if (fromStatus.length) return { ips: fromStatus, source: 'pod-status' };
  const def = toEndpointIps(statuses.find((s) => s.default)?.ips);
  if (def.length) return { ips: def, source: 'network-status' };
  const fromOvn = toEndpointIps(ovnAddressesOf(ovn.default));
  if (fromOvn.length) return { ips: fromOvn, source: 'pod-networks' };
  return { ips: [], source: 'none' };
};

/** The IPs a pod has on one secondary attachment. */
const podSecondaryIps = (
  pod: Pod | undefined,
  ref: { namespace: string; name: string },
  podInterface: string | undefined,
  mac: string | undefined,
): { ips: EndpointIp[]; source: IpSource } => {
  if (!pod) return { ips: [], source: 'none' };
  const key = nadKey(ref.namespace, ref.name);
  const { statuses, ovn } = annotationsOf(pod);
  const candidates = statuses.filter((s) => s.name === key || s.name === ref.name);
  const status =
    candidates.find((s) => podInterface && s.interface === podInterface) ??
    candidates.find((s) => mac && s.mac?.toLowerCase() === mac.toLowerCase()) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  const fromStatus = toEndpointIps(status?.ips);
  if (fromStatus.length) return { ips: fromStatus, source: 'network-status' };
  const fromOvn = toEndpointIps(ovnAddressesOf(ovn[key]));
  if (fromOvn.length) return { ips: fromOvn, source: 'pod-networks' };
  return { ips: [], source: 'none' };
};

/** Container ports that named policy ports resolve against; entries of the wrong shape are skipped. */
const containerPortsOf = (spec: { containers?: unknown } | undefined): ContainerPort[] =>
  (Array.isArray(spec?.containers) ? spec.containers : []).flatMap((c: unknown) => {
    const ports = (c as { ports?: unknown } | null)?.ports;
    return Array.isArray(ports)
      ? ports.filter(
          (p): p is ContainerPort => !!p && typeof p === 'object' && 'containerPort' in p,
        )
      : [];
  });

const podAttachments = (
  catalog: NetworkCatalog,
  namespace: string,
  meta: K8sObject['metadata'],
  pod: Pod | undefined,
  ports: ContainerPort[],
): EndpointInterface[] => {
  const out: EndpointInterface[] = [];
  const elements = selectionsOf(meta);
  elements.forEach((el, i) => {
    const ref = { namespace: el.namespace || namespace, name: el.name };
    const networkId =
      catalog.nadNetwork.get(nadKey(ref.namespace, ref.name)) ??
      `missing:${nadKey(ref.namespace, ref.name)}`;
    const observed = podSecondaryIps(pod, ref, el.interface, el.mac);
    const requested = toEndpointIps(el.ips);
    out.push({
      name: el.interface || `net${i + 1}`,
      networkId,
      nad: ref,
      ips: observed.ips.length ? observed.ips : requested,
      ipSource: observed.ips.length ? observed.source : requested.length ? 'requested' : 'none',
      ports,
    });
  });
  return out;
};

const controllerOf = (o: K8sObject) => o.metadata?.ownerReferences?.find((r) => r.controller);

export interface EndpointSet {
  endpoints: Endpoint[];
}

const isLauncherPod = (pod: Pod): boolean =>
  pod.metadata?.labels?.['kubevirt.io'] === 'virt-launcher';

export const buildEndpoints = (
  objects: K8sObject[],
  catalog: NetworkCatalog,
  options: BuildEndpointsOptions = {},
): EndpointSet => {
  const endpoints: Endpoint[] = [];
  const add = (e: Omit<Endpoint, 'id' | 'key'>) => {
    const ep = { ...e, id: endpoints.length, key: `${e.namespace}/${e.name}[${e.kind}]` };
    endpoints.push(ep);
    return ep;
  };

  const vms = objects.filter(
    (o): o is VirtualMachine => o.kind === 'VirtualMachine' && !!o.metadata?.name,
  );
  const vmis = objects.filter(
    (o): o is VirtualMachineInstance => o.kind === 'VirtualMachineInstance' && !!o.metadata?.name,
  );
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod' && !!o.metadata?.name);

  // VMs and VMIs without a VM go through the networking model: the same launcher pod, the same
  // annotation readers and the same addresses as the Networking tab shows.
  const join = vmJoinContext(objects, options.unreadableNamespaces);
  const launcherLabels = (
    pod: Pod | undefined,
    fallback: Labels | undefined,
    hostname: string,
  ): Labels =>
    pod?.metadata?.labels
      ? { ...pod.metadata.labels }
      : { ...(fallback ?? {}), 'kubevirt.io': 'virt-launcher', 'vm.kubevirt.io/name': hostname };

  const vmiByKey = new Map(vmis.map((v) => [nadKey(nsOf(v), v.metadata!.name!), v]));
  for (const vm of vms) {
    const namespace = nsOf(vm);
    const name = vm.metadata!.name!;
    const vmi = vmiByKey.get(nadKey(namespace, name));
    const { interfaces, launcher } = vmInterfaces(catalog, join, vm, vmi, options.parseYaml);
    const hostname = vmi?.spec?.hostname ?? vm.spec?.template?.spec?.hostname ?? name;
    add({
      kind: 'VirtualMachine',
      namespace,
      name,
      labels: launcherLabels(
        launcher,
        vmi?.metadata?.labels ?? vm.spec?.template?.metadata?.labels,
        hostname,
      ),
      interfaces,
    });
  }
  const vmKeys = new Set(vms.map((v) => nadKey(nsOf(v), v.metadata!.name!)));
  for (const vmi of vmis) {
    const namespace = nsOf(vmi);
    const name = vmi.metadata!.name!;
    if (vmKeys.has(nadKey(namespace, name))) continue;
    const { interfaces, launcher } = vmInterfaces(catalog, join, vmi, vmi, options.parseYaml);
    add({
      kind: 'VirtualMachineInstance',
      namespace,
      name,
      labels: launcherLabels(launcher, vmi.metadata?.labels, vmi.spec?.hostname ?? name),
      interfaces,
    });
  }

  // Pods: one endpoint per controller (replicas of one workload are one peer), else per pod.
  const byOwner = new Map<string, Endpoint>();
  for (const pod of pods) {
    const namespace = nsOf(pod);
    // Launcher pods are their VM's endpoint, read through the model above.
    if (isLauncherPod(pod)) continue;
    // Static and mirror pods are "owned" by their Node: each is its own peer, as np-guard has it.
    const controller = controllerOf(pod);
    const owner = controller && controller.kind !== 'Node' ? controller : undefined;
    const kind = owner?.kind ?? 'Pod';
    const name = owner?.name ?? pod.metadata!.name!;
    const primaryId = catalog.namespaces.get(namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
    const ports = containerPortsOf(pod.spec);
    const primary = podPrimaryIps(pod, primaryId !== POD_NETWORK_ID);
    const interfaces: EndpointInterface[] = [
      { name: 'eth0', networkId: primaryId, ips: primary.ips, ipSource: primary.source, ports },
      ...podAttachments(catalog, namespace, pod.metadata, pod, ports),
    ];
    const ownerKey = `${namespace}/${name}[${kind}]`;
    const existing = owner ? byOwner.get(ownerKey) : undefined;
    if (existing) {
      for (const iface of interfaces) {
        const same = existing.interfaces.find(
          (i) => i.name === iface.name && i.networkId === iface.networkId,
        );
        if (same) same.ips.push(...iface.ips.filter((ip) => !same.ips.some((s) => s.n === ip.n)));
        else existing.interfaces.push(iface);
      }
      continue;
    }
    const ep = add({
      kind,
      namespace,
      name,
      labels: { ...(pod.metadata?.labels ?? {}) },
      interfaces,
    });
    if (owner) byOwner.set(ownerKey, ep);
  }

  for (const o of objects) {
    if (!o.kind || !WORKLOAD_KINDS.has(o.kind) || !o.metadata?.name) continue;
    const namespace = nsOf(o);
    const spec = (o as { spec?: Record<string, unknown> }).spec;
    const template = (
      o.kind === 'CronJob'
        ? ((spec?.jobTemplate as { spec?: { template?: unknown } })?.spec?.template as unknown)
        : spec?.template
    ) as { metadata?: K8sObject['metadata']; spec?: Pod['spec'] } | undefined;
    const primaryId = catalog.namespaces.get(namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
    const ports = containerPortsOf(template?.spec);
    add({
      kind: o.kind,
      namespace,
      name: o.metadata.name,
      labels: { ...(template?.metadata?.labels ?? {}) },
      interfaces: [
        { name: 'eth0', networkId: primaryId, ips: [], ipSource: 'none', ports },
        ...podAttachments(catalog, namespace, template?.metadata, undefined, ports),
      ],
    });
  }
  return { endpoints };
};
