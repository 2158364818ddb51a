/**
 * The virt-launcher pod annotations that tell what Multus and OVN-Kubernetes actually attached:
 * `k8s.v1.cni.cncf.io/network-status`, `k8s.v1.cni.cncf.io/networks`, `k8s.ovn.org/pod-networks`.
 * Each reader returns undefined when the annotation is absent, else a ParseResult.
 */
import type { K8sObject } from '../k8s/types';
import { isRecord, parseJson, type ParseResult } from './parse-result';

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

const annotation = (obj: K8sObject | undefined, key: string): string | undefined =>
  obj?.metadata?.annotations?.[key];

const listOfNamed = (v: unknown): boolean =>
  Array.isArray(v) && v.every((e) => isRecord(e) && typeof e.name === 'string');

export const parseNetworkStatus = (
  pod: K8sObject | undefined,
): ParseResult<NetworkStatusEntry[]> | undefined => {
  const raw = annotation(pod, NETWORK_STATUS_ANNOTATION);
  if (raw === undefined) return undefined;
  return parseJson(raw, listOfNamed, 'a JSON list of {name, interface, …}');
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
  if (raw.trim().startsWith('[')) return parseJson(raw, listOfNamed, 'a JSON list of {name, …}');
  return parseNetworksText(raw);
};

export const parseOvnPodNetworks = (
  pod: K8sObject | undefined,
): ParseResult<Record<string, OvnPodNetwork>> | undefined => {
  const raw = annotation(pod, OVN_POD_NETWORKS_ANNOTATION);
  if (raw === undefined) return undefined;
  return parseJson(
    raw,
    (v) => isRecord(v) && Object.values(v).every(isRecord),
    'a JSON object keyed by network',
  );
};

/** OVN lists addresses in `ip_addresses`; old annotations only carry the single `ip_address`. */
export const ovnAddressesOf = (entry: OvnPodNetwork | undefined): string[] => {
  if (!entry) return [];
  if (entry.ip_addresses && entry.ip_addresses.length) return entry.ip_addresses;
  return entry.ip_address ? [entry.ip_address] : [];
};

export const ovnGatewaysOf = (entry: OvnPodNetwork | undefined): string[] => {
  if (!entry) return [];
  if (entry.gateway_ips && entry.gateway_ips.length) return entry.gateway_ips;
  return entry.gateway_ip ? [entry.gateway_ip] : [];
};
