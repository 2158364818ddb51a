/**
 * Attaching and detaching NICs on an existing VM as RFC 6902 JSON patches. Each patch starts with
 * `test` operations on exactly what it changes (the interfaces and networks lists, or the one
 * entry), so a change someone else made meanwhile makes the API server refuse the patch (422)
 * instead of having it overwritten. The resourceVersion is not tested by default: the VM
 * controller rewrites status (and so the resourceVersion) of a running VM all the time, which would
 * refuse patches for no reason; pass `{resourceVersion: true}` to be that strict.
 */
import type { V1Interface, V1Network } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VirtualMachine } from '../k8s/types';
import { bindingOf } from '../kubevirt/vm-spec';

export type PatchOp =
  { op: 'test' | 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

export const TEMPLATE_SPEC = '/spec/template/spec';
export const INTERFACES = `${TEMPLATE_SPEC}/domain/devices/interfaces`;
export const NETWORKS = `${TEMPLATE_SPEC}/networks`;
const AUTOATTACH = `${TEMPLATE_SPEC}/domain/devices/autoattachPodInterface`;

export interface GuardOptions {
  /** Also refuse when anything at all changed (see the module comment). */
  resourceVersion?: boolean;
}

export class PatchPlanError extends Error {
  constructor(
    readonly reason: 'interface-exists' | 'network-exists' | 'interface-missing',
    message: string,
  ) {
    super(message);
  }
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const guards = (vm: VirtualMachine, opts: GuardOptions): PatchOp[] => {
  const out: PatchOp[] = [];
  // The uid guards against a VM deleted and re-created under the same name.
  if (vm.metadata?.uid) out.push({ op: 'test', path: '/metadata/uid', value: vm.metadata.uid });
  if (opts.resourceVersion && vm.metadata?.resourceVersion) {
    out.push({ op: 'test', path: '/metadata/resourceVersion', value: vm.metadata.resourceVersion });
  }
  return out;
};

/** Ops that add `value` to the list at `path`, creating the list (and its parents) when missing. */
const appendTo = (vm: VirtualMachine, path: string, value: unknown): PatchOp[] => {
  const segments = path.split('/').slice(1);
  let node: unknown = vm;
  for (let i = 0; i < segments.length; i++) {
    const next = (node as Record<string, unknown> | undefined)?.[segments[i]];
    if (next === undefined || next === null) {
      // Build what is missing from here down, in one add (the parent exists).
      let v: unknown = [value];
      for (let j = segments.length - 1; j > i; j--) v = { [segments[j]]: v };
      const at = '/' + segments.slice(0, i + 1).join('/');
      return [{ op: 'add', path: at, value: v }];
    }
    node = next;
  }
  return [
    { op: 'test', path, value: clone(node) },
    { op: 'add', path: `${path}/-`, value },
  ];
};

export interface AttachRequest {
  iface: V1Interface;
  network: V1Network;
}

export const interfacesOf = (vm: VirtualMachine): V1Interface[] =>
  vm.spec?.template?.spec?.domain?.devices?.interfaces ?? [];
export const networksOf = (vm: VirtualMachine): V1Network[] =>
  vm.spec?.template?.spec?.networks ?? [];

/** Adds the interface and its network. */
export const attachPatch = (
  vm: VirtualMachine,
  { iface, network }: AttachRequest,
  opts: GuardOptions = {},
): PatchOp[] => {
  if (iface.name !== network.name) {
    throw new PatchPlanError('network-exists', 'The interface and its network must share a name.');
  }
  if (interfacesOf(vm).some((i) => i.name === iface.name)) {
    throw new PatchPlanError(
      'interface-exists',
      `The VM already has an interface "${iface.name}".`,
    );
  }
  if (networksOf(vm).some((n) => n.name === network.name)) {
    throw new PatchPlanError('network-exists', `The VM already has a network "${network.name}".`);
  }
  return [
    ...guards(vm, opts),
    ...appendTo(vm, INTERFACES, iface),
    ...appendTo(vm, NETWORKS, network),
  ];
};

export type DetachMode = 'absent' | 'remove';

/**
 * How a NIC leaves: a bridge-bound secondary NIC of a running VM is marked `state: absent`
 * (KubeVirt hot-unplugs it and drops it from the spec afterwards); anything else is removed from
 * the spec with its network, taking effect at the next start.
 */
export const detachModeOf = (
  vm: VirtualMachine,
  ifaceName: string,
  running: boolean,
): DetachMode => {
  const iface = interfacesOf(vm).find((i) => i.name === ifaceName);
  const network = networksOf(vm).find((n) => n.name === ifaceName);
  if (!running || !iface || !network?.multus) return 'remove';
  if ((iface as { state?: string }).state === 'absent') return 'remove';
  return bindingOf(iface).name === 'bridge' ? 'absent' : 'remove';
};

export const detachPatch = (
  vm: VirtualMachine,
  ifaceName: string,
  { running }: { running: boolean },
  opts: GuardOptions = {},
): PatchOp[] => {
  const interfaces = interfacesOf(vm);
  const networks = networksOf(vm);
  const i = interfaces.findIndex((x) => x.name === ifaceName);
  if (i < 0) {
    throw new PatchPlanError('interface-missing', `The VM has no interface "${ifaceName}".`);
  }
  const j = networks.findIndex((n) => n.name === ifaceName);
  const ops = guards(vm, opts);
  if (detachModeOf(vm, ifaceName, running) === 'absent') {
    ops.push({ op: 'test', path: `${INTERFACES}/${i}`, value: clone(interfaces[i]) });
    ops.push({ op: 'add', path: `${INTERFACES}/${i}/state`, value: 'absent' });
    return ops;
  }
  // Testing the whole lists pins the indices the removes use.
  ops.push({ op: 'test', path: INTERFACES, value: clone(interfaces) });
  if (j >= 0) ops.push({ op: 'test', path: NETWORKS, value: clone(networks) });
  ops.push({ op: 'remove', path: `${INTERFACES}/${i}` });
  if (j >= 0) ops.push({ op: 'remove', path: `${NETWORKS}/${j}` });
  // With no interface left KubeVirt would add a pod network NIC on its own.
  const devices = vm.spec?.template?.spec?.domain?.devices;
  if (interfaces.length === 1 && devices?.autoattachPodInterface === undefined) {
    ops.push({ op: 'add', path: AUTOATTACH, value: false });
  }
  return ops;
};
