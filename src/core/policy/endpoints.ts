/**
 * Endpoints of the policy analysis: VMs (seen through their virt-launcher pod), pods and pod
 * workloads, each with its interfaces, the network of each interface and the IPs on it.
 */
import { hashedPodInterfaceName } from '../kubevirt/naming';
import type {
  ContainerPort,
  K8sObject,
  Labels,
  Pod,
  VirtualMachine,
  VirtualMachineInstance,
} from '../k8s/types';
import { specInterfacesOf, type SpecInterface } from '../kubevirt/vm-spec';
import { parseCidr, parseIp, type Family, type IpRange } from './ip';
import { nadKey, nsOf, POD_NETWORK_ID, type NetworkCatalog } from './networks';

export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
export const NETWORK_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/network-status';
export const POD_NETWORKS_ANNOTATION = 'k8s.ovn.org/pod-networks';

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

const toIps = (texts: (string | undefined | null)[] | undefined | null): EndpointIp[] => {
  const out: EndpointIp[] = [];
  for (const t of texts ?? []) {
    if (!t) continue;
    const ip = parseIp(t);
    if (ip && !out.some((o) => o.n === ip.n && o.family === ip.family)) {
      const subnet = t.includes('/') ? parseCidr(t) : undefined;
      out.push({ text: t.split('/')[0], ...ip, ...(subnet ? { subnet } : {}) });
    }
  }
  return out;
};

interface SelectionElement {
  name: string;
  namespace?: string;
  interface?: string;
  ips?: string[];
  mac?: string;
}

/** `k8s.v1.cni.cncf.io/networks`: a JSON list or `[ns/]name[@if]` comma text. */
export const parseNetworksAnnotation = (value: string | undefined): SelectionElement[] => {
  if (!value || !value.trim()) return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as SelectionElement | SelectionElement[];
      return (Array.isArray(parsed) ? parsed : [parsed]).filter(
        (e) => e && typeof e.name === 'string',
      );
    } catch {
      return [];
    }
  }
  return trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [ref, iface] = item.split('@');
      const slash = ref.indexOf('/');
      return slash >= 0
        ? { namespace: ref.slice(0, slash), name: ref.slice(slash + 1), interface: iface }
        : { name: ref, interface: iface };
    });
};

interface NetworkStatusEntry {
  name?: string;
  interface?: string;
  ips?: string[];
  mac?: string;
  default?: boolean;
}

const jsonAnnotation = <T>(o: K8sObject | undefined, key: string): T | undefined => {
  const raw = o?.metadata?.annotations?.[key];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
};

type PodNetworks = Record<
  string,
  { ip_addresses?: string[] | null; role?: string; mac_address?: string }
>;

/** The IPs a pod has on its primary network (the pod network or its primary UDN). */
const podPrimaryIps = (pod: Pod, onUdn: boolean): { ips: EndpointIp[]; source: IpSource } => {
  const statuses = jsonAnnotation<NetworkStatusEntry[]>(pod, NETWORK_STATUS_ANNOTATION) ?? [];
  const podNetworks = jsonAnnotation<PodNetworks>(pod, POD_NETWORKS_ANNOTATION) ?? {};
  if (onUdn) {
    const primary = Object.values(podNetworks).find((v) => v.role === 'primary');
    if (primary?.ip_addresses?.length)
      return { ips: toIps(primary.ip_addresses), source: 'pod-networks' };
    const def = statuses.find((s) => s.default && s.interface !== 'eth0');
    if (def?.ips?.length) return { ips: toIps(def.ips), source: 'network-status' };
    return { ips: [], source: 'none' };
  }
  const fromStatus = toIps([pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)]);
  if (fromStatus.length) return { ips: fromStatus, source: 'pod-status' };
  const def = statuses.find((s) => s.default);
  if (def?.ips?.length) return { ips: toIps(def.ips), source: 'network-status' };
  if (podNetworks.default?.ip_addresses?.length) {
    return { ips: toIps(podNetworks.default.ip_addresses), source: 'pod-networks' };
  }
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
  const statuses = jsonAnnotation<NetworkStatusEntry[]>(pod, NETWORK_STATUS_ANNOTATION) ?? [];
  const candidates = statuses.filter((s) => s.name === key || s.name === ref.name);
  const status =
    candidates.find((s) => podInterface && s.interface === podInterface) ??
    candidates.find((s) => mac && s.mac?.toLowerCase() === mac.toLowerCase()) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (status?.ips?.length) return { ips: toIps(status.ips), source: 'network-status' };
  const podNetworks = jsonAnnotation<PodNetworks>(pod, POD_NETWORKS_ANNOTATION) ?? {};
  const entry = podNetworks[key];
  if (entry?.ip_addresses?.length)
    return { ips: toIps(entry.ip_addresses), source: 'pod-networks' };
  return { ips: [], source: 'none' };
};

const containerPortsOf = (spec: { containers?: { ports?: ContainerPort[] }[] } | undefined) =>
  (spec?.containers ?? []).flatMap((c) => c.ports ?? []);

const podAttachments = (
  catalog: NetworkCatalog,
  namespace: string,
  meta: K8sObject['metadata'],
  pod: Pod | undefined,
  ports: ContainerPort[],
): EndpointInterface[] => {
  const out: EndpointInterface[] = [];
  const elements = parseNetworksAnnotation(meta?.annotations?.[NETWORKS_ANNOTATION]);
  elements.forEach((el, i) => {
    const ref = { namespace: el.namespace || namespace, name: el.name };
    const networkId =
      catalog.nadNetwork.get(nadKey(ref.namespace, ref.name)) ??
      `missing:${nadKey(ref.namespace, ref.name)}`;
    const observed = podSecondaryIps(pod, ref, el.interface, el.mac);
    const requested = toIps(el.ips);
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

interface CloudInitNic {
  ips: string[];
  dhcp: boolean;
}

/** A YAML parser (yaml's `parse`), passed in so that the policy core does not load it eagerly. */
export type YamlParse = (text: string) => unknown;

export interface BuildEndpointsOptions {
  /**
   * Reads cloud-init `networkData` (static addresses of VMs without a guest agent). Without it
   * those addresses are not read: the interface's addresses come from the other sources only.
   */
  parseYaml?: YamlParse;
}

/**
 * Static addresses from cloud-init `networkData` (netplan v2 `ethernets`), matched to the VM's
 * interfaces by `match.macaddress` when given, else by order (the guest names NICs in the order
 * of the interface list).
 */
const cloudInitNics = (
  vmSpec: Record<string, unknown> | undefined,
  ifaces: SpecInterface[],
  parseYaml: YamlParse | undefined,
) => {
  const result = new Map<string, CloudInitNic>();
  if (!parseYaml) return result;
  const volumes = (vmSpec?.volumes as Record<string, Record<string, unknown>>[] | undefined) ?? [];
  for (const v of volumes) {
    const source = (v.cloudInitNoCloud ?? v.cloudInitConfigDrive) as
      { networkData?: string } | undefined;
    if (!source?.networkData) continue;
    let data: Record<string, unknown>;
    try {
      data = parseYaml(source.networkData) as Record<string, unknown>;
    } catch {
      continue;
    }
    const ethernets = ((data?.network as Record<string, unknown>)?.ethernets ?? data?.ethernets) as
      Record<string, Record<string, unknown>> | undefined;
    if (!ethernets || typeof ethernets !== 'object') continue;
    Object.values(ethernets).forEach((eth, index) => {
      if (!eth || typeof eth !== 'object') return;
      const mac = (eth.match as { macaddress?: string } | undefined)?.macaddress?.toLowerCase();
      const iface = mac
        ? ifaces.find((i) => i.macAddress?.toLowerCase().replace(/-/g, ':') === mac)
        : ifaces[index];
      if (!iface) return;
      const addresses = Array.isArray(eth.addresses) ? eth.addresses.map(String) : [];
      result.set(iface.name, { ips: addresses, dhcp: eth.dhcp4 === true || eth.dhcp6 === true });
    });
  }
  return result;
};

const hasAutoattachedPodInterface = (spec: Record<string, unknown> | undefined): boolean => {
  const devices = (spec?.domain as { devices?: Record<string, unknown> } | undefined)?.devices;
  const interfaces = devices?.interfaces as unknown[] | undefined;
  const networks = spec?.networks as unknown[] | undefined;
  return !interfaces?.length && !networks?.length && devices?.autoattachPodInterface !== false;
};

const vmEndpointInterfaces = (
  catalog: NetworkCatalog,
  vmLike: VirtualMachine | VirtualMachineInstance,
  vmi: VirtualMachineInstance | undefined,
  pod: Pod | undefined,
  parseYaml: YamlParse | undefined,
): EndpointInterface[] => {
  const namespace = nsOf(vmLike);
  const primaryId = catalog.namespaces.get(namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
  const templateSpec = ((vmLike as VirtualMachine).spec?.template?.spec ??
    (vmLike as VirtualMachineInstance).spec) as unknown as Record<string, unknown> | undefined;
  let ifaces = specInterfacesOf(vmLike).filter((i) => i.state !== 'absent');
  if (!ifaces.length && hasAutoattachedPodInterface(templateSpec)) {
    // KubeVirt adds a masquerade interface on the pod network when none is declared.
    ifaces = [
      {
        name: 'default',
        binding: { name: 'masquerade', source: 'default' },
        network: { kind: 'pod', name: 'default' },
        iface: { name: 'default', masquerade: {} },
      },
    ];
  }
  const cloudInit = cloudInitNics(templateSpec, ifaces, parseYaml);
  const vmiStatuses = (vmi?.status?.interfaces ?? []) as {
    name?: string;
    ipAddresses?: string[];
    ipAddress?: string;
  }[];
  const podElements = parseNetworksAnnotation(pod?.metadata?.annotations?.[NETWORKS_ANNOTATION]);

  return ifaces.flatMap((iface): EndpointInterface[] => {
    const ports: ContainerPort[] = (iface.iface.ports ?? []).map((p) => ({
      name: p.name,
      containerPort: p.port,
      protocol: p.protocol ?? 'TCP',
    }));
    let networkId: string;
    let nad: EndpointInterface['nad'];
    let observed: { ips: EndpointIp[]; source: IpSource } = { ips: [], source: 'none' };
    if (iface.network.kind === 'pod') {
      networkId = primaryId;
      if (pod) observed = podPrimaryIps(pod, primaryId !== POD_NETWORK_ID);
    } else if (iface.network.kind === 'multus') {
      nad = { namespace: iface.network.nadNamespace || namespace, name: iface.network.nadName };
      networkId =
        catalog.nadNetwork.get(nadKey(nad.namespace, nad.name)) ??
        `missing:${nadKey(nad.namespace, nad.name)}`;
      const element = podElements.find(
        (e) => e.name === nad!.name && (e.namespace ?? namespace) === nad!.namespace,
      );
      observed = podSecondaryIps(
        pod,
        nad,
        element?.interface ?? hashedPodInterfaceName(iface.name),
        iface.macAddress ?? element?.mac,
      );
    } else {
      return [];
    }
    const fromVmi = vmiStatuses.find((s) => s.name === iface.name);
    const vmiIps = toIps(fromVmi?.ipAddresses ?? (fromVmi?.ipAddress ? [fromVmi.ipAddress] : []));
    const ci = cloudInit.get(iface.name);
    const ciIps = toIps(ci?.ips);
    // The guest agent (VMI status) reports what the guest really uses; a bridge-bound guest on
    // an IPAM-less network is invisible to the pod annotations, hence the cloud-init fallback.
    const [ips, ipSource]: [EndpointIp[], IpSource] = vmiIps.length
      ? [vmiIps, 'vmi-status']
      : observed.ips.length
        ? [observed.ips, observed.source]
        : ciIps.length
          ? [ciIps, 'cloud-init']
          : [[], 'none'];
    return [
      {
        name: iface.name,
        networkId,
        nad,
        ips,
        ipSource,
        ports,
        binding: iface.binding.name,
        dhcp: ci?.dhcp,
      },
    ];
  });
};

const controllerOf = (o: K8sObject) => o.metadata?.ownerReferences?.find((r) => r.controller);

export interface EndpointSet {
  endpoints: Endpoint[];
  /** Virt-launcher pods folded into their VM, by `ns/name`. */
  launcherPods: Map<string, Pod>;
}

const isLauncherPod = (pod: Pod): boolean =>
  pod.metadata?.labels?.['kubevirt.io'] === 'virt-launcher';

export const buildEndpoints = (
  objects: K8sObject[],
  catalog: NetworkCatalog,
  options: BuildEndpointsOptions = {},
): EndpointSet => {
  const endpoints: Endpoint[] = [];
  const launcherPods = new Map<string, Pod>();
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

  // The launcher pod of a VMI: owned by it, or named by the `kubevirt.io/domain` annotation.
  const launcherOf = (namespace: string, vmiName: string): Pod | undefined => {
    const candidates = pods.filter(
      (p) =>
        nsOf(p) === namespace &&
        isLauncherPod(p) &&
        (controllerOf(p)?.name === vmiName ||
          p.metadata?.annotations?.['kubevirt.io/domain'] === vmiName ||
          p.metadata?.labels?.['kubevirt.io/domain'] === vmiName),
    );
    // Prefer the running pod (a finished migration source stays behind for a while).
    return candidates.find((p) => p.status?.phase === 'Running') ?? candidates[0];
  };

  const vmiByKey = new Map(vmis.map((v) => [nadKey(nsOf(v), v.metadata!.name!), v]));
  for (const vm of vms) {
    const namespace = nsOf(vm);
    const name = vm.metadata!.name!;
    const vmi = vmiByKey.get(nadKey(namespace, name));
    const pod = launcherOf(namespace, name);
    if (pod) launcherPods.set(nadKey(namespace, pod.metadata!.name!), pod);
    const hostname = vmi?.spec?.hostname ?? vm.spec?.template?.spec?.hostname ?? name;
    const labels: Labels = pod?.metadata?.labels
      ? { ...pod.metadata.labels }
      : {
          ...(vmi?.metadata?.labels ?? vm.spec?.template?.metadata?.labels ?? {}),
          'kubevirt.io': 'virt-launcher',
          'vm.kubevirt.io/name': hostname,
        };
    add({
      kind: 'VirtualMachine',
      namespace,
      name,
      labels,
      interfaces: vmEndpointInterfaces(catalog, vm, vmi, pod, options.parseYaml),
    });
  }
  const vmKeys = new Set(vms.map((v) => nadKey(nsOf(v), v.metadata!.name!)));
  for (const vmi of vmis) {
    const namespace = nsOf(vmi);
    const name = vmi.metadata!.name!;
    if (vmKeys.has(nadKey(namespace, name))) continue;
    const pod = launcherOf(namespace, name);
    if (pod) launcherPods.set(nadKey(namespace, pod.metadata!.name!), pod);
    add({
      kind: 'VirtualMachineInstance',
      namespace,
      name,
      labels: pod?.metadata?.labels
        ? { ...pod.metadata.labels }
        : {
            ...(vmi.metadata?.labels ?? {}),
            'kubevirt.io': 'virt-launcher',
            'vm.kubevirt.io/name': vmi.spec?.hostname ?? name,
          },
      interfaces: vmEndpointInterfaces(catalog, vmi, vmi, pod, options.parseYaml),
    });
  }

  // Pods: one endpoint per controller (replicas of one workload are one peer), else per pod.
  const byOwner = new Map<string, Endpoint>();
  for (const pod of pods) {
    const namespace = nsOf(pod);
    if (isLauncherPod(pod)) {
      const key = nadKey(namespace, pod.metadata!.name!);
      if (!launcherPods.has(key)) launcherPods.set(key, pod);
      continue;
    }
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
  return { endpoints, launcherPods };
};
