/**
 * Loads the CRDs an OpenShift version installs from a directory laid out like ../shared/crds:
 * UDN/CUDN per version under `ocp-<v>/` (upstream master at the top level), the other kinds
 * (NAD, MultiNetworkPolicy, NNCP) at the top level. Node only (uses fs); the validator is not.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

export type OracleVersion = '4.19' | '4.20' | '4.22' | 'upstream';

/** Files per version. OpenShift ships CNO's NAD CRD and the v1beta1-only MNP CRD. */
export const crdFilesFor = (version: OracleVersion): string[] => {
  const udnDir = version === 'upstream' ? '.' : `ocp-${version}`;
  return [
    path.join(udnDir, 'k8s.ovn.org_userdefinednetworks.yaml'),
    path.join(udnDir, 'k8s.ovn.org_clusteruserdefinednetworks.yaml'),
    version === 'upstream'
      ? 'k8s.cni.cncf.io_network-attachment-definitions.yaml'
      : 'k8s.cni.cncf.io_network-attachment-definitions.ocp-cno.yaml',
    version === 'upstream'
      ? 'k8s.cni.cncf.io_multi-networkpolicies.upstream-v1beta1-v1beta2.yaml'
      : 'k8s.cni.cncf.io_multi-networkpolicies.yaml',
    'nmstate.io_nodenetworkconfigurationpolicies.yaml',
  ];
};

export const loadCRDsForVersion = (version: OracleVersion, crdDir: string): object[] => {
  const out: object[] = [];
  for (const file of crdFilesFor(version)) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(crdDir, file), 'utf8'))) {
      const value = doc.toJS() as { kind?: string } | null;
      if (value?.kind === 'CustomResourceDefinition') out.push(value);
    }
  }
  return out;
};
