/**
 * A policy for one secondary NIC of a VM being created, from the wizard's starting points: it
 * targets the NIC's network (policy-for) and selects the VM by `vm.kubevirt.io/name`.
 */
import { applyStartingPoint, defaultMNPState, type MNPFormState } from './mnp';

export interface VMPolicyDraft {
  /** The VM interface the policy is for. */
  interfaceName: string;
  /** Isolate ingress: deny every incoming connection the rules below do not allow. */
  denyAll: boolean;
  /** Isolate egress too (ALL outgoing traffic blocked but what the rules allow); only when chosen. */
  isolateEgress: boolean;
  /** Gateway address to allow both ways; empty: none. */
  gateway: string;
  dhcp: boolean;
  /** A CIDR to allow both ways; empty: none. */
  cidr: string;
  /** Another VM's address on this network to allow in; empty: none. */
  fromVmIp: string;
}

export const defaultVMPolicyDraft = (interfaceName: string, gateway = ''): VMPolicyDraft => ({
  interfaceName,
  denyAll: true,
  isolateEgress: false,
  gateway,
  dhcp: false,
  cidr: '',
  fromVmIp: '',
});

/** DNS-1123 subdomain built from the VM and interface names. */
export const vmPolicyName = (vmName: string, interfaceName: string): string =>
  `${vmName}-${interfaceName}-policy`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, 253)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');

export const vmPolicyState = (
  draft: VMPolicyDraft,
  vm: { name: string; namespace: string },
  /** The NIC's network as written in `policy-for`: `nad` or `namespace/nad`. */
  network: string,
): MNPFormState => {
  let s: MNPFormState = {
    ...defaultMNPState(vm.namespace),
    name: vmPolicyName(vm.name, draft.interfaceName),
    networks: [network],
    target: { mode: 'vms', vmNames: [vm.name] },
  };
  // Egress is isolated only when the user asks for it: a default that silently cut all egress
  // (DNS, updates, the gateway) would break the VM without saying so.
  if (draft.denyAll) s = applyStartingPoint(s, draft.isolateEgress ? 'deny-all' : 'deny-ingress');
  if (draft.gateway.trim()) {
    s = applyStartingPoint(s, 'allow-gateway', { gateways: [draft.gateway.trim()] });
  }
  if (draft.dhcp) s = applyStartingPoint(s, 'allow-dhcp');
  if (draft.cidr.trim()) s = applyStartingPoint(s, 'allow-cidr', { cidr: draft.cidr.trim() });
  if (draft.fromVmIp.trim()) {
    s = applyStartingPoint(s, 'allow-from-vm', { vmIp: draft.fromVmIp.trim() });
  }
  return s;
};
