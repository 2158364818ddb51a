/** What a spec network is attached to: the cluster pod network, a (C)UDN, or a NAD by its plugin. */
import { Models, type ResourceModel } from '../k8s/models';
import type { NetworkAttachmentDefinition, NetworkOperatorConfig } from '../k8s/types';
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
import { MESSAGES, msg } from './messages';
import type { NetworkFacts, ObjectRef } from './types';

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
}

const empty = (): Omit<NetworkFacts, 'kind' | 'kindLabel' | 'role'> => ({
  subnets: [],
  excludeSubnets: [],
  gateways: [],
  ipam: {},
  nodeBridges: [],
  refs: [],
});

const udnRef = (udn: AnyUDN): ObjectRef =>
  isClusterUdn(udn)
    ? refOf(Models.ClusterUserDefinedNetwork, udn.metadata?.name ?? '')
    : refOf(Models.UserDefinedNetwork, udn.metadata?.name ?? '', udn.metadata?.namespace);

/** Facts a (C)UDN spec states; they win over its rendered NAD, which may lag or be unreadable. */
const udnFacts = (udn: AnyUDN): Partial<NetworkFacts> => {
  const c = udnConfigOf(udn);
  if (!c) return {};
  const subnets = ((c as Layer3Config | Layer2Config).subnets ?? []).map((s) =>
    typeof s === 'string' ? s : `${s.cidr}${s.hostSubnet ? `/${s.hostSubnet}` : ''}`,
  );
  const l2 = c as Layer2Config;
  const ln = c as LocalnetConfig;
  const gateways =
    c.role === 'Primary'
      ? l2.defaultGatewayIPs?.length
        ? l2.defaultGatewayIPs
        : subnets
            .map((s) => firstHostOf(s.split('/').slice(0, 2).join('/')))
            .filter((g): g is string => !!g)
      : [];
  return {
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
};

const nadFacts = (config: NadConfig): Partial<NetworkFacts> => ({
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
    if (!facts.bridge) facts.bridge = bridgesOf(facts.nodeBridges)[0];
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
    if (nad) refs.push(refOf(Models.NetworkAttachmentDefinition, name, ctx.namespace));
    return {
      ...empty(),
      ...(config ? definedOnly(nadFacts(config)) : {}),
      ...definedOnly(udnFacts(primaryUdn)),
      kind: cluster ? 'primary-cudn' : 'primary-udn',
      kindLabel: msg(cluster ? MESSAGES.kindPrimaryCudn : MESSAGES.kindPrimaryUdn),
      role: 'primary',
      networkName: config?.name,
      nad: config,
      udn: primaryUdn,
      refs,
    } as NetworkFacts;
  }
  const clusterNetwork = ctx.networkConfig?.spec?.clusterNetwork ?? [];
  const status = (ctx.networkConfig as { status?: { clusterNetworkMTU?: number } } | undefined)
    ?.status;
  return {
    ...empty(),
    kind: 'pod-network',
    kindLabel: msg(MESSAGES.kindPodNetwork),
    role: 'primary',
    subnets: clusterNetwork.map((c) => c.cidr),
    ipam: { enabled: true },
    mtu: status?.clusterNetworkMTU,
  };
};

export const resolveNetwork = (network: SpecNetwork, ctx: ResolveContext): NetworkFacts => {
  if (network.kind === 'pod') return podNetworkFacts(ctx);
  if (network.kind !== 'multus') {
    return { ...empty(), kind: 'unknown', kindLabel: msg(MESSAGES.kindUnknown), role: 'secondary' };
  }
  const role = network.isDefault ? 'primary' : 'secondary';
  const nadKey = `${network.nadNamespace}/${network.nadName}`;
  const nadRef = refOf(Models.NetworkAttachmentDefinition, network.nadName, network.nadNamespace);
  const nad = ctx.nadsByKey.get(nadKey);
  if (!nad) {
    const kind = ctx.nadsKnown ? 'missing' : 'unknown';
    return {
      ...empty(),
      kind,
      kindLabel: msg(kind === 'missing' ? MESSAGES.kindMissing : MESSAGES.kindUnknown),
      role,
      nadKey,
      refs: [nadRef],
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
  const facts: NetworkFacts = {
    ...empty(),
    ...definedOnly(nadFacts(config)),
    ...(udn ? definedOnly(udnFacts(udn)) : {}),
    kind,
    kindLabel:
      kind === 'nad'
        ? msg(MESSAGES.kindNad, { type: nadKindLabel(config) })
        : msg(kind === 'cudn' ? MESSAGES.kindCudn : MESSAGES.kindUdn),
    role,
    networkName: config.name,
    nadKey,
    nad: config,
    udn,
    refs,
  } as NetworkFacts;
  return withMappings(facts, ctx);
};
