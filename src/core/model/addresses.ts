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

interface ParsedAddress {
  address: string;
  family: 4 | 6;
  linkLocal: boolean;
}

/**
 * Parsed addresses by their text: every render of the tab reads the same few dozen addresses, and
 * parsing them (ipaddr.js) was a sixth of the model's time. Bounded: emptied when it grows past
 * what one namespace's VMs report.
 */
const parsedAddresses = new Map<string, ParsedAddress | null>();
/**
 * The link-local ranges (RFC 3927, RFC 4291), as ipaddr.js's `range()` names them 'linkLocal';
 * matched directly: `range()` tries every special range it knows, the most of a cold parse.
 */
const LINK_LOCAL_V4 = ipaddr.parseCIDR('169.254.0.0/16');
const LINK_LOCAL_V6 = ipaddr.parseCIDR('fe80::/10');
const PARSED_ADDRESSES_MAX = 4096;

const parseAddress = (text: string): ParsedAddress | null => {
  let parsed = parsedAddresses.get(text);
  if (parsed !== undefined) return parsed;
  if (ipaddr.isValid(text)) {
    const ip = ipaddr.parse(text);
    parsed = {
      address: ip.toString(),
      family: ip.kind() === 'ipv4' ? 4 : 6,
      linkLocal:
        ip.kind() === 'ipv4'
          ? (ip as ipaddr.IPv4).match(LINK_LOCAL_V4 as [ipaddr.IPv4, number])
          : (ip as ipaddr.IPv6).match(LINK_LOCAL_V6 as [ipaddr.IPv6, number]),
    };
  } else parsed = null;
  if (parsedAddresses.size >= PARSED_ADDRESSES_MAX) parsedAddresses.clear();
  parsedAddresses.set(text, parsed);
  return parsed;
};

export const ipFact = (
  value: string,
  source: IpSource,
  evidence?: Evidence,
): IpFact | undefined => {
  if (typeof value !== 'string') return undefined;
  const { address, prefixLength } = splitCidr(value.trim());
  const parsed = parseAddress(address);
  if (!parsed) return undefined;
  const fact: IpFact = {
    address: parsed.address,
    family: parsed.family,
    source,
    linkLocal: parsed.linkLocal,
  };
  if (prefixLength !== undefined) fact.prefixLength = prefixLength;
  if (evidence) fact.evidence = evidence;
  return fact;
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
