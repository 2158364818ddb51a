/**
 * The network-row model: UDNs, CUDNs and NADs as one list, a NAD rendered for a (C)UDN folded into
 * its owner. Bad data in one object (a NAD config that is not JSON, an unknown topology) becomes
 * that row's status; nothing here throws on malformed objects.
 */
import type {
  ClusterUserDefinedNetwork,
  Condition,
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
} from '../k8s/types';
import { bridgesOf, type BridgeMappingSource } from '../networks/bridge-mappings';
import { parseNadConfig, OVN_OVERLAY_TYPE } from '../networks/nad-config';
import { generatingUdnRef, namespaceLabels, type AnyUDN } from '../networks/udn';
import { matchesSelector } from '../k8s/selectors';
import { LIST_MESSAGES as M, msg, type Message } from './messages';
import type { NadRef, NetworkRow, RowStatus, RowTopology } from './types';

export interface NetworkListInput {
  udns?: UserDefinedNetwork[];
  cudns?: ClusterUserDefinedNetwork[];
  nads?: NetworkAttachmentDefinition[];
  /** Namespaces the user can read, to compute which ones a CUDN selects. */
  namespaces?: Namespace[];
  /** From NNCPs and NodeNetworkStates (collectBridgeMappings). */
  bridgeMappings?: Map<string, BridgeMappingSource[]>;
}

const TOPOLOGIES: Record<string, RowTopology> = {
  Layer2: 'layer2',
  Layer3: 'layer3',
  Localnet: 'localnet',
};

/** Conditions the (C)UDN controllers set; `NetworkReady` is the pre-4.18 name of NetworkCreated. */
const CREATED_TYPES = ['NetworkCreated', 'NetworkReady'];

export const rowKey = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}/${namespace ?? ''}/${name}`;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A name or namespace as text for keys and lookups: anything but a string is none. */
export const metaText = (v: unknown): string => str(v) ?? '';
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const conditionsOf = (o: { status?: unknown }): Condition[] => {
  const list = (o.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(list)
    ? list.filter((c): c is Condition => !!c && typeof c === 'object' && typeof c.type === 'string')
    : [];
};

export const udnStatus = (udn: AnyUDN, extra: Message[] = []): RowStatus => {
  const conditions = conditionsOf(udn);
  const failed = conditions.filter((c) => c.status === 'False');
  const unknown = conditions.filter((c) => c.status !== 'True' && c.status !== 'False');
  const describe = (c: Condition, message: string) =>
    msg(message, { type: c.type, reason: c.reason ?? '', message: c.message ?? '' });
  if (extra.length) {
    return {
      state: 'invalid',
      messages: [...extra, ...failed.map((c) => describe(c, M.conditionFalse))],
      conditions,
    };
  }
  if (failed.length) {
    return {
      state: 'not-ready',
      messages: failed.map((c) => describe(c, M.conditionFalse)),
      conditions,
    };
  }
  const created = conditions.find((c) => CREATED_TYPES.includes(c.type) && c.status === 'True');
  if (created && !unknown.length) return { state: 'ready', messages: [], conditions };
  return {
    state: 'pending',
    messages: unknown.length
      ? unknown.map((c) => describe(c, M.conditionUnknown))
      : [msg(M.noConditions)],
    conditions,
  };
};

/** The topology block of a (C)UDN, read defensively: any field may be missing or mistyped. */
const udnSpecOf = (
  udn: AnyUDN,
  cluster: boolean,
): { topology?: string; block?: Record<string, unknown> } => {
  const spec = (udn.spec ?? {}) as Record<string, unknown>;
  const net = (cluster ? spec.network : spec) as Record<string, unknown> | undefined;
  if (!net || typeof net !== 'object') return {};
  const topology = str(net.topology);
  const key = topology ? topology.charAt(0).toLowerCase() + topology.slice(1) : undefined;
  const block = key ? net[key] : undefined;
  return {
    topology,
    block: block && typeof block === 'object' ? (block as Record<string, unknown>) : undefined,
  };
};

const subnetText = (s: unknown): string | undefined => {
  if (typeof s === 'string') return s;
  if (s && typeof s === 'object') {
    const { cidr, hostSubnet } = s as { cidr?: unknown; hostSubnet?: unknown };
    if (typeof cidr === 'string')
      return typeof hostSubnet === 'number' ? `${cidr}/${hostSubnet}` : cidr;
  }
  return undefined;
};

const udnRow = (
  udn: AnyUDN,
  cluster: boolean,
  input: NetworkListInput,
  rendered: NadRef[],
  labelsByNs: Map<string, Record<string, string>> | undefined,
): NetworkRow => {
  const name = udn.metadata?.name ?? '';
  const namespace = cluster ? undefined : udn.metadata?.namespace;
  const { topology: specTopology, block } = udnSpecOf(udn, cluster);
  const topology = specTopology ? TOPOLOGIES[specTopology] : undefined;
  const problems: Message[] = [];
  if (!specTopology) problems.push(msg(M.noTopology));
  else if (!topology || (topology === 'localnet' && !cluster))
    problems.push(msg(M.unknownTopology, { topology: specTopology }));
  else if (!block) problems.push(msg(M.noTopology));
  const ok = problems.length === 0;
  const role = ok ? str(block?.role)?.toLowerCase() : undefined;
  const vlanBlock = block?.vlan as { access?: { id?: unknown } } | undefined;
  const physicalNetwork =
    ok && topology === 'localnet' ? str(block?.physicalNetworkName) : undefined;
  const kind = cluster ? 'ClusterUserDefinedNetwork' : 'UserDefinedNetwork';
  let namespaces: string[];
  let computed = false;
  if (cluster) {
    const set = new Set(rendered.map((r) => r.namespace));
    if (labelsByNs) {
      computed = true;
      const selector = (udn as ClusterUserDefinedNetwork).spec?.namespaceSelector;
      for (const [ns, labels] of labelsByNs) if (matchesSelector(labels, selector)) set.add(ns);
    }
    namespaces = [...set].sort();
  } else namespaces = namespace ? [namespace] : [];
  return {
    key: rowKey(kind, namespace, name),
    kind,
    name,
    namespace,
    namespaces,
    namespacesComputed: computed,
    pluginType: undefined,
    canonicalType: undefined,
    topology: ok ? topology : undefined,
    role: role === 'primary' || role === 'secondary' ? role : undefined,
    vlan: ok ? num(vlanBlock?.access?.id) : undefined,
    physicalNetwork,
    bridges: physicalNetwork ? bridgesOf(input.bridgeMappings?.get(physicalNetwork)) : [],
    subnets: ok
      ? (Array.isArray(block?.subnets) ? block.subnets : [])
          .map(subnetText)
          .filter((s): s is string => !!s)
      : [],
    ipam: {
      assigns:
        ok &&
        (block?.ipam as { mode?: unknown } | undefined)?.mode !== 'Disabled' &&
        Array.isArray(block?.subnets) &&
        block.subnets.length > 0,
    },
    mtu: ok ? num(block?.mtu) : undefined,
    // OVN-Kubernetes' naming: `cluster_udn_<name>` or `<namespace>_<name>`.
    networkName: name ? (cluster ? `cluster_udn_${name}` : `${namespace}_${name}`) : undefined,
    status: udnStatus(udn, problems),
    renderedNads: rendered,
    object: udn,
    connected: [],
    vmCount: 0,
  };
};

const nadRow = (nad: NetworkAttachmentDefinition, input: NetworkListInput): NetworkRow => {
  const name = nad.metadata?.name ?? '';
  const namespace = nad.metadata?.namespace ?? '';
  const config = parseNadConfig(nad);
  const problems: Message[] = [];
  if (config.error) problems.push(msg(M.nadConfigUnreadable, { error: config.error }));
  const isOvn = config.canonicalType === OVN_OVERLAY_TYPE;
  let topology: RowTopology | undefined;
  if (isOvn && config.topology) {
    if (['layer2', 'layer3', 'localnet'].includes(config.topology)) topology = config.topology;
    else problems.push(msg(M.unknownTopology, { topology: config.topology }));
  }
  const ipam = config.ipam ?? {};
  // Non-OVN IPAM plugins state their range in their own keys (host-local `subnet`, whereabouts `range`).
  const ipamSubnets = isOvn
    ? []
    : [str(ipam.subnet), str(ipam.range), ...strList((ipam as { ranges?: unknown }).ranges)].filter(
        (s): s is string => !!s,
      );
  const physicalNetwork = topology === 'localnet' ? config.physicalNetworkName : undefined;
  const owner = ownerOf(nad);
  const bridges = physicalNetwork
    ? bridgesOf(input.bridgeMappings?.get(physicalNetwork))
    : config.bridge
      ? [config.bridge]
      : [];
  return {
    key: rowKey('NetworkAttachmentDefinition', namespace, name),
    kind: 'NetworkAttachmentDefinition',
    name,
    namespace,
    namespaces: [namespace],
    namespacesComputed: false,
    pluginType: config.type,
    canonicalType: config.canonicalType,
    topology,
    // Multus attachments are secondary unless an OVN config says otherwise.
    role: config.error ? undefined : isOvn ? config.role : 'secondary',
    vlan: config.vlan,
    physicalNetwork,
    bridges,
    subnets: [...config.subnets, ...ipamSubnets],
    ipam: {
      assigns: config.hasIpam,
      ...(!isOvn && typeof ipam.type === 'string' ? { type: ipam.type } : {}),
    },
    mtu: config.mtu,
    networkName: config.name,
    status: problems.length
      ? { state: 'invalid', messages: problems, conditions: [] }
      : {
          state: 'no-status',
          messages: owner ? [msg(M.ownerNotListed, owner)] : [msg(M.nadNoStatus)],
          conditions: [],
        },
    renderedNads: [],
    ...(owner ? { renderedBy: owner } : {}),
    object: nad,
    connected: [],
    vmCount: 0,
  };
};

const ownerOf = (nad: NetworkAttachmentDefinition) => {
  try {
    return generatingUdnRef(nad);
  } catch {
    return undefined;
  }
};

/** A row for an object the readers choked on: its name (if any) and why. */
const unreadableRow = (
  kind: NetworkRow['kind'],
  object: AnyUDN | NetworkAttachmentDefinition,
  error: unknown,
): NetworkRow => {
  const meta = (object?.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace =
    kind === 'ClusterUserDefinedNetwork' || typeof meta.namespace !== 'string'
      ? undefined
      : meta.namespace;
  return {
    key: rowKey(kind, namespace, name),
    kind,
    name,
    namespace,
    namespaces: namespace ? [namespace] : [],
    namespacesComputed: false,
    bridges: [],
    subnets: [],
    ipam: { assigns: false },
    status: {
      state: 'invalid',
      messages: [
        msg(M.objectUnreadable, { error: error instanceof Error ? error.message : String(error) }),
      ],
      conditions: [],
    },
    renderedNads: [],
    object,
    connected: [],
    vmCount: 0,
  };
};

const guarded = (
  kind: NetworkRow['kind'],
  object: AnyUDN | NetworkAttachmentDefinition,
  build: () => NetworkRow,
): NetworkRow => {
  try {
    return build();
  } catch (e) {
    return unreadableRow(kind, object, e);
  }
};

/**
 * One row per network. A NAD whose controller owner is a listed (C)UDN is folded into that row;
 * one whose owner is not listed (a CUDN the user may not read) stays a row and says so.
 */
export const buildNetworkRows = (input: NetworkListInput): NetworkRow[] => {
  const udns = input.udns ?? [];
  const cudns = input.cudns ?? [];
  // Names and namespaces go into keys as text: a mutated object's name may be anything.
  const udnKeys = new Set(
    udns.map((u) => `${metaText(u?.metadata?.namespace)}/${metaText(u?.metadata?.name)}`),
  );
  const cudnNames = new Set(cudns.map((c) => metaText(c?.metadata?.name)));
  const rendered = new Map<string, NadRef[]>();
  const standalone: NetworkAttachmentDefinition[] = [];
  for (const nad of input.nads ?? []) {
    if (!nad || typeof nad !== 'object') continue;
    const owner = ownerOf(nad);
    const ns = metaText(nad.metadata?.namespace);
    const ownerKey =
      owner?.kind === 'ClusterUserDefinedNetwork'
        ? cudnNames.has(owner.name)
          ? `cudn//${owner.name}`
          : undefined
        : owner && udnKeys.has(`${ns}/${owner.name}`)
          ? `udn/${ns}/${owner.name}`
          : undefined;
    if (ownerKey) {
      const list = rendered.get(ownerKey) ?? [];
      list.push({ namespace: ns, name: metaText(nad.metadata?.name) });
      rendered.set(ownerKey, list);
    } else standalone.push(nad);
  }
  const labelsByNs = input.namespaces
    ? new Map(
        input.namespaces.map((n) => [
          metaText(n?.metadata?.name),
          namespaceLabels(n, metaText(n?.metadata?.name)),
        ]),
      )
    : undefined;
  const rows: NetworkRow[] = [];
  for (const u of udns) {
    if (!u || typeof u !== 'object') continue;
    const key = `udn/${metaText(u.metadata?.namespace)}/${metaText(u.metadata?.name)}`;
    rows.push(
      guarded('UserDefinedNetwork', u, () =>
        udnRow(u, false, input, rendered.get(key) ?? [], undefined),
      ),
    );
  }
  for (const c of cudns) {
    if (!c || typeof c !== 'object') continue;
    rows.push(
      udnRow(c, true, input, rendered.get(`cudn//${metaText(c.metadata?.name)}`) ?? [], labelsByNs),
    );
  }
  for (const n of standalone)
    rows.push(guarded('NetworkAttachmentDefinition', n, () => nadRow(n, input)));
  return rows;
};
