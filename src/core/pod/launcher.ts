/**
 * Finding a VMI's virt-launcher pod(s). During a live migration there are two: the source (active
 * until the handoff) and the target, which KubeVirt marks with `kubevirt.io/migrationJobUID`.
 */
import type { LabelSelector, Pod, VirtualMachine, VirtualMachineInstance } from '../k8s/types';

export const LAUNCHER_LABEL = 'kubevirt.io';
export const LAUNCHER_LABEL_VALUE = 'virt-launcher';
export const CREATED_BY_LABEL = 'kubevirt.io/created-by';
export const VM_NAME_LABEL = 'vm.kubevirt.io/name';
export const MIGRATION_JOB_LABEL = 'kubevirt.io/migrationJobUID';
export const DOMAIN_ANNOTATION = 'kubevirt.io/domain';

/**
 * The label `vm.kubevirt.io/name` holds the VMI hostname (spec.hostname when set, else the name),
 * so the selector uses the template's hostname when there is one.
 */
export const launcherPodSelector = (vm: VirtualMachine): LabelSelector => ({
  matchLabels: {
    [LAUNCHER_LABEL]: LAUNCHER_LABEL_VALUE,
    [VM_NAME_LABEL]: vm.spec?.template?.spec?.hostname || vm.metadata?.name || '',
  },
});

export interface LauncherPods {
  /** The pod running the domain now. */
  active?: Pod;
  /** The target of an ongoing migration. */
  migrationTarget?: Pod;
  /** Other launcher pods of this VM (finished, or of an earlier instance). */
  others: Pod[];
}

const isFinished = (pod: Pod) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const isMigrationTarget = (pod: Pod, vmi?: VirtualMachineInstance) => {
  const targetPod = (vmi?.status?.migrationState as { targetPod?: string } | undefined)?.targetPod;
  const completed = vmi?.status?.migrationState?.completed;
  if (targetPod && pod.metadata?.name === targetPod) return !completed;
  return !!pod.metadata?.labels?.[MIGRATION_JOB_LABEL] && !completed;
};

/** Launcher pods of the VMI (by created-by UID) or, without an instance UID, of the VM name. */
export const findLauncherPods = (
  pods: Pod[],
  vmName: string,
  vmi?: VirtualMachineInstance,
): LauncherPods => {
  const uid = vmi?.metadata?.uid;
  const mine = pods.filter((p) => {
    const labels = p.metadata?.labels ?? {};
    if (labels[LAUNCHER_LABEL] !== LAUNCHER_LABEL_VALUE) return false;
    if (uid) return labels[CREATED_BY_LABEL] === uid;
    return (
      labels[VM_NAME_LABEL] === vmName || p.metadata?.annotations?.[DOMAIN_ANNOTATION] === vmName
    );
  });
  const result: LauncherPods = { others: [] };
  const vmiNode = vmi?.status?.nodeName;
  // Newest first so that a restarted instance's pod wins over a leftover one.
  const sorted = [...mine].sort((a, b) =>
    (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''),
  );
  for (const pod of sorted) {
    if (isFinished(pod)) result.others.push(pod);
    else if (isMigrationTarget(pod, vmi) && !result.migrationTarget) result.migrationTarget = pod;
    else if (
      !result.active &&
      (!vmiNode || !pod.spec?.nodeName || pod.spec.nodeName === vmiNode || sorted.length === 1)
    )
      result.active = pod;
    else result.others.push(pod);
  }
  return result;
};
