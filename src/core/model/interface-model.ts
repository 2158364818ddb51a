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
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  Pod,
  UserDefinedNetwork,
  VirtualMachineInstance,
} from '../k8s/types';
import { Models } from '../k8s/models';
import {
  OVN_PRIMARY_UDN_INTERFACE,
  namingSchemeOf,
  podDevicesFor,
  podInterfaceNames,
  primaryPodInterfaceName,
} from '../kubevirt/naming';
import { specInterfacesOf, type SpecInterface } from '../kubevirt/vm-spec';
import { sanitizeInput } from './sanitize';
import { collectBridgeMappings } from '../networks/bridge-mappings';
import {
  cudnsSelecting,
  isPrimaryUdn,
  namespaceLabels,
  primaryNetworkState,
  type AnyUDN,
} from '../networks/udn';
import { matchesSelector } from '../k8s/selectors';
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
import {
  refOf,
  resolveNetwork,
  undecidedPrimaryNetwork,
  type ResolveContext,
} from './resolve-network';
import type {
  BindingFacts,
  ClusterNetworkFacts,
  Evidence,
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
  // The cluster Network config is optional (not on plain Kubernetes); only a denial is worth saying.
  if (isUnreadable(input.clusterNetwork) && input.clusterNetwork.forbidden)
    check(
      `${Models.ClusterNetworkConfig.kind} (${Models.ClusterNetworkConfig.group})`,
      input.clusterNetwork,
    );
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

/** runStrategy (or the older `running`) says whether the VM should run. */
const wantsToRun = (input: NetworkingInput): boolean | undefined => {
  const spec = input.vm.spec as { runStrategy?: string; running?: boolean } | undefined;
  const strategy = spec?.runStrategy;
  if (strategy === 'Always' || strategy === 'RerunOnFailure') return true;
  if (strategy === 'Halted') return false;
  if (strategy === 'Manual' || strategy === 'Once') return undefined;
  if (typeof spec?.running === 'boolean') return spec.running;
  return undefined;
};

const STARTING_PRINTABLE = new Set([
  'Starting',
  'Provisioning',
  'WaitingForVolumeBinding',
  'Migrating',
]);
const STOPPING_PRINTABLE = new Set(['Stopping', 'Terminating']);

/**
 * The run state from the VM's runStrategy/running, its `status.printableStatus` and the VMI phase
 * together: a VM that should run but has no instance yet, or whose instance is Pending, Scheduling
 * or Scheduled, is starting, not stopped.
 */
const vmStateOf = (
  input: NetworkingInput,
  vmi: VirtualMachineInstance | undefined,
  migrationTarget: Pod | undefined,
  evidence: Evidence[],
): VmState => {
  const vm = input.vm;
  const vmRef = refOf(Models.VirtualMachine, vm.metadata?.name ?? '', vm.metadata?.namespace);
  const vmiRef = refOf(
    Models.VirtualMachineInstance,
    vm.metadata?.name ?? '',
    vm.metadata?.namespace,
  );
  if (!vm.metadata?.uid && !vm.metadata?.creationTimestamp && !vm.metadata?.resourceVersion) {
    evidence.push({ kind: 'field', object: vmRef, field: 'metadata.uid' });
    return 'draft';
  }
  const spec = vm.spec as { runStrategy?: string; running?: boolean } | undefined;
  if (spec?.runStrategy !== undefined)
    evidence.push({ kind: 'field', object: vmRef, field: 'spec.runStrategy' });
  else if (spec?.running !== undefined)
    evidence.push({ kind: 'field', object: vmRef, field: 'spec.running' });
  const printable = (vm.status as { printableStatus?: string } | undefined)?.printableStatus;
  if (printable !== undefined)
    evidence.push({ kind: 'field', object: vmRef, field: 'status.printableStatus' });
  if (isUnreadable(input.vmi)) return 'unknown';
  const wants = wantsToRun(input);
  if (!vmi) {
    if (printable && STOPPING_PRINTABLE.has(printable)) return 'stopping';
    if (printable && STARTING_PRINTABLE.has(printable)) return 'starting';
    if (wants === true) return 'starting';
    return 'stopped';
  }
  evidence.push({ kind: 'field', object: vmiRef, field: 'status.phase' });
  if (vmi.metadata?.deletionTimestamp) return 'stopping';
  const phase = vmi.status?.phase;
  if (phase === 'Running') {
    const migrating = vmi.status?.migrationState && !vmi.status.migrationState.completed;
    return migrating || migrationTarget ? 'migrating' : 'running';
  }
  if (phase === 'Succeeded' || phase === 'Failed') {
    // RerunOnFailure and Always start a new instance.
    if (printable && STARTING_PRINTABLE.has(printable)) return 'starting';
    return wants === true && phase === 'Failed' ? 'starting' : 'stopped';
  }
  return 'starting';
};

const STATE_MESSAGES: Record<VmState, string | undefined> = {
  draft: MESSAGES.stateDraft,
  stopped: MESSAGES.stateStopped,
  starting: MESSAGES.stateStarting,
  running: undefined,
  migrating: MESSAGES.stateMigrating,
  stopping: MESSAGES.stateStopping,
  unknown: MESSAGES.stateUnknown,
};

/**
 * Only the VMI status `infoSource` names who reported an entry's addresses. Without it the
 * addresses are "reported by the instance": nothing says they came from the guest agent.
 */
const statusIpSource = (infoSources: string[]): IpSource => {
  if (infoSources.includes('guest-agent')) return 'guest-agent';
  if (infoSources.includes('multus-status')) return 'multus-status';
  if (infoSources.includes('domain')) return 'domain';
  return 'instance';
};

const factsFrom = (values: unknown, source: IpSource, evidence: Evidence): IpFact[] =>
  (Array.isArray(values) ? values : [])
    .map((v) => ipFact(v, source, evidence))
    .filter((f): f is IpFact => !!f);

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

/**
 * A hot-plug is only stated with evidence: the NIC is in the VM spec but not in the VMI spec
 * (plugged at the next migration, or the next restart when the VM says RestartRequired). A running
 * VMI whose status lacks the NIC is "not reported", which is no evidence of a hot-plug.
 */
const hotplugOf = (
  spec: SpecInterface,
  vmi: VirtualMachineInstance | undefined,
  vmiSpecNames: Set<string> | undefined,
  restartRequired: boolean,
): HotplugState | undefined => {
  if (spec.state === 'absent') return 'absent';
  if (!vmi || !vmiSpecNames) return undefined;
  if (!vmiSpecNames.has(spec.name))
    return restartRequired ? 'pending-restart' : 'pending-migration';
  return undefined;
};

const HOTPLUG_MESSAGES: Record<HotplugState, string> = {
  absent: MESSAGES.hotplugAbsent,
  'pending-restart': MESSAGES.hotplugPendingRestart,
  'pending-migration': MESSAGES.hotplugPendingMigration,
  'not-in-instance': MESSAGES.hotplugNotInInstance,
};

const MASQUERADE_V4 = { address: '10.0.2.2/24', gateway: '10.0.2.1' };
const MASQUERADE_V6 = { address: 'fd10:0:2::2/120', gateway: 'fd10:0:2::1' };

/** `vmNetworkCIDR` replaces 10.0.2.0/24: the guest gets .2 and the gateway .1 of it. */
const masqueradeV4 = (cidr: string | undefined) => {
  if (!cidr) return MASQUERADE_V4;
  const [network, prefix] = cidr.split('/');
  const parts = network.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255) || !prefix)
    return MASQUERADE_V4;
  const host = (n: number) => [...parts.slice(0, 3), parts[3] + n].join('.');
  return { address: `${host(2)}/${prefix}`, gateway: host(1) };
};

const bindingFacts = (
  spec: SpecInterface,
  network: NetworkFacts,
  pod: PodSide,
  guestIps: IpFact[],
  podEvidence: Record<string, Evidence>,
): BindingFacts => {
  const { name, source } = spec.binding;
  const podIps = pod.ips.filter((i) => !i.linkLocal);
  const firstPodIp = podIps[0];
  const firstGuestIp = guestIps.find((i) => !i.linkLocal);
  const facts: BindingFacts['facts'] = [];
  let meaning: Message;
  const onPrimaryUdn = network.kind === 'primary-udn' || network.kind === 'primary-cudn';
  const ipEvidence = (ip: IpFact): Evidence =>
    ip.evidence ?? { kind: 'computed', rule: 'bridge-binding-pod-address', from: [] };
  if (name === 'masquerade') {
    const masq: Evidence = {
      kind: 'computed',
      rule: 'kubevirt-masquerade',
      from: [
        'binding masquerade',
        ...(spec.network.kind === 'pod' && spec.network.vmNetworkCIDR
          ? ['spec.networks[].pod.vmNetworkCIDR']
          : []),
      ],
    };
    const v4 = masqueradeV4(spec.network.kind === 'pod' ? spec.network.vmNetworkCIDR : undefined);
    facts.push(
      { id: 'guestAddress', value: v4.address, source: masq },
      { id: 'guestGateway', value: v4.gateway, source: masq },
    );
    // The IPv6 side exists when the pod has an IPv6 address (a dual-stack or IPv6 cluster).
    const v6 = podIps.some((i) => i.family === 6);
    if (v6) {
      facts.push(
        { id: 'guestAddressV6', value: MASQUERADE_V6.address, source: masq },
        { id: 'guestGatewayV6', value: MASQUERADE_V6.gateway, source: masq },
      );
    }
    for (const ip of podIps) facts.push({ id: 'podIP', value: ip.address, source: ipEvidence(ip) });
    const all = podIps.map((i) => i.address).join(', ');
    meaning = firstPodIp
      ? msg(v6 ? MESSAGES.masqueradeDualStack : MESSAGES.masquerade, { podIP: all })
      : msg(MESSAGES.masqueradeNoPod);
  } else if ((name === 'l2bridge' || name === 'bridge') && onPrimaryUdn) {
    const addressFact = firstGuestIp ?? firstPodIp;
    // The launcher's own OVN annotation is the most direct evidence of the gateway; the network's
    // spec (or its first host) otherwise.
    const gateway = pod.gateways[0] ?? network.gateways[0];
    const gatewaySource = pod.gateways[0] ? podEvidence['pod.gateways'] : network.evidence.gateways;
    if (addressFact)
      facts.push({
        id: 'guestAddress',
        value: addressFact.address,
        source: ipEvidence(addressFact),
      });
    if (gateway && gatewaySource)
      facts.push({ id: 'gateway', value: gateway, source: gatewaySource });
    meaning =
      addressFact && gateway
        ? msg(MESSAGES.l2bridgePrimary, { address: addressFact.address, gateway })
        : msg(MESSAGES.l2bridgePrimaryNoAddress);
  } else if (name === 'bridge' || name === 'l2bridge') {
    const addressFact = firstPodIp ?? (network.ipam.enabled ? firstGuestIp : undefined);
    if (addressFact)
      facts.push({
        id: 'guestAddress',
        value: addressFact.address,
        source: ipEvidence(addressFact),
      });
    const address = addressFact?.address;
    if (network.undecided) {
      meaning = msg(MESSAGES.bridgeUndecided);
    } else if (network.kind === 'pod-network') {
      meaning = address
        ? msg(MESSAGES.bridgePodNetwork, { address })
        : msg(MESSAGES.bridgePodNetworkNoAddress);
    } else {
      meaning = address
        ? msg(MESSAGES.bridgeSecondary, { address })
        : network.ipam.enabled
          ? msg(MESSAGES.bridgeSecondaryNoAddress)
          : msg(MESSAGES.bridgeSecondaryNoIpam);
    }
  } else if (name === 'sriov') meaning = msg(MESSAGES.sriov);
  else if (name === 'passt') meaning = msg(MESSAGES.passt);
  else if (name === 'macvtap') meaning = msg(MESSAGES.macvtap);
  else if (source === 'cluster-default') meaning = msg(MESSAGES.bindingUnknown);
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

const nadIndexes = new WeakMap<
  NetworkAttachmentDefinition[],
  { namespace: string; index: Map<string, NetworkAttachmentDefinition> }
>();

/**
 * NADs by `namespace/name`, built once per watched list (a watch hands back the same array until a
 * NAD changes): with 500 NADs building it was the model's costliest step. Read-only for its users.
 */
const nadIndexOf = (
  nads: NetworkAttachmentDefinition[],
  namespace: string,
): Map<string, NetworkAttachmentDefinition> => {
  const cached = nadIndexes.get(nads);
  if (cached?.namespace === namespace) return cached.index;
  const index = new Map<string, NetworkAttachmentDefinition>();
  for (const nad of nads) {
    index.set(`${nad.metadata?.namespace || namespace}/${nad.metadata?.name}`, nad);
  }
  nadIndexes.set(nads, { namespace, index });
  return index;
};

const fieldOf = (object: ObjectRef, field: string, infoSource?: string): Evidence => ({
  kind: 'field',
  object,
  field,
  ...(infoSource ? { infoSource } : {}),
});

/** The interface KubeVirt adds when a VM lists neither interfaces nor networks. */
const autoPodInterface = (): SpecInterface => ({
  name: 'default',
  binding: { name: 'unknown', source: 'cluster-default' },
  network: { kind: 'pod', name: 'default' },
  iface: { name: 'default' },
});

const autoAttaches = (input: NetworkingInput): boolean => {
  const spec = input.vm.spec?.template?.spec;
  const devices = spec?.domain?.devices as
    { interfaces?: unknown[]; autoattachPodInterface?: boolean } | undefined;
  return (
    !(devices?.interfaces ?? []).length &&
    !(spec?.networks ?? []).length &&
    devices?.autoattachPodInterface !== false
  );
};

/**
 * The cluster's CNI from `networks.config.openshift.io/cluster` (status, then spec), the network
 * operator's config, or — failing those — the launcher pod's `k8s.ovn.org/pod-networks`, which
 * only OVN-Kubernetes writes.
 */
const clusterNetworkOf = (
  input: NetworkingInput,
  activePod: Pod | undefined,
): ClusterNetworkFacts => {
  const config = readable(input.clusterNetwork);
  const configRef = refOf(Models.ClusterNetworkConfig, 'cluster');
  const found = (type: string, source: Evidence): ClusterNetworkFacts => ({
    type,
    ovnKubernetes: type === 'OVNKubernetes',
    source,
  });
  if (config?.status?.networkType)
    return found(config.status.networkType, fieldOf(configRef, 'status.networkType'));
  if (config?.spec?.networkType)
    return found(config.spec.networkType, fieldOf(configRef, 'spec.networkType'));
  const operator = readable(input.networkConfig) as
    { spec?: { defaultNetwork?: { type?: string } } } | undefined;
  if (operator?.spec?.defaultNetwork?.type) {
    return found(
      operator.spec.defaultNetwork.type,
      fieldOf(refOf(Models.NetworkOperatorConfig, 'cluster'), 'spec.defaultNetwork.type'),
    );
  }
  if (activePod?.metadata?.annotations?.[OVN_POD_NETWORKS_ANNOTATION] !== undefined) {
    return {
      type: 'OVNKubernetes',
      ovnKubernetes: true,
      source: {
        kind: 'computed',
        rule: 'ovn-annotation-present',
        from: [
          `Pod ${activePod.metadata?.name ?? ''} metadata.annotations[${OVN_POD_NETWORKS_ANNOTATION}]`,
        ],
      },
    };
  }
  return {};
};

/**
 * A CUDN whose selector names only `kubernetes.io/metadata.name` (which every Namespace carries,
 * set to its name) and does not match it: ruled out without reading the Namespace.
 */
const excludedByName = (cudn: ClusterUserDefinedNetwork, namespace: string): boolean => {
  const selector = cudn.spec?.namespaceSelector;
  if (!selector) return false;
  const keys = [
    ...Object.keys(selector.matchLabels ?? {}),
    ...(selector.matchExpressions ?? []).map((r) => r.key),
  ];
  if (!keys.length || keys.some((k) => k !== 'kubernetes.io/metadata.name')) return false;
  try {
    return !matchesSelector(namespaceLabels(undefined, namespace), selector);
  } catch {
    return false;
  }
};

export const buildNetworkingModel = (rawInput: NetworkingInput): NetworkingModel => {
  const { input, problems: dataProblems } = sanitizeInput(rawInput);
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
  const vmRef = refOf(Models.VirtualMachine, vmName, namespace);
  const vmiRef = refOf(Models.VirtualMachineInstance, vmName, namespace);

  // Indices, built once.
  const ctx = emptyContext();
  ctx.nadsKnown = nads !== undefined;
  ctx.allNads = nads ?? [];
  ctx.nadsByKey = nadIndexOf(ctx.allNads, namespace);
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
  ctx.clusterNetworkMtu =
    readable(input.clusterNetwork)?.status?.clusterNetworkMTU ??
    (readable(input.networkConfig) as { status?: { clusterNetworkMTU?: number } } | undefined)
      ?.status?.clusterNetworkMTU;
  const labels = ns || input.namespace === undefined ? namespaceLabels(ns, namespace) : undefined;
  ctx.namespaceLabels = ns ? labels : undefined;
  const namespaceUdns: UserDefinedNetwork[] = [];
  const otherUdns: UserDefinedNetwork[] = [];
  for (const u of udns ?? []) {
    if (!u.metadata?.namespace || u.metadata.namespace === namespace) namespaceUdns.push(u);
    else otherUdns.push(u);
  }
  const selecting: typeof cudns = [];
  if (labels && cudns) {
    // One CUDN with a selector the matcher cannot read must not hide the others.
    for (const c of cudns) {
      try {
        if (cudnsSelecting([c], labels).length) selecting.push(c);
      } catch (e) {
        dataProblems.push({
          object: refOf(Models.ClusterUserDefinedNetwork, c.metadata?.name ?? ''),
          field: 'spec.namespaceSelector',
          problem: (e as Error).message,
          raw: c.spec?.namespaceSelector,
        });
      }
    }
  }
  ctx.udnsKnown = udns !== undefined;
  if (labels && (udns !== undefined || cudns !== undefined)) {
    ctx.primary = primaryNetworkState(ctx.namespaceLabels ?? {}, namespaceUdns, selecting);
    if (!ns) ctx.primary.labelled = false;
  }
  // Without the Namespace its labels are unknown, and they decide whether a primary UDN of the
  // namespace (the namespace needs OVN-Kubernetes' primary-UDN label) or a primary CUDN (its
  // selector) carries the pod network NIC. These are the (C)UDNs that could; a CUDN whose selector
  // rules the namespace out by its name alone cannot. Undefined where the Namespace was read.
  const primaryCandidates =
    !ns && input.namespace !== undefined
      ? {
          names: [
            ...namespaceUdns
              .filter(isPrimaryUdn)
              .map((u) => `UserDefinedNetwork ${u.metadata?.name ?? ''}`),
            ...(cudns ?? [])
              .filter((c) => isPrimaryUdn(c) && !excludedByName(c, namespace))
              .map((c) => `ClusterUserDefinedNetwork ${c.metadata?.name ?? ''}`),
          ],
          listsUnread: udns === undefined || cudns === undefined,
        }
      : undefined;
  const udnsByName = new Map<string, AnyUDN>(namespaceUdns.map((u) => [u.metadata?.name ?? '', u]));
  const cudnsByName = new Map<string, AnyUDN>(
    (cudns ?? []).map((c) => [c.metadata?.name ?? '', c]),
  );

  const launcher = vmi ? findLauncherPods(pods, vmName, vmi) : { others: [] as Pod[] };
  const activePod = launcher.active;
  ctx.vmi = vmi;
  ctx.activePod = activePod;
  const stateEvidence: Evidence[] = [];
  const state = vmStateOf(input, vmi, launcher.migrationTarget, stateEvidence);
  const clusterNetwork = clusterNetworkOf(input, activePod);
  const podRef = activePod
    ? refOf(Models.Pod, activePod.metadata?.name ?? '', activePod.metadata?.namespace ?? namespace)
    : undefined;

  const statusResult = parseNetworkStatus(activePod);
  const selectionResult = parseNetworksAnnotation(activePod);
  const ovnResult = parseOvnPodNetworks(activePod);
  const podNotes: Message[] = [];
  for (const [annotation, r] of [
    [NETWORK_STATUS_ANNOTATION, statusResult],
    [NETWORKS_ANNOTATION, selectionResult],
    [OVN_POD_NETWORKS_ANNOTATION, ovnResult],
  ] as const) {
    if (!r || !podRef) continue;
    if ('error' in r) {
      podNotes.push(msg(MESSAGES.annotationError, { annotation, error: r.error }));
      dataProblems.push({
        object: podRef,
        field: `metadata.annotations[${annotation}]`,
        problem: r.error,
        raw: r.raw,
      });
    } else if (r.issues?.length) {
      podNotes.push(msg(MESSAGES.annotationError, { annotation, error: r.issues.join('; ') }));
      dataProblems.push({
        object: podRef,
        field: `metadata.annotations[${annotation}]`,
        problem: r.issues.join('; '),
        raw: r.raw,
      });
    }
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

  // With neither interfaces nor networks KubeVirt attaches the pod network itself: the instance
  // spec shows what it chose; without an instance only the rule is known.
  let specs = specInterfacesOf(vm);
  let specFrom: 'vm' | 'vmi' | 'auto' = 'vm';
  const autoAttached = specs.length === 0 && autoAttaches(input);
  if (autoAttached) {
    const fromVmi = vmi ? specInterfacesOf(vmi) : [];
    specs = fromVmi.length ? fromVmi : [autoPodInterface()];
    specFrom = fromVmi.length ? 'vmi' : 'auto';
  }
  const vmiSpecIfaces = vmi?.spec?.domain?.devices?.interfaces;
  const vmiSpecNames = vmiSpecIfaces ? new Set(vmiSpecIfaces.map((i) => i.name)) : undefined;
  const vmiSpecByName = new Map((vmiSpecIfaces ?? []).map((i) => [i.name, i]));
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

  const resolveCtx: ResolveContext = {
    namespace,
    vmName,
    nadsByKey: ctx.nadsByKey,
    nadsKnown: ctx.nadsKnown,
    udnsByName,
    cudnsByName,
    primary: ctx.primary,
    bridgeMappings: ctx.bridgeMappings,
    networkConfig: readable(input.networkConfig),
    clusterNetwork: readable(input.clusterNetwork),
    otherUdns,
    namespaceLabels: labels,
  };
  const networks = new Map(specs.map((s) => [s.name, resolveNetwork(s.network, resolveCtx)]));
  const isPrimary = (s: SpecInterface) =>
    s.network.kind === 'pod' || (s.network.kind === 'multus' && s.network.isDefault);
  // On a primary UDN OVN-Kubernetes gives the pod network NIC `ovn-udn1`, whether or not Multus
  // wrote a network-status (the launcher's own eth0 stays on the default network, locked).
  const primaryOnUdn = specs.some((s) => {
    const k = networks.get(s.name)?.kind;
    return isPrimary(s) && (k === 'primary-udn' || k === 'primary-cudn');
  });
  const udnPrimaryByPod = !!podIdx.primaryOvnKey;
  const primaryName =
    podIdx.defaultStatus?.interface ??
    (primaryOnUdn || udnPrimaryByPod
      ? OVN_PRIMARY_UDN_INTERFACE
      : primaryPodInterfaceName(undefined));
  const primaryNameEvidence: Evidence = podIdx.defaultStatus?.interface
    ? fieldOf(podRef!, `metadata.annotations[${NETWORK_STATUS_ANNOTATION}][default].interface`)
    : primaryOnUdn || udnPrimaryByPod
      ? {
          kind: 'computed',
          rule: 'ovn-primary-udn-interface',
          from: ['primary user-defined network'],
        }
      : { kind: 'computed', rule: 'kubevirt-pod-interface-name', from: ['pod network'] };
  const expectedNames = podInterfaceNames(
    specs
      .filter((s) => s.network.kind === 'pod' || s.network.kind === 'multus')
      .map((s) => ({ name: s.name, primary: isPrimary(s) })),
    namingScheme,
    primaryName,
  );
  const nadProblem = problems.find((p) => p.resource === Models.NetworkAttachmentDefinition.kind);
  const ovnRef = (key: string) => `metadata.annotations[${OVN_POD_NETWORKS_ANNOTATION}][${key}]`;
  const statusRef = (entry: NetworkStatusEntry) =>
    `metadata.annotations[${NETWORK_STATUS_ANNOTATION}][${entry.interface ?? entry.name}]`;

  // The first network of each name, as a lookup in `networks` finds it.
  const specNetworks = new Map<string, unknown>();
  for (const n of vm.spec?.template?.spec?.networks ?? []) {
    if (!specNetworks.has(n.name)) specNetworks.set(n.name, n);
  }
  /** The raw objects a row was read from, shown as they are. */
  const rawFactsOf = (
    spec: SpecInterface,
    network: NetworkFacts,
    statusEntry: NetworkStatusEntry | undefined,
    selection: NetworkSelectionElement | undefined,
    ovnEntry: OvnPodNetwork | undefined,
    status: VmiStatusInterface | undefined,
  ): InterfaceRow['raw'] => {
    const raw: InterfaceRow['raw'] = {
      specInterface: spec.iface,
      specNetwork: specNetworks.get(spec.name),
    };
    if (network.nad) raw.nadConfig = network.nad.raw;
    if (statusEntry) raw.networkStatusEntry = statusEntry;
    if (selection) raw.networkSelection = selection;
    if (ovnEntry) raw.ovnPodNetwork = ovnEntry;
    if (status) raw.vmiStatus = status as Record<string, unknown>;
    return raw;
  };

  const buildRow = (spec: SpecInterface): InterfaceRow => {
    const primary = isPrimary(spec);
    const notes: Message[] = [...(activePod ? podNotes : [])];
    const evidence: Record<string, Evidence> = {};
    const specField = (f: string): Evidence =>
      specFrom === 'vmi'
        ? fieldOf(vmiRef, `spec.domain.devices.interfaces[${spec.name}].${f}`)
        : fieldOf(vmRef, `spec.template.spec.domain.devices.interfaces[${spec.name}].${f}`);
    let network = networks.get(spec.name) ?? resolveNetwork(spec.network, resolveCtx);
    if (specFrom === 'auto') notes.push(msg(MESSAGES.autoPodInterface));
    // A launcher that reports a primary UDN interface proves the primary UDN even when the UDNs
    // or the Namespace could not be read.
    if (
      network.kind === 'pod-network' &&
      podIdx.primaryOvnKey &&
      (!ctx.udnsKnown || primaryCandidates)
    ) {
      network.kind = 'primary-udn';
      network.kindLabel = msg(MESSAGES.kindPrimaryUdn);
      network.evidence.kind = fieldOf(podRef!, ovnRef(podIdx.primaryOvnKey));
    } else if (network.kind === 'pod-network' && primaryCandidates) {
      if (podIdx.ovn?.default?.role === 'primary') {
        // The launcher's OVN annotation gives the default network the primary role: proven.
        network.evidence.kind = fieldOf(podRef!, `${ovnRef('default')}.role`);
      } else if (primaryCandidates.names.length || primaryCandidates.listsUnread) {
        const why = primaryCandidates.names.length
          ? msg(MESSAGES.primaryUndecided, {
              namespace,
              networks: primaryCandidates.names.join(', '),
            })
          : msg(MESSAGES.primaryUndecidedUnread, { namespace });
        // None of the cluster pod network's facts (subnets, MTU) is known to be this NIC's.
        network = undecidedPrimaryNetwork(why, [
          `Namespace ${namespace} (not readable)`,
          ...primaryCandidates.names,
          ...(primaryCandidates.listsUnread ? ['UserDefinedNetwork lists (not readable)'] : []),
        ]);
        notes.push(why);
      }
    }
    if (network.kind === 'missing' && network.nadKey) {
      const [nadNamespace, name] = network.nadKey.split('/');
      notes.push(msg(MESSAGES.nadMissingRow, { namespace: nadNamespace, name }));
      const cause = network.missingCause;
      if (cause?.kind === 'cudn-not-selecting') {
        notes.push(
          msg(MESSAGES.missingCauseCudn, {
            name: cause.cudn.name,
            selector: JSON.stringify(cause.selector ?? null),
            namespace,
          }),
        );
      } else if (cause?.kind === 'udn-in-other-namespace') {
        notes.push(
          msg(MESSAGES.missingCauseUdn, {
            name: cause.udns[0].name,
            namespaces: cause.udns.map((u) => u.namespace ?? '').join(', '),
            namespace,
          }),
        );
      }
    }
    if (network.kind === 'unknown' && nadProblem) notes.push(problemMessage(nadProblem));
    if (network.nad?.error) notes.push(msg(MESSAGES.nadConfigError, { error: network.nad.error }));
    // Network facts keep their evidence on the network (`network.evidence`), per field.
    if (!network.evidence.kind) {
      network.evidence.kind =
        specFrom === 'auto'
          ? {
              kind: 'computed',
              rule: 'kubevirt-auto-pod-interface',
              from: ['VM without interfaces and networks'],
            }
          : fieldOf(
              specFrom === 'vmi' ? vmiRef : vmRef,
              `spec${specFrom === 'vmi' ? '' : '.template.spec'}.networks[${spec.name}]`,
            );
    }

    const status = statusByName.get(spec.name);
    const infoSource = typeof status?.infoSource === 'string' ? status.infoSource : undefined;
    const infoSources = (infoSource ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const statusField = (f: string) =>
      fieldOf(vmiRef, `status.interfaces[${spec.name}].${f}`, infoSource);

    // Pod side.
    // Undecided between the pod network (eth0) and a primary UDN (ovn-udn1): no name to expect.
    const expected = network.undecided ? undefined : expectedNames.get(spec.name);
    let statusEntry: NetworkStatusEntry | undefined;
    if (primary) statusEntry = podIdx.defaultStatus ?? podIdx.statusByInterface.get(primaryName);
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
      ...(statusEntry && podRef
        ? factsFrom(
            statusEntry.ips,
            'pod-annotation',
            fieldOf(podRef, `${statusRef(statusEntry)}.ips`),
          )
        : []),
      ...(ovnEntry && podRef
        ? factsFrom(
            ovnAddressesOf(ovnEntry),
            'pod-annotation',
            fieldOf(podRef, `${ovnRef(ovnKey!)}.ip_addresses`),
          )
        : []),
    ]);
    // Without Multus or OVN-Kubernetes annotations (another CNI), the pod's own status still says
    // which addresses the pod network gave it; on a primary UDN those belong to the locked eth0.
    if (primary && spec.network.kind === 'pod' && !primaryOnUdn && !udnPrimaryByPod && podRef) {
      if (!podIps.some((i) => !i.linkLocal)) {
        const podStatus = activePod?.status;
        const listed = Array.isArray(podStatus?.podIPs)
          ? podStatus.podIPs.map((p) => p?.ip)
          : [podStatus?.podIP];
        podIps.push(
          ...factsFrom(
            listed,
            'pod-status',
            fieldOf(podRef, Array.isArray(podStatus?.podIPs) ? 'status.podIPs' : 'status.podIP'),
          ),
        );
      }
    }
    const podGateways = [...(statusEntry?.gateway ?? []), ...ovnGatewaysOf(ovnEntry)].filter(
      (g, i, a) => a.indexOf(g) === i,
    );
    const devices = interfaceName ? podDevicesFor(spec.binding.name, interfaceName, primary) : [];
    const pod: PodSide = {
      expectedInterface: expected,
      reportedInterface: activePod ? reported : undefined,
      matches: activePod && reported && expected ? reported === expected : undefined,
      interfaceName: activePod || expected ? interfaceName : undefined,
      devices,
      ips: podIps,
      mac: statusEntry?.mac ?? ovnEntry?.mac_address,
      gateways: podGateways,
      ...(ovnEntry?.role ? { ovnRole: ovnEntry.role } : {}),
      ...(ovnKey ? { ovnKey } : {}),
    };
    if (expected) {
      evidence['pod.expectedInterface'] = primary
        ? primaryNameEvidence
        : {
            kind: 'computed',
            rule: 'kubevirt-pod-interface-name',
            from: [`network name ${spec.name}`, `naming scheme ${namingScheme}`],
          };
    }
    if (pod.reportedInterface) {
      evidence['pod.reportedInterface'] = status?.podInterfaceName
        ? statusField('podInterfaceName')
        : fieldOf(podRef!, `${statusRef(statusEntry!)}.interface`);
    }
    if (pod.interfaceName)
      evidence['pod.interfaceName'] =
        evidence['pod.reportedInterface'] ?? evidence['pod.expectedInterface'];
    if (pod.matches !== undefined) evidence['pod.matches'] = evidence['pod.reportedInterface'];
    if (devices.length)
      evidence['pod.devices'] = {
        kind: 'computed',
        rule: 'kubevirt-pod-devices',
        from: [`binding ${spec.binding.name}`, `pod interface ${interfaceName}`],
      };
    if (pod.mac && podRef)
      evidence['pod.mac'] = statusEntry?.mac
        ? fieldOf(podRef, `${statusRef(statusEntry)}.mac`)
        : fieldOf(podRef, `${ovnRef(ovnKey!)}.mac_address`);
    if (pod.gateways.length && podRef)
      evidence['pod.gateways'] = statusEntry?.gateway?.length
        ? fieldOf(podRef, `${statusRef(statusEntry)}.gateway`)
        : fieldOf(podRef, `${ovnRef(ovnKey!)}.gateway_ips`);
    if (pod.ovnRole && podRef) evidence['pod.ovnRole'] = fieldOf(podRef, `${ovnRef(ovnKey!)}.role`);
    if (pod.ovnKey && podRef) evidence['pod.ovnKey'] = fieldOf(podRef, ovnRef(ovnKey!));
    // With the primary NIC on a UDN, the pod's eth0 remains on the cluster default network.
    if (
      primary &&
      interfaceName &&
      interfaceName !== 'eth0' &&
      (primaryOnUdn || udnPrimaryByPod) &&
      podRef
    ) {
      const eth0 = podIdx.statusByInterface.get('eth0');
      const ovnDefault = podIdx.ovn?.default;
      const ips = dedupe([
        ...(eth0
          ? factsFrom(eth0.ips, 'pod-annotation', fieldOf(podRef, `${statusRef(eth0)}.ips`))
          : []),
        ...factsFrom(
          ovnAddressesOf(ovnDefault),
          'pod-annotation',
          fieldOf(podRef, `${ovnRef('default')}.ip_addresses`),
        ),
      ]);
      if (eth0 || ovnDefault) {
        pod.lockedDefault = {
          interfaceName: 'eth0',
          ips,
          ...((eth0?.mac ?? ovnDefault?.mac_address)
            ? { mac: eth0?.mac ?? ovnDefault?.mac_address }
            : {}),
          ...(ovnDefault?.role ? { role: ovnDefault.role } : {}),
        };
        evidence['pod.lockedDefault'] = eth0
          ? fieldOf(podRef, statusRef(eth0))
          : fieldOf(podRef, ovnRef('default'));
        notes.push(msg(MESSAGES.lockedDefault, { interface: 'eth0' }));
      }
    }
    const deviceInfo = statusEntry?.['device-info'];
    if (deviceInfo && podRef) {
      const pci = deviceInfo.pci as Record<string, unknown> | undefined;
      const pciAddress =
        pci && typeof pci['pci-address'] === 'string' ? (pci['pci-address'] as string) : undefined;
      pod.deviceInfo = {
        ...(typeof deviceInfo.type === 'string' ? { type: deviceInfo.type } : {}),
        ...(pciAddress ? { pciAddress } : {}),
        raw: deviceInfo,
      };
      evidence['pod.deviceInfo'] = fieldOf(podRef, `${statusRef(statusEntry!)}.device-info`);
    }
    if (pod.matches === false) {
      notes.push(
        msg(MESSAGES.podNameMismatch, { expected: expected ?? '', actual: reported ?? '' }),
      );
    }
    if (!network.gateways.length && pod.gateways.length) {
      network.gateways = pod.gateways;
      network.evidence.gateways = evidence['pod.gateways'];
    }

    // Guest side.
    const rawStatusIps = Array.isArray(status?.ipAddresses)
      ? status!.ipAddresses
      : status?.ipAddress
        ? [status.ipAddress]
        : [];
    let guestIps = factsFrom(
      rawStatusIps,
      statusIpSource(infoSources),
      statusField(status?.ipAddresses ? 'ipAddresses' : 'ipAddress'),
    );
    // With a bridge binding the guest holds the pod's address; without an agent that is the best
    // known guest address, shown with its source.
    const bridged = spec.binding.name === 'bridge' || spec.binding.name === 'l2bridge';
    if (bridged && !guestIps.some((i) => !i.linkLocal)) guestIps = dedupe([...guestIps, ...podIps]);
    const hotplug = hotplugOf(spec, vmi, vmiSpecNames, ctx.restartRequired);
    const configuredLink =
      spec.state === 'down' ? 'down' : spec.state === 'absent' ? 'absent' : 'up';
    const sriov = spec.binding.name === 'sriov';
    // KubeVirt writes the defaulted model into the instance spec; the VM spec may omit it.
    const vmiModel = vmiSpecByName.get(spec.name)?.model;
    const model: GuestFacts['model'] = sriov
      ? { defaulted: false, passthrough: true }
      : spec.model
        ? { value: spec.model, defaulted: false }
        : vmiModel
          ? { value: vmiModel, defaulted: true }
          : { value: 'virtio', defaulted: true };
    evidence['guest.model'] = sriov
      ? specField('sriov')
      : spec.model
        ? specField('model')
        : vmiModel
          ? fieldOf(vmiRef, `spec.domain.devices.interfaces[${spec.name}].model`)
          : { kind: 'computed', rule: 'kubevirt-default-model', from: ['no model in the VM spec'] };
    if (sriov) notes.push(msg(MESSAGES.sriovNoModel), msg(MESSAGES.sriovNoPolicy));
    const statusReported = vmi && vmi.status?.phase === 'Running' ? !!status : undefined;
    if (statusReported === false && !hotplug) notes.push(msg(MESSAGES.notReported));
    // Built by assignment, only the facts there are: conditional spreads cost a tenth of a row.
    const mac: GuestFacts['mac'] = {};
    if (spec.macAddress) mac.configured = spec.macAddress.toLowerCase().replace(/-/g, ':');
    if (status?.mac) mac.reported = status.mac.toLowerCase();
    if (pod.mac) mac.pod = pod.mac.toLowerCase();
    const linkState: GuestFacts['linkState'] = { configured: configuredLink };
    if (status?.linkState) linkState.reported = status.linkState;
    const ips: IpFact[] = [];
    const linkLocal: IpFact[] = [];
    for (const ip of guestIps) (ip.linkLocal ? linkLocal : ips).push(ip);
    const guest: GuestFacts = { model, mac, linkState, ips, linkLocal, infoSources };
    if (status?.interfaceName) guest.interfaceName = status.interfaceName;
    if (hotplug) {
      guest.hotplug = hotplug;
      guest.hotplugMessage = msg(HOTPLUG_MESSAGES[hotplug]);
    }
    if (statusReported !== undefined) guest.statusReported = statusReported;
    if (guest.interfaceName) evidence['guest.interfaceName'] = statusField('interfaceName');
    if (guest.mac.configured) evidence['guest.mac.configured'] = specField('macAddress');
    if (guest.mac.reported) evidence['guest.mac.reported'] = statusField('mac');
    if (guest.mac.pod) evidence['guest.mac.pod'] = evidence['pod.mac'];
    evidence['guest.linkState.configured'] = spec.state
      ? specField('state')
      : {
          kind: 'computed',
          rule: 'kubevirt-default-link-state',
          from: ['no state in the VM spec'],
        };
    if (guest.linkState.reported) evidence['guest.linkState.reported'] = statusField('linkState');
    if (infoSources.length) evidence['guest.infoSources'] = statusField('infoSource');
    if (hotplug) {
      evidence['guest.hotplug'] =
        hotplug === 'absent'
          ? specField('state')
          : hotplug === 'pending-restart'
            ? fieldOf(vmRef, 'status.conditions[RestartRequired]')
            : fieldOf(vmiRef, 'spec.domain.devices.interfaces');
      evidence['guest.hotplugMessage'] = evidence['guest.hotplug'];
    }
    if (statusReported !== undefined)
      evidence['guest.statusReported'] = fieldOf(vmiRef, 'status.interfaces');
    evidence['binding.name'] =
      spec.binding.source === 'cluster-default'
        ? {
            kind: 'computed',
            rule: 'kubevirt-auto-pod-interface',
            from: ['KubeVirt defaultNetworkInterface'],
          }
        : spec.binding.source === 'default'
          ? { kind: 'computed', rule: 'kubevirt-default-binding', from: ['no binding in the spec'] }
          : specField(spec.binding.source === 'plugin' ? 'binding.name' : spec.binding.name);

    const selection = interfaceName ? podIdx.selectionByInterface.get(interfaceName) : undefined;
    return {
      name: spec.name,
      primary,
      guest,
      binding: bindingFacts(spec, network, pod, guest.ips, evidence),
      network,
      pod,
      raw: rawFactsOf(spec, network, statusEntry, selection, ovnEntry, status),
      notes,
      spec,
      evidence,
    };
  };

  // A row that still fails on data nobody foresaw is a problem of that row: it keeps its name and
  // raw spec, the other rows and the rest of the tab are unaffected.
  const interfaces: InterfaceRow[] = specs.map((spec) => {
    try {
      return buildRow(spec);
    } catch (e) {
      dataProblems.push({
        object: vmRef,
        field: `spec.template.spec.domain.devices.interfaces[${spec.name}]`,
        problem: (e as Error).message,
        raw: spec.iface,
      });
      return failedRow(spec, (e as Error).message, vmRef);
    }
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
  // Unreadable inputs are listed once, in `problems` (one alert), not again as state messages.

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
    stateEvidence,
    clusterNetwork,
    dataProblems,
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

/** The row of a NIC whose facts could not be built: its name, spec and the error, nothing else. */
const failedRow = (spec: SpecInterface, error: string, vmRef: ObjectRef): InterfaceRow => ({
  name: spec.name,
  primary: false,
  guest: {
    model: { defaulted: false },
    mac: {},
    linkState: { configured: 'up' },
    ips: [],
    linkLocal: [],
    infoSources: [],
  },
  binding: {
    ...spec.binding,
    meaning: msg(MESSAGES.plugin, { name: spec.binding.name }),
    facts: [],
  },
  network: {
    kind: 'unknown',
    kindLabel: msg(MESSAGES.kindUnknown),
    role: 'secondary',
    subnets: [],
    excludeSubnets: [],
    gateways: [],
    ipam: {},
    nodeBridges: [],
    refs: [],
    evidence: {},
  },
  pod: { devices: [], ips: [], gateways: [] },
  raw: { specInterface: spec.iface },
  notes: [msg(MESSAGES.rowFailed, { error })],
  spec,
  evidence: {
    'binding.name': {
      kind: 'field',
      object: vmRef,
      field: `spec.template.spec.domain.devices.interfaces[${spec.name}]`,
    },
  },
});

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
