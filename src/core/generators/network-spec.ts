/**
 * The network part shared by the UDN and CUDN wizards: form state, its validation against the
 * CRD rules and cluster facts, and its Layer2/Layer3/Localnet config.
 */
import type { Layer2Config, Layer3Config, LocalnetConfig } from '../k8s/types';
import { featuresOf } from '../k8s/openshift-version';
import {
  checkCIDRList,
  containsAddress,
  isProblem,
  overlaps,
  parseAddress,
  ParsedCIDR,
} from '../validation/net';
import {
  checkHostSubnet,
  checkInside,
  checkMtu,
  checkOverlaps,
  checkPhysicalNetworkName,
  checkVlan,
  reservedRanges,
} from '../validation/network-rules';
import { withLabel, type FieldError } from '../validation/types';
import type { WizardContext } from './common';

/** Marks English i18next keys for i18next-parser; translates nothing (see validation/format.ts). */
const t = <S extends string>(key: S): S => key;

export type Topology = 'Layer2' | 'Layer3' | 'Localnet';
export type Role = 'Primary' | 'Secondary';

export interface SubnetEntry {
  cidr: string;
  /** Layer3 only: the per-node subnet prefix length. */
  hostSubnet?: number;
}

export interface NetworkFormState {
  topology: Topology;
  role: Role;
  subnets: SubnetEntry[];
  ipamMode: 'Enabled' | 'Disabled';
  /** `ipam.lifecycle: Persistent`: VM IPs survive restart and live migration. */
  persistentIPs: boolean;
  mtu?: number;
  joinSubnets: string[];
  /** OpenShift ≥ 4.20, Layer2 Primary only. */
  reservedSubnets: string[];
  infrastructureSubnets: string[];
  defaultGatewayIPs: string[];
  /** Localnet only. */
  physicalNetworkName: string;
  vlanId?: number;
  excludeSubnets: string[];
}

export const defaultNetworkState = (): NetworkFormState => ({
  topology: 'Layer2',
  role: 'Primary',
  subnets: [{ cidr: '' }],
  ipamMode: 'Enabled',
  persistentIPs: true,
  joinSubnets: [],
  reservedSubnets: [],
  infrastructureSubnets: [],
  defaultGatewayIPs: [],
  physicalNetworkName: '',
  excludeSubnets: [],
});

/**
 * The form after a topology change: Layer3 always has IPAM and no persistent IPs, only Layer3
 * subnets carry a host subnet, and localnet (secondary only) keeps its VLAN and excluded subnets,
 * which no other topology has.
 */
export const withTopology = <S extends NetworkFormState>(s: S, topology: Topology): S => ({
  ...s,
  topology,
  role: topology === 'Localnet' ? 'Secondary' : s.role,
  ipamMode: topology === 'Layer3' ? 'Enabled' : s.ipamMode,
  persistentIPs: topology === 'Layer3' ? false : s.persistentIPs,
  subnets: s.subnets.map((x) => (topology === 'Layer3' ? x : { cidr: x.cidr })),
  vlanId: topology === 'Localnet' ? s.vlanId : undefined,
  excludeSubnets: topology === 'Localnet' ? s.excludeSubnets : [],
});

const usesIpamField = (s: NetworkFormState) => s.topology !== 'Layer3';
const ipamEnabled = (s: NetworkFormState) => s.topology === 'Layer3' || s.ipamMode === 'Enabled';

export const validateNetwork = (
  s: NetworkFormState,
  ctx: WizardContext,
  errors: FieldError[],
): void => {
  const features = featuresOf(ctx.target);
  if (s.topology === 'Localnet' && s.role !== 'Secondary') {
    errors.push({ field: 'role', message: t('A Localnet network can only be Secondary.') });
  }
  if (!usesIpamField(s) && s.ipamMode === 'Disabled') {
    errors.push({
      field: 'ipamMode',
      message: t('Layer3 networks always assign IPs; IPAM cannot be disabled.'),
    });
  }
  if (s.ipamMode === 'Disabled' && s.role === 'Primary') {
    errors.push({
      field: 'ipamMode',
      message: t('IPAM can only be disabled on a Secondary network.'),
    });
  }
  if (s.persistentIPs && (!usesIpamField(s) || s.ipamMode === 'Disabled')) {
    errors.push({
      field: 'persistentIPs',
      message:
        s.topology === 'Layer3'
          ? t('Persistent IPs are available on Layer2 and Localnet networks.')
          : t('Persistent IPs need IPAM enabled.'),
    });
  }

  const cidrs = s.subnets.map((x) => x.cidr);
  if (ipamEnabled(s) && cidrs.length === 0) {
    errors.push({
      field: 'subnets',
      message: t('At least one subnet is required while IPAM is enabled.'),
    });
  }
  if (!ipamEnabled(s) && cidrs.length > 0) {
    errors.push({
      field: 'subnets',
      message: t('Remove the subnets or enable IPAM: a network without IPAM has no subnets.'),
    });
  }
  const parsed = checkCIDRList(
    cidrs,
    { field: 'subnets', label: t('Subnet'), requireMasked: true, onePerFamily: true, maxItems: 2 },
    errors,
  );

  const primary = s.role === 'Primary';
  if (s.joinSubnets.length && !primary) {
    errors.push({
      field: 'joinSubnets',
      message: t('Join subnets apply to Primary networks only.'),
    });
  }
  const joins = checkCIDRList(
    s.joinSubnets,
    {
      field: 'joinSubnets',
      label: t('Join subnet'),
      requireMasked: true,
      onePerFamily: true,
      maxItems: 2,
    },
    errors,
  );
  const reserved = reservedRanges(ctx.clusterNetworks, {
    primary,
    joinSubnets: s.joinSubnets.length ? s.joinSubnets : undefined,
  });
  const others = ctx.otherNetworks ?? [];
  checkOverlaps('subnets', t('Subnet'), parsed, reserved, others, errors);
  checkOverlaps(
    'joinSubnets',
    t('Join subnet'),
    joins,
    reservedRanges(ctx.clusterNetworks, { primary: false }),
    [],
    errors,
  );

  if (s.topology === 'Layer3') {
    s.subnets.forEach((sub, i) =>
      checkHostSubnet(`subnets[${i}].hostSubnet`, parsed[i], sub.hostSubnet, errors),
    );
  } else if (s.subnets.some((x) => x.hostSubnet !== undefined)) {
    errors.push({
      field: 'subnets',
      message: t('Host subnet size applies to Layer3 networks only.'),
    });
  }
  const ipv6 = parsed.some((p) => p?.family === 6);
  checkMtu('mtu', s.mtu, ipv6, errors);

  // Preconfigured addresses (Layer2 Primary, OpenShift ≥ 4.20).
  const pre = {
    reservedSubnets: s.reservedSubnets,
    infrastructureSubnets: s.infrastructureSubnets,
    defaultGatewayIPs: s.defaultGatewayIPs,
  };
  for (const [field, list] of Object.entries(pre)) {
    if (!list.length) continue;
    if (!features.preconfiguredUDNAddresses) {
      errors.push({
        field,
        message: t('Not available on OpenShift {{version}}; it needs 4.20 or later.'),
        params: { version: ctx.target },
      });
    } else if (s.topology !== 'Layer2' || !primary) {
      errors.push({ field, message: t('Applies to Layer2 Primary networks only.') });
    }
  }
  if (features.preconfiguredUDNAddresses && s.topology === 'Layer2' && primary) {
    const res = checkCIDRList(
      s.reservedSubnets,
      { field: 'reservedSubnets', label: t('Reserved subnet'), requireMasked: true, maxItems: 25 },
      errors,
    );
    const infra = checkCIDRList(
      s.infrastructureSubnets,
      {
        field: 'infrastructureSubnets',
        label: t('Infrastructure subnet'),
        requireMasked: true,
        maxItems: 4,
      },
      errors,
    );
    checkInside('reservedSubnets', t('Reserved subnet'), res, parsed, errors);
    checkInside('infrastructureSubnets', t('Infrastructure subnet'), infra, parsed, errors);
    infra.forEach((p, i) => {
      const clash = p && res.find((r) => r && overlaps(r, p));
      if (clash)
        errors.push({
          field: `infrastructureSubnets[${i}]`,
          message: t('Infrastructure subnet {{value}} overlaps reserved subnet {{cidr}}.'),
          params: { value: p.text, cidr: clash.text },
        });
    });
    validateGateways(s.defaultGatewayIPs, parsed, infra, errors);
  }

  if (s.topology === 'Localnet') {
    checkPhysicalNetworkName('physicalNetworkName', s.physicalNetworkName, errors);
    checkVlan('vlanId', s.vlanId, errors);
    if (s.excludeSubnets.length && !cidrs.length) {
      errors.push({
        field: 'excludeSubnets',
        message: t('Exclude subnets need subnets to exclude from.'),
      });
    }
    const ex = checkCIDRList(
      s.excludeSubnets,
      { field: 'excludeSubnets', label: t('Exclude subnet'), maxItems: 25 },
      errors,
    );
    checkInside('excludeSubnets', t('Exclude subnet'), ex, parsed, errors);
  } else {
    if (s.excludeSubnets.length)
      errors.push({
        field: 'excludeSubnets',
        message: t('Exclude subnets apply to Localnet networks only.'),
      });
    if (s.vlanId !== undefined)
      errors.push({ field: 'vlanId', message: t('A VLAN applies to Localnet networks only.') });
  }
};

const validateGateways = (
  ips: string[],
  subnets: (ParsedCIDR | undefined)[],
  infra: (ParsedCIDR | undefined)[],
  errors: FieldError[],
): void => {
  if (!ips.length) return;
  const families = new Set<number>();
  ips.forEach((text, i) => {
    const field = `defaultGatewayIPs[${i}]`;
    const a = parseAddress(text);
    if (isProblem(a)) {
      errors.push(
        withLabel(field, t('Gateway IP'), { ...a, params: { ...a.params, value: text } }),
      );
      return;
    }
    if (families.has(a.family))
      errors.push({
        field,
        message: t('Only one IPv{{family}} gateway is allowed.'),
        params: { family: a.family },
      });
    families.add(a.family);
    if (!subnets.some((p) => p && containsAddress(p, a))) {
      errors.push({
        field,
        message: t('Gateway IP {{value}} must lie inside one of the subnets.'),
        params: { value: text },
      });
    } else if (infra.length && !infra.some((p) => p && containsAddress(p, a))) {
      errors.push({
        field,
        message: t('Gateway IP {{value}} must lie inside the infrastructure subnets.'),
        params: { value: text },
      });
    }
  });
  if (ips.length !== subnets.length) {
    errors.push({
      field: 'defaultGatewayIPs',
      message: t('Give one gateway IP per subnet (per IP family), or none.'),
    });
  }
};

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? [...list] : undefined);

const ipamOf = (s: NetworkFormState) => {
  if (s.ipamMode === 'Disabled') return { mode: 'Disabled' as const };
  return s.persistentIPs ? { lifecycle: 'Persistent' as const } : undefined;
};

/** The `layer2` / `layer3` / `localnet` object; fields the target lacks are never written. */
export const topologyConfig = (
  s: NetworkFormState,
  ctx: WizardContext,
): Layer2Config | Layer3Config | LocalnetConfig => {
  const clean = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const cidrs = nonEmpty(s.subnets.map((x) => x.cidr));
  if (s.topology === 'Layer3') {
    return clean<Layer3Config>({
      role: s.role,
      subnets: s.subnets.map((x) => clean({ cidr: x.cidr, hostSubnet: x.hostSubnet })),
      joinSubnets: s.role === 'Primary' ? nonEmpty(s.joinSubnets) : undefined,
      mtu: s.mtu,
    });
  }
  if (s.topology === 'Localnet') {
    return clean<LocalnetConfig>({
      role: 'Secondary',
      physicalNetworkName: s.physicalNetworkName,
      subnets: s.ipamMode === 'Enabled' ? cidrs : undefined,
      excludeSubnets: nonEmpty(s.excludeSubnets),
      ipam: ipamOf(s),
      mtu: s.mtu,
      vlan: s.vlanId !== undefined ? { mode: 'Access', access: { id: s.vlanId } } : undefined,
    });
  }
  const pre = featuresOf(ctx.target).preconfiguredUDNAddresses && s.role === 'Primary';
  return clean<Layer2Config>({
    role: s.role,
    subnets: s.ipamMode === 'Enabled' ? cidrs : undefined,
    joinSubnets: s.role === 'Primary' ? nonEmpty(s.joinSubnets) : undefined,
    mtu: s.mtu,
    ipam: ipamOf(s),
    reservedSubnets: pre ? nonEmpty(s.reservedSubnets) : undefined,
    infrastructureSubnets: pre ? nonEmpty(s.infrastructureSubnets) : undefined,
    defaultGatewayIPs: pre ? nonEmpty(s.defaultGatewayIPs) : undefined,
  });
};

export const topologyKey = (t: Topology): 'layer2' | 'layer3' | 'localnet' =>
  t === 'Layer2' ? 'layer2' : t === 'Layer3' ? 'layer3' : 'localnet';

/** Back from a spec's topology + config object into form state. */
export const networkStateFrom = (
  topology: Topology,
  config: Record<string, unknown> | undefined,
): NetworkFormState => {
  const s = defaultNetworkState();
  const c = (config ?? {}) as Record<string, unknown> & {
    role?: Role;
    subnets?: (string | SubnetEntry)[];
    ipam?: { mode?: 'Enabled' | 'Disabled'; lifecycle?: string };
    mtu?: number;
    vlan?: { access?: { id?: number } };
  };
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return {
    ...s,
    topology,
    role: c.role ?? (topology === 'Localnet' ? 'Secondary' : s.role),
    subnets: (c.subnets ?? []).map((x) =>
      typeof x === 'string' ? { cidr: x } : { cidr: x.cidr, hostSubnet: x.hostSubnet },
    ),
    ipamMode: c.ipam?.mode === 'Disabled' ? 'Disabled' : 'Enabled',
    persistentIPs: c.ipam?.lifecycle === 'Persistent',
    mtu: typeof c.mtu === 'number' ? c.mtu : undefined,
    joinSubnets: strings(c.joinSubnets),
    reservedSubnets: strings(c.reservedSubnets),
    infrastructureSubnets: strings(c.infrastructureSubnets),
    defaultGatewayIPs: strings(c.defaultGatewayIPs),
    physicalNetworkName: typeof c.physicalNetworkName === 'string' ? c.physicalNetworkName : '',
    vlanId: c.vlan?.access?.id,
    excludeSubnets: strings(c.excludeSubnets),
  };
};
