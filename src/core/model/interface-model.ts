/**
 * The networking model: the VM, its instance, launcher pod(s) and networks turned into one row per
 * guest NIC, from the guest to the wire. Every view and later feature builds on this.
 *
 * Texts: the core returns no finished sentences. Anything a person reads is a `Message`
 * (`{ message, params }`) whose `message` is an English i18next key from ./messages.ts with
 * `{{param}}` placeholders; the view renders it with `t(message, params)` in the
 * `plugin__vm-networking-console-plugin` namespace. Enumerations (kinds, roles, states, fact ids)
 * are stable ids the view maps to labels itself.
 *
 * Missing inputs: any input may be `undefined` (not provided: facts that depend on it are left
 * out, rules that need it stay silent) or an `Unreadable` `{error, forbidden?}` marker (listed in
 * `problems`, noted on the rows it affects). Nothing here throws on bad data.
 */
import type { Pod, VirtualMachineInstance } from '../k8s/types';
import { Models } from '../k8s/models';
import {
  namingSchemeOf,
  podDevicesFor,
  podInterfaceNames,
  primaryPodInterfaceName,
} from '../kubevirt/naming';
import { specInterfacesOf, type SpecInterface } from '../kubevirt/vm-spec';
import { collectBridgeMappings } from '../networks/bridge-mappings';
import { cudnsSelecting, namespaceLabels, primaryNetworkState, type AnyUDN } from '../networks/udn';
import {
  NETWORK_STATUS_ANNOTATION,
  NETWORKS_ANNOTATION,
  OVN_POD_NETWORKS_ANNOTATION,
  ovnAddressesOf,
  ovnGatewaysOf,
  parseNetworksAnnotation,
  parseNetworkStatus,
  parseOvnPodNetworks,
  type NetworkSelectionElement,
  type NetworkStatusEntry,
  type OvnPodNetwork,
} from '../pod/annotations';
import { findLauncherPods } from '../pod/launcher';
import { isParseError, type ParseResult } from '../pod/parse-result';
import { ipFact, type IpFact, type IpSource } from './addresses';
import { MESSAGES, msg, type Message } from './messages';
import { refOf, resolveNetwork, type ResolveContext } from './resolve-network';
import type {
  BindingFacts,
  GuestFacts,
  HotplugState,
  InterfaceRow,
  ModelContext,
  NetworkFacts,
  NetworkingInput,
  NetworkingModel,
  ObjectRef,
  PodSide,
  Readable,
  ResourceProblem,
  Unreadable,
  VmState,
} from './types';

export type * from './types';

type VmiStatusInterface = NonNullable<
  NonNullable<VirtualMachineInstance['status']>['interfaces']
>[number] & {
  podInterfaceName?: string;
  linkState?: string;
};

export const isUnreadable = (v: unknown): v is Unreadable =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as Unreadable).error === 'string' &&
  !('kind' in v && 'metadata' in v);

const readable = <T>(v: Readable<T> | null): T | undefined =>
  v === null || v === undefined || isUnreadable(v) ? undefined : (v as T);

const collectProblems = (input: NetworkingInput): ResourceProblem[] => {
  const out: ResourceProblem[] = [];
  const check = (resource: string, v: unknown) => {
    if (isUnreadable(v)) out.push({ resource, error: v.error, forbidden: !!v.forbidden });
  };
  check(Models.VirtualMachineInstance.kind, input.vmi);
  check(Models.Pod.kind, input.pods);
  check(Models.NetworkAttachmentDefinition.kind, input.nads);
  check(Models.UserDefinedNetwork.kind, input.udns);
  check(Models.ClusterUserDefinedNetwork.kind, input.cudns);
  check(Models.Namespace.kind, input.namespace);
  check(Models.NodeNetworkConfigurationPolicy.kind, input.nncps);
  check(Models.NodeNetworkState.kind, input.nodeNetworkStates);
  check(Models.NetworkOperatorConfig.kind, input.networkConfig);
  return out;
};

const problemMessage = (p: ResourceProblem): Message =>
  p.forbidden
    ? msg(MESSAGES.forbidden, { resource: p.resource })
    : msg(MESSAGES.unreadable, { resource: p.resource, error: p.error });

const valueOf = <T>(r: ParseResult<T> | undefined): T | undefined =>
  r && !isParseError(r) ? r.value : undefined;

const conditionTrue = (conditions: { type: string; status: string }[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type)?.status === 'True';

const vmStateOf = (
  input: NetworkingInput,
  vmi: VirtualMachineInstance | undefined,
  migrationTarget: Pod | undefined,
): VmState => {
  const vm = input.vm;
  if (!vm.metadata?.uid && !vm.metadata?.creationTimestamp && !vm.metadata?.resourceVersion)
    return 'draft';
  if (isUnreadable(input.vmi)) return 'unknown';
  if (!vmi) return 'stopped';
  if (vmi.metadata?.deletionTimestamp) return 'stopping';
  const phase = vmi.status?.phase;
  if (phase === 'Running') {
    const migrating = vmi.status?.migrationState && !vmi.status.migrationState.completed;
    return migrating || migrationTarget ? 'migrating' : 'running';
  }
  if (phase === 'Succeeded' || phase === 'Failed') return 'stopped';
  return 'starting';
};

const STATE_MESSAGES: Record<VmState, string | undefined> = {
  draft: MESSAGES.stateDraft,
  stopped: MESSAGES.stateStopped,
  starting: MESSAGES.stateStarting,
  running: undefined,
  migrating: MESSAGES.stateMigrating,
  stopping: undefined,
  unknown: undefined,
};

/** `infoSource` says who reported an entry; the first reporter of addresses is the guest agent. */
const statusIpSource = (infoSources: string[]): IpSource => {
  if (infoSources.includes('guest-agent')) return 'guest-agent';
  if (infoSources.includes('multus-status')) return 'pod-annotation';
  if (infoSources.includes('domain')) return 'domain';
  // KubeVirt before infoSource existed (≈v0.33) took addresses from the guest agent.
  return 'guest-agent';
};

const factsFrom = (values: string[] | undefined, source: IpSource): IpFact[] =>
  (values ?? []).map((v) => ipFact(v, source)).filter((f): f is IpFact => !!f);

const dedupe = (facts: IpFact[]): IpFact[] => {
  const seen = new Set<string>();
  return facts.filter((f) => (seen.has(f.address) ? false : (seen.add(f.address), true)));
};

interface PodIndex {
  statusByInterface: Map<string, NetworkStatusEntry>;
  statusByName: Map<string, NetworkStatusEntry[]>;
  defaultStatus?: NetworkStatusEntry;
  clusterStatus?: NetworkStatusEntry;
  selectionByInterface: Map<string, NetworkSelectionElement>;
  ovn?: Record<string, OvnPodNetwork>;
  primaryOvnKey?: string;
}

const indexPod = (
  networkStatus: NetworkStatusEntry[] | undefined,
  selections: NetworkSelectionElement[] | undefined,
  ovn: Record<string, OvnPodNetwork> | undefined,
): PodIndex => {
  const idx: PodIndex = {
    statusByInterface: new Map(),
    statusByName: new Map(),
    selectionByInterface: new Map(),
    ovn,
  };
  for (const s of networkStatus ?? []) {
    if (s.interface) idx.statusByInterface.set(s.interface, s);
    const list = idx.statusByName.get(s.name);
    if (list) list.push(s);
    else idx.statusByName.set(s.name, [s]);
    if (s.default) idx.defaultStatus = s;
    if (s.interface === 'eth0') idx.clusterStatus = s;
  }
  for (const sel of selections ?? [])
    if (sel.interface) idx.selectionByInterface.set(sel.interface, sel);
  if (ovn) {
    idx.primaryOvnKey = Object.keys(ovn).find((k) => ovn[k].role === 'primary' && k !== 'default');
  }
  return idx;
};

const hotplugOf = (
  spec: SpecInterface,
  vmi: VirtualMachineInstance | undefined,
  vmiSpecNames: Set<string> | undefined,
  status: VmiStatusInterface | undefined,
  restartRequired: boolean,
): HotplugState | undefined => {
  if (spec.state === 'absent') return 'absent';
  if (!vmi || !vmiSpecNames) return undefined;
  if (!vmiSpecNames.has(spec.name))
    return restartRequired ? 'pending-restart' : 'pending-migration';
  if (vmi.status?.phase === 'Running' && !status) return 'not-in-instance';
  return undefined;
};

const HOTPLUG_MESSAGES: Record<HotplugState, string> = {
  absent: MESSAGES.hotplugAbsent,
  'pending-restart': MESSAGES.hotplugPendingRestart,
  'pending-migration': MESSAGES.hotplugPendingMigration,
  'not-in-instance': MESSAGES.hotplugNotInInstance,
};

const bindingFacts = (
  spec: SpecInterface,
  network: NetworkFacts,
  pod: PodSide,
  guestIps: IpFact[],
): BindingFacts => {
  const { name, source } = spec.binding;
  const firstPodIp = pod.ips.find((i) => !i.linkLocal)?.address;
  const firstGuestIp = guestIps.find((i) => !i.linkLocal)?.address;
  const facts: BindingFacts['facts'] = [];
  let meaning: Message;
  const onPrimaryUdn = network.kind === 'primary-udn' || network.kind === 'primary-cudn';
  if (name === 'masquerade') {
    facts.push(
      { id: 'guestAddress', value: '10.0.2.2/24' },
      { id: 'guestGateway', value: '10.0.2.1' },
    );
    if (firstPodIp) facts.push({ id: 'podIP', value: firstPodIp });
    meaning = firstPodIp
      ? msg(MESSAGES.masquerade, { podIP: firstPodIp })
      : msg(MESSAGES.masqueradeNoPod);
  } else if ((name === 'l2bridge' || name === 'bridge') && onPrimaryUdn) {
    const address = firstGuestIp ?? firstPodIp;
    const gateway = network.gateways[0] ?? pod.gateways[0];
    if (address) facts.push({ id: 'guestAddress', value: address });
    if (gateway) facts.push({ id: 'gateway', value: gateway });
    meaning =
      address && gateway
        ? msg(MESSAGES.l2bridgePrimary, { address, gateway })
        : msg(MESSAGES.l2bridgePrimaryNoAddress);
  } else if (name === 'bridge' || name === 'l2bridge') {
    const address = firstPodIp ?? (network.ipam.enabled ? firstGuestIp : undefined);
    if (address) facts.push({ id: 'guestAddress', value: address });
    if (network.kind === 'pod-network') {
      meaning = msg(MESSAGES.bridgePodNetwork, { address: address ?? '' });
    } else {
      meaning =
        address || network.ipam.enabled
          ? msg(MESSAGES.bridgeSecondary, { address: address ?? '' })
          : msg(MESSAGES.bridgeSecondaryNoIpam);
    }
  } else if (name === 'sriov') meaning = msg(MESSAGES.sriov);
  else if (name === 'passt') meaning = msg(MESSAGES.passt);
  else if (name === 'macvtap') meaning = msg(MESSAGES.macvtap);
  else meaning = msg(MESSAGES.plugin, { name });
  return { name, source, meaning, facts };
};

const emptyContext = (): ModelContext => ({
  nadsByKey: new Map(),
  nadsKnown: false,
  allNads: [],
  bridgeMappings: new Map(),
  bridgeMappingsKnown: false,
  nodeInterfaceMtus: new Map(),
  udnsKnown: false,
  restartRequired: false,
  vmiConditions: [],
});

export const buildNetworkingModel = (input: NetworkingInput): NetworkingModel => {
  const vm = input.vm;
  const vmName = vm.metadata?.name ?? '';
  const namespace = vm.metadata?.namespace ?? '';
  const problems = collectProblems(input);
  const vmi = readable(input.vmi);
  const pods = readable(input.pods) ?? [];
  const nads = readable(input.nads);
  const udns = readable(input.udns);
  const cudns = readable(input.cudns);
  const ns = readable(input.namespace);
  const nncps = readable(input.nncps);
  const nnss = readable(input.nodeNetworkStates);

  // Indices, built once.
  const ctx = emptyContext();
  ctx.nadsKnown = nads !== undefined;
  ctx.allNads = nads ?? [];
  for (const nad of ctx.allNads) {
    ctx.nadsByKey.set(`${nad.metadata?.namespace || namespace}/${nad.metadata?.name}`, nad);
  }
  ctx.bridgeMappings = collectBridgeMappings(nncps, nnss);
  ctx.bridgeMappingsKnown = nncps !== undefined || nnss !== undefined;
  for (const nns of nnss ?? []) {
    for (const iface of nns.status?.currentState?.interfaces ?? []) {
      const { name, mtu } = iface as { name?: string; mtu?: number };
      if (!name || typeof mtu !== 'number') continue;
      const known = ctx.nodeInterfaceMtus.get(name);
      if (known === undefined || mtu < known) ctx.nodeInterfaceMtus.set(name, mtu);
    }
  }
  ctx.clusterNetworkMtu = (
    readable(input.networkConfig) as { status?: { clusterNetworkMTU?: number } } | undefined
  )?.status?.clusterNetworkMTU;
  const labels = ns || input.namespace === undefined ? namespaceLabels(ns, namespace) : undefined;
  ctx.namespaceLabels = ns ? labels : undefined;
  const namespaceUdns = (udns ?? []).filter(
    (u) => !u.metadata?.namespace || u.metadata.namespace === namespace,
  );
  const selecting = labels && cudns ? cudnsSelecting(cudns, labels) : [];
  ctx.udnsKnown = udns !== undefined;
  if (labels && (udns !== undefined || cudns !== undefined)) {
    ctx.primary = primaryNetworkState(ctx.namespaceLabels ?? {}, namespaceUdns, selecting);
    if (!ns) ctx.primary.labelled = false;
  }
  const udnsByName = new Map<string, AnyUDN>(namespaceUdns.map((u) => [u.metadata?.name ?? '', u]));
  const cudnsByName = new Map<string, AnyUDN>(
    (cudns ?? []).map((c) => [c.metadata?.name ?? '', c]),
  );

  const launcher = vmi ? findLauncherPods(pods, vmName, vmi) : { others: [] as Pod[] };
  const activePod = launcher.active;
  ctx.vmi = vmi;
  ctx.activePod = activePod;
  const state = vmStateOf(input, vmi, launcher.migrationTarget);

  const statusResult = parseNetworkStatus(activePod);
  const selectionResult = parseNetworksAnnotation(activePod);
  const ovnResult = parseOvnPodNetworks(activePod);
  const podNotes: Message[] = [];
  for (const [annotation, r] of [
    [NETWORK_STATUS_ANNOTATION, statusResult],
    [NETWORKS_ANNOTATION, selectionResult],
    [OVN_POD_NETWORKS_ANNOTATION, ovnResult],
  ] as const) {
    if (r && 'error' in r)
      podNotes.push(msg(MESSAGES.annotationError, { annotation, error: r.error }));
  }
  ctx.networkStatus = valueOf(statusResult);
  ctx.ovnPodNetworks = valueOf(ovnResult);
  const podIdx = indexPod(ctx.networkStatus, valueOf(selectionResult), ctx.ovnPodNetworks);

  const vmiConditions = (vmi?.status?.conditions ?? []) as ModelContext['vmiConditions'];
  ctx.vmiConditions = vmiConditions;
  ctx.guestAgentConnected = vmi ? conditionTrue(vmiConditions, 'AgentConnected') : undefined;
  ctx.restartRequired = conditionTrue(
    (vm.status?.conditions ?? []) as { type: string; status: string }[],
    'RestartRequired',
  );

  const specs = specInterfacesOf(vm);
  const vmiSpecNames = vmi?.spec?.domain?.devices?.interfaces
    ? new Set(vmi.spec.domain.devices.interfaces.map((i) => i.name))
    : undefined;
  const statusByName = new Map<string, VmiStatusInterface>();
  const extraStatusInterfaces: Record<string, unknown>[] = [];
  const specNames = new Set(specs.map((s) => s.name));
  for (const s of (vmi?.status?.interfaces ?? []) as VmiStatusInterface[]) {
    if (s.name && specNames.has(s.name)) statusByName.set(s.name, s);
    else extraStatusInterfaces.push(s as Record<string, unknown>);
  }

  const allPodIfaceNames = [
    ...podIdx.statusByInterface.keys(),
    ...podIdx.selectionByInterface.keys(),
    ...[...statusByName.values()].map((s) => s.podInterfaceName),
  ];
  const namingScheme = namingSchemeOf(allPodIfaceNames);
  const primaryName = primaryPodInterfaceName(podIdx.defaultStatus?.interface);
  const isPrimary = (s: SpecInterface) =>
    s.network.kind === 'pod' || (s.network.kind === 'multus' && s.network.isDefault);
  const expectedNames = podInterfaceNames(
    specs
      .filter((s) => s.network.kind === 'pod' || s.network.kind === 'multus')
      .map((s) => ({ name: s.name, primary: isPrimary(s) })),
    namingScheme,
    primaryName,
  );

  const resolveCtx: ResolveContext = {
    namespace,
    nadsByKey: ctx.nadsByKey,
    nadsKnown: ctx.nadsKnown,
    udnsByName,
    cudnsByName,
    primary: ctx.primary,
    bridgeMappings: ctx.bridgeMappings,
    networkConfig: readable(input.networkConfig),
  };
  const nadProblem = problems.find((p) => p.resource === Models.NetworkAttachmentDefinition.kind);

  const interfaces: InterfaceRow[] = specs.map((spec) => {
    const primary = isPrimary(spec);
    const notes: Message[] = [...(activePod ? podNotes : [])];
    const network = resolveNetwork(spec.network, resolveCtx);
    // A launcher that reports a primary UDN interface proves the primary UDN even when the UDNs
    // could not be read.
    if (network.kind === 'pod-network' && podIdx.primaryOvnKey && !ctx.udnsKnown) {
      network.kind = 'primary-udn';
      network.kindLabel = msg(MESSAGES.kindPrimaryUdn);
    }
    if (network.kind === 'missing' && network.nadKey) {
      const [nadNamespace, name] = network.nadKey.split('/');
      notes.push(msg(MESSAGES.nadMissingRow, { namespace: nadNamespace, name }));
    }
    if (network.kind === 'unknown' && nadProblem) notes.push(problemMessage(nadProblem));
    if (network.nad?.error) notes.push(msg(MESSAGES.nadConfigError, { error: network.nad.error }));

    const status = statusByName.get(spec.name);
    const infoSources = (status?.infoSource ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

    // Pod side.
    const expected = expectedNames.get(spec.name);
    let statusEntry: NetworkStatusEntry | undefined;
    if (primary) statusEntry = podIdx.defaultStatus;
    else if (expected) statusEntry = podIdx.statusByInterface.get(expected);
    if (!statusEntry && !primary && network.nadKey) {
      const byName = podIdx.statusByName.get(network.nadKey);
      if (byName?.length === 1) statusEntry = byName[0];
    }
    const reported = status?.podInterfaceName ?? statusEntry?.interface;
    const interfaceName = reported ?? expected;
    let ovnKey: string | undefined;
    if (podIdx.ovn) {
      if (primary && spec.network.kind === 'pod') ovnKey = podIdx.primaryOvnKey ?? 'default';
      else if (network.nadKey && podIdx.ovn[network.nadKey]) ovnKey = network.nadKey;
    }
    const ovnEntry = ovnKey ? podIdx.ovn?.[ovnKey] : undefined;
    const podIps = dedupe([
      ...factsFrom(statusEntry?.ips, 'pod-annotation'),
      ...factsFrom(ovnAddressesOf(ovnEntry), 'pod-annotation'),
    ]);
    const pod: PodSide = {
      expectedInterface: expected,
      reportedInterface: activePod ? reported : undefined,
      matches: activePod && reported && expected ? reported === expected : undefined,
      interfaceName: activePod || expected ? interfaceName : undefined,
      devices: interfaceName ? podDevicesFor(spec.binding.name, interfaceName, primary) : [],
      ips: podIps,
      mac: statusEntry?.mac ?? ovnEntry?.mac_address,
      gateways: [...(statusEntry?.gateway ?? []), ...ovnGatewaysOf(ovnEntry)].filter(
        (g, i, a) => a.indexOf(g) === i,
      ),
      ...(ovnEntry?.role ? { ovnRole: ovnEntry.role } : {}),
      ...(ovnKey ? { ovnKey } : {}),
    };
    if (pod.matches === false) {
      notes.push(
        msg(MESSAGES.podNameMismatch, { expected: expected ?? '', actual: reported ?? '' }),
      );
    }
    if (!network.gateways.length && pod.gateways.length) network.gateways = pod.gateways;

    // Guest side.
    const statusIps = status?.ipAddresses ?? (status?.ipAddress ? [status.ipAddress] : []);
    let guestIps = factsFrom(statusIps, statusIpSource(infoSources));
    // With a bridge binding the guest holds the pod's address; without an agent that is the best
    // known guest address, shown with its source.
    const bridged = spec.binding.name === 'bridge' || spec.binding.name === 'l2bridge';
    if (bridged && !guestIps.some((i) => !i.linkLocal)) guestIps = dedupe([...guestIps, ...podIps]);
    const hotplug = hotplugOf(spec, vmi, vmiSpecNames, status, ctx.restartRequired);
    const configuredLink =
      spec.state === 'down' ? 'down' : spec.state === 'absent' ? 'absent' : 'up';
    const guest: GuestFacts = {
      ...(status?.interfaceName ? { interfaceName: status.interfaceName } : {}),
      model: { value: spec.model ?? 'virtio', defaulted: !spec.model },
      mac: {
        ...(spec.macAddress
          ? { configured: spec.macAddress.toLowerCase().replace(/-/g, ':') }
          : {}),
        ...(status?.mac ? { reported: status.mac.toLowerCase() } : {}),
        ...(pod.mac ? { pod: pod.mac.toLowerCase() } : {}),
      },
      linkState: {
        configured: configuredLink,
        ...(status?.linkState ? { reported: status.linkState } : {}),
      },
      ips: guestIps.filter((i) => !i.linkLocal),
      linkLocal: guestIps.filter((i) => i.linkLocal),
      infoSources,
      ...(hotplug ? { hotplug, hotplugMessage: msg(HOTPLUG_MESSAGES[hotplug]) } : {}),
    };

    const selection = interfaceName ? podIdx.selectionByInterface.get(interfaceName) : undefined;
    return {
      name: spec.name,
      primary,
      guest,
      binding: bindingFacts(spec, network, pod, guest.ips),
      network,
      pod,
      raw: {
        ...(network.nad ? { nadConfig: network.nad.raw } : {}),
        ...(statusEntry ? { networkStatusEntry: statusEntry } : {}),
        ...(selection ? { networkSelection: selection } : {}),
        ...(ovnEntry ? { ovnPodNetwork: ovnEntry } : {}),
        ...(status ? { vmiStatus: status as Record<string, unknown> } : {}),
        specInterface: spec.iface,
        specNetwork: (vm.spec?.template?.spec?.networks ?? []).find((n) => n.name === spec.name),
      },
      notes,
      spec,
    };
  });

  const stateMessages: Message[] = [];
  const stateKey = STATE_MESSAGES[state];
  if (stateKey) {
    stateMessages.push(
      state === 'migrating'
        ? msg(stateKey, { pod: launcher.migrationTarget?.metadata?.name ?? '' })
        : msg(stateKey),
    );
  }
  if ((state === 'running' || state === 'migrating') && ctx.guestAgentConnected === false) {
    stateMessages.push(msg(MESSAGES.noGuestAgent));
  }
  if (
    (state === 'running' || state === 'migrating') &&
    !activePod &&
    input.pods !== undefined &&
    !isUnreadable(input.pods)
  ) {
    stateMessages.push(msg(MESSAGES.podMissing));
  }
  for (const p of problems) stateMessages.push(problemMessage(p));

  const createFirst = state === 'draft' ? whatToCreateFirst(interfaces, ctx, namespace) : [];
  for (const ref of createFirst) {
    stateMessages.push(
      msg(MESSAGES.createFirst, {
        kind: ref.kind,
        name: ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name,
      }),
    );
  }

  return {
    vmName,
    namespace,
    state,
    stateMessages,
    guestAgentConnected: ctx.guestAgentConnected,
    namingScheme,
    launcher: { active: activePod, migrationTarget: launcher.migrationTarget },
    interfaces,
    extraStatusInterfaces,
    problems,
    createFirst,
    context: ctx,
  };
};

/** A draft VM on a primary-UDN binding needs the namespace's primary UDN, and its NADs, first. */
const whatToCreateFirst = (
  rows: InterfaceRow[],
  ctx: ModelContext,
  namespace: string,
): ObjectRef[] => {
  const out: ObjectRef[] = [];
  const wantsPrimaryUdn = rows.some(
    (r) => r.primary && r.spec.network.kind === 'pod' && r.binding.name === 'l2bridge',
  );
  if (wantsPrimaryUdn && ctx.primary && ctx.primary.networks.length === 0) {
    out.push(refOf(Models.UserDefinedNetwork, 'primary-udn', namespace));
  }
  for (const r of rows) {
    if (r.network.kind === 'missing' && r.network.nadKey) {
      const [ns, name] = r.network.nadKey.split('/');
      out.push(refOf(Models.NetworkAttachmentDefinition, name, ns));
    }
  }
  return out;
};

/** Raw annotation or config text and its parse error, for the tab's "raw" panes. */
export const rawAnnotations = (pod: Pod | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const key of [NETWORK_STATUS_ANNOTATION, NETWORKS_ANNOTATION, OVN_POD_NETWORKS_ANNOTATION]) {
    const v = pod?.metadata?.annotations?.[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
};
