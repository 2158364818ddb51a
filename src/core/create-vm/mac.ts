/** MAC addresses of VM NICs: format, unicast, locally administered, unique in the namespace. */
import type { VirtualMachine } from '../k8s/types';
import type { Message } from '../model/messages';
import { PLAN_MESSAGES as M, pmsg } from './messages';

// KubeVirt accepts `:` or `-` separators (de:ad:00:00:be:af, DE-AD-…), one kind per address.
const MAC = /^[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}$/;

/** `de-AD-00-…` → `de:ad:00:…`; undefined when it is not a MAC address. */
export const normalizeMac = (mac: string): string | undefined =>
  MAC.test(mac.trim()) ? mac.trim().toLowerCase().replace(/-/g, ':') : undefined;

/** Every configured MAC of the VMs, normalized, with `<vm>/<interface>` as its owner. */
export const macsInUse = (vms: VirtualMachine[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const vm of vms) {
    for (const iface of vm.spec?.template?.spec?.domain?.devices?.interfaces ?? []) {
      const mac = iface.macAddress ? normalizeMac(iface.macAddress) : undefined;
      if (mac && !out.has(mac)) out.set(mac, `${vm.metadata?.name ?? ''}/${iface.name}`);
    }
  }
  return out;
};

export interface MacCheck {
  errors: Message[];
  warnings: Message[];
}

export const checkMac = (mac: string, inUse: Map<string, string> = new Map()): MacCheck => {
  const errors: Message[] = [];
  const warnings: Message[] = [];
  const normal = normalizeMac(mac);
  if (!normal) return { errors: [pmsg(M.macFormat)], warnings };
  const first = parseInt(normal.slice(0, 2), 16);
  if (normal === '00:00:00:00:00:00') errors.push(pmsg(M.macZero));
  else if (first & 1) errors.push(pmsg(M.macMulticast, { mac: normal }));
  else if (!(first & 2)) warnings.push(pmsg(M.macNotLocal, { mac: normal }));
  const owner = inUse.get(normal);
  if (owner) errors.push(pmsg(M.macDuplicate, { mac: normal, owner }));
  return { errors, warnings };
};
