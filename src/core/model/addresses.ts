/** IP address facts: link-local addresses kept apart, first-host gateways, prefix handling. */
import ipaddr from 'ipaddr.js';

import type { Evidence } from './types';

/**
 * Who reported an address: a VMI status `infoSource` (guest-agent, domain, multus-status), the
 * instance without naming a source (`instance`), or a launcher pod annotation.
 */
export type IpSource =
  | 'guest-agent'
  | 'multus-status'
  | 'domain'
  | 'instance'
  | 'pod-annotation'
  | 'pod-status'
  | 'spec';

export interface IpFact {
  /** Without prefix length. */
  address: string;
  /** When the reporter gave one (old KubeVirt, OVN annotations). */
  prefixLength?: number;
  family: 4 | 6;
  source: IpSource;
  linkLocal: boolean;
  /** The object and field it was read from. */
  evidence?: Evidence;
}

export const splitCidr = (value: string): { address: string; prefixLength?: number } => {
  const slash = value.indexOf('/');
  if (slash < 0) return { address: value };
  const prefix = Number(value.slice(slash + 1));
  return {
    address: value.slice(0, slash),
    prefixLength: Number.isFinite(prefix) ? prefix : undefined,
  };
};

export const ipFact = (
  value: string,
  source: IpSource,
  evidence?: Evidence,
): IpFact | undefined => {
  if (typeof value !== 'string') return undefined;
  const { address, prefixLength } = splitCidr(value.trim());
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  return {
    address: parsed.toString(),
    ...(prefixLength !== undefined ? { prefixLength } : {}),
    family: parsed.kind() === 'ipv4' ? 4 : 6,
    source,
    linkLocal: parsed.range() === 'linkLocal',
    ...(evidence ? { evidence } : {}),
  };
};

/** OVN-Kubernetes' default gateway on a layer2 primary network: the first host of each subnet. */
export const firstHostOf = (cidr: string): string | undefined => {
  try {
    const [network, prefix] = ipaddr.parseCIDR(cidr);
    const bytes = network.toByteArray();
    const bits = bytes.length * 8;
    if (prefix >= bits - 1) return undefined;
    // Zero the host bits, then add one.
    for (let i = 0; i < bytes.length; i++) {
      const keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (0xff << (8 - keep)) & 0xff;
    }
    bytes[bytes.length - 1] += 1;
    return ipaddr.fromByteArray(bytes).toString();
  } catch {
    return undefined;
  }
};

export const sameAddress = (a: string, b: string): boolean => {
  try {
    return (
      ipaddr.parse(splitCidr(a).address).toString() ===
      ipaddr.parse(splitCidr(b).address).toString()
    );
  } catch {
    return a === b;
  }
};
