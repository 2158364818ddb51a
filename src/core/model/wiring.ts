/**
 * The wiring diagram as data: for each guest NIC, the chain guest → binding → pod interfaces →
 * network → node side (bridge, physical network, VLAN). The view only draws it.
 */
import { Models } from '../k8s/models';
import { msg, type Message } from './messages';
import { refOf } from './resolve-network';

/** Marks English keys for i18next-parser; the view translates them (see ./messages.ts). */
const t = <S extends string>(key: S): S => key;

const WIRING_TEXT = {
  clusterNetwork: t('OVN (cluster network)'),
  clusterCni: t('Cluster network ({{type}})'),
  clusterUnknown: t('Cluster network (CNI not reported)'),
  overlay: t('OVN (overlay)'),
  trunk: t('VLAN trunk'),
  vlan: t('VLAN {{id}}'),
  physnet: t('physical network {{name}}'),
  mtu: t('MTU {{mtu}}'),
  noMapping: t('No node maps this physical network'),
  mappingUnknown: t(
    'Not known: no NMState NodeNetworkConfigurationPolicies or NodeNetworkStates to read the bridge mappings from',
  ),
} as const;
import type { ClusterNetworkFacts, InterfaceRow, NetworkingModel, ObjectRef } from './types';

export type WiringColumn = 'guest' | 'binding' | 'pod' | 'network' | 'node';

export const WIRING_COLUMNS: WiringColumn[] = ['guest', 'binding', 'pod', 'network', 'node'];

export interface WiringNode {
  column: WiringColumn;
  /** A name as is, or an English key to translate. */
  title: string | Message;
  /** Short facts under the title: addresses, VLAN, MTU… */
  lines: (string | Message)[];
  /** The object the box stands for, when there is one to link to. */
  ref?: ObjectRef;
  /** Something is wrong or unknown here. */
  status: 'ok' | 'warning' | 'unknown';
  note?: Message;
}

export interface WiringLane {
  interfaceName: string;
  nodes: WiringNode[];
}

const nodeSide = (
  row: InterfaceRow,
  cluster: ClusterNetworkFacts,
  /** Whether any NNCP or NodeNetworkState list was read: without one, a mapping is not known. */
  mappingsKnown: boolean,
): WiringNode => {
  const { network } = row;
  if (network.kind === 'pod-network') {
    // br-int/br-ex are OVN-Kubernetes internals: drawn only when the cluster says it runs OVN-K.
    if (cluster.ovnKubernetes) {
      return {
        column: 'node',
        title: msg(WIRING_TEXT.clusterNetwork),
        lines: ['br-int', 'br-ex'],
        status: 'ok',
      };
    }
    return cluster.type
      ? {
          column: 'node',
          title: msg(WIRING_TEXT.clusterCni, { type: cluster.type }),
          lines: [],
          status: 'ok',
        }
      : { column: 'node', title: msg(WIRING_TEXT.clusterUnknown), lines: [], status: 'unknown' };
  }
  if (network.kind === 'primary-udn' || network.kind === 'primary-cudn') {
    return { column: 'node', title: msg(WIRING_TEXT.overlay), lines: ['br-int'], status: 'ok' };
  }
  if (network.topology === 'localnet') {
    const bridges = [
      ...new Set(network.nodeBridges.map((b) => b.bridge).filter(Boolean)),
    ] as string[];
    const nncp = network.nodeBridges.find((b) => b.from.kind === 'NodeNetworkConfigurationPolicy');
    const lines = [
      ...(network.physicalNetworkName
        ? [msg(WIRING_TEXT.physnet, { name: network.physicalNetworkName })]
        : []),
      ...(network.vlan !== undefined ? [msg(WIRING_TEXT.vlan, { id: network.vlan })] : []),
    ];
    return {
      column: 'node',
      title: bridges.length ? bridges.join(', ') : '?',
      lines,
      status: bridges.length ? 'ok' : mappingsKnown ? 'warning' : 'unknown',
      note: bridges.length
        ? undefined
        : msg(mappingsKnown ? WIRING_TEXT.noMapping : WIRING_TEXT.mappingUnknown),
      ref: nncp ? refOf(Models.NodeNetworkConfigurationPolicy, nncp.from.name) : undefined,
    };
  }
  if (network.bridge) {
    // Without `vlan` the bridge CNI tags nothing; only `vlanTrunk` makes the port a trunk.
    const main = network.nad?.plugins[0]?.config;
    const trunk = !!main && Array.isArray(main.vlanTrunk) && main.vlanTrunk.length > 0;
    return {
      column: 'node',
      title: network.bridge,
      lines:
        network.vlan !== undefined
          ? [msg(WIRING_TEXT.vlan, { id: network.vlan })]
          : trunk
            ? [msg(WIRING_TEXT.trunk)]
            : [],
      status: 'ok',
    };
  }
  if (network.topology === 'layer2' || network.topology === 'layer3') {
    return { column: 'node', title: msg(WIRING_TEXT.overlay), lines: ['br-int'], status: 'ok' };
  }
  return {
    column: 'node',
    title: network.canonicalType ?? network.pluginType ?? '?',
    lines: [],
    status: 'unknown',
  };
};

const laneOf = (row: InterfaceRow, model: NetworkingModel): WiringLane => {
  const { guest, binding, pod: podSide, network } = row;
  const guestIps = guest.ips.map((ip) => ip.address);
  const networkRef = network.refs[0];
  const pod = model.launcher.active?.metadata;
  const podRef: ObjectRef | undefined = pod?.name
    ? refOf(Models.Pod, pod.name, pod.namespace ?? model.namespace)
    : undefined;
  const vmiRef: ObjectRef | undefined =
    model.state === 'draft' || model.state === 'stopped' || !model.context.vmi
      ? undefined
      : refOf(Models.VirtualMachineInstance, model.vmName, model.namespace);
  return {
    interfaceName: row.name,
    nodes: [
      {
        column: 'guest',
        title: guest.interfaceName ? `${row.name} (${guest.interfaceName})` : row.name,
        lines: [guest.mac.reported ?? guest.mac.configured ?? '', ...guestIps].filter(Boolean),
        ref: vmiRef,
        status: 'ok',
      },
      { column: 'binding', title: binding.name, lines: [], status: 'ok' },
      {
        column: 'pod',
        title: podSide.interfaceName ?? podSide.expectedInterface ?? '?',
        lines: podSide.devices.filter((d) => d.role !== 'pod-interface').map((d) => d.name),
        ref: podRef,
        status: podSide.matches === false ? 'warning' : 'ok',
      },
      {
        column: 'network',
        // The namespace only when it is not the VM's own (a NAD in `default`, say).
        title: networkRef
          ? networkRef.namespace && networkRef.namespace !== model.namespace
            ? `${networkRef.namespace}/${networkRef.name}`
            : networkRef.name
          : network.kindLabel,
        lines: [
          network.topology ?? network.canonicalType ?? '',
          ...network.subnets,
          ...(network.mtu ? [msg(WIRING_TEXT.mtu, { mtu: network.mtu })] : []),
        ].filter((l) => l !== ''),
        ref: networkRef,
        status: network.kind === 'missing' ? 'warning' : 'ok',
      },
      nodeSide(row, model.clusterNetwork, model.context.bridgeMappingsKnown),
    ],
  };
};

export const wiringOf = (model: NetworkingModel): WiringLane[] =>
  model.interfaces.map((row) => laneOf(row, model));
