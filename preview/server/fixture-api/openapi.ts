/**
 * `/openapi/v2` and `/openapi/v3` from the resources the fixture API serves, named as the apiserver names
 * them: built-in Kubernetes kinds `io.k8s.api.<group>.<version>.<Kind>`, OpenShift's
 * `com.github.openshift.api.<group>.<version>.<Kind>`, CRD kinds by their reversed group
 * (`io.kubevirt.v1.VirtualMachine`, `org.ovn.k8s.v1.UserDefinedNetwork`). Each definition carries
 * `x-kubernetes-group-version-kind`, which is how the console finds a kind's schema. Kinds without a
 * schema here get an open object schema (fields unknown), never invented fields.
 */
import { apiVersionOf, type ResourceType } from './resources';

const K8S_API_GROUPS: Record<string, string> = {
  '': 'core',
  apps: 'apps',
  'networking.k8s.io': 'networking',
  'authorization.k8s.io': 'authorization',
  'authentication.k8s.io': 'authentication',
};

export const definitionName = (r: Pick<ResourceType, 'group' | 'version' | 'kind'>): string => {
  if (r.group in K8S_API_GROUPS)
    return `io.k8s.api.${K8S_API_GROUPS[r.group]}.${r.version}.${r.kind}`;
  if (r.group === 'apiextensions.k8s.io')
    return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${r.version}.${r.kind}`;
  if (['config.openshift.io', 'project.openshift.io', 'user.openshift.io'].includes(r.group))
    return `com.github.openshift.api.${r.group.split('.')[0]}.${r.version}.${r.kind}`;
  return `${r.group.split('.').reverse().join('.')}.${r.version}.${r.kind}`;
};

const gvk = (r: ResourceType) => [{ group: r.group, version: r.version, kind: r.kind }];

/** Swagger 2.0 has no nullable/anyOf/oneOf/not: the apiserver drops them from CRD schemas for v2. */
const toV2 = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(toV2);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (['nullable', 'anyOf', 'oneOf', 'not', 'x-kubernetes-validations'].includes(k)) continue;
    out[k] = toV2(v);
  }
  return out;
};

const schemaOf = (r: ResourceType): Record<string, unknown> =>
  r.schema ?? {
    type: 'object',
    description: `${r.kind}: the preview host has no schema for this kind; its fields are not listed.`,
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
    },
    'x-kubernetes-preserve-unknown-fields': true,
  };

/**
 * Vendored JSON schemas (KubeVirt's VirtualMachine) are a `$ref` into their own `definitions`: the root
 * becomes the kind's definition and the others join the document's, their `$ref`s pointing at `prefix`.
 */
const flatten = (
  schema: Record<string, unknown>,
  prefix: string,
): { root: Record<string, unknown>; extra: Record<string, unknown> } => {
  const defs = schema.definitions as Record<string, unknown> | undefined;
  if (!defs) return { root: schema, extra: {} };
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        k === '$ref' && typeof x === 'string' ? x.replace('#/definitions/', prefix) : rewrite(x),
      ]),
    );
  };
  const rootRef = typeof schema.$ref === 'string' ? schema.$ref.replace('#/definitions/', '') : '';
  const root = (rewrite(defs[rootRef] ?? {}) as Record<string, unknown>) ?? {};
  const extra = Object.fromEntries(
    Object.entries(defs)
      .filter(([k]) => k !== rootRef)
      .map(([k, v]) => [k, rewrite(v)]),
  );
  return { root, extra };
};

const unique = (resources: ResourceType[]): ResourceType[] => {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const k = `${r.group}/${r.version}/${r.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

const definitions = (
  resources: ResourceType[],
  prefix: string,
  convert: (s: unknown) => unknown,
) => {
  const out: Record<string, unknown> = {};
  for (const r of unique(resources)) {
    const { root, extra } = flatten(schemaOf(r), prefix);
    for (const [k, v] of Object.entries(extra)) out[k] ??= convert(v);
    out[definitionName(r)] = {
      ...(convert(root) as object),
      'x-kubernetes-group-version-kind': gvk(r),
    };
  }
  return out;
};

export const openApiV2 = (resources: ResourceType[], gitVersion: string) => ({
  swagger: '2.0',
  info: { title: 'Kubernetes', version: gitVersion },
  paths: {},
  definitions: definitions(resources, '#/definitions/', toV2),
});

/** The v3 discovery document: one entry per group version, pointing at its own document. */
export const openApiV3Index = (resources: ResourceType[]) => ({
  paths: Object.fromEntries(
    [...new Set(resources.map((r) => (r.group ? `apis/${apiVersionOf(r)}` : 'api/v1')))]
      .sort()
      .map((p) => [p, { serverRelativeURL: `/openapi/v3/${p}` }]),
  ),
});

export const openApiV3GroupVersion = (
  resources: ResourceType[],
  group: string,
  version: string,
  gitVersion: string,
) => {
  const own = unique(resources.filter((r) => r.group === group && r.version === version));
  if (!own.length) return undefined;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: gitVersion },
    paths: {},
    components: { schemas: definitions(own, '#/components/schemas/', (x) => x) },
  };
};
