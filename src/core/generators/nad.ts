/**
 * The NetworkAttachmentDefinition wizard by network type. The CNI config is built as an object
 * and serialized; keys per plugin as in ../shared/notes/api-facts.md §2.
 */
import type { K8sObject, NetworkAttachmentDefinition } from '../k8s/types';
import { checkName } from '../validation/names';
import { checkCIDRList, parseCIDRText } from '../validation/net';
import {
  checkInside,
  checkMtu,
  checkOverlaps,
  checkPhysicalNetworkName,
  checkVlan,
  reservedRanges,
} from '../validation/network-rules';
import { fieldErrorToEnglish } from '../validation/format';
import type { FieldError, Problem } from '../validation/types';
import {
  BridgeMappingState,
  defaultBridgeMapping,
  generateBridgeMappingPolicy,
  mergePreserved,
  ParseResult,
  parseBridgeMappingPolicy,
  subtract,
  validateBridgeMapping,
  WizardContext,
} from './common';

/** Marks English i18next keys for i18next-parser; translates nothing (see validation/format.ts). */
const t = <S extends string>(key: S): S => key;

export type NADType = 'bridge' | 'ovn-layer2' | 'ovn-localnet' | 'sriov' | 'macvlan';

export const RESOURCE_NAME_ANNOTATION = 'k8s.v1.cni.cncf.io/resourceName';
export const OVN_CNI = 'ovn-k8s-cni-overlay';

export interface VlanRange {
  minID: number;
  maxID: number;
}

export interface NADFormState {
  name: string;
  namespace: string;
  type: NADType;
  description: string;
  /** Kept from an edited NAD; new ones get the version the plugin's docs use. */
  cniVersion?: string;
  mtu?: number;
  /** bridge: access VLAN; ovn-localnet: vlanID; sriov: VF VLAN. */
  vlanId?: number;
  // Linux bridge
  bridgeName: string;
  vlanMode: 'none' | 'access' | 'trunk';
  trunk: VlanRange[];
  macspoofchk: boolean;
  /** The bridge.network.kubevirt.io/<bridge> annotation: schedule only where the bridge exists. */
  requireBridgeOnNode: boolean;
  /** bridge / macvlan / sriov IPAM: none (L2 only, what VMs use) or whereabouts over a range. */
  ipamType: 'none' | 'whereabouts' | 'dhcp';
  ipamRange: string;
  // OVN overlay (layer2) and localnet
  networkName: string;
  subnets: string[];
  excludeSubnets: string[];
  persistentIPs: boolean;
  /** ovn-localnet: the bridge mapping keyed by the network name. */
  bridgeMapping: BridgeMappingState;
  // SR-IOV
  resourceName: string;
  // macvlan
  master: string;
  macvlanMode: 'bridge' | 'private' | 'vepa' | 'passthru';
}

export const defaultNADState = (namespace = ''): NADFormState => ({
  name: '',
  namespace,
  type: 'bridge',
  description: '',
  bridgeName: '',
  vlanMode: 'none',
  trunk: [],
  macspoofchk: true,
  requireBridgeOnNode: true,
  ipamType: 'none',
  ipamRange: '',
  networkName: '',
  subnets: [],
  excludeSubnets: [],
  persistentIPs: false,
  bridgeMapping: defaultBridgeMapping(),
  resourceName: '',
  master: '',
  macvlanMode: 'bridge',
});

/** The CNI `name` (for OVN the cluster-wide network name): the NAD name unless set. */
export const networkNameOf = (s: NADFormState): string => s.networkName || s.name;

const IFACE = /^[^\s/:%]{1,15}$/;
const RESOURCE =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)\/([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const validateNADForm = (s: NADFormState, ctx: WizardContext): FieldError[] => {
  const errors: FieldError[] = [];
  // NAD names go into pod annotations and VM specs as `<ns>/<name>`: a DNS-1123 label is safest.
  checkName('name', t('Name'), s.name, 'label', errors, ctx.existingNames);
  checkName('namespace', t('Namespace'), s.namespace, 'label', errors);
  const isOvn = s.type === 'ovn-layer2' || s.type === 'ovn-localnet';
  if (s.mtu !== undefined) {
    const ipv6 =
      isOvn && s.subnets.some((c) => (parseCIDRText(c) as { family?: number }).family === 6);
    checkMtu('mtu', s.mtu, ipv6, errors);
  }
  if (s.type === 'bridge') {
    if (!IFACE.test(s.bridgeName))
      errors.push({
        field: 'bridgeName',
        message: t('Bridge name must be 1–15 characters without spaces, "/", ":" or "%".'),
      });
    if (s.vlanMode === 'access') {
      if (s.vlanId === undefined)
        errors.push({ field: 'vlanId', message: t('Enter the VLAN ID (1–4094).') });
      checkVlan('vlanId', s.vlanId, errors);
    } else if (s.vlanId !== undefined) {
      errors.push({ field: 'vlanId', message: t('A VLAN ID applies in access mode only.') });
    }
    if (s.vlanMode === 'trunk') {
      if (!s.trunk.length)
        errors.push({ field: 'trunk', message: t('Add at least one VLAN range to the trunk.') });
      s.trunk.forEach((r, i) => {
        const ok = [r.minID, r.maxID].every((n) => Number.isInteger(n) && n >= 1 && n <= 4094);
        if (!ok || r.minID > r.maxID)
          errors.push({
            field: `trunk[${i}]`,
            message: t('Trunk ranges are VLAN IDs from 1 to 4094, lowest first.'),
          });
      });
    }
  } else if (s.vlanMode !== 'none' || s.trunk.length) {
    errors.push({
      field: 'vlanMode',
      message: t('VLAN trunking applies to Linux bridge networks only.'),
    });
  }
  if (s.type === 'bridge' || s.type === 'macvlan' || s.type === 'sriov') {
    if (s.ipamType === 'whereabouts') {
      const r = checkCIDRList(
        [s.ipamRange],
        { field: 'ipamRange', label: t('IP range'), requireMasked: true },
        errors,
      );
      checkOverlaps(
        'ipamRange',
        t('IP range'),
        r.map((p, i) => (i === 0 ? p : undefined)),
        reservedRanges(ctx.clusterNetworks, { primary: false }),
        ctx.otherNetworks ?? [],
        errors,
      );
    }
  } else if (s.ipamType !== 'none') {
    errors.push({
      field: 'ipamType',
      message: t('OVN networks assign IPs from their subnets; no IPAM plugin.'),
    });
  }
  if (isOvn) {
    const parsed = checkCIDRList(
      s.subnets,
      {
        field: 'subnets',
        label: t('Subnet'),
        requireMasked: true,
        onePerFamily: true,
        maxItems: 2,
      },
      errors,
    );
    checkOverlaps(
      'subnets',
      t('Subnet'),
      parsed,
      reservedRanges(ctx.clusterNetworks, { primary: false }),
      ctx.otherNetworks ?? [],
      errors,
    );
    if (s.excludeSubnets.length && !s.subnets.length)
      errors.push({
        field: 'excludeSubnets',
        message: t('Exclude subnets need subnets to exclude from.'),
      });
    const ex = checkCIDRList(
      s.excludeSubnets,
      { field: 'excludeSubnets', label: t('Exclude subnet') },
      errors,
    );
    checkInside('excludeSubnets', t('Exclude subnet'), ex, parsed, errors);
    if (s.persistentIPs && !s.subnets.length)
      errors.push({ field: 'persistentIPs', message: t('Persistent IPs need subnets (IPAM).') });
    checkPhysicalNetworkName('networkName', networkNameOf(s), errors);
  } else {
    if (s.subnets.length || s.excludeSubnets.length)
      errors.push({ field: 'subnets', message: t('Subnets apply to OVN networks only.') });
    if (s.persistentIPs)
      errors.push({
        field: 'persistentIPs',
        message: t('Persistent IPs apply to OVN networks only.'),
      });
  }
  if (s.type === 'ovn-layer2' && s.vlanId !== undefined)
    errors.push({
      field: 'vlanId',
      message: t('An OVN layer2 overlay has no VLAN; use a localnet network.'),
    });
  if (s.type === 'ovn-localnet') {
    checkVlan('vlanId', s.vlanId, errors);
    validateBridgeMapping(s.bridgeMapping, networkNameOf(s), ctx, errors);
  }
  if (s.type === 'sriov') {
    if (!RESOURCE.test(s.resourceName))
      errors.push({
        field: 'resourceName',
        message: t(
          'Resource name looks like openshift.io/<name>, as in the SriovNetworkNodePolicy.',
        ),
      });
    checkVlan('vlanId', s.vlanId, errors);
  }
  if (s.type === 'macvlan') {
    if (s.master && !IFACE.test(s.master))
      errors.push({
        field: 'master',
        message: t('Master interface must be 1–15 characters without spaces, "/", ":" or "%".'),
      });
    if (s.vlanId !== undefined)
      errors.push({
        field: 'vlanId',
        message: t('macvlan has no VLAN setting; use a VLAN interface as master.'),
      });
  }
  return errors;
};

const ipamConfig = (s: NADFormState): Record<string, unknown> => {
  if (s.ipamType === 'whereabouts') return { type: 'whereabouts', range: s.ipamRange };
  if (s.ipamType === 'dhcp') return { type: 'dhcp' };
  return {};
};

/** The CNI config object (before JSON.stringify). */
export const cniConfig = (s: NADFormState): Record<string, unknown> => {
  const netAttachDefName = `${s.namespace}/${s.name}`;
  const withMtu = (o: Record<string, unknown>) => (s.mtu !== undefined ? { ...o, mtu: s.mtu } : o);
  switch (s.type) {
    case 'bridge': {
      const c: Record<string, unknown> = {
        cniVersion: s.cniVersion ?? '0.3.1',
        name: networkNameOf(s),
        type: 'bridge',
        bridge: s.bridgeName,
      };
      // Off is the plugin default; only write it when on.
      if (s.macspoofchk) c.macspoofchk = true;
      if (s.vlanMode === 'access' && s.vlanId !== undefined) c.vlan = s.vlanId;
      if (s.vlanMode === 'trunk')
        c.vlanTrunk = s.trunk.map((r) =>
          r.minID === r.maxID ? { id: r.minID } : { minID: r.minID, maxID: r.maxID },
        );
      return { ...withMtu(c), ipam: ipamConfig(s) };
    }
    case 'ovn-layer2':
    case 'ovn-localnet': {
      const c: Record<string, unknown> = {
        cniVersion: s.cniVersion ?? '0.4.0',
        name: networkNameOf(s),
        type: OVN_CNI,
        topology: s.type === 'ovn-layer2' ? 'layer2' : 'localnet',
        netAttachDefName,
      };
      if (s.subnets.length) c.subnets = s.subnets.join(',');
      if (s.excludeSubnets.length) c.excludeSubnets = s.excludeSubnets.join(',');
      if (s.persistentIPs) c.allowPersistentIPs = true;
      if (s.type === 'ovn-localnet' && s.vlanId !== undefined) c.vlanID = s.vlanId;
      return withMtu(c);
    }
    case 'sriov': {
      const c: Record<string, unknown> = {
        cniVersion: s.cniVersion ?? '0.3.1',
        name: networkNameOf(s),
        type: 'sriov',
      };
      if (s.vlanId !== undefined) c.vlan = s.vlanId;
      return { ...c, ipam: ipamConfig(s) };
    }
    case 'macvlan': {
      const c: Record<string, unknown> = {
        cniVersion: s.cniVersion ?? '0.3.1',
        name: networkNameOf(s),
        type: 'macvlan',
        mode: s.macvlanMode,
      };
      if (s.master) c.master = s.master;
      return { ...withMtu(c), ipam: ipamConfig(s) };
    }
  }
};

const annotationsOf = (s: NADFormState): Record<string, string> | undefined => {
  const a: Record<string, string> = {};
  if (s.description) a.description = s.description;
  if (s.type === 'bridge' && s.requireBridgeOnNode)
    a[RESOURCE_NAME_ANNOTATION] = `bridge.network.kubevirt.io/${s.bridgeName}`;
  if (s.type === 'sriov') a[RESOURCE_NAME_ANNOTATION] = s.resourceName;
  return Object.keys(a).length ? a : undefined;
};

/**
 * Objects in creation order: the localnet bridge-mapping NNCP, then the NAD. `preserved` (from
 * parseBackNAD) brings back what the form does not show, CNI config keys included.
 */
export const generateNAD = (
  s: NADFormState,
  _ctx: WizardContext,
  preserved?: Record<string, unknown>,
): K8sObject[] => {
  const { config: kept, ...keptRest } = (preserved?.spec ?? {}) as {
    config?: Record<string, unknown>;
  };
  const {
    [CONFLIST]: conflist,
    [NO_IPAM]: noIpam,
    ...keptConfig
  } = (kept ?? {}) as Record<string, unknown> & { [CONFLIST]?: ConflistRest; [NO_IPAM]?: boolean };
  const plugin = mergePreserved(keptConfig, cniConfig(s));
  // An edited config that had no `ipam` key at all keeps having none while IPAM stays off.
  if (noIpam && s.ipamType === 'none') delete plugin.ipam;
  let config: Record<string, unknown> = plugin;
  if (conflist) {
    // Written back as the conflist it was: the form's plugin first, the others (e.g. tuning) after.
    const { cniVersion, name, ...first } = plugin;
    config = {
      cniVersion: conflist.cniVersion ?? cniVersion,
      name,
      ...conflist.top,
      plugins: [first, ...conflist.plugins],
    };
  }
  const annotations = annotationsOf(s);
  const nad: NetworkAttachmentDefinition = {
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: {
      name: s.name,
      ...(s.namespace ? { namespace: s.namespace } : {}),
      ...(annotations ? { annotations } : {}),
    },
    spec: { config: JSON.stringify(config) },
  };
  const out: K8sObject[] = [];
  if (s.type === 'ovn-localnet') {
    const nncp = generateBridgeMappingPolicy(s.bridgeMapping, networkNameOf(s));
    if (nncp) out.push(nncp);
  }
  out.push(preserved ? mergePreserved({ ...preserved, spec: keptRest }, nad) : nad);
  return out;
};

const typeOf = (c: Record<string, unknown>): NADType | undefined => {
  if (c.type === 'bridge' || c.type === 'cnv-bridge') return 'bridge';
  if (c.type === 'sriov') return 'sriov';
  if (c.type === 'macvlan') return 'macvlan';
  if (c.type === OVN_CNI)
    return c.topology === 'localnet'
      ? 'ovn-localnet'
      : c.topology === 'layer2'
        ? 'ovn-layer2'
        : undefined;
  return undefined;
};

/** A NAD the form cannot show. `problem` is the translatable reason; `message` is its English text. */
export class UnsupportedNADError extends Error {
  constructor(readonly problem: Problem) {
    super(fieldErrorToEnglish(problem));
    this.name = 'UnsupportedNADError';
  }
}

/** Preserved-config key for a conflist's other plugins and top-level keys. */
const CONFLIST = '$conflist';
const NO_IPAM = '$noIpam';

interface ConflistRest {
  cniVersion?: string;
  top: Record<string, unknown>;
  plugins: unknown[];
}

/**
 * An existing NAD back into the form. Conflists (bridge + tuning) keep their first plugin as the
 * form and the rest as preserved; a config the form cannot show at all throws UnsupportedNADError.
 */
export const parseBackNAD = (
  obj: NetworkAttachmentDefinition,
  ctx: WizardContext,
  nncp?: K8sObject,
): ParseResult<NADFormState> => {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(obj.spec?.config ?? '{}');
  } catch (e) {
    throw new UnsupportedNADError({
      message: t('spec.config is not JSON: {{error}}'),
      params: { error: (e as Error).message },
    });
  }
  const c = Array.isArray(raw.plugins)
    ? { ...(raw.plugins[0] as Record<string, unknown>), name: raw.name }
    : raw;
  const type = typeOf(c);
  if (!type)
    throw new UnsupportedNADError({
      message: t('CNI type {{type}} (topology {{topology}}) has no wizard'),
      params: {
        type: JSON.stringify(c.type) ?? 'undefined',
        topology: JSON.stringify(c.topology) ?? 'undefined',
      },
    });
  const ann = obj.metadata?.annotations ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const csv = (v: unknown) => (typeof v === 'string' && v ? v.split(',').map((x) => x.trim()) : []);
  const ipam = (c.ipam ?? {}) as Record<string, unknown>;
  const trunk = Array.isArray(c.vlanTrunk)
    ? (c.vlanTrunk as { id?: number; minID?: number; maxID?: number }[]).map((t) => ({
        minID: t.minID ?? t.id ?? 0,
        maxID: t.maxID ?? t.id ?? 0,
      }))
    : [];
  const name = obj.metadata?.name ?? '';
  // Kustomize-style manifests leave the namespace out; the config's netAttachDefName still names it.
  const fromConfig = typeof c.netAttachDefName === 'string' ? c.netAttachDefName.split('/')[0] : '';
  const base = defaultNADState(obj.metadata?.namespace || fromConfig);
  const networkName = typeof c.name === 'string' && c.name !== name ? c.name : '';
  const state: NADFormState = {
    ...base,
    name,
    type,
    description: ann.description ?? '',
    cniVersion: typeof raw.cniVersion === 'string' ? raw.cniVersion : undefined,
    mtu: num(c.mtu),
    vlanId: type === 'ovn-localnet' ? num(c.vlanID) : trunk.length ? undefined : num(c.vlan),
    bridgeName: typeof c.bridge === 'string' ? c.bridge : '',
    vlanMode:
      type !== 'bridge'
        ? 'none'
        : trunk.length
          ? 'trunk'
          : num(c.vlan) !== undefined
            ? 'access'
            : 'none',
    trunk,
    macspoofchk: c.macspoofchk === true,
    requireBridgeOnNode: type === 'bridge' && RESOURCE_NAME_ANNOTATION in ann,
    ipamType: ipam.type === 'whereabouts' ? 'whereabouts' : ipam.type === 'dhcp' ? 'dhcp' : 'none',
    ipamRange: typeof ipam.range === 'string' ? ipam.range : '',
    networkName,
    subnets: csv(c.subnets),
    excludeSubnets: csv(c.excludeSubnets),
    persistentIPs: c.allowPersistentIPs === true,
    bridgeMapping:
      type === 'ovn-localnet'
        ? parseBridgeMappingPolicy(nncp, typeof c.name === 'string' ? c.name : name)
        : base.bridgeMapping,
    resourceName: type === 'sriov' ? (ann[RESOURCE_NAME_ANNOTATION] ?? '') : '',
    master: typeof c.master === 'string' ? c.master : '',
    macvlanMode:
      (['bridge', 'private', 'vepa', 'passthru'] as const).find((m) => m === c.mode) ?? 'bridge',
  };
  const regenerated = generateNAD(state, ctx).find(
    (o) => o.kind === 'NetworkAttachmentDefinition',
  ) as NetworkAttachmentDefinition;
  const preserved = (subtract(obj, regenerated) ?? {}) as Record<string, unknown>;
  // The config is a string: keep what its object form holds beyond the regenerated one.
  const keptConfig = (subtract(c, JSON.parse(regenerated.spec?.config ?? '{}')) ?? {}) as Record<
    string,
    unknown
  >;
  if (!('ipam' in c) && !type.startsWith('ovn')) keptConfig[NO_IPAM] = true;
  if (Array.isArray(raw.plugins)) {
    const {
      plugins,
      cniVersion,
      name: _name,
      ...top
    } = raw as Record<string, unknown> & { plugins: unknown[]; cniVersion?: string };
    delete keptConfig.cniVersion;
    keptConfig[CONFLIST] = { cniVersion, top, plugins: plugins.slice(1) } satisfies ConflistRest;
  }
  const spec = { ...((preserved.spec as Record<string, unknown>) ?? {}) };
  delete spec.config;
  if (Object.keys(keptConfig).length) spec.config = keptConfig;
  preserved.spec = spec;
  return { state, preserved };
};
