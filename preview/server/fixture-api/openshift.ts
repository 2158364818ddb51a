/**
 * What an OpenShift API server answers beyond stored objects, as the console asks for it: the current user
 * (`users/~`), SelfSubjectReview, Projects as a view of Namespaces and ProjectRequest creating one, and the
 * cluster configuration singletons (`infrastructures/cluster`, `networks.config.openshift.io/cluster`,
 * `clusterversions/version`) when the fixtures do not bring their own.
 *
 * The singletons the host invents are labelled `preview.openshift.io/default: "true"` so nobody mistakes
 * them for a capture; the release a ClusterVersion reports is the one the host emulates (`--release`).
 */
import type { K8sObject } from './store';

export interface PreviewUser {
  name: string;
  groups: string[];
}

/** kube:admin, as a fresh OpenShift cluster's first login; `--user <name>` names an ordinary user. */
export const userFor = (name = 'kube:admin'): PreviewUser =>
  name === 'kube:admin'
    ? { name, groups: ['system:cluster-admins', 'system:authenticated'] }
    : { name, groups: ['system:authenticated:oauth', 'system:authenticated'] };

/** `GET /apis/user.openshift.io/v1/users/~`: the User object of whoever asks. */
export const currentUserObject = (u: PreviewUser): K8sObject => ({
  apiVersion: 'user.openshift.io/v1',
  kind: 'User',
  metadata: { name: u.name },
  // kube:admin is a virtual user: the real API answers without identities or full name.
  identities: u.name === 'kube:admin' ? null : [`preview:${u.name}`],
  groups: u.groups,
});

/** `POST /apis/authentication.k8s.io/v1/selfsubjectreviews`: the request with `status.userInfo`. */
export const selfSubjectReview = (u: PreviewUser): K8sObject => ({
  apiVersion: 'authentication.k8s.io/v1',
  kind: 'SelfSubjectReview',
  metadata: { name: '', creationTimestamp: null } as unknown as K8sObject['metadata'],
  status: { userInfo: { username: u.name, groups: u.groups } },
});

export const PREVIEW_DEFAULT_LABEL = 'preview.openshift.io/default';

const defaultMeta = (name: string) => ({
  name,
  labels: { [PREVIEW_DEFAULT_LABEL]: 'true' },
});

/** The config.openshift.io singletons a cluster always has; fixtures with their own replace these. */
export const clusterDefaults = (release: string): K8sObject[] => [
  {
    apiVersion: 'config.openshift.io/v1',
    kind: 'Infrastructure',
    metadata: defaultMeta('cluster'),
    spec: { platformSpec: { type: 'None' } },
    status: {
      infrastructureName: 'preview',
      platform: 'None',
      platformStatus: { type: 'None' },
      controlPlaneTopology: 'HighlyAvailable',
      infrastructureTopology: 'HighlyAvailable',
      cpuPartitioning: 'None',
      apiServerURL: 'https://api.preview.invalid:6443',
      apiServerInternalURI: 'https://api-int.preview.invalid:6443',
      etcdDiscoveryDomain: '',
    },
  },
  {
    // The OpenShift installer's defaults (install-config networking) with OVN-Kubernetes.
    apiVersion: 'config.openshift.io/v1',
    kind: 'Network',
    metadata: defaultMeta('cluster'),
    spec: {
      clusterNetwork: [{ cidr: '10.128.0.0/14', hostPrefix: 23 }],
      serviceNetwork: ['172.30.0.0/16'],
      networkType: 'OVNKubernetes',
      externalIP: { policy: {} },
    },
    status: {
      clusterNetwork: [{ cidr: '10.128.0.0/14', hostPrefix: 23 }],
      serviceNetwork: ['172.30.0.0/16'],
      networkType: 'OVNKubernetes',
      clusterNetworkMTU: 1400,
    },
  },
  withRelease(
    {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterVersion',
      metadata: defaultMeta('version'),
      spec: { clusterID: '00000000-0000-4000-8000-000000000000' },
      status: { desired: {}, history: [{ state: 'Completed' }] },
    },
    release,
  ),
];

const minorOf = (release: string): string => /^(\d+\.\d+)/.exec(release)?.[1] ?? release;

/**
 * A ClusterVersion that runs `release`: `status.desired` and the newest Completed history entry say it,
 * and the channel follows its minor. Conditions and other history entries are left as they are.
 */
export const withRelease = (cv: K8sObject, release: string): K8sObject => {
  const status = { ...((cv.status as Record<string, unknown>) ?? {}) };
  const before = versionOf(cv);
  const desired: Record<string, unknown> = {
    ...((status.desired as Record<string, unknown>) ?? {}),
    version: release,
  };
  delete desired.image;
  const history = [...((status.history as Array<Record<string, unknown>>) ?? [])];
  const i = history.findIndex((h) => h.state === 'Completed');
  if (i >= 0) {
    history[i] = { ...history[i], version: release };
    delete history[i].image;
  } else history.unshift({ state: 'Completed', version: release });
  const spec = { ...((cv.spec as Record<string, unknown>) ?? {}) };
  if (typeof spec.channel === 'string')
    spec.channel = spec.channel.replace(/\d+\.\d+$/, minorOf(release));
  desired.channels = Array.isArray(desired.channels)
    ? (desired.channels as string[]).map((c) => c.replace(/\d+\.\d+$/, minorOf(release)))
    : desired.channels;
  if (desired.channels === undefined) delete desired.channels;
  // "Done applying 4.20.8", "Cluster version is 4.20.8": the conditions speak of the running version.
  const conditions = Array.isArray(status.conditions)
    ? (status.conditions as Array<Record<string, unknown>>).map((c) =>
        before && typeof c.message === 'string'
          ? { ...c, message: c.message.split(before).join(release) }
          : c,
      )
    : status.conditions;
  return {
    ...cv,
    spec,
    status: {
      ...status,
      desired,
      history,
      ...(conditions === undefined ? {} : { conditions }),
    },
  };
};

const versionOf = (cv: K8sObject): string | undefined => {
  const s = cv.status as
    | { desired?: { version?: string }; history?: Array<{ state?: string; version?: string }> }
    | undefined;
  return s?.history?.find((h) => h.state === 'Completed')?.version ?? s?.desired?.version;
};

/** A Namespace shown as a Project (same metadata, spec and status; another kind). */
export const projectOf = (ns: K8sObject): K8sObject => ({
  ...ns,
  apiVersion: 'project.openshift.io/v1',
  kind: 'Project',
});

/**
 * The Namespace a ProjectRequest creates: `displayName` and `description` become the annotations the
 * console reads, and the requester is recorded as OpenShift's project template does.
 */
export const namespaceForProjectRequest = (req: unknown, u: PreviewUser): K8sObject => {
  const r = (req ?? {}) as {
    metadata?: { name?: string };
    displayName?: string;
    description?: string;
  };
  const annotations: Record<string, string> = { 'openshift.io/requester': u.name };
  if (r.displayName) annotations['openshift.io/display-name'] = r.displayName;
  if (r.description) annotations['openshift.io/description'] = r.description;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: r.metadata?.name ?? '', annotations },
  };
};
