/**
 * The interfaces of a VM as the policy analysis sees them, read from the networking model's rows
 * (src/core/model): one join of VM → instance → launcher pod → networks serves the Networking tab
 * and the policy analysis alike, so a fact fixed there (which launcher pod is active, which
 * network-status entry belongs to which NIC, a malformed annotation) is fixed here too.
 *
 * Only what the model does not read is added here: the policy network id of each NIC (the policy
 * catalog's identity of networks), the NIC's `ports[]` for named ports, and static addresses from
 * cloud-init `networkData` for guests whose addresses nobody reports.
 */
import { buildNetworkingModel } from '../model/interface-model';
import type { InterfaceRow, NetworkingInput, Readable } from '../model/types';
import type { IpFact } from '../model/addresses';
import type {
  ClusterNetworkConfig,
  ClusterUserDefinedNetwork,
  ContainerPort,
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  NetworkOperatorConfig,
  Pod,
  UserDefinedNetwork,
  VirtualMachine,
  VirtualMachineInstance,
} from '../k8s/types';
import type { SpecInterface } from '../kubevirt/vm-spec';
import {
  CREATED_BY_LABEL,
  DOMAIN_ANNOTATION,
  LAUNCHER_LABEL,
  LAUNCHER_LABEL_VALUE,
  VM_NAME_LABEL,
} from '../pod/launcher';
import { NETWORK_STATUS_ANNOTATION } from '../pod/annotations';
import { parseCidr, parseIp } from './ip';
import { nadKey, nsOf, POD_NETWORK_ID, type NetworkCatalog } from './networks';
import type { EndpointInterface, EndpointIp, IpSource, YamlParse } from './endpoints';

/** Turns address texts (with or without a prefix) into endpoint IPs, without duplicates. */
export const toEndpointIps = (texts: readonly unknown[] | undefined | null): EndpointIp[] => {
  const out: EndpointIp[] = [];
  for (const t of texts ?? []) {
    if (typeof t !== 'string' || !t) continue;
    const ip = parseIp(t);
    if (ip && !out.some((o) => o.n === ip.n && o.family === ip.family)) {
      const subnet = t.includes('/') ? parseCidr(t) : undefined;
      out.push({ text: t.split('/')[0], ...ip, ...(subnet ? { subnet } : {}) });
    }
  }
  return out;
};

const factText = (f: IpFact) =>
  f.prefixLength !== undefined ? `${f.address}/${f.prefixLength}` : f.address;

/** Which annotation or status an address fact was read from, in the policy's vocabulary. */
const sourceOfFact = (f: IpFact): IpSource => {
  const e = f.evidence;
  if (!e || e.kind !== 'field') return 'none';
  if (e.object.kind === 'VirtualMachineInstance') return 'vmi-status';
  if (e.field.startsWith('status.podIP')) return 'pod-status';
  return e.field.includes(NETWORK_STATUS_ANNOTATION) ? 'network-status' : 'pod-networks';
};

/** The addresses of one row: the guest's as reported, else the pod side's (what peers see). */
const rowAddresses = (row: InterfaceRow): { ips: EndpointIp[]; source: IpSource } => {
  for (const facts of [row.guest.ips, row.pod.ips.filter((i) => !i.linkLocal)]) {
    const usable = facts.filter((f) => sourceOfFact(f) !== 'none');
    const ips = toEndpointIps(usable.map(factText));
    if (ips.length) return { ips, source: sourceOfFact(usable[0]) };
  }
  return { ips: [], source: 'none' };
};

interface CloudInitNic {
  ips: string[];
  dhcp: boolean;
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
  const volumes = Array.isArray(vmSpec?.volumes)
    ? (vmSpec.volumes as Record<string, unknown>[])
    : [];
  for (const v of volumes) {
    if (!v || typeof v !== 'object') continue;
    const source = (v.cloudInitNoCloud ?? v.cloudInitConfigDrive) as
      { networkData?: unknown } | undefined;
    if (typeof source?.networkData !== 'string' || !source.networkData) continue;
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
      const macText = (eth.match as { macaddress?: unknown } | undefined)?.macaddress;
      const mac = typeof macText === 'string' ? macText.toLowerCase() : undefined;
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

/** The cluster-wide and per-namespace objects the model reads, indexed once per analysis. */
export interface VmJoinContext {
  /** The launcher pods that may belong to a VM: by its instance's UID, its name or its domain. */
  launcherPods: (namespace: string, vmName: string, vmiUid: string | undefined) => Pod[];
  nad: (namespace: string, name: string) => NetworkAttachmentDefinition | undefined;
  udns: (namespace: string) => UserDefinedNetwork[];
  cudns: ClusterUserDefinedNetwork[];
  /** A Namespace, `Unreadable` where it could not be read, undefined where it is not in the input. */
  namespace: (name: string) => Readable<Namespace>;
  networkConfig?: NetworkOperatorConfig;
  clusterNetwork?: ClusterNetworkConfig;
}

/** Appends `item` to the list under `key`. */
const pushTo = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
};

export const vmJoinContext = (
  objects: K8sObject[],
  unreadableNamespaces: ReadonlySet<string> = new Set(),
): VmJoinContext => {
  const of = <T extends K8sObject>(kind: string, group?: string) =>
    objects.filter(
      (o): o is T =>
        o.kind === kind &&
        !!o.metadata?.name &&
        (group === undefined || (o.apiVersion ?? '').startsWith(`${group}/`)),
    );
  const pods = of<Pod>('Pod').filter(
    (p) => p.metadata?.labels?.[LAUNCHER_LABEL] === LAUNCHER_LABEL_VALUE,
  );
  // Indexed by every key findLauncherPods matches on, so each VM gets only its own candidates
  // (handing every VM all launcher pods of a namespace would make 1,000 VMs quadratic).
  const podsByKey = new Map<string, Pod[]>();
  for (const pod of pods) {
    const ns = nsOf(pod);
    const labels = pod.metadata?.labels ?? {};
    const domain = pod.metadata?.annotations?.[DOMAIN_ANNOTATION];
    const keys = new Set([
      `uid:${labels[CREATED_BY_LABEL] ?? ''}`,
      `name:${ns}/${labels[VM_NAME_LABEL] ?? ''}`,
      `name:${ns}/${typeof domain === 'string' ? domain : ''}`,
    ]);
    for (const k of keys) pushTo(podsByKey, k, pod);
  }
  const nads = new Map(
    of<NetworkAttachmentDefinition>('NetworkAttachmentDefinition').map((n) => [
      nadKey(nsOf(n), n.metadata!.name!),
      n,
    ]),
  );
  const udnsByNs = new Map<string, UserDefinedNetwork[]>();
  for (const u of of<UserDefinedNetwork>('UserDefinedNetwork')) pushTo(udnsByNs, nsOf(u), u);
  const namespaces = new Map(of<Namespace>('Namespace').map((n) => [n.metadata!.name!, n]));
  return {
    launcherPods: (ns, vmName, vmiUid) => [
      ...new Set([
        ...(vmiUid ? (podsByKey.get(`uid:${vmiUid}`) ?? []) : []),
        ...(podsByKey.get(`name:${ns}/${vmName}`) ?? []),
      ]),
    ],
    nad: (ns, name) => nads.get(nadKey(ns, name)),
    udns: (ns) => udnsByNs.get(ns) ?? [],
    cudns: of<ClusterUserDefinedNetwork>('ClusterUserDefinedNetwork'),
    namespace: (name) =>
      unreadableNamespaces.has(name)
        ? { error: `Namespace ${name} could not be read` }
        : namespaces.get(name),
    networkConfig: of<NetworkOperatorConfig>('Network', 'operator.openshift.io').find(
      (o) => o.metadata?.name === 'cluster',
    ),
    clusterNetwork: of<ClusterNetworkConfig>('Network', 'config.openshift.io').find(
      (o) => o.metadata?.name === 'cluster',
    ),
  };
};

/**
 * The NADs a VM's networks name (`multus.networkName`, `[namespace/]name`), read defensively: the
 * model checks the VM's shape itself, this only picks which NADs to hand it.
 */
const namedNads = (vm: VirtualMachine, namespace: string): [string, string][] => {
  const networks: unknown = (vm.spec?.template?.spec as { networks?: unknown } | undefined)
    ?.networks;
  if (!Array.isArray(networks)) return [];
  return networks.flatMap((n): [string, string][] => {
    const ref = (n as { multus?: { networkName?: unknown } } | null)?.multus?.networkName;
    if (typeof ref !== 'string' || !ref) return [];
    const slash = ref.indexOf('/');
    return [slash >= 0 ? [ref.slice(0, slash), ref.slice(slash + 1)] : [namespace, ref]];
  });
};

/** A VMI without its VM, seen as the VM it runs (its spec is the template's). */
const asVm = (vmi: VirtualMachineInstance): VirtualMachine =>
  ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: vmi.metadata,
    spec: { template: { metadata: { labels: vmi.metadata?.labels }, spec: vmi.spec } },
  }) as unknown as VirtualMachine;

export interface VmInterfaces {
  interfaces: EndpointInterface[];
  /** The launcher pod running the domain now, as the model found it. */
  launcher?: Pod;
}

/** One VM (or a VMI without VM) through the networking model. */
export const vmInterfaces = (
  catalog: NetworkCatalog,
  join: VmJoinContext,
  vmLike: VirtualMachine | VirtualMachineInstance,
  vmi: VirtualMachineInstance | undefined,
  parseYaml: YamlParse | undefined,
): VmInterfaces => {
  const namespace = nsOf(vmLike);
  const vm =
    vmLike.kind === 'VirtualMachineInstance'
      ? asVm(vmLike as VirtualMachineInstance)
      : (vmLike as VirtualMachine);
  // Only the NADs this VM names: the model resolves its own networks, and 500 NADs per VM would
  // make a namespace of VMs quadratic.
  const nads = namedNads(vm, namespace)
    .map(([ns, name]) => join.nad(ns, name))
    .filter((n): n is NetworkAttachmentDefinition => !!n);
  const input: NetworkingInput = {
    vm: vm.metadata?.namespace ? vm : { ...vm, metadata: { ...vm.metadata, namespace } },
    vmi: vmi ?? null,
    pods: join.launcherPods(namespace, vm.metadata?.name ?? '', vmi?.metadata?.uid),
    nads,
    udns: join.udns(namespace),
    cudns: join.cudns,
    namespace: join.namespace(namespace),
    networkConfig: join.networkConfig,
    clusterNetwork: join.clusterNetwork,
  };
  const model = buildNetworkingModel(input);
  const primaryId = catalog.namespaces.get(namespace)?.primaryNetworkId ?? POD_NETWORK_ID;
  const templateSpec = (vm.spec?.template?.spec ?? undefined) as
    Record<string, unknown> | undefined;
  const rows = model.interfaces.filter((r) => r.guest.hotplug !== 'absent');
  const cloudInit = cloudInitNics(
    templateSpec,
    rows.map((r) => r.spec),
    parseYaml,
  );
  const interfaces = rows.flatMap((row): EndpointInterface[] => {
    const spec = row.spec;
    let networkId: string;
    let nad: EndpointInterface['nad'];
    if (spec.network.kind === 'pod') networkId = primaryId;
    else if (spec.network.kind === 'multus') {
      nad = { namespace: spec.network.nadNamespace || namespace, name: spec.network.nadName };
      networkId =
        catalog.nadNetwork.get(nadKey(nad.namespace, nad.name)) ??
        `missing:${nadKey(nad.namespace, nad.name)}`;
    } else return [];
    const ports: ContainerPort[] = (Array.isArray(spec.iface.ports) ? spec.iface.ports : [])
      .filter((p) => p && typeof p.port === 'number')
      .map((p) => ({ name: p.name, containerPort: p.port, protocol: p.protocol ?? 'TCP' }));
    const observed = rowAddresses(row);
    const ci = cloudInit.get(spec.name);
    const ciIps = toEndpointIps(ci?.ips);
    // A bridge-bound guest on an IPAM-less network is invisible to the pod annotations and, without
    // a guest agent, to the instance: its cloud-init addresses are the only evidence left.
    const [ips, ipSource]: [EndpointIp[], IpSource] = observed.ips.length
      ? [observed.ips, observed.source]
      : ciIps.length
        ? [ciIps, 'cloud-init']
        : [[], 'none'];
    return [
      {
        name: spec.name,
        networkId,
        nad,
        ips,
        ipSource,
        ports,
        binding: spec.binding.name,
        ...(row.network.undecided ? { undecided: row.network.undecided } : {}),
        dhcp: ci?.dhcp,
      },
    ];
  });
  return { interfaces, launcher: model.launcher.active };
};
