/** What a spec network is attached to: the cluster pod network, a (C)UDN, or a NAD by its plugin. */
import { Models, type ResourceModel } from '../k8s/models';
import type {
  ClusterNetworkConfig,
  NetworkAttachmentDefinition,
  NetworkOperatorConfig,
  UserDefinedNetwork,
} from '../k8s/types';
import { matchesSelector } from '../k8s/selectors';
import type { SpecNetwork } from '../kubevirt/vm-spec';
import { bridgesOf, type BridgeMappingSource } from '../networks/bridge-mappings';
import { nadKindLabel, parseNadConfig, type NadConfig } from '../networks/nad-config';
import {
  generatingUdnRef,
  isClusterUdn,
  udnConfigOf,
  type AnyUDN,
  type PrimaryNetworkState,
} from '../networks/udn';
import type { LocalnetConfig, Layer2Config, Layer3Config } from '../k8s/types';
import { firstHostOf } from './addresses';
import { MESSAGES, msg, type Message } from './messages';
import type { Evidence, MissingCause, NetworkFacts, ObjectRef } from './types';
import type { Labels } from '../k8s/types';

export const refOf = (model: ResourceModel, name: string, namespace?: string): ObjectRef => ({
  group: model.group,
  version: model.version,
  kind: model.kind,
  ...(model.namespaced && namespace ? { namespace } : {}),
  name,
});

export interface ResolveContext {
  namespace: string;
  nadsByKey: Map<string, NetworkAttachmentDefinition>;
  nadsKnown: boolean;
  udnsByName: Map<string, AnyUDN>;
  cudnsByName: Map<string, AnyUDN>;
  primary?: PrimaryNetworkState;
  bridgeMappings: Map<string, BridgeMappingSource[]>;
  networkConfig?: NetworkOperatorConfig;
  clusterNetwork?: ClusterNetworkConfig;
  /** UDNs of other namespaces, when the input has them (to explain a missing NAD). */
  otherUdns?: UserDefinedNetwork[];
  namespaceLabels?: Labels;
  vmName?: string;
}

const empty = (): Omit<NetworkFacts, 'kind' | 'kindLabel' | 'role'> => ({
  subnets: [],
  excludeSubnets: [],
  gateways: [],
  ipam: {},
  nodeBridges: [],
  refs: [],
  evidence: {},
});

/**
 * The pod network NIC's network where the objects cannot tell the cluster pod network from a
 * primary UDN (the Namespace, whose labels decide, could not be read): no fact of either.
 */
export const undecidedPrimaryNetwork = (why: Message, from: string[]): NetworkFacts => {
  const evidence: Evidence = { kind: 'computed', rule: 'primary-network-undecided', from };
  return {
    ...empty(),
    kind: 'unknown',
    kindLabel: msg(MESSAGES.kindUnknown),
    role: 'primary',
    undecided: why,
    evidence: { kind: evidence, undecided: evidence },
  };
};

const field = (object: ObjectRef, path: string): Evidence => ({
  kind: 'field',
  object,
  field: path,
});

/** Evidence for every fact `facts` sets, all read from `of(key)`. */
const evidenceFor = (
  facts: Partial<NetworkFacts>,
  of: (key: string) => Evidence,
): Record<string, Evidence> => {
  const out: Record<string, Evidence> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = of(k);
  }
  return out;
};

/** The NAD config key each fact is read from. */
const NAD_KEYS: Record<string, string> = {
  pluginType: 'type',
  canonicalType: 'type',
  topology: 'topology',
  networkName: 'name',
  subnets: 'subnets',
  excludeSubnets: 'excludeSubnets',
  gateways: 'defaultGatewayIPs',
  ipam: 'ipam',
  vlan: 'vlan',
  mtu: 'mtu',
  bridge: 'bridge',
  physicalNetworkName: 'physicalNetworkName',
};
const nadEvidenceCache = new WeakMap<NadConfig, Record<string, Evidence>>();
/** Memoized per parsed config (itself memoized per NAD object). */
const nadEvidence = (facts: Partial<NetworkFacts>, nad: ObjectRef, config?: NadConfig) => {
  let e = config ? nadEvidenceCache.get(config) : undefined;
  if (!e) {
    e = evidenceFor(facts, (k) => field(nad, `spec.config.${NAD_KEYS[k] ?? k}`));
    if (config) nadEvidenceCache.set(config, e);
  }
  return e;
};

const udnRef = (udn: AnyUDN): ObjectRef =>
  isClusterUdn(udn)
    ? refOf(Models.ClusterUserDefinedNetwork, udn.metadata?.name ?? '')
    : refOf(Models.UserDefinedNetwork, udn.metadata?.name ?? '', udn.metadata?.namespace);

/** `compute`, remembered per object: watches hand back the same objects until they change. */
const perObject = <K extends object, V>(compute: (key: K) => V): ((key: K) => V) => {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
};

/** The facts a (C)UDN spec states (only those it sets), per object. */
const udnFacts = perObject((udn: AnyUDN) => definedOnly(computeUdnFacts(udn)));

/** Facts a (C)UDN spec states; they win over its rendered NAD, which may lag or be unreadable. */
const computeUdnFacts = (udn: AnyUDN): Partial<NetworkFacts> => {
  const c = udnConfigOf(udn);
  if (!c) return {};
  const ref = udnRef(udn);
  const base = `${isClusterUdn(udn) ? 'spec.network' : 'spec'}.${c.topology.toLowerCase()}`;
  const subnets = ((c as Layer3Config | Layer2Config).subnets ?? [])
    .map((s: unknown) =>
      typeof s === 'string'
        ? s
        : s && typeof (s as { cidr?: unknown }).cidr === 'string'
          ? `${(s as { cidr: string }).cidr}${(s as { hostSubnet?: number }).hostSubnet ? `/${(s as { hostSubnet?: number }).hostSubnet}` : ''}`
          : undefined,
    )
    .filter((s): s is string => !!s);
  const l2 = c as Layer2Config;
  const ln = c as LocalnetConfig;
  const explicitGateways = !!l2.defaultGatewayIPs?.length;
  const gateways =
    c.role === 'Primary'
      ? explicitGateways
        ? l2.defaultGatewayIPs!
        : subnets
            .map((s) => firstHostOf(s.split('/').slice(0, 2).join('/')))
            .filter((g): g is string => !!g)
      : [];
  const facts: Partial<NetworkFacts> = {
    topology: c.topology.toLowerCase(),
    subnets,
    excludeSubnets: ln.excludeSubnets ?? [],
    gateways,
    ipam: {
      enabled: l2.ipam?.mode === 'Disabled' ? false : subnets.length > 0,
      ...(l2.ipam?.lifecycle ? { lifecycle: l2.ipam.lifecycle } : {}),
    },
    mtu: c.mtu,
    vlan: ln.vlan?.access?.id,
    physicalNetworkName: ln.physicalNetworkName,
  };
  const keys: Record<string, string> = {
    topology: `${isClusterUdn(udn) ? 'spec.network' : 'spec'}.topology`,
    subnets: `${base}.subnets`,
    excludeSubnets: `${base}.excludeSubnets`,
    ipam: `${base}.subnets`,
    mtu: `${base}.mtu`,
    vlan: `${base}.vlan.access.id`,
    physicalNetworkName: `${base}.physicalNetworkName`,
    gateways: `${base}.defaultGatewayIPs`,
  };
  const evidence = evidenceFor(facts, (k) => field(ref, keys[k] ?? `${base}.${k}`));
  if (gateways.length && !explicitGateways) {
    evidence.gateways = {
      kind: 'computed',
      rule: 'ovn-first-host-gateway',
      from: [`${ref.kind} ${ref.name} ${base}.subnets`],
    };
  }
  return { ...facts, evidence };
};

/** The facts a NAD config states (only those it sets), per parsed config. */
const nadFacts = perObject((config: NadConfig) => definedOnly(readNadFacts(config)));

const readNadFacts = (config: NadConfig): Partial<NetworkFacts> => ({
  pluginType: config.type,
  canonicalType: config.canonicalType,
  topology: config.topology,
  networkName: config.name,
  subnets: config.subnets,
  excludeSubnets: config.excludeSubnets,
  gateways: config.defaultGatewayIPs,
  ipam: {
    enabled: config.hasIpam,
    ...(config.allowPersistentIPs ? { lifecycle: 'Persistent' as const } : {}),
  },
  vlan: config.vlan,
  mtu: config.mtu,
  bridge: config.bridge,
  physicalNetworkName: config.physicalNetworkName,
});

const withMappings = (facts: NetworkFacts, ctx: ResolveContext): NetworkFacts => {
  if (facts.topology === 'localnet' && facts.physicalNetworkName) {
    facts.nodeBridges = ctx.bridgeMappings.get(facts.physicalNetworkName) ?? [];
    if (!facts.bridge) {
      facts.bridge = bridgesOf(facts.nodeBridges)[0];
      const from = facts.nodeBridges.find((b) => b.bridge === facts.bridge)?.from;
      if (facts.bridge && from) {
        const model =
          from.kind === 'NodeNetworkState'
            ? Models.NodeNetworkState
            : Models.NodeNetworkConfigurationPolicy;
        facts.evidence.bridge = field(
          refOf(model, from.name),
          from.kind === 'NodeNetworkState'
            ? 'status.currentState.ovn.bridge-mappings'
            : 'spec.desiredState.ovn.bridge-mappings',
        );
      }
    }
  }
  return facts;
};

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const podNetworkFacts = (ctx: ResolveContext): NetworkFacts => {
  const primaryUdn = ctx.primary?.networks.length === 1 ? ctx.primary.networks[0] : undefined;
  if (primaryUdn) {
    const cluster = isClusterUdn(primaryUdn);
    const name = primaryUdn.metadata?.name ?? '';
    const nad = ctx.nadsByKey.get(`${ctx.namespace}/${name}`);
    const config = nad ? parseNadConfig(nad) : undefined;
    const refs = [udnRef(primaryUdn)];
    const nadRef = refOf(Models.NetworkAttachmentDefinition, name, ctx.namespace);
    if (nad) refs.push(nadRef);
    const fromNad = config ? nadFacts(config) : {};
    const fromUdn = udnFacts(primaryUdn);
    return {
      ...empty(),
      ...fromNad,
      ...fromUdn,
      evidence: {
        ...(config ? nadEvidence(fromNad, nadRef, config) : {}),
        ...(fromUdn.evidence ?? {}),
        kind: field(udnRef(primaryUdn), `${cluster ? 'spec.network' : 'spec'}.layer2.role`),
      },
      kind: cluster ? 'primary-cudn' : 'primary-udn',
      kindLabel: msg(cluster ? MESSAGES.kindPrimaryCudn : MESSAGES.kindPrimaryUdn),
      role: 'primary',
      networkName: config?.name,
      nad: config,
      udn: primaryUdn,
      refs,
    } as NetworkFacts;
  }
  // The cluster network as installed (config.openshift.io) wins over the operator's config.
  const configRef = refOf(Models.ClusterNetworkConfig, 'cluster');
  const operatorRef = refOf(Models.NetworkOperatorConfig, 'cluster');
  const evidence: Record<string, Evidence> = {};
  let subnets: string[] = [];
  const installed = ctx.clusterNetwork?.status?.clusterNetwork ?? [];
  const operator = ctx.networkConfig?.spec?.clusterNetwork ?? [];
  if (installed.length) {
    subnets = installed.map((c) => c.cidr).filter((c): c is string => typeof c === 'string');
    evidence.subnets = field(configRef, 'status.clusterNetwork');
  } else if (operator.length) {
    subnets = operator.map((c) => c.cidr);
    evidence.subnets = field(operatorRef, 'spec.clusterNetwork');
  }
  const mtu =
    ctx.clusterNetwork?.status?.clusterNetworkMTU ??
    (ctx.networkConfig as { status?: { clusterNetworkMTU?: number } } | undefined)?.status
      ?.clusterNetworkMTU;
  if (mtu !== undefined) {
    evidence.mtu =
      ctx.clusterNetwork?.status?.clusterNetworkMTU !== undefined
        ? field(configRef, 'status.clusterNetworkMTU')
        : field(operatorRef, 'status.clusterNetworkMTU');
  }
  if (subnets.length) evidence.ipam = evidence.subnets;
  return {
    ...empty(),
    kind: 'pod-network',
    kindLabel: msg(MESSAGES.kindPodNetwork),
    role: 'primary',
    subnets,
    // Every pod gets an address from the cluster network; shown once the subnets are known.
    ipam: subnets.length ? { enabled: true } : {},
    mtu,
    evidence,
  };
};

/** A missing NAD whose name another object explains: a CUDN not selecting us, a UDN elsewhere. */
const missingCauseOf = (name: string, ctx: ResolveContext): MissingCause | undefined => {
  const cudn = ctx.cudnsByName.get(name) as
    { spec?: { namespaceSelector?: import('../k8s/types').LabelSelector } } | undefined;
  if (cudn && ctx.namespaceLabels) {
    const selector = cudn.spec?.namespaceSelector;
    let selects = false;
    try {
      selects = matchesSelector(ctx.namespaceLabels, selector);
    } catch {
      selects = false;
    }
    if (!selects) {
      return {
        kind: 'cudn-not-selecting',
        cudn: refOf(Models.ClusterUserDefinedNetwork, name),
        ...(selector ? { selector } : {}),
      };
    }
  }
  const elsewhere = (ctx.otherUdns ?? []).filter(
    (u) => u.metadata?.name === name && u.metadata?.namespace !== ctx.namespace,
  );
  if (elsewhere.length) {
    return {
      kind: 'udn-in-other-namespace',
      udns: elsewhere.map((u) => refOf(Models.UserDefinedNetwork, name, u.metadata?.namespace)),
    };
  }
  return undefined;
};

export const resolveNetwork = (network: SpecNetwork, ctx: ResolveContext): NetworkFacts => {
  if (network.kind === 'pod') return podNetworkFacts(ctx);
  if (network.kind !== 'multus') {
    return { ...empty(), kind: 'unknown', kindLabel: msg(MESSAGES.kindUnknown), role: 'secondary' };
  }
  const specEvidence: Evidence = {
    kind: 'field',
    object: refOf(Models.VirtualMachine, ctx.vmName ?? '', ctx.namespace),
    field: `spec.template.spec.networks[${network.name}].multus.networkName`,
  };
  const role = network.isDefault ? 'primary' : 'secondary';
  const nadKey = `${network.nadNamespace}/${network.nadName}`;
  const nadRef = refOf(Models.NetworkAttachmentDefinition, network.nadName, network.nadNamespace);
  const nad = ctx.nadsByKey.get(nadKey);
  if (!nad) {
    const kind = ctx.nadsKnown ? 'missing' : 'unknown';
    const cause = kind === 'missing' ? missingCauseOf(network.nadName, ctx) : undefined;
    return {
      ...empty(),
      kind,
      kindLabel: msg(kind === 'missing' ? MESSAGES.kindMissing : MESSAGES.kindUnknown),
      role,
      nadKey,
      refs: [nadRef],
      ...(cause ? { missingCause: cause } : {}),
      evidence: { nadKey: specEvidence },
    };
  }
  const config = parseNadConfig(nad);
  const owner = generatingUdnRef(nad);
  const udn = owner
    ? owner.kind === 'ClusterUserDefinedNetwork'
      ? ctx.cudnsByName.get(owner.name)
      : ctx.udnsByName.get(owner.name)
    : undefined;
  const refs = [nadRef];
  if (owner) {
    refs.push(
      owner.kind === 'ClusterUserDefinedNetwork'
        ? refOf(Models.ClusterUserDefinedNetwork, owner.name)
        : refOf(Models.UserDefinedNetwork, owner.name, network.nadNamespace),
    );
  }
  const kind = owner ? (owner.kind === 'ClusterUserDefinedNetwork' ? 'cudn' : 'udn') : 'nad';
  const fromNad = nadFacts(config);
  const fromUdn = udn ? udnFacts(udn) : {};
  // Assembled by assignment: an object literal spreading the two memoized fact sets was the
  // model's costliest line (V8 rebuilds the object's shape key by key).
  const facts = Object.assign(empty(), fromNad, fromUdn) as NetworkFacts;
  facts.evidence = Object.assign({}, nadEvidence(fromNad, nadRef, config), fromUdn.evidence, {
    nadKey: specEvidence,
    kind: owner ? field(nadRef, 'metadata.ownerReferences') : field(nadRef, 'spec.config.type'),
  });
  facts.kind = kind;
  facts.kindLabel =
    kind === 'nad'
      ? msg(MESSAGES.kindNad, { type: nadKindLabel(config) })
      : msg(kind === 'cudn' ? MESSAGES.kindCudn : MESSAGES.kindUdn);
  facts.role = role;
  facts.networkName = config.name;
  facts.nadKey = nadKey;
  facts.nad = config;
  facts.udn = udn;
  facts.refs = refs;
  return withMappings(facts, ctx);
};
