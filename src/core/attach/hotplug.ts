/**
 * What happens when a NIC is attached to or detached from a VM that exists: nothing until the next
 * start (stopped VM), a hot-plug (bridge and SR-IOV bindings on a running VM with the LiveUpdate
 * rollout: KubeVirt starts a live migration itself to plug the NIC into a new launcher pod), or a
 * restart (other bindings, a VM that cannot live-migrate, or the Stage rollout).
 */
import type { V1Interface } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VirtualMachine, VirtualMachineInstance } from '../k8s/types';
import { bindingOf } from '../kubevirt/vm-spec';
import { HOTPLUGGABLE_BINDINGS } from '../create-vm/binding';
import type { Message } from '../model/messages';

const t = <S extends string>(key: S): S => key;

export const HOTPLUG_MESSAGES = {
  nextStart: t('The VM is stopped: the change takes effect when it starts.'),
  liveAttach: t(
    'Hot-plugged: KubeVirt starts a live migration of the running VM by itself and plugs the {{binding}} NIC into the new launcher pod; the guest sees a new NIC.',
  ),
  liveDetach: t(
    'Hot-unplugged: the NIC is marked absent; KubeVirt migrates the VM by itself to remove it and then drops it from the spec.',
  ),
  restartBinding: t(
    'The {{binding}} binding cannot be hot-plugged: the change waits for a restart of the VM.',
  ),
  restartPodNetwork: t(
    'A NIC on the pod network cannot be hot-plugged: the change waits for a restart of the VM.',
  ),
  restartNotMigratable: t(
    'The VM cannot live-migrate ({{reason}}), and KubeVirt hot-plugs NICs through a migration: the change waits for a restart.',
  ),
  restartStage: t(
    'The cluster rolls VM changes out at restart (vmRolloutStrategy Stage): the change waits for a restart.',
  ),
} as const;

export type HotplugKind = 'next-start' | 'live' | 'restart';

export interface HotplugExpectation {
  kind: HotplugKind;
  /** A live hot-plug goes through a live migration that KubeVirt starts itself. */
  viaMigration: boolean;
  message: Message;
}

export interface HotplugContext {
  /** KubeVirt `spec.configuration.vmRolloutStrategy`; OpenShift defaults to LiveUpdate. */
  rolloutStrategy?: 'LiveUpdate' | 'Stage';
  direction?: 'attach' | 'detach';
}

const isRunning = (vmi: VirtualMachineInstance | null | undefined) =>
  !!vmi && !vmi.metadata?.deletionTimestamp && vmi.status?.phase === 'Running';

/** The VMI's LiveMigratable condition, when it says False: its reason or message. */
const notMigratable = (vmi: VirtualMachineInstance): string | undefined => {
  const c = (vmi.status?.conditions ?? []).find((x) => x.type === 'LiveMigratable');
  if (!c || c.status !== 'False') return undefined;
  return c.message || c.reason || 'LiveMigratable is False';
};

export const hotplugExpectation = (
  _vm: VirtualMachine,
  vmi: VirtualMachineInstance | null | undefined,
  iface: V1Interface,
  networkIsPod: boolean,
  ctx: HotplugContext = {},
): HotplugExpectation => {
  const m = (message: string, params?: Message['params']): Message =>
    params ? { message, params } : { message };
  if (!isRunning(vmi))
    return { kind: 'next-start', viaMigration: false, message: m(HOTPLUG_MESSAGES.nextStart) };
  const binding = bindingOf(iface).name;
  const restart = (message: Message): HotplugExpectation => ({
    kind: 'restart',
    viaMigration: false,
    message,
  });
  if (networkIsPod) return restart(m(HOTPLUG_MESSAGES.restartPodNetwork));
  if (!HOTPLUGGABLE_BINDINGS.includes(binding))
    return restart(m(HOTPLUG_MESSAGES.restartBinding, { binding }));
  if (ctx.rolloutStrategy === 'Stage') return restart(m(HOTPLUG_MESSAGES.restartStage));
  const reason = notMigratable(vmi!);
  if (reason) return restart(m(HOTPLUG_MESSAGES.restartNotMigratable, { reason }));
  return {
    kind: 'live',
    viaMigration: true,
    message:
      ctx.direction === 'detach'
        ? m(HOTPLUG_MESSAGES.liveDetach)
        : m(HOTPLUG_MESSAGES.liveAttach, { binding }),
  };
};
