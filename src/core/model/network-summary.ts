/**
 * The Network column in words: what a NIC is attached to and its key facts, e.g.
 * "OVN localnet · VLAN 1924 · br-vmdata", "Primary UDN primary-udn · Layer2 · 10.1.1.0/24",
 * "Linux bridge br1 · VLAN 33", "SR-IOV · VLAN 200". Pure: reads only the row's NetworkFacts; the
 * view translates the keyed messages and joins the parts with " · ".
 *
 * Every part names where it was read (`from`: object and field), so the view can show it on hover;
 * a fact the objects do not state is left out, never filled with a plausible default.
 */
import type { NadConfig } from '../networks/nad-config';
import { isClusterUdn, udnConfigOf } from '../networks/udn';
import { msg, type Message } from './messages';
import type { InterfaceRow, NetworkFacts, ObjectRef } from './types';

/** Marks English keys for i18next-parser; the view translates them (see ./messages.ts). */
const t = <S extends string>(key: S): S => key;

export const SUMMARY_TEXT = {
  podNetwork: t('Pod network'),
  podOrPrimaryUdn: t('Pod network or a primary UDN (Namespace not readable)'),
  primaryUdn: t('Primary UDN {{name}}'),
  primaryCudn: t('Primary CUDN {{name}}'),
  udn: t('UDN {{name}}'),
  cudn: t('CUDN {{name}}'),
  ovnLocalnet: t('OVN localnet'),
  ovnLayer2: t('OVN layer2'),
  ovnLayer3: t('OVN layer3'),
  linuxBridge: t('Linux bridge {{bridge}}'),
  linuxBridgeUnnamed: t('Linux bridge'),
  sriov: t('SR-IOV'),
  plugin: t('{{type}} network'),
  vlan: t('VLAN {{id}}'),
  vlanTrunk: t('VLAN trunk'),
  layer2: t('Layer2'),
  layer3: t('Layer3'),
  localnet: t('Localnet'),
  physnet: t('physical network {{name}}'),
  missing: t('No NetworkAttachmentDefinition {{nad}}'),
  unknown: t('NetworkAttachmentDefinition {{nad}} (not readable)'),
  unknownSource: t('{{source}} network'),
  noNetwork: t('No network named {{name}}'),
  invalidConfig: t('NetworkAttachmentDefinition {{nad}} (config not valid)'),
} as const;

export interface SummaryPart {
  /** A name or address as is, or a keyed message to translate. */
  text: string | Message;
  /** The object and field the part was read from (shown on hover). */
  from: string;
}

export interface NetworkSummary {
  /** The first part is the kind (and name where it has one), the others its key facts. */
  parts: SummaryPart[];
  /** The object to link to for details: the (C)UDN for a UDN, else the NAD; none for the pod network. */
  link?: ObjectRef;
  status: 'ok' | 'missing' | 'unknown';
}

const TOPOLOGY_TEXT: Record<string, string> = {
  layer2: SUMMARY_TEXT.layer2,
  layer3: SUMMARY_TEXT.layer3,
  localnet: SUMMARY_TEXT.localnet,
};

const refName = (r: ObjectRef): string => (r.namespace ? `${r.namespace}/${r.name}` : r.name);

const nadConfigPath = (network: NetworkFacts, key: string) =>
  `NetworkAttachmentDefinition ${network.nadKey ?? '?'} spec.config ${key}`;

/** Where a (C)UDN spec keeps its topology block: `spec.layer2` or `spec.network.localnet`. */
const udnPath = (network: NetworkFacts, field: string): string => {
  const udn = network.udn!;
  const cluster = isClusterUdn(udn);
  const topology = (udnConfigOf(udn)?.topology ?? '').toLowerCase();
  const kind = cluster ? 'ClusterUserDefinedNetwork' : 'UserDefinedNetwork';
  const name = cluster
    ? (udn.metadata?.name ?? '')
    : `${udn.metadata?.namespace ?? ''}/${udn.metadata?.name ?? ''}`;
  const base = cluster ? `spec.network.${topology}` : `spec.${topology}`;
  return field === 'topology'
    ? `${kind} ${name} ${cluster ? 'spec.network.topology' : 'spec.topology'}`
    : `${kind} ${name} ${base}.${field}`;
};

/** Whether the (C)UDN spec itself states a field (it wins over its rendered NAD in the model). */
const udnStates = (network: NetworkFacts, field: string): boolean => {
  if (!network.udn) return false;
  const c = udnConfigOf(network.udn) as Record<string, unknown> | undefined;
  return !!c && c[field] !== undefined && c[field] !== null;
};

const vlanPart = (network: NetworkFacts): SummaryPart | undefined => {
  if (network.vlan === undefined) return undefined;
  const from = udnStates(network, 'vlan')
    ? udnPath(network, 'vlan.access.id')
    : nadConfigPath(network, network.nad?.topology ? 'vlanID' : 'vlan');
  return { text: msg(SUMMARY_TEXT.vlan, { id: network.vlan }), from };
};

const trunkPart = (network: NetworkFacts): SummaryPart | undefined => {
  const main = network.nad?.plugins[0]?.config;
  return main && Array.isArray(main.vlanTrunk) && main.vlanTrunk.length > 0
    ? { text: msg(SUMMARY_TEXT.vlanTrunk), from: nadConfigPath(network, 'vlanTrunk') }
    : undefined;
};

const subnetParts = (network: NetworkFacts): SummaryPart[] => {
  const from = udnStates(network, 'subnets')
    ? udnPath(network, 'subnets')
    : nadConfigPath(network, 'subnets');
  return network.subnets.map((s) => ({ text: s, from }));
};

/** The node bridge of a localnet: from the bridge mapping that names it (NNCP or node state). */
const localnetBridgeParts = (network: NetworkFacts): SummaryPart[] => {
  const seen = new Set<string>();
  const parts: SummaryPart[] = [];
  for (const m of network.nodeBridges) {
    if (!m.bridge || seen.has(m.bridge)) continue;
    seen.add(m.bridge);
    const field =
      m.from.kind === 'NodeNetworkState'
        ? 'status.currentState.ovn.bridge-mappings'
        : 'spec.desiredState.ovn.bridge-mappings';
    parts.push({ text: m.bridge, from: `${m.from.kind} ${m.from.name} ${field}` });
  }
  if (parts.length === 0 && network.physicalNetworkName) {
    // No mapping known: name the physical network the bridge mapping must use, not a bridge.
    parts.push({
      text: msg(SUMMARY_TEXT.physnet, { name: network.physicalNetworkName }),
      from: udnStates(network, 'physicalNetworkName')
        ? udnPath(network, 'physicalNetworkName')
        : nadConfigPath(network, 'physicalNetworkName (else name)'),
    });
  }
  return parts;
};

const defined = (parts: (SummaryPart | undefined)[]): SummaryPart[] =>
  parts.filter((p): p is SummaryPart => !!p);

const udnSummary = (network: NetworkFacts, primary: boolean): NetworkSummary => {
  const udn = network.udn;
  const cluster = network.kind === 'cudn' || network.kind === 'primary-cudn';
  const udnRef = network.refs.find((r) => r.kind.endsWith('UserDefinedNetwork'));
  const name = udn?.metadata?.name ?? udnRef?.name ?? '';
  const key = primary
    ? cluster
      ? SUMMARY_TEXT.primaryCudn
      : SUMMARY_TEXT.primaryUdn
    : cluster
      ? SUMMARY_TEXT.cudn
      : SUMMARY_TEXT.udn;
  const kindName = cluster ? 'ClusterUserDefinedNetwork' : 'UserDefinedNetwork';
  const title: SummaryPart = {
    text: msg(key, { name }),
    from: udnRef ? `${kindName} ${refName(udnRef)} metadata.name` : `${kindName} metadata.name`,
  };
  const topology = network.topology;
  const topologyPart: SummaryPart | undefined =
    topology && TOPOLOGY_TEXT[topology]
      ? {
          text: msg(TOPOLOGY_TEXT[topology]),
          from: udn ? udnPath(network, 'topology') : nadConfigPath(network, 'topology'),
        }
      : undefined;
  const parts = defined([title, topologyPart]);
  if (topology === 'localnet')
    parts.push(...defined([vlanPart(network)]), ...localnetBridgeParts(network));
  parts.push(...subnetParts(network));
  return { parts, link: udnRef ?? network.refs[0], status: 'ok' };
};

const ovnNadSummary = (network: NetworkFacts, config: NadConfig): NetworkSummary => {
  const topology = config.topology;
  const title =
    topology === 'localnet'
      ? SUMMARY_TEXT.ovnLocalnet
      : topology === 'layer2'
        ? SUMMARY_TEXT.ovnLayer2
        : SUMMARY_TEXT.ovnLayer3;
  const parts = defined([
    { text: msg(title), from: nadConfigPath(network, 'type, topology') },
    vlanPart(network),
  ]);
  if (topology === 'localnet') parts.push(...localnetBridgeParts(network));
  parts.push(...subnetParts(network));
  return { parts, link: network.refs[0], status: 'ok' };
};

const nadSummary = (network: NetworkFacts): NetworkSummary => {
  const config = network.nad;
  if (!config || config.error || !config.canonicalType) {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.invalidConfig, { nad: network.nadKey ?? '' }),
          from: nadConfigPath(network, ''),
        },
      ],
      link: network.refs[0],
      status: 'unknown',
    };
  }
  if (config.topology) return ovnNadSummary(network, config);
  if (config.canonicalType === 'bridge') {
    const parts = defined([
      network.bridge
        ? {
            text: msg(SUMMARY_TEXT.linuxBridge, { bridge: network.bridge }),
            from: nadConfigPath(network, 'type, bridge'),
          }
        : { text: msg(SUMMARY_TEXT.linuxBridgeUnnamed), from: nadConfigPath(network, 'type') },
      vlanPart(network) ?? trunkPart(network),
      ...subnetParts(network),
    ]);
    return { parts, link: network.refs[0], status: 'ok' };
  }
  if (config.canonicalType === 'sriov') {
    const parts = defined([
      { text: msg(SUMMARY_TEXT.sriov), from: nadConfigPath(network, 'type') },
      vlanPart(network),
    ]);
    return { parts, link: network.refs[0], status: 'ok' };
  }
  const parts = defined([
    {
      text: msg(SUMMARY_TEXT.plugin, { type: config.type ?? config.canonicalType }),
      from: nadConfigPath(network, 'type'),
    },
    vlanPart(network),
  ]);
  return { parts, link: network.refs[0], status: 'ok' };
};

/** The Network cell of one interface row. */
export const networkSummaryOf = (row: InterfaceRow): NetworkSummary => {
  const { network } = row;
  const specNet = row.spec.network;
  if (specNet.kind === 'missing') {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.noNetwork, { name: specNet.name }),
          from: 'VirtualMachine spec.template.spec.networks',
        },
      ],
      status: 'missing',
    };
  }
  // A primary (C)UDN carries the pod network NIC; it is named as what it is, never "Pod network".
  if (network.kind === 'primary-udn' || network.kind === 'primary-cudn') {
    return udnSummary(network, true);
  }
  // Which of the two the objects could not tell (the model's notes say why).
  if (network.undecided) {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.podOrPrimaryUdn),
          from: 'Namespace metadata.labels (not readable)',
        },
      ],
      status: 'unknown',
    };
  }
  if (specNet.kind === 'pod' || network.kind === 'pod-network') {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.podNetwork),
          from: 'VirtualMachine spec.template.spec.networks[].pod',
        },
      ],
      status: 'ok',
    };
  }
  if (specNet.kind === 'other') {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.unknownSource, { source: specNet.source }),
          from: `VirtualMachine spec.template.spec.networks[].${specNet.source}`,
        },
      ],
      status: 'unknown',
    };
  }
  if (network.kind === 'missing') {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.missing, { nad: network.nadKey ?? '' }),
          from: 'VirtualMachine spec.template.spec.networks[].multus.networkName',
        },
      ],
      link: network.refs[0],
      status: 'missing',
    };
  }
  if (network.kind === 'unknown') {
    return {
      parts: [
        {
          text: msg(SUMMARY_TEXT.unknown, { nad: network.nadKey ?? '' }),
          from: 'VirtualMachine spec.template.spec.networks[].multus.networkName',
        },
      ],
      link: network.refs[0],
      status: 'unknown',
    };
  }
  if (network.kind === 'udn' || network.kind === 'cudn') return udnSummary(network, false);
  return nadSummary(network);
};
