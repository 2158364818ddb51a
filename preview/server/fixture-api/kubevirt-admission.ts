/**
 * KubeVirt's validating admission for the network fields of a VirtualMachine, so the fixture API
 * refuses what a cluster refuses, with the same status, causes and messages.
 *
 * Read from kubevirt/kubevirt (not copied): pkg/network/admitter/{validator,netsource,binding,
 * netiface,admit}.go, the VM admitter (pkg/virt-api/webhooks/validating-webhook/admitters/
 * vms-admitter.go validates `spec.template.spec` on CREATE and UPDATE), pkg/util/webhooks
 * ToAdmissionResponse (422 Invalid, the causes' messages joined with ", ", at most 10 causes) and
 * the apiserver's webhook error (`admission webhook "<name>" denied the request: <message>`).
 *
 * Left out on purpose: checks that depend on the cluster's KubeVirt configuration (bridge on the pod
 * network is permitted by default; slirp, macvtap, passt and DRA are feature-gated), ports and PCI
 * addresses (the plugin writes neither).
 */
import type { ResourceType } from './resources';
import { ApiError, type StatusCause } from './status';

export const VM_WEBHOOK = 'virtualmachine-validator.kubevirt.io';
const MAX_CAUSES = 10;

interface Iface {
  name?: string;
  model?: string;
  macAddress?: string;
  state?: string;
  binding?: { name?: string } | null;
  bridge?: object | null;
  masquerade?: object | null;
  sriov?: object | null;
  passtBinding?: object | null;
}

interface Network {
  name?: string;
  pod?: object | null;
  multus?: { networkName?: string; default?: boolean } | null;
}

const has = (v: unknown) => v !== undefined && v !== null;
/** Go's `%q` for the plain names these messages quote. */
const q = (s: string | undefined) => JSON.stringify(s ?? '');

const VALID_MODELS = new Set(['e1000', 'e1000e', 'igb', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio']);
const INTERFACE_NAME = /^[A-Za-z0-9-_]+$/;
const RESERVED_MAC = '02:00:00:00:00:00';

/**
 * Go's net.ParseMAC: byte length of `s`, or undefined when malformed. Accepts 6, 8 or 20 bytes as
 * pairs separated by one kind of `:` or `-`, or as groups of four hex digits separated by `.`.
 */
export const parseMacLength = (s: string): number | undefined => {
  if (s.length < 14) return undefined;
  const hex = (x: string) => /^[0-9A-Fa-f]+$/.test(x);
  const okLength = (n: number) => n === 6 || n === 8 || n === 20;
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return undefined;
    const n = (s.length + 1) / 3;
    if (!okLength(n)) return undefined;
    for (let i = 0; i < n; i++) {
      const at = i * 3;
      if (!hex(s.slice(at, at + 2))) return undefined;
      if (i < n - 1 && s[at + 2] !== s[2]) return undefined;
    }
    return n;
  }
  if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return undefined;
    const n = (2 * (s.length + 1)) / 5;
    if (!okLength(n)) return undefined;
    for (let i = 0; i < n / 2; i++) {
      const at = i * 5;
      if (!hex(s.slice(at, at + 4))) return undefined;
      if (i < n / 2 - 1 && s[at + 4] !== '.') return undefined;
    }
    return n;
  }
  return undefined;
};

/** The causes KubeVirt's network validator reports for a VMI spec at `field` (in its order). */
export const networkCauses = (spec: unknown, field = 'spec.template.spec'): StatusCause[] => {
  const s = (spec ?? {}) as {
    networks?: Network[];
    domain?: { devices?: { interfaces?: Iface[] } };
  };
  const networks: Network[] = Array.isArray(s.networks) ? s.networks : [];
  const interfaces: Iface[] = Array.isArray(s.domain?.devices?.interfaces)
    ? s.domain!.devices!.interfaces!
    : [];
  const out: StatusCause[] = [];
  const add = (reason: string, message: string, at: string) =>
    out.push({ reason, message, field: at });
  const net = (i: number) => `${field}.networks[${i}]`;
  const ifc = (i: number) => `${field}.domain.devices.interfaces[${i}]`;
  const networkByName = new Map<string, Network>();
  for (const n of networks)
    if (n && !networkByName.has(n.name ?? '')) networkByName.set(n.name ?? '', n);
  const interfaceNames = new Set(interfaces.map((i) => i?.name ?? ''));
  const networkNames = new Set(networks.map((n) => n?.name ?? ''));

  // One pod network; Multus default networks (netsource.go).
  const pods = networks.filter((n) => has(n?.pod));
  const multusDefaults = networks.filter((n) => has(n?.multus) && n.multus?.default);
  if (pods.length > 1) {
    add(
      'FieldValueDuplicate',
      `more than one interface is connected to a pod network in ${field}.interfaces`,
      `${field}.interfaces`,
    );
  }
  if (multusDefaults.length > 1) {
    add(
      'FieldValueInvalid',
      'Multus CNI should only have one default network',
      `${field}.networks`,
    );
  }
  if (pods.length && multusDefaults.length) {
    add(
      'FieldValueInvalid',
      'Pod network cannot be defined when Multus default network is defined',
      `${field}.networks`,
    );
  }
  networks.forEach((n, i) => {
    if (!has(n?.pod) && !has(n?.multus))
      add('FieldValueRequired', 'should have a network type', net(i));
    else if (has(n?.pod) && has(n?.multus))
      add('FieldValueRequired', 'should have only one network type', net(i));
  });
  const noName = networks.findIndex((n) => has(n?.multus) && !n.multus?.networkName);
  if (noName >= 0) {
    add('FieldValueRequired', 'CNI delegating plugin must have a networkName', net(noName));
  }

  // Interface state (admit.go, KubeVirt 1.6+ which knows the link states up and down).
  const defaultNetwork = networks.find((n) => has(n?.pod) || n?.multus?.default);
  interfaces.forEach((iface, i) => {
    const state = iface?.state ?? '';
    if (state && !['absent', 'down', 'up'].includes(state)) {
      add(
        'FieldValueInvalid',
        `logical ${iface.name ?? ''} interface state value is unsupported: ${state}`,
        `${ifc(i)}.state`,
      );
    }
    if (has(iface?.sriov) && (state === 'down' || state === 'up')) {
      add(
        'FieldValueInvalid',
        `${q(iface.name)} interface's state ${q(state)} is not supported for SR-IOV NICs`,
        `${ifc(i)}.state`,
      );
    }
    if (state === 'absent' && !has(iface?.bridge)) {
      add(
        'FieldValueInvalid',
        `${q(iface.name)} interface's state ${q(state)} is supported only for bridge binding`,
        `${ifc(i)}.state`,
      );
    }
    if (state === 'absent' && defaultNetwork && defaultNetwork.name === iface.name) {
      add(
        'FieldValueInvalid',
        `${q(iface.name)} interface's state ${q(state)} is not supported on default networks`,
        `${ifc(i)}.state`,
      );
    }
  });

  // Bindings (binding.go).
  interfaces.forEach((iface, i) => {
    const method =
      has(iface?.bridge) || has(iface?.masquerade) || has(iface?.sriov) || has(iface?.passtBinding);
    if (has(iface?.binding) && method) {
      add(
        'FieldValueInvalid',
        `logical ${iface.name ?? ''} interface cannot have both binding plugin and interface binding method`,
        `${ifc(i)}.binding`,
      );
    }
    const network = networkByName.get(iface?.name ?? '');
    if (has(iface?.masquerade) && !has(network?.pod)) {
      add(
        'FieldValueInvalid',
        'Masquerade interface only implemented with pod network',
        `${ifc(i)}.name`,
      );
    }
    if (has(iface?.masquerade) && iface.macAddress === RESERVED_MAC) {
      add(
        'FieldValueInvalid',
        'The requested MAC address is reserved for the in-pod bridge. Please choose another one.',
        `${ifc(i)}.macAddress`,
      );
    }
  });

  // Names: unique, and every network has its interface and vice versa (netiface.go).
  const seenNetworks = new Set<string>();
  networks.forEach((n, i) => {
    const name = n?.name ?? '';
    if (seenNetworks.has(name)) {
      add(
        'FieldValueDuplicate',
        `Network with name ${q(name)} already exists, every network must have a unique name`,
        `${net(i)}.name`,
      );
    }
    seenNetworks.add(name);
  });
  networks.forEach((n, i) => {
    if (!interfaceNames.has(n?.name ?? '')) {
      add('FieldValueRequired', `${net(i)}.name '${n?.name ?? ''}' not found.`, `${net(i)}.name`);
    }
  });
  const seenInterfaces = new Set<string>();
  interfaces.forEach((iface, i) => {
    const name = iface?.name ?? '';
    if (seenInterfaces.has(name)) {
      add(
        'FieldValueDuplicate',
        'Only one interface can be connected to one specific network',
        `${ifc(i)}.name`,
      );
    }
    seenInterfaces.add(name);
  });
  interfaces.forEach((iface, i) => {
    if (!networkNames.has(iface?.name ?? '')) {
      add(
        'FieldValueInvalid',
        `${ifc(i)}.name '${iface?.name ?? ''}' not found.`,
        `${ifc(i)}.name`,
      );
    }
  });

  // Each interface's own fields.
  interfaces.forEach((iface, i) => {
    const name = iface?.name ?? '';
    if (!INTERFACE_NAME.test(name)) {
      add(
        'FieldValueInvalid',
        'Network interface name can only contain alphabetical characters, numbers, dashes (-) or underscores (_)',
        `${ifc(i)}.name`,
      );
    }
    if (iface?.model && !VALID_MODELS.has(iface.model)) {
      add(
        'FieldValueNotSupported',
        `interface ${ifc(i)}.name uses model ${iface.model} that is not supported.`,
        `${ifc(i)}.model`,
      );
    }
    if (iface?.macAddress) {
      const length = parseMacLength(iface.macAddress);
      if (length === undefined) {
        add(
          'FieldValueInvalid',
          `interface ${ifc(i)}.name has malformed MAC address (${iface.macAddress}).`,
          `${ifc(i)}.macAddress`,
        );
      } else if (length > 6) {
        add(
          'FieldValueInvalid',
          `interface ${ifc(i)}.name has MAC address (${iface.macAddress}) that is too long.`,
          `${ifc(i)}.macAddress`,
        );
      }
    }
  });
  return out;
};

/** The webhook's refusal as the apiserver returns it. */
export const webhookDenial = (webhook: string, causes: StatusCause[]): ApiError => {
  const shown = causes.slice(0, MAX_CAUSES);
  const more = causes.length - shown.length;
  const message =
    shown.map((c) => c.message).join(', ') +
    (more > 0 ? `, and ${more} more validation errors` : '');
  return new ApiError(
    422,
    'Invalid',
    `admission webhook ${q(webhook)} denied the request: ${message}`,
    {
      causes: shown,
    },
  );
};

/**
 * KubeVirt's admission for an object about to be stored (create, update, patch): the refusal, or
 * undefined when KubeVirt would let it through. A VM being deleted is let through, as KubeVirt does.
 */
export const kubevirtAdmission = (r: ResourceType, obj: unknown): ApiError | undefined => {
  if (r.group !== 'kubevirt.io' || r.kind !== 'VirtualMachine') return undefined;
  const vm = obj as {
    metadata?: { deletionTimestamp?: string };
    spec?: { template?: { spec?: unknown } };
  };
  if (vm?.metadata?.deletionTimestamp || !vm?.spec?.template) return undefined;
  const causes = networkCauses(vm.spec.template.spec ?? {});
  return causes.length ? webhookDenial(VM_WEBHOOK, causes) : undefined;
};
