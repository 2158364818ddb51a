/**
 * The virt-launcher pod annotations that tell what Multus and OVN-Kubernetes actually attached:
 * `k8s.v1.cni.cncf.io/network-status`, `k8s.v1.cni.cncf.io/networks`, `k8s.ovn.org/pod-networks`.
 * Each reader returns undefined when the annotation is absent, else a ParseResult.
 */
import type { K8sObject } from '../k8s/types';
import { isParseError, isRecord, parseJson, textOf, type ParseResult } from './parse-result';
import { bool, num, record, records, str, strings, type Issues } from './shape';

export const NETWORK_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/network-status';
export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
export const OVN_POD_NETWORKS_ANNOTATION = 'k8s.ovn.org/pod-networks';

export interface NetworkStatusEntry {
  /** `ovn-kubernetes` for the cluster network (and the primary UDN), `<ns>/<nad>` otherwise. */
  name: string;
  interface?: string;
  ips?: string[];
  mac?: string;
  mtu?: number;
  default?: boolean;
  gateway?: string[];
  dns?: Record<string, unknown>;
  'device-info'?: Record<string, unknown>;
}

export interface NetworkSelectionElement {
  name: string;
  namespace?: string;
  interface?: string;
  mac?: string;
  ips?: string[];
  'default-route'?: string[];
  'cni-args'?: Record<string, unknown>;
  'ipam-claim-reference'?: string;
}

export type OvnRole = 'primary' | 'secondary' | 'infrastructure-locked';

export interface OvnPodNetwork {
  ip_addresses?: string[] | null;
  mac_address?: string;
  gateway_ips?: string[];
  routes?: { dest: string; nextHop: string }[];
  ip_address?: string;
  gateway_ip?: string;
  role?: OvnRole | string;
  tunnel_id?: number;
}

const annotation = (obj: K8sObject | undefined, key: string): unknown => {
  const annotations = obj?.metadata?.annotations as unknown;
  return isRecord(annotations) ? annotations[key] : undefined;
};

/** Keeps the typed fields of one entry; wrong-typed fields are left out and named in `issues`. */
const networkStatusEntry = (
  e: Record<string, unknown>,
  i: number,
  issues: Issues,
): NetworkStatusEntry | undefined => {
  const at = `[${i}]`;
  const name = str(e.name, `${at}.name`, issues);
  if (name === undefined) {
    if (e.name === undefined) issues.push(`${at}: has no name`);
    return undefined;
  }
  const out: NetworkStatusEntry = { name };
  const iface = str(e.interface, `${at}.interface`, issues);
  if (iface !== undefined) out.interface = iface;
  const ips = strings(e.ips, `${at}.ips`, issues);
  if (ips !== undefined) out.ips = ips;
  const mac = str(e.mac, `${at}.mac`, issues);
  if (mac !== undefined) out.mac = mac;
  const mtu = num(e.mtu, `${at}.mtu`, issues);
  if (mtu !== undefined) out.mtu = mtu;
  const isDefault = bool(e.default, `${at}.default`, issues);
  if (isDefault !== undefined) out.default = isDefault;
  const gateway = strings(e.gateway, `${at}.gateway`, issues);
  if (gateway !== undefined) out.gateway = gateway;
  const dns = record(e.dns, `${at}.dns`, issues);
  if (dns) out.dns = dns;
  const deviceInfo = record(e['device-info'], `${at}.device-info`, issues);
  if (deviceInfo) out['device-info'] = deviceInfo;
  return out;
};

/** Reads a JSON list and keeps its well-shaped entries; a non-list is an error of the whole value. */
const parseList = <T>(
  raw: string,
  shape: string,
  entry: (e: Record<string, unknown>, i: number, issues: Issues) => T | undefined,
): ParseResult<T[]> => {
  const r = parseJson<unknown[]>(raw, Array.isArray, shape);
  if (isParseError(r)) return r;
  const issues: Issues = [];
  const value: T[] = [];
  r.value.forEach((e, i) => {
    if (!isRecord(e)) {
      issues.push(`[${i}]: expected an object, got ${e === null ? 'null' : typeof e}`);
      return;
    }
    const v = entry(e, i, issues);
    if (v !== undefined) value.push(v);
  });
  return issues.length ? { value, raw, issues } : { value, raw };
};

export const parseNetworkStatus = (
  pod: K8sObject | undefined,
): ParseResult<NetworkStatusEntry[]> | undefined => {
  const raw = annotation(pod, NETWORK_STATUS_ANNOTATION);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return { error: 'expected a string annotation', raw: textOf(raw) };
  return parseList(raw, 'a JSON list of {name, interface, …}', networkStatusEntry);
};

const selectionElement = (
  e: Record<string, unknown>,
  i: number,
  issues: Issues,
): NetworkSelectionElement | undefined => {
  const at = `[${i}]`;
  const name = str(e.name, `${at}.name`, issues);
  if (name === undefined) {
    if (e.name === undefined) issues.push(`${at}: has no name`);
    return undefined;
  }
  const out: NetworkSelectionElement = { ...(e as object), name } as NetworkSelectionElement;
  for (const key of ['namespace', 'interface', 'mac', 'ipam-claim-reference'] as const) {
    if (out[key] !== undefined && typeof out[key] !== 'string') {
      str(out[key], `${at}.${key}`, issues);
      delete out[key];
    }
  }
  for (const key of ['ips', 'default-route'] as const) {
    if (out[key] !== undefined) {
      const list = strings(out[key], `${at}.${key}`, issues);
      if (list === undefined) delete out[key];
      else out[key] = list;
    }
  }
  return out;
};
/** Multus also accepts the text form `[ns/]nad[@ifname], …`; it is turned into selection elements. */
const parseNetworksText = (raw: string): ParseResult<NetworkSelectionElement[]> => {
  const out: NetworkSelectionElement[] = [];
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(?:([a-z0-9.-]+)\/)?([a-z0-9.-]+)(?:@([^\s@/]+))?$/.exec(part);
    if (!m) return { error: `not a network reference: "${part}"`, raw };
    out.push({
      name: m[2],
      ...(m[1] ? { namespace: m[1] } : {}),
      ...(m[3] ? { interface: m[3] } : {}),
    });
  }
  return { value: out, raw };
};

export const parseNetworksAnnotation = (
  obj: K8sObject | undefined,
): ParseResult<NetworkSelectionElement[]> | undefined => {
  const raw = annotation(obj, NETWORKS_ANNOTATION);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return { error: 'expected a string annotation', raw: textOf(raw) };
  if (raw.trim().startsWith('['))
    return parseList(raw, 'a JSON list of {name, …}', selectionElement);
  return parseNetworksText(raw);
};

const ovnPodNetwork = (e: Record<string, unknown>, key: string, issues: Issues): OvnPodNetwork => {
  const at = `${key}`;
  const out: OvnPodNetwork = {};
  if (e.ip_addresses === null) out.ip_addresses = null;
  else {
    const ips = strings(e.ip_addresses, `${at}.ip_addresses`, issues);
    if (ips !== undefined) out.ip_addresses = ips;
  }
  const mac = str(e.mac_address, `${at}.mac_address`, issues);
  if (mac !== undefined) out.mac_address = mac;
  const gws = strings(e.gateway_ips, `${at}.gateway_ips`, issues);
  if (gws !== undefined) out.gateway_ips = gws;
  const ip = str(e.ip_address, `${at}.ip_address`, issues);
  if (ip !== undefined) out.ip_address = ip;
  const gw = str(e.gateway_ip, `${at}.gateway_ip`, issues);
  if (gw !== undefined) out.gateway_ip = gw;
  const role = str(e.role, `${at}.role`, issues);
  if (role !== undefined) out.role = role;
  const tunnel = num(e.tunnel_id, `${at}.tunnel_id`, issues);
  if (tunnel !== undefined) out.tunnel_id = tunnel;
  const routes = records(e.routes, `${at}.routes`, issues);
  if (routes)
    out.routes = routes
      .filter((r) => typeof r.dest === 'string' && typeof r.nextHop === 'string')
      .map((r) => ({ dest: r.dest as string, nextHop: r.nextHop as string }));
  return out;
};

export const parseOvnPodNetworks = (
  pod: K8sObject | undefined,
): ParseResult<Record<string, OvnPodNetwork>> | undefined => {
  const raw = annotation(pod, OVN_POD_NETWORKS_ANNOTATION);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return { error: 'expected a string annotation', raw: textOf(raw) };
  const r = parseJson<Record<string, unknown>>(raw, isRecord, 'a JSON object keyed by network');
  if (isParseError(r)) return r;
  const issues: Issues = [];
  const value: Record<string, OvnPodNetwork> = {};
  for (const [key, e] of Object.entries(r.value)) {
    if (!isRecord(e)) {
      issues.push(`${key}: expected an object`);
      continue;
    }
    value[key] = ovnPodNetwork(e, key, issues);
  }
  return issues.length ? { value, raw, issues } : { value, raw };
};

/** OVN lists addresses in `ip_addresses`; old annotations only carry the single `ip_address`. */
export const ovnAddressesOf = (entry: OvnPodNetwork | undefined): string[] => {
  if (!entry) return [];
  if (Array.isArray(entry.ip_addresses) && entry.ip_addresses.length) return entry.ip_addresses;
  return typeof entry.ip_address === 'string' ? [entry.ip_address] : [];
};

export const ovnGatewaysOf = (entry: OvnPodNetwork | undefined): string[] => {
  if (!entry) return [];
  if (Array.isArray(entry.gateway_ips) && entry.gateway_ips.length) return entry.gateway_ips;
  return typeof entry.gateway_ip === 'string' ? [entry.gateway_ip] : [];
};
