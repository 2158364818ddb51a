/**
 * Strategic merge patch (`application/strategic-merge-patch+json`) as the apiserver applies it to built-in
 * kinds: maps merge, `null` deletes, and a list merges item by item only where the Go type declares
 * `patchStrategy:"merge"` (by its `patchMergeKey`, or as a set of primitives); any other list is replaced.
 * Directives: `$patch: replace|delete|merge`, `$retainKeys`, `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>`.
 *
 * Custom resources (KubeVirt's VirtualMachine, NADs, UDNs, config.openshift.io) have no Go type at the
 * apiserver, which therefore refuses strategic merge patch for them with 415: `supportsStrategicMerge`
 * says which kinds accept it.
 */
import type { ResourceType } from './resources';

/** `null` key: a list of primitives merged as a set (e.g. finalizers). */
type MergeKeys = Record<string, string | null>;

const METADATA: MergeKeys = {
  'metadata.ownerReferences': 'uid',
  'metadata.finalizers': null,
};

const containerRules = (p: string): MergeKeys => ({
  [`${p}[].env`]: 'name',
  [`${p}[].ports`]: 'containerPort',
  [`${p}[].volumeMounts`]: 'mountPath',
  [`${p}[].volumeDevices`]: 'devicePath',
});

const podSpecRules = (p: string): MergeKeys => ({
  [`${p}.containers`]: 'name',
  [`${p}.initContainers`]: 'name',
  [`${p}.ephemeralContainers`]: 'name',
  [`${p}.volumes`]: 'name',
  [`${p}.imagePullSecrets`]: 'name',
  [`${p}.hostAliases`]: 'ip',
  ...containerRules(`${p}.containers`),
  ...containerRules(`${p}.initContainers`),
  ...containerRules(`${p}.ephemeralContainers`),
});

const CONDITIONS = { 'status.conditions': 'type' };

/** k8s.io/api's patch tags for the built-in kinds the fixture API serves, by `<group>/<Kind>`. */
const RULES: Record<string, MergeKeys> = {
  '/Pod': { ...podSpecRules('spec'), ...CONDITIONS },
  '/Node': { ...CONDITIONS, 'status.addresses': 'type' },
  '/Namespace': { ...CONDITIONS },
  '/Service': { 'spec.ports': 'port' },
  '/ServiceAccount': { secrets: 'name' },
  '/PersistentVolumeClaim': { ...CONDITIONS },
  'apps/Deployment': { ...podSpecRules('spec.template.spec'), ...CONDITIONS },
};

/** Groups whose kinds are compiled into an apiserver (kube-apiserver, openshift-apiserver). */
const NATIVE_GROUPS = new Set([
  '',
  'apps',
  'networking.k8s.io',
  'authorization.k8s.io',
  'authentication.k8s.io',
  'project.openshift.io',
  'user.openshift.io',
]);

export const supportsStrategicMerge = (r: Pick<ResourceType, 'group'>): boolean =>
  NATIVE_GROUPS.has(r.group);

export class StrategicMergeError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

const stripDirectives = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
};

const orderBy = (items: unknown[], order: unknown[], key: string | null): unknown[] => {
  const id = (x: unknown) => JSON.stringify(key && isObj(x) ? x[key] : x);
  const rank = new Map(order.map((o, i) => [id(o), i]));
  const ranked = items.filter((x) => rank.has(id(x)));
  ranked.sort((a, b) => rank.get(id(a))! - rank.get(id(b))!);
  const rest = items.filter((x) => !rank.has(id(x)));
  return [...ranked, ...rest];
};

const mergeList = (
  original: unknown[],
  patch: unknown[],
  key: string | null,
  path: string,
  rules: MergeKeys,
): unknown[] => {
  if (patch.some((p) => isObj(p) && p.$patch === 'replace'))
    return patch.filter((p) => !(isObj(p) && p.$patch === 'replace')).map(stripDirectives);
  if (key === null) {
    const out = [...original];
    for (const p of patch)
      if (!out.some((o) => JSON.stringify(o) === JSON.stringify(p))) out.push(p);
    return out;
  }
  let out = [...original];
  for (const p of patch) {
    if (!isObj(p) || !(key in p))
      throw new StrategicMergeError(
        `map: ${JSON.stringify(p)} does not contain declared merge key: ${key}`,
      );
    const i = out.findIndex((o) => isObj(o) && o[key] === p[key]);
    if (p.$patch === 'delete') {
      out = out.filter((o) => !(isObj(o) && o[key] === p[key]));
    } else if (i >= 0) {
      out[i] = mergeValue(out[i], p, `${path}[]`, rules);
    } else {
      out.push(stripDirectives(p));
    }
  }
  return out;
};

const mergeValue = (original: unknown, patch: unknown, path: string, rules: MergeKeys): unknown => {
  if (!isObj(patch)) return clone(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  let base: Obj = isObj(original) ? clone(original) : {};
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    base = Object.fromEntries(Object.entries(base).filter(([k]) => keep.has(k)));
  }
  const orders: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    const field = (name: string) => (path ? `${path}.${name}` : name);
    if (k.startsWith('$setElementOrder/')) {
      orders[k.slice('$setElementOrder/'.length)] = v as unknown[];
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const name = k.slice('$deleteFromPrimitiveList/'.length);
      const gone = new Set((v as unknown[]).map((x) => JSON.stringify(x)));
      if (Array.isArray(base[name]))
        base[name] = (base[name] as unknown[]).filter((x) => !gone.has(JSON.stringify(x)));
      continue;
    }
    if (k.startsWith('$')) throw new StrategicMergeError(`unknown patch directive ${k}`);
    if (v === null) {
      delete base[k];
      continue;
    }
    const rule = rules[field(k)];
    if (Array.isArray(v) && rule !== undefined) {
      base[k] = mergeList(
        Array.isArray(base[k]) ? (base[k] as unknown[]) : [],
        v,
        rule,
        field(k),
        rules,
      );
    } else {
      const merged = mergeValue(base[k], v, field(k), rules);
      if (merged === undefined) delete base[k];
      else base[k] = merged;
    }
  }
  for (const [name, order] of Object.entries(orders)) {
    const rule = rules[path ? `${path}.${name}` : name];
    if (Array.isArray(base[name]) && Array.isArray(order))
      base[name] = orderBy(base[name] as unknown[], order, rule ?? null);
  }
  return base;
};

/** Applies a strategic merge patch to an object of `<group>/<kind>` (merge keys from RULES). */
export const applyStrategicMergePatch = (
  original: unknown,
  patch: unknown,
  r: Pick<ResourceType, 'group' | 'kind'>,
): unknown => {
  if (!isObj(patch)) throw new StrategicMergeError('a strategic merge patch must be a JSON object');
  return mergeValue(original, patch, '', { ...METADATA, ...(RULES[`${r.group}/${r.kind}`] ?? {}) });
};
