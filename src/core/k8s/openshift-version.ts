/**
 * The OpenShift versions the wizards target and what each one's CRDs accept
 * (../shared/notes/api-facts.md §1.1, §6). 4.21 ships the 4.20 CRDs, so it is treated as 4.20.
 */
import type { K8sObject } from './types';

export type TargetVersion = '4.19' | '4.20' | '4.22';

export const TARGET_VERSIONS: readonly TargetVersion[] = ['4.19', '4.20', '4.22'];

/** The version assumed when the cluster's cannot be read: the newest one. */
export const DEFAULT_TARGET_VERSION: TargetVersion = '4.22';

export interface VersionFeatures {
  /** Layer2 reservedSubnets / infrastructureSubnets / defaultGatewayIPs (FG PreconfiguredUDNAddresses). */
  preconfiguredUDNAddresses: boolean;
  /** CUDN Localnet topology. */
  localnetCUDN: boolean;
  /** CUDN transport EVPN (not offered by the wizards yet). */
  evpnTransport: boolean;
  /** UDN/CUDN spec cannot change after creation (every OpenShift release). */
  wholeSpecImmutable: boolean;
}

export const featuresOf = (v: TargetVersion): VersionFeatures => ({
  preconfiguredUDNAddresses: v !== '4.19',
  localnetCUDN: true,
  evpnTransport: v === '4.22',
  wholeSpecImmutable: true,
});

/** "4.21.3", "4.20.0-rc.1", "4.23" → the target whose CRDs that cluster has; undefined before 4.19. */
export const targetForVersion = (version: string | undefined): TargetVersion | undefined => {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major > 4) return '4.22';
  if (major < 4 || minor < 19) return undefined;
  if (minor === 19) return '4.19';
  if (minor <= 21) return '4.20';
  return '4.22';
};

interface ClusterVersionLike extends K8sObject {
  status?: {
    desired?: { version?: string };
    history?: { state?: string; version?: string }[];
  };
}

/**
 * The running version of a `config.openshift.io/v1` ClusterVersion: the newest Completed history
 * entry (what the cluster runs; during an upgrade `desired` is the version it moves to), else
 * `status.desired.version`.
 */
export const versionFromClusterVersion = (
  cv: ClusterVersionLike | undefined,
): string | undefined => {
  const completed = cv?.status?.history?.find((h) => h.state === 'Completed' && h.version);
  return completed?.version ?? cv?.status?.desired?.version;
};

export const detectTargetVersion = (
  cv: ClusterVersionLike | undefined,
): TargetVersion | undefined => targetForVersion(versionFromClusterVersion(cv));
