/**
 * Reading a NetworkAttachmentDefinition's `spec.config` (a CNI JSON document in a string): the
 * plugin type, the network name and the facts the tab shows, plus the keys the plugin does not
 * know — CNI plugins ignore those silently, so a `macspoof` typo or a `vlanId` does nothing.
 */
import type { NetworkAttachmentDefinition } from '../k8s/types';
import { isRecord } from '../pod/parse-result';

export const OVN_OVERLAY_TYPE = 'ovn-k8s-cni-overlay';

export type OvnTopology = 'layer2' | 'layer3' | 'localnet';

/** Keys read by each plugin (CNI-standard keys included); sources in notes/api-facts.md §2. */
const STANDARD_KEYS = [
  'cniVersion',
  'name',
  'type',
  'ipam',
  'dns',
  'args',
  'runtimeConfig',
  'capabilities',
  'prevResult',
];
const KNOWN_KEYS: Record<string, string[]> = {
  [OVN_OVERLAY_TYPE]: [
    'topology',
    'role',
    'netAttachDefName',
    'mtu',
    'subnets',
    'excludeSubnets',
    'reservedSubnets',
    'infrastructureSubnets',
    'joinSubnet',
    'transitSubnet',
    'defaultGatewayIPs',
    'vlanID',
    'allowPersistentIPs',
    'physicalNetworkName',
    'transport',
    'outboundSNAT',
    'evpn',
    'uplink',
    'deviceID',
    'logFile',
    'logLevel',
    'logfile-maxsize',
    'logfile-maxbackups',
    'logfile-maxage',
  ],
  bridge: [
    'bridge',
    'isGateway',
    'isDefaultGateway',
    'forceAddress',
    'ipMasq',
    'ipMasqBackend',
    'mtu',
    'hairpinMode',
    'promiscMode',
    'vlan',
    'vlanTrunk',
    'preserveDefaultVlan',
    'macspoofchk',
    'enabledad',
    'disableContainerInterface',
    'portIsolation',
  ],
  macvlan: ['master', 'mode', 'mtu', 'mac', 'linkInContainer', 'bcqueuelen'],
  ipvlan: ['master', 'mode', 'mtu', 'linkInContainer'],
  tuning: ['mac', 'mtu', 'promisc', 'allmulti', 'sysctl', 'txQLen'],
};
/** OpenShift Virtualization's old name for the Linux bridge plugin; same binary, same keys. */
const TYPE_ALIASES: Record<string, string> = { 'cnv-bridge': 'bridge', 'cnv-tuning': 'tuning' };

export interface CniPlugin {
  /** The type as written. */
  type: string;
  /** The plugin it really is (`bridge` for `cnv-bridge`). */
  canonicalType: string;
  /** Keys this plugin ignores; only computed for plugins whose keys are known. */
  unknownKeys: string[];
  config: Record<string, unknown>;
}

export interface NadConfig {
  raw: string;
  error?: string;
  /** The main plugin (the first of a `plugins` list). */
  type?: string;
  canonicalType?: string;
  /** Every plugin of a conflist, in order (e.g. bridge + tuning). */
  plugins: CniPlugin[];
  /** The CNI network name; cluster-wide for OVN-Kubernetes. */
  name?: string;
  netAttachDefName?: string;
  topology?: OvnTopology;
  role?: 'primary' | 'secondary';
  subnets: string[];
  excludeSubnets: string[];
  defaultGatewayIPs: string[];
  vlan?: number;
  mtu?: number;
  bridge?: string;
  /** For localnet: the bridge-mapping key, which defaults to `name`. */
  physicalNetworkName?: string;
  allowPersistentIPs?: boolean;
  ipam?: Record<string, unknown>;
  /** Whether the CNI plugin assigns addresses (OVN `subnets`, or an `ipam` block with a type). */
  hasIpam: boolean;
}

const commaList = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
};

const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
};
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const pluginOf = (config: Record<string, unknown>): CniPlugin => {
  const type = asString(config.type) ?? '';
  const canonicalType = TYPE_ALIASES[type] ?? type;
  const known = KNOWN_KEYS[canonicalType];
  const unknownKeys = known
    ? Object.keys(config).filter((k) => !STANDARD_KEYS.includes(k) && !known.includes(k))
    : [];
  return { type, canonicalType, unknownKeys, config };
};

const emptyConfig = (raw: string, error?: string): NadConfig => ({
  raw,
  error,
  plugins: [],
  subnets: [],
  excludeSubnets: [],
  defaultGatewayIPs: [],
  hasIpam: false,
});

export const parseNadConfigText = (raw: string): NadConfig => {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    return emptyConfig(raw, (e as Error).message);
  }
  if (!isRecord(doc)) return emptyConfig(raw, 'expected a JSON object');
  const list = Array.isArray(doc.plugins) ? doc.plugins.filter(isRecord) : undefined;
  const plugins = list ? list.map(pluginOf) : [pluginOf(doc)];
  const main = plugins[0];
  if (!main?.type) return { ...emptyConfig(raw, 'no plugin "type"'), name: asString(doc.name) };
  const c = main.config;
  const isOvn = main.canonicalType === OVN_OVERLAY_TYPE;
  const topology = isOvn
    ? ((asString(c.topology) || 'layer3').toLowerCase() as OvnTopology)
    : undefined;
  const role = isOvn
    ? ((asString(c.role) || 'secondary').toLowerCase() as 'primary' | 'secondary')
    : undefined;
  const subnets = commaList(c.subnets);
  const ipam = isRecord(c.ipam) ? c.ipam : undefined;
  const name = asString(doc.name);
  const mtu =
    asNumber(c.mtu) ?? plugins.map((p) => asNumber(p.config.mtu)).find((m) => m !== undefined);
  return {
    raw,
    type: main.type,
    canonicalType: main.canonicalType,
    plugins,
    name,
    netAttachDefName: asString(c.netAttachDefName) ?? asString(doc.netAttachDefName),
    topology,
    role,
    subnets,
    excludeSubnets: commaList(c.excludeSubnets),
    defaultGatewayIPs: commaList(c.defaultGatewayIPs),
    vlan: isOvn ? asNumber(c.vlanID) : asNumber(c.vlan),
    mtu,
    bridge: asString(c.bridge),
    physicalNetworkName:
      topology === 'localnet' ? asString(c.physicalNetworkName) || name : undefined,
    allowPersistentIPs: c.allowPersistentIPs === true ? true : undefined,
    ipam,
    hasIpam: isOvn ? subnets.length > 0 : !!ipam && typeof ipam.type === 'string',
  };
};

const configCache = new WeakMap<NetworkAttachmentDefinition, NadConfig>();

/** Memoized per NAD object: watches hand back the same objects until they change. */
export const parseNadConfig = (nad: NetworkAttachmentDefinition): NadConfig => {
  let parsed = configCache.get(nad);
  if (!parsed) {
    const raw = nad.spec?.config;
    parsed =
      typeof raw === 'string' ? parseNadConfigText(raw) : emptyConfig('', 'spec.config is missing');
    configCache.set(nad, parsed);
  }
  return parsed;
};

/** `ovn-k8s-cni-overlay (localnet)`, `bridge`, `macvlan`…: how the tab names a NAD's plugin. */
export const nadKindLabel = (config: NadConfig): string =>
  config.topology
    ? `${config.canonicalType} (${config.topology})`
    : (config.canonicalType ?? 'unknown');
