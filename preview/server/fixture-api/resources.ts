/**
 * The API resources the fixture server knows: built-in Kubernetes/KubeVirt kinds plus one per served CRD
 * version. Discovery documents and URL routing are both derived from this registry, so a CRD dropped into
 * the CRD directory (or a fixtures directory) is served like any other resource.
 */
export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Updates through the main endpoint keep the stored status (status subresource semantics). */
  statusSubresource: boolean;
  /** Only `create` is served (review resources such as SelfSubjectAccessReview). */
  createOnly?: boolean;
  /** openAPIV3Schema of this version when it comes from a CRD or a vendored JSON schema. */
  schema?: Record<string, unknown>;
  /** Objects live in another resource's storage (`<group>/<plural>`): Projects are Namespaces. */
  storage?: string;
}

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
export const verbsOf = (r: ResourceType): string[] => (r.createOnly ? ['create'] : VERBS);

const builtin = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames?: string[],
  extra: Partial<ResourceType> = {},
): ResourceType => ({
  group,
  version,
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  shortNames,
  statusSubresource: true,
  ...extra,
});

/** Kinds a cluster has without CRDs in our directory (core, KubeVirt, CDI, OpenShift config). */
export const builtinResources = (): ResourceType[] => [
  builtin('', 'v1', 'Namespace', 'namespaces', false, ['ns']),
  builtin('', 'v1', 'Pod', 'pods', true, ['po']),
  builtin('', 'v1', 'Node', 'nodes', false, ['no']),
  builtin('', 'v1', 'Service', 'services', true, ['svc']),
  builtin('', 'v1', 'ConfigMap', 'configmaps', true, ['cm'], { statusSubresource: false }),
  builtin('', 'v1', 'Secret', 'secrets', true, undefined, { statusSubresource: false }),
  builtin('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa'], {
    statusSubresource: false,
  }),
  builtin('', 'v1', 'Event', 'events', true, ['ev'], { statusSubresource: false }),
  builtin('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']),
  builtin('apps', 'v1', 'Deployment', 'deployments', true, ['deploy']),
  builtin('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, ['netpol']),
  builtin(
    'authorization.k8s.io',
    'v1',
    'SelfSubjectAccessReview',
    'selfsubjectaccessreviews',
    false,
    undefined,
    {
      createOnly: true,
    },
  ),
  builtin('kubevirt.io', 'v1', 'VirtualMachine', 'virtualmachines', true, ['vm', 'vms']),
  builtin('kubevirt.io', 'v1', 'VirtualMachineInstance', 'virtualmachineinstances', true, [
    'vmi',
    'vmis',
  ]),
  builtin(
    'kubevirt.io',
    'v1',
    'VirtualMachineInstanceMigration',
    'virtualmachineinstancemigrations',
    true,
    ['vmim'],
  ),
  builtin('cdi.kubevirt.io', 'v1beta1', 'DataSource', 'datasources', true, ['das']),
  builtin('cdi.kubevirt.io', 'v1beta1', 'DataVolume', 'datavolumes', true, ['dv']),
  builtin(
    'instancetype.kubevirt.io',
    'v1beta1',
    'VirtualMachineClusterInstancetype',
    'virtualmachineclusterinstancetypes',
    false,
    ['vmcf'],
  ),
  builtin(
    'instancetype.kubevirt.io',
    'v1beta1',
    'VirtualMachineClusterPreference',
    'virtualmachineclusterpreferences',
    false,
    ['vmcp'],
  ),
  builtin(
    'authentication.k8s.io',
    'v1',
    'SelfSubjectReview',
    'selfsubjectreviews',
    false,
    undefined,
    { createOnly: true },
  ),
  builtin('user.openshift.io', 'v1', 'User', 'users', false, undefined, {
    statusSubresource: false,
  }),
  builtin('project.openshift.io', 'v1', 'Project', 'projects', false, undefined, {
    storage: '/namespaces',
  }),
  builtin('project.openshift.io', 'v1', 'ProjectRequest', 'projectrequests', false, undefined, {
    createOnly: true,
  }),
  builtin('config.openshift.io', 'v1', 'ClusterVersion', 'clusterversions', false),
  builtin('config.openshift.io', 'v1', 'Network', 'networks', false),
  builtin('config.openshift.io', 'v1', 'Infrastructure', 'infrastructures', false),
  builtin('nmstate.io', 'v1beta1', 'NodeNetworkState', 'nodenetworkstates', false, ['nns']),
];

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: { status?: unknown };
}

export interface CustomResourceDefinition {
  apiVersion: string;
  kind: 'CustomResourceDefinition';
  metadata: { name: string };
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: { kind: string; plural: string; singular?: string; shortNames?: string[] };
    versions: CrdVersion[];
  };
}

export const isCRD = (o: unknown): o is CustomResourceDefinition =>
  !!o &&
  typeof o === 'object' &&
  (o as { kind?: unknown }).kind === 'CustomResourceDefinition' &&
  typeof (o as { spec?: { group?: unknown } }).spec?.group === 'string';

/** One resource per served version of a CRD. */
export const resourcesFromCRD = (crd: CustomResourceDefinition): ResourceType[] =>
  crd.spec.versions
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: crd.spec.group,
      version: v.name,
      kind: crd.spec.names.kind,
      plural: crd.spec.names.plural,
      singular: crd.spec.names.singular ?? crd.spec.names.kind.toLowerCase(),
      namespaced: crd.spec.scope === 'Namespaced',
      shortNames: crd.spec.names.shortNames,
      statusSubresource: !!v.subresources?.status,
      schema: v.schema?.openAPIV3Schema,
    }));

/** English plural the way kube-openapi guesses it for kinds we only know from fixtures. */
export const guessPlural = (kind: string): string => {
  const k = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
};

export const splitApiVersion = (apiVersion: string): { group: string; version: string } => {
  const i = apiVersion.lastIndexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
};

export const apiVersionOf = (r: { group: string; version: string }): string =>
  r.group ? `${r.group}/${r.version}` : r.version;

export class ResourceRegistry {
  private readonly byPlural = new Map<string, ResourceType>(); // `${group}/${version}/${plural}`
  private readonly byKind = new Map<string, ResourceType>(); // `${group}/${version}/${kind}`

  constructor(resources: ResourceType[] = []) {
    resources.forEach((r) => this.add(r));
  }

  /** Later registrations of the same group/version/plural replace earlier ones (a CRD overrides a built-in). */
  add(r: ResourceType): void {
    const prev = this.byPlural.get(`${r.group}/${r.version}/${r.plural}`);
    if (prev) this.byKind.delete(`${prev.group}/${prev.version}/${prev.kind}`);
    this.byPlural.set(`${r.group}/${r.version}/${r.plural}`, r);
    this.byKind.set(`${r.group}/${r.version}/${r.kind}`, r);
  }

  /** Every version of `<plural>.<group>` (a CRD's name) leaves; returns the kinds it had. */
  removeByName(name: string): ResourceType[] {
    const gone = this.all().filter((r) => `${r.plural}.${r.group}` === name);
    for (const r of gone) {
      this.byPlural.delete(`${r.group}/${r.version}/${r.plural}`);
      this.byKind.delete(`${r.group}/${r.version}/${r.kind}`);
    }
    return gone;
  }

  byResource(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byPlural.get(`${group}/${version}/${plural}`);
  }

  byGroupVersionKind(group: string, version: string, kind: string): ResourceType | undefined {
    return this.byKind.get(`${group}/${version}/${kind}`);
  }

  all(): ResourceType[] {
    return [...this.byPlural.values()];
  }

  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.all()) {
      const versions = out.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      out.set(r.group, versions);
    }
    return out;
  }
}

/** Kubernetes' version priority: GA > beta > alpha, higher numbers first (used for preferredVersion). */
export const compareKubeVersions = (a: string, b: string): number => {
  const parse = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [-1, 0, 0];
    const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
    return [stage, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [sa, ma, na] = parse(a);
  const [sb, mb, nb] = parse(b);
  return sb - sa || mb - ma || nb - na || a.localeCompare(b);
};
