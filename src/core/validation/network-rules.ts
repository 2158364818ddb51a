/**
 * Cluster-level rules for a network's subnets, VLAN, MTU and physical network name
 * (../shared/notes/api-facts.md §1, field-examples.md §4).
 */
import { checkCIDRList, containsCIDR, isProblem, overlaps, ParsedCIDR, parseCIDRText } from './net';
import { withLabel, type FieldError, type MessageRef } from './types';

/** Marks English i18next keys for i18next-parser; translates nothing (see format.ts). */
const t = <S extends string>(key: S): S => key;

export interface ClusterNetworks {
  /** `network.config.openshift.io/cluster` status.clusterNetwork[].cidr. */
  clusterNetwork?: string[];
  /** status.serviceNetwork. */
  serviceNetwork?: string[];
  /** OVN-K internal join subnet (gatewayConfig/ovnKubernetesConfig.v4InternalSubnet). */
  joinSubnet?: string[];
  /** gatewayConfig.ipv4/ipv6.internalMasqueradeSubnet. */
  masqueradeSubnet?: string[];
}

/** OpenShift defaults, used when the cluster's own values are unknown. */
export const OPENSHIFT_DEFAULT_NETWORKS: Required<ClusterNetworks> = {
  clusterNetwork: ['10.128.0.0/14', 'fd01::/48'],
  serviceNetwork: ['172.30.0.0/16', 'fd02::/112'],
  joinSubnet: ['100.64.0.0/16', 'fd98::/64'],
  masqueradeSubnet: ['169.254.0.0/17', 'fd69::/112'],
};

/** Default join subnet of a primary UDN (types.UserDefinedPrimaryNetworkJoinSubnetV4/V6). */
export const UDN_DEFAULT_JOIN_SUBNETS = ['100.65.0.0/16', 'fd99::/64'];

export interface OtherNetwork {
  /** How the person knows it, e.g. `NAD blue` or `UDN tenant-a` (a key when it is wording). */
  name: string | MessageRef;
  subnets: string[];
}

interface Reserved {
  /** An English key, e.g. t('the cluster network'). */
  what: string;
  cidr: ParsedCIDR;
}

const parseAll = (list: string[] | undefined): ParsedCIDR[] =>
  (list ?? []).map(parseCIDRText).filter((p): p is ParsedCIDR => !isProblem(p));

export const reservedRanges = (
  cluster: ClusterNetworks | undefined,
  opts: { primary: boolean; joinSubnets?: string[] },
): Reserved[] => {
  const d = OPENSHIFT_DEFAULT_NETWORKS;
  const c = {
    clusterNetwork: cluster?.clusterNetwork ?? d.clusterNetwork,
    serviceNetwork: cluster?.serviceNetwork ?? d.serviceNetwork,
    joinSubnet: cluster?.joinSubnet ?? d.joinSubnet,
    masqueradeSubnet: cluster?.masqueradeSubnet ?? d.masqueradeSubnet,
  };
  const out: Reserved[] = [
    ...parseAll(c.clusterNetwork).map((cidr) => ({ what: t('the cluster network'), cidr })),
    ...parseAll(c.serviceNetwork).map((cidr) => ({ what: t('the service network'), cidr })),
    ...parseAll(c.joinSubnet).map((cidr) => ({ what: t('the OVN-Kubernetes join subnet'), cidr })),
    ...parseAll(c.masqueradeSubnet).map((cidr) => ({ what: t('the masquerade subnet'), cidr })),
  ];
  if (opts.primary) {
    const join = opts.joinSubnets?.length ? opts.joinSubnets : UDN_DEFAULT_JOIN_SUBNETS;
    out.push(...parseAll(join).map((cidr) => ({ what: t("this network's join subnet"), cidr })));
  }
  return out;
};

/** Subnets must not overlap the cluster's own ranges or the other networks of the namespace. */
export const checkOverlaps = (
  field: string,
  label: string,
  parsed: (ParsedCIDR | undefined)[],
  reserved: Reserved[],
  others: OtherNetwork[],
  errors: FieldError[],
): void => {
  parsed.forEach((p, i) => {
    if (!p) return;
    const hit = reserved.find((r) => overlaps(r.cidr, p));
    if (hit) {
      errors.push(
        withLabel(`${field}[${i}]`, label, {
          message: t('{{label}} {{value}} overlaps {{what}} ({{cidr}}).'),
          params: { value: p.text, what: { key: hit.what }, cidr: hit.cidr.text },
        }),
      );
      return;
    }
    for (const o of others) {
      const clash = parseAll(o.subnets).find((s) => overlaps(s, p));
      if (clash) {
        errors.push(
          withLabel(`${field}[${i}]`, label, {
            message: t('{{label}} {{value}} overlaps {{cidr}} of {{network}}.'),
            params: { value: p.text, cidr: clash.text, network: o.name },
          }),
        );
        return;
      }
    }
  });
};

/** Each entry of `inner` must lie inside one of `outer` (exclude/reserved/infrastructure subnets). */
export const checkInside = (
  field: string,
  label: string,
  inner: (ParsedCIDR | undefined)[],
  outer: (ParsedCIDR | undefined)[],
  errors: FieldError[],
): void => {
  const outs = outer.filter((o): o is ParsedCIDR => !!o);
  inner.forEach((p, i) => {
    if (p && !outs.some((o) => containsCIDR(o, p))) {
      errors.push(
        withLabel(`${field}[${i}]`, label, {
          message: t('{{label}} {{value}} must lie inside one of the subnets.'),
          params: { value: p.text },
        }),
      );
    }
  });
};

export const checkVlan = (field: string, vlan: number | undefined, errors: FieldError[]): void => {
  if (vlan === undefined) return;
  if (!Number.isInteger(vlan) || vlan < 1 || vlan > 4094) {
    errors.push({ field, message: t('VLAN ID must be a whole number from 1 to 4094.') });
  }
};

export const MTU_MIN = 576;
export const MTU_MIN_IPV6 = 1280;
export const MTU_MAX = 65536;
export const LOCALNET_DEFAULT_MTU = 1500;

export const checkMtu = (
  field: string,
  mtu: number | undefined,
  ipv6: boolean,
  errors: FieldError[],
): void => {
  if (mtu === undefined) return;
  if (!Number.isInteger(mtu) || mtu < MTU_MIN || mtu > MTU_MAX) {
    errors.push({
      field,
      message: t('MTU must be a whole number from {{min}} to {{max}}.'),
      params: { min: MTU_MIN, max: MTU_MAX },
    });
  } else if (ipv6 && mtu < MTU_MIN_IPV6) {
    errors.push({
      field,
      message: t('MTU must be at least {{min}} when an IPv6 subnet is used.'),
      params: { min: MTU_MIN_IPV6 },
    });
  }
};

export const checkPhysicalNetworkName = (
  field: string,
  value: string,
  errors: FieldError[],
): void => {
  if (value === '') errors.push({ field, message: t('Physical network name is required.') });
  else if (/[,:]/.test(value))
    errors.push({ field, message: t("Physical network name cannot contain ',' or ':'.") });
  else if (value.length > 253)
    errors.push({ field, message: t('Physical network name must be at most 253 characters.') });
  else if (/\s/.test(value))
    errors.push({ field, message: t('Physical network name must not contain spaces.') });
};

/** Layer3: the per-node host subnet must be longer than the CIDR's prefix and, for IPv4, under /32. */
export const checkHostSubnet = (
  field: string,
  cidr: ParsedCIDR | undefined,
  hostSubnet: number | undefined,
  errors: FieldError[],
): void => {
  if (hostSubnet === undefined) return;
  if (!Number.isInteger(hostSubnet) || hostSubnet < 1 || hostSubnet > 127) {
    errors.push({ field, message: t('Host subnet must be a prefix length from 1 to 127.') });
    return;
  }
  if (!cidr) return;
  if (hostSubnet <= cidr.bits) {
    errors.push({
      field,
      message: t("Host subnet /{{hostSubnet}} must be longer than the subnet's /{{bits}}."),
      params: { hostSubnet, bits: cidr.bits },
    });
  } else if (cidr.family === 4 && hostSubnet >= 32) {
    errors.push({ field, message: t('Host subnet must be shorter than /32 for IPv4.') });
  } else if (cidr.family === 6 && hostSubnet > 128) {
    errors.push({ field, message: t('Host subnet must be at most /128 for IPv6.') });
  }
};

export { checkCIDRList };
