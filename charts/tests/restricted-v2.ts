/**
 * What OpenShift's restricted-v2 SCC (and the Kubernetes "restricted" Pod Security Standard it
 * matches) demands of a pod spec, as a list of violations. No runAsUser: restricted-v2 assigns one
 * from the namespace's range and refuses others.
 */
import type { Container, PodSpec, SecurityContext } from 'kubernetes-types/core/v1';

const allowedVolumeTypes = new Set([
  'configMap',
  'downwardAPI',
  'emptyDir',
  'persistentVolumeClaim',
  'projected',
  'secret',
  'csi',
  'ephemeral',
]);

export const restrictedV2Violations = (spec: PodSpec): string[] => {
  const out: string[] = [];
  if (spec.hostNetwork) out.push('hostNetwork');
  if (spec.hostPID) out.push('hostPID');
  if (spec.hostIPC) out.push('hostIPC');
  const pod = spec.securityContext ?? {};
  if (pod.runAsUser !== undefined) out.push('pod runAsUser is set (OpenShift assigns it)');
  for (const volume of spec.volumes ?? []) {
    const types = Object.keys(volume).filter((key) => key !== 'name');
    for (const type of types) {
      if (!allowedVolumeTypes.has(type)) out.push(`volume ${volume.name}: ${type} is not allowed`);
    }
  }
  const containers: Container[] = [...(spec.initContainers ?? []), ...spec.containers];
  for (const container of containers) {
    const sc: SecurityContext = container.securityContext ?? {};
    const where = `container ${container.name}`;
    if (sc.privileged) out.push(`${where}: privileged`);
    if (sc.allowPrivilegeEscalation !== false)
      out.push(`${where}: allowPrivilegeEscalation is not false`);
    if (!(sc.runAsNonRoot ?? pod.runAsNonRoot)) out.push(`${where}: runAsNonRoot is not true`);
    if (sc.runAsUser !== undefined) out.push(`${where}: runAsUser is set (OpenShift assigns it)`);
    if (!sc.capabilities?.drop?.includes('ALL')) out.push(`${where}: capabilities do not drop ALL`);
    const added = (sc.capabilities?.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (added.length) out.push(`${where}: adds capabilities ${added.join(', ')}`);
    const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      out.push(`${where}: seccompProfile is not RuntimeDefault`);
    }
    for (const port of container.ports ?? []) {
      if (port.hostPort) out.push(`${where}: hostPort ${port.hostPort}`);
    }
  }
  return out;
};
