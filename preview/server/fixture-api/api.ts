/**
 * The fixture API server: the Kubernetes REST API over the in-memory store, at the paths the console's
 * proxy forwards (`/api/v1/...`, `/apis/<group>/<version>/...`). Discovery, get/list/create/update/patch/
 * delete, streamed watches, selectors, dryRun=All, Status errors, SelfSubjectAccessReview and --forbid,
 * plus what the console asks an OpenShift cluster for (openshift.ts, openapi.ts).
 */
import * as fs from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as path from 'path';
import { gzip } from 'zlib';
import { parse as parseYaml } from 'yaml';
import { loadManifestDir, parseManifestText, type LoadedManifests } from './manifests';
import { PatchError, applyJsonPatch, applyMergePatch } from '../../../src/core/k8s/json-patch';
import {
  ResourceRegistry,
  apiVersionOf,
  builtinResources,
  compareKubeVersions,
  guessPlural,
  isCRD,
  resourcesFromCRD,
  splitApiVersion,
  verbsOf,
  type ResourceType,
} from './resources';
import { openApiV2, openApiV3GroupVersion, openApiV3Index } from './openapi';
import {
  clusterDefaults,
  currentUserObject,
  namespaceForProjectRequest,
  projectOf,
  selfSubjectReview,
  userFor,
  withRelease,
  type PreviewUser,
} from './openshift';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import {
  StrategicMergeError,
  applyStrategicMergePatch,
  supportsStrategicMerge,
} from './strategic-merge';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  methodNotAllowed,
  notFound,
  type StatusCause,
} from './status';
import { ObjectStore, type K8sObject, type StoreEvent } from './store';
import { createCRDValidator } from '../../../src/core/crd-oracle';
import { kubevirtAdmission } from './kubevirt-admission';
import {
  JsonSchemaValidator,
  combineValidators,
  metadataValidator,
  oracleValidator,
  routeValidators,
  type ObjectValidator,
} from './validation';

export const DEFAULT_CRD_DIR = path.resolve(__dirname, '../../crds');

export interface FixtureApiOptions {
  /** Directories of CRD YAMLs and `<group>_<version>_<singular>.schema.json` files. Default: preview/crds. */
  crdDirs?: string[];
  /** Resources to refuse with 403 (and deny in access reviews): `plural` or `plural.group`. */
  forbid?: string[];
  /**
   * CRDs the cluster does not have (`<plural>.<group>`, a CRD's name): not installed from the CRD
   * directories and absent from discovery, and fixture objects of their kinds are left out, as on a
   * cluster without that operator (no NMState, no ClusterNetworkPolicy API).
   */
  withoutCrds?: string[];
  /** Replaces the default validation (object metadata + JSON schema). */
  validator?: ObjectValidator;
  /** Kubernetes version reported at /version. */
  version?: { major: string; minor: string; gitVersion: string };
  /** The user the API answers as (`users/~`, SelfSubjectReview, 403 messages). Default kube:admin. */
  user?: string;
  /** The OpenShift release ClusterVersion reports (the console version the host emulates). */
  release?: string;
}

export const DEFAULT_RELEASE = '4.21.0';

const storageKeyOf = (r: ResourceType): string => r.storage ?? `${r.group}/${r.plural}`;
const isNamespaceStorage = (r: ResourceType): boolean => storageKeyOf(r) === '/namespaces';
const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const withoutMetaAndStatus = (o: K8sObject): string => {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return JSON.stringify(rest);
};

export class FixtureApi {
  readonly registry = new ResourceRegistry(builtinResources());
  readonly store = new ObjectStore();
  readonly validator: ObjectValidator;
  private readonly forbid: Set<string>;
  private readonly withoutCrds: Set<string>;
  /** `group/kind` of the CRDs left out (withoutCrds): their fixture objects are skipped. */
  private readonly absentKinds = new Set<string>();
  private readonly crds: object[] = [];
  private readonly crdValidators = new Map<string, ObjectValidator>();
  private readonly version: NonNullable<FixtureApiOptions['version']>;
  readonly user: PreviewUser;
  readonly release: string;

  constructor(opts: FixtureApiOptions = {}) {
    this.registry.add({
      group: 'apiextensions.k8s.io',
      version: 'v1',
      kind: 'CustomResourceDefinition',
      plural: 'customresourcedefinitions',
      singular: 'customresourcedefinition',
      namespaced: false,
      shortNames: ['crd', 'crds'],
      statusSubresource: true,
    });
    this.withoutCrds = new Set(opts.withoutCrds ?? []);
    // Kinds the registry knows without a CRD file (NodeNetworkState) leave it too.
    for (const name of this.withoutCrds)
      for (const r of this.registry.removeByName(name))
        this.absentKinds.add(`${r.group}/${r.kind}`);
    for (const dir of opts.crdDirs ?? [DEFAULT_CRD_DIR]) this.loadCrdDir(dir);
    this.forbid = new Set(opts.forbid ?? []);
    // The oracle is rebuilt lazily when a CRD is installed after start (from a fixtures directory).
    const crdBacked = (r: ResourceType) =>
      this.crds.some((c) => isCRD(c) && c.spec.group === r.group && c.spec.names.kind === r.kind);
    this.validator =
      opts.validator ??
      routeValidators(
        { validate: (r, o, old) => this.crdValidatorFor(r).validate(r, o, old) },
        crdBacked,
      );
    this.version = opts.version ?? { major: '1', minor: '33', gitVersion: 'v1.33.0-preview' };
    this.user = userFor(opts.user);
    this.release = opts.release ?? DEFAULT_RELEASE;
    // Fixtures that bring their own Infrastructure, Network or ClusterVersion replace these.
    this.seed(clusterDefaults(this.release));
  }

  private loadCrdDir(dir: string): void {
    for (const file of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, file);
      const schemaFile = /^(.+)_(v[0-9a-z]+)_([a-z0-9-]+)\.schema\.json$/.exec(file);
      if (schemaFile) {
        const [, group, version, singular] = schemaFile;
        const r = this.registry
          .all()
          .find((x) => x.group === group && x.version === version && x.singular === singular);
        if (r) r.schema = JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
      } else if (/\.ya?ml$/.test(file)) {
        const loaded: LoadedManifests = { objects: [], skipped: [] };
        parseManifestText(fs.readFileSync(full, 'utf8'), full, loaded);
        loaded.objects.forEach(({ object }) => this.installCRD(object));
      }
    }
  }

  /**
   * One oracle per CRD: a CRD whose patterns JavaScript cannot compile (Go RE2 classes such as [:punct:])
   * falls back to the JSON-schema checker instead of breaking every other kind.
   */
  private crdValidatorFor(r: ResourceType): ObjectValidator {
    const key = `${r.group}/${r.kind}`;
    let v = this.crdValidators.get(key);
    if (!v) {
      const crd = this.crds.filter(
        (c) => isCRD(c) && c.spec.group === r.group && c.spec.names.kind === r.kind,
      );
      try {
        const oracle = createCRDValidator(crd, { unknownFields: 'prune' });
        v = oracleValidator(() => oracle);
      } catch {
        v = combineValidators(metadataValidator, new JsonSchemaValidator());
      }
      this.crdValidators.set(key, v);
    }
    return v;
  }

  /** Registers a CRD's versions as resources and stores the CRD object itself. */
  installCRD(object: unknown): boolean {
    if (!isCRD(object)) return false;
    if (this.withoutCrds.has((object as unknown as K8sObject).metadata?.name)) {
      this.absentKinds.add(`${object.spec.group}/${object.spec.names.kind}`);
      return false;
    }
    resourcesFromCRD(object).forEach((r) => this.registry.add(r));
    this.crds.push(object);
    this.crdValidators.delete(`${object.spec.group}/${object.spec.names.kind}`);
    const crdType = this.registry.byResource(
      'apiextensions.k8s.io',
      'v1',
      'customresourcedefinitions',
    )!;
    const o = object as unknown as K8sObject;
    if (!this.store.get(storageKeyOf(crdType), undefined, o.metadata.name)) {
      this.store.write(storageKeyOf(crdType), this.store.prepareCreate(o), 'ADDED');
    }
    return true;
  }

  /**
   * Loads manifests as a cluster would hold them. CRDs install their resources; kinds that nothing
   * declares are registered with a guessed plural; namespaces that objects live in are created if absent.
   * Returns the objects whose schema check failed (they are stored anyway: fixtures are captures).
   */
  seed(objects: K8sObject[]): Array<{ object: K8sObject; causes: StatusCause[] }> {
    const problems: Array<{ object: K8sObject; causes: StatusCause[] }> = [];
    objects.filter(isCRD).forEach((o) => this.installCRD(o));
    for (const object of objects) {
      if (isCRD(object)) continue;
      const { group, version } = splitApiVersion(object.apiVersion);
      if (this.absentKinds.has(`${group}/${object.kind}`)) continue;
      let r = this.registry.byGroupVersionKind(group, version, object.kind);
      // A kind with no CRD file (registered from its objects) is left out by its would-be name.
      if (this.withoutCrds.has(`${r?.plural ?? guessPlural(object.kind)}.${group}`)) continue;
      // Another served version of a kind we know (kubevirt.io/v1alpha3 VMs): same resource, same storage.
      const sibling = r
        ? undefined
        : this.registry.all().find((x) => x.group === group && x.kind === object.kind);
      if (sibling) {
        r = { ...sibling, version, schema: undefined };
        this.registry.add(r);
      }
      if (!r) {
        r = {
          group,
          version,
          kind: object.kind,
          plural: guessPlural(object.kind),
          singular: object.kind.toLowerCase(),
          namespaced: !!object.metadata.namespace,
          statusSubresource: true,
        };
        this.registry.add(r);
      }
      if (r.namespaced && !object.metadata.namespace) object.metadata.namespace = 'default';
      if (r.namespaced) this.ensureNamespace(object.metadata.namespace!);
      const causes = this.validator.validate(r, object);
      if (causes.length) problems.push({ object, causes });
      const stored = this.store.get(
        storageKeyOf(r),
        object.metadata.namespace,
        object.metadata.name,
      );
      const o = this.store.prepareCreate(object);
      if (object.metadata.uid) o.metadata.uid = object.metadata.uid;
      if (object.metadata.creationTimestamp)
        o.metadata.creationTimestamp = object.metadata.creationTimestamp;
      if (object.metadata.generation) o.metadata.generation = object.metadata.generation;
      if (isNamespaceStorage(r)) this.defaultNamespace(o);
      const out =
        r.group === 'config.openshift.io' && r.kind === 'ClusterVersion'
          ? (withRelease(o, this.release) as K8sObject)
          : o;
      this.store.write(storageKeyOf(r), out, stored ? 'MODIFIED' : 'ADDED');
    }
    return problems;
  }

  seedFromDir(dir: string): {
    loaded: number;
    skipped: LoadedManifests['skipped'];
    invalid: ReturnType<FixtureApi['seed']>;
  } {
    const m = loadManifestDir(dir);
    const invalidObjects = this.seed(m.objects.map((x) => x.object));
    return { loaded: m.objects.length, skipped: m.skipped, invalid: invalidObjects };
  }

  private defaultNamespace(o: K8sObject): void {
    o.metadata.labels = {
      ...(o.metadata.labels ?? {}),
      'kubernetes.io/metadata.name': o.metadata.name,
    };
    o.status = { phase: 'Active', ...((o.status as object) ?? {}) };
  }

  private ensureNamespace(name: string): void {
    if (this.store.get('/namespaces', undefined, name)) return;
    const ns = this.store.prepareCreate({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    });
    this.defaultNamespace(ns);
    this.store.write('/namespaces', ns, 'ADDED');
  }

  /** An ApiError 403 naming the preview's user, as the apiserver words it. */
  private forbidden(verb: string, r: ResourceType, namespace?: string, name?: string): ApiError {
    return forbidden(verb, r.plural, r.group, namespace, name, this.user.name);
  }

  isForbidden(plural: string, group: string): boolean {
    return this.forbid.has(plural) || this.forbid.has(group ? `${plural}.${group}` : plural);
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  async handle(req: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
    const url = new URL(pathAndQuery, 'http://fixture.invalid');
    try {
      const body = ['POST', 'PUT', 'PATCH'].includes(req.method ?? '')
        ? await readBody(req)
        : undefined;
      const result = this.route(
        req.method ?? 'GET',
        url,
        body,
        String(req.headers['content-type'] ?? ''),
      );
      if (result.watch) return this.streamWatch(req, res, result.watch);
      sendJson(res, result.code ?? 200, result.body, req.headers['accept-encoding']);
    } catch (e) {
      const err =
        e instanceof ApiError
          ? e
          : new ApiError(500, 'InternalError', `Internal error occurred: ${(e as Error).message}`);
      sendJson(res, err.code, err.toStatus());
    }
  }

  /** The request routing, separated from Node's HTTP objects so unit tests can call it directly. */
  route(
    method: string,
    url: URL,
    rawBody?: string,
    contentType = 'application/json',
  ): { code?: number; body?: unknown; watch?: WatchRequest } {
    const segs = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;
    if (segs.length === 1 && segs[0] === 'version')
      return { body: { ...this.version, platform: 'linux/amd64' } };
    if (segs[0] === 'openapi') return this.openapi(method, segs);
    if (segs[0] === 'api' && segs.length === 1)
      return { body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] } };
    if (segs[0] === 'apis' && segs.length === 1) return { body: this.groupList() };
    if (segs[0] === 'apis' && segs.length === 2) {
      const g = this.groupList().groups.find((x) => x.name === segs[1]);
      if (!g) throw notFoundPath();
      return { body: { kind: 'APIGroup', apiVersion: 'v1', ...g } };
    }
    let group: string;
    let version: string;
    let rest: string[];
    if (segs[0] === 'api') [group, version, rest] = ['', segs[1], segs.slice(2)];
    else if (segs[0] === 'apis') [group, version, rest] = [segs[1], segs[2], segs.slice(3)];
    else throw notFoundPath();
    if (rest.length === 0) return { body: this.resourceList(group, version) };

    let namespace: string | undefined;
    let plural: string;
    let name: string | undefined;
    let sub: string | undefined;
    if (
      rest[0] === 'namespaces' &&
      rest.length >= 3 &&
      this.registry.byResource(group, version, rest[2])?.namespaced
    ) {
      [namespace, plural, name, sub] = [rest[1], rest[2], rest[3], rest[4]];
    } else {
      [plural, name, sub] = [rest[0], rest[1], rest[2]];
    }
    const r = this.registry.byResource(group, version, plural);
    if (!r || (namespace !== undefined && !r.namespaced)) throw notFoundPath();
    if (sub !== undefined && sub !== 'status') throw notFoundPath();

    const verb =
      method === 'GET'
        ? name
          ? q.get('watch') === 'true' || q.get('watch') === '1'
            ? 'watch'
            : 'get'
          : q.get('watch') === 'true' || q.get('watch') === '1'
            ? 'watch'
            : 'list'
        : (
            { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as Record<
              string,
              string
            >
          )[method];
    if (!verb) throw methodNotAllowed();
    if (r.createOnly && verb !== 'create') throw methodNotAllowed();
    if (this.isForbidden(r.plural, r.group)) throw this.forbidden(verb, r, namespace, name);

    const dryRun = q.getAll('dryRun').includes('All');
    const body = rawBody === undefined ? undefined : parseBody(rawBody, contentType);

    if (r.kind === 'SelfSubjectAccessReview') return { code: 201, body: this.accessReview(body) };
    if (r.kind === 'SelfSubjectReview') return { code: 201, body: selfSubjectReview(this.user) };
    if (r.group === 'user.openshift.io' && r.kind === 'User' && name === '~') {
      if (verb !== 'get') throw methodNotAllowed();
      return { body: currentUserObject(this.user) };
    }
    if (r.group === 'project.openshift.io' && r.kind === 'ProjectRequest') {
      const nsType = this.registry.byResource('', 'v1', 'namespaces')!;
      const ns = this.create(
        nsType,
        undefined,
        namespaceForProjectRequest(body, this.user),
        dryRun,
      );
      return { code: 201, body: projectOf(ns) };
    }

    switch (verb) {
      case 'get': {
        const o = this.store.get(storageKeyOf(r), namespace, name!);
        if (!o) throw notFound(r.plural, r.group, name!);
        return { body: this.present(r, o) };
      }
      case 'list':
        return { body: this.list(r, namespace, q) };
      case 'watch': {
        const fieldSelector = [q.get('fieldSelector'), name ? `metadata.name=${name}` : null]
          .filter(Boolean)
          .join(',');
        return {
          watch: {
            resource: r,
            namespace,
            labelSelector: q.get('labelSelector'),
            fieldSelector,
            resourceVersion: q.get('resourceVersion'),
            timeoutSeconds: Number(q.get('timeoutSeconds') ?? 0) || undefined,
          },
        };
      }
      case 'create':
        if (name) throw methodNotAllowed();
        return { code: 201, body: this.create(r, namespace, body, dryRun) };
      case 'update':
        if (!name) throw methodNotAllowed();
        return { body: this.update(r, namespace, name, body, sub, dryRun) };
      case 'patch': {
        if (!name) throw methodNotAllowed();
        return { body: this.patch(r, namespace, name, rawBody ?? '', contentType, sub, dryRun) };
      }
      case 'delete':
        if (!name) throw methodNotAllowed();
        return { body: this.delete(r, namespace, name, dryRun) };
      default:
        throw methodNotAllowed();
    }
  }

  /** `/openapi/v2`, `/openapi/v3` and `/openapi/v3/apis/<group>/<version>` (or `api/v1`). */
  private openapi(method: string, segs: string[]): { body: unknown } {
    if (method !== 'GET') throw methodNotAllowed();
    const all = this.registry.all();
    const gv = this.version.gitVersion;
    if (segs.length === 2 && segs[1] === 'v2') return { body: openApiV2(all, gv) };
    if (segs[1] === 'v3') {
      if (segs.length === 2) return { body: openApiV3Index(all) };
      const [group, version] =
        segs[2] === 'api' && segs.length === 4
          ? ['', segs[3]]
          : segs[2] === 'apis' && segs.length === 5
            ? [segs[3], segs[4]]
            : [undefined, undefined];
      const doc = group !== undefined ? openApiV3GroupVersion(all, group, version!, gv) : undefined;
      if (doc) return { body: doc };
    }
    throw notFoundPath();
  }

  private groupList() {
    const groups = [...this.registry.groups().entries()]
      .filter(([g]) => g !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, versions]) => {
        const sorted = [...versions].sort(compareKubeVersions);
        return {
          name,
          versions: sorted.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
          preferredVersion: { groupVersion: `${name}/${sorted[0]}`, version: sorted[0] },
        };
      });
    return { kind: 'APIGroupList' as const, apiVersion: 'v1', groups };
  }

  private resourceList(group: string, version: string) {
    const resources = this.registry.all().filter((r) => r.group === group && r.version === version);
    if (!resources.length) throw notFoundPath();
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: apiVersionOf({ group, version }),
      resources: resources.flatMap((r) => [
        {
          name: r.plural,
          singularName: r.singular,
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: verbsOf(r),
          ...(r.shortNames ? { shortNames: r.shortNames } : {}),
        },
        ...(r.statusSubresource && !r.createOnly
          ? [
              {
                name: `${r.plural}/status`,
                singularName: '',
                namespaced: r.namespaced,
                kind: r.kind,
                verbs: ['get', 'patch', 'update'],
              },
            ]
          : []),
      ]),
    };
  }

  /** Objects are stored version-independently; a response carries the version that was asked for. */
  private present(r: ResourceType, o: K8sObject): K8sObject {
    return { ...o, apiVersion: apiVersionOf(r), kind: r.kind };
  }

  private list(r: ResourceType, namespace: string | undefined, q: URLSearchParams) {
    const labels = parseLabelSelector(q.get('labelSelector'));
    const fields = parseFieldSelector(q.get('fieldSelector'));
    const items = this.store
      .list(storageKeyOf(r), r.namespaced ? namespace : undefined)
      .filter((o) => labels(o.metadata.labels) && fields(o))
      .map((o) => this.present(r, o));
    return {
      kind: `${r.kind}List`,
      apiVersion: apiVersionOf(r),
      metadata: { resourceVersion: String(this.store.resourceVersion) },
      items,
    };
  }

  private accessReview(body: unknown) {
    const spec = (body as { spec?: { resourceAttributes?: { resource?: string; group?: string } } })
      ?.spec;
    const attrs = spec?.resourceAttributes ?? {};
    const denied = !!attrs.resource && this.isForbidden(attrs.resource, attrs.group ?? '');
    return {
      ...(body as object),
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: { creationTimestamp: null },
      status: denied
        ? {
            allowed: false,
            denied: true,
            reason: `preview host started with --forbid ${attrs.resource}`,
          }
        : { allowed: true, reason: 'preview host: everything not forbidden is allowed' },
    };
  }

  private validateOrThrow(r: ResourceType, o: K8sObject, old?: K8sObject): void {
    const causes = this.validator.validate(r, o, old);
    if (causes.length) throw invalid(r.kind, r.group, o.metadata?.name ?? '', causes);
    // Validating admission runs after the schema, as in the apiserver (KubeVirt's webhook).
    const denied = kubevirtAdmission(r, o);
    if (denied) throw denied;
  }

  private checkKind(r: ResourceType, body: unknown): K8sObject {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw badRequest('the request body is not an object');
    const o = body as K8sObject;
    o.metadata = (o.metadata ?? {}) as K8sObject['metadata'];
    if (o.kind !== undefined && o.kind !== r.kind) {
      throw badRequest(
        `the API version in the data (${o.apiVersion}) does not match the expected API version (${apiVersionOf(r)})`,
      );
    }
    if (o.apiVersion !== undefined && o.apiVersion !== apiVersionOf(r)) {
      throw badRequest(
        `the API version in the data (${o.apiVersion}) does not match the expected API version (${apiVersionOf(r)})`,
      );
    }
    o.apiVersion = apiVersionOf(r);
    o.kind = r.kind;
    return o;
  }

  private checkNamespace(r: ResourceType, namespace: string | undefined, o: K8sObject): void {
    if (!r.namespaced) {
      delete o.metadata.namespace;
      return;
    }
    if (o.metadata.namespace && namespace && o.metadata.namespace !== namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    o.metadata.namespace = namespace ?? o.metadata.namespace;
    if (!o.metadata.namespace)
      throw badRequest('the server could not find the requested resource: a namespace is required');
    if (!this.store.get('/namespaces', undefined, o.metadata.namespace)) {
      throw notFound('namespaces', '', o.metadata.namespace);
    }
  }

  private create(
    r: ResourceType,
    namespace: string | undefined,
    body: unknown,
    dryRun: boolean,
  ): K8sObject {
    const o = this.checkKind(r, body);
    this.checkNamespace(r, namespace, o);
    if (!o.metadata.name && o.metadata.generateName) {
      let suffix = '';
      for (let i = 0; i < 5; i++)
        suffix += GENERATE_ALPHABET[Math.floor(Math.random() * GENERATE_ALPHABET.length)];
      o.metadata.name = `${o.metadata.generateName}${suffix}`;
    }
    if (o.metadata.resourceVersion) {
      throw invalid(r.kind, r.group, o.metadata.name ?? '', [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: must be empty on create',
          field: 'metadata.resourceVersion',
        },
      ]);
    }
    const prepared = this.store.prepareCreate(o);
    if (isNamespaceStorage(r)) this.defaultNamespace(prepared);
    this.validateOrThrow(r, prepared);
    if (this.store.get(storageKeyOf(r), prepared.metadata.namespace, prepared.metadata.name)) {
      throw alreadyExists(r.plural, r.group, prepared.metadata.name);
    }
    if (dryRun) return this.present(r, prepared);
    return this.present(r, this.store.write(storageKeyOf(r), prepared, 'ADDED'));
  }

  private update(
    r: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    sub: string | undefined,
    dryRun: boolean,
  ): K8sObject {
    const o = this.checkKind(r, body);
    if (o.metadata.name !== undefined && o.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${o.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    o.metadata.name = name;
    if (r.namespaced) {
      if (o.metadata.namespace && o.metadata.namespace !== namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      o.metadata.namespace = namespace;
    }
    const existing = this.store.get(storageKeyOf(r), namespace, name);
    if (!existing) throw notFound(r.plural, r.group, name);
    if (
      o.metadata.resourceVersion !== undefined &&
      o.metadata.resourceVersion !== existing.metadata.resourceVersion
    ) {
      throw conflict(r.plural, r.group, name);
    }
    let next: K8sObject;
    if (sub === 'status') {
      next = { ...existing, status: o.status };
    } else {
      next = { ...o, metadata: { ...o.metadata } };
      if (r.statusSubresource) {
        if (existing.status === undefined) delete next.status;
        else next.status = existing.status;
      }
    }
    // Fields the apiserver owns are kept from the stored object.
    next.metadata.uid = existing.metadata.uid;
    next.metadata.creationTimestamp = existing.metadata.creationTimestamp;
    next.metadata.generation =
      (existing.metadata.generation ?? 1) +
      (withoutMetaAndStatus(next) !== withoutMetaAndStatus(existing) ? 1 : 0);
    next.metadata.resourceVersion = existing.metadata.resourceVersion;
    this.validateOrThrow(r, next, existing);
    if (dryRun) return this.present(r, next);
    return this.present(r, this.store.write(storageKeyOf(r), next, 'MODIFIED'));
  }

  private patch(
    r: ResourceType,
    namespace: string | undefined,
    name: string,
    rawBody: string,
    contentType: string,
    sub: string | undefined,
    dryRun: boolean,
  ): K8sObject {
    const existing = this.store.get(storageKeyOf(r), namespace, name);
    if (!existing) throw notFound(r.plural, r.group, name);
    const current = this.present(r, existing);
    const type = contentType.split(';')[0].trim();
    let patched: unknown;
    try {
      const patchDoc = JSON.parse(rawBody) as unknown;
      const strategic = supportsStrategicMerge(r);
      if (type === 'application/json-patch+json') patched = applyJsonPatch(current, patchDoc);
      else if (type === 'application/merge-patch+json')
        patched = applyMergePatch(current, patchDoc);
      else if (type === 'application/strategic-merge-patch+json' && strategic)
        patched = applyStrategicMergePatch(current, patchDoc, r);
      else {
        // Custom resources have no Go type for the apiserver to read merge keys from.
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, ${strategic ? 'application/strategic-merge-patch+json' : 'application/apply-patch+yaml'}`,
        );
      }
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (e instanceof SyntaxError) throw badRequest(`error decoding patch: ${e.message}`);
      if (e instanceof PatchError || e instanceof StrategicMergeError) {
        throw new ApiError(
          422,
          'Invalid',
          ` "" is invalid: patch: Invalid value: ${JSON.stringify(rawBody)}: ${e.message}`,
          {
            causes: [
              {
                reason: 'FieldValueInvalid',
                message: `Invalid value: ${JSON.stringify(rawBody)}: ${e.message}`,
                field: 'patch',
              },
            ],
          },
        );
      }
      throw e;
    }
    const p = patched as K8sObject;
    if (!p || typeof p !== 'object' || !p.metadata)
      throw badRequest('the patch produced an object without metadata');
    if (p.metadata.resourceVersion === undefined)
      p.metadata.resourceVersion = existing.metadata.resourceVersion;
    return this.update(r, namespace, name, p, sub, dryRun);
  }

  private delete(
    r: ResourceType,
    namespace: string | undefined,
    name: string,
    dryRun: boolean,
  ): K8sObject {
    const existing = this.store.get(storageKeyOf(r), namespace, name);
    if (!existing) throw notFound(r.plural, r.group, name);
    if (dryRun) return this.present(r, existing);
    if (isNamespaceStorage(r)) {
      for (const { storageKey, object } of this.store.entries()) {
        if (object.metadata.namespace === name)
          this.store.remove(storageKey, name, object.metadata.name);
      }
    }
    return this.present(r, this.store.remove(storageKeyOf(r), namespace, name)!);
  }

  // --------------------------------------------------------------------------------------------- watch

  /** The events a watch delivers for one store event: selector transitions become ADDED/DELETED. */
  watchEventFor(w: WatchRequest, e: StoreEvent): { type: string; object: K8sObject } | undefined {
    if (e.storageKey !== storageKeyOf(w.resource)) return undefined;
    if (w.namespace !== undefined && e.object.metadata.namespace !== w.namespace) return undefined;
    const labels = parseLabelSelector(w.labelSelector);
    const fields = parseFieldSelector(w.fieldSelector);
    const sel = (o: K8sObject | undefined) => !!o && labels(o.metadata.labels) && fields(o);
    const now = sel(e.object);
    const before = e.type === 'MODIFIED' ? sel(e.previous) : e.type === 'DELETED';
    let type: string | undefined;
    if (e.type === 'ADDED') type = now ? 'ADDED' : undefined;
    else if (e.type === 'DELETED') type = now ? 'DELETED' : undefined;
    else type = now && before ? 'MODIFIED' : now ? 'ADDED' : before ? 'DELETED' : undefined;
    return type ? { type, object: this.present(w.resource, e.object) } : undefined;
  }

  /**
   * Runs a watch for any transport: `send` gets each event (the initial ones first: the whole selection
   * without a resourceVersion, the history since it otherwise), `end` is called when the server ends the
   * watch (a bad or expired resourceVersion is an ERROR event, then the end; timeoutSeconds). Returns the
   * function that stops it when the client goes away.
   */
  watch(
    w: WatchRequest,
    send: (ev: { type: string; object: unknown }) => void,
    end: () => void,
  ): () => void {
    const rv = w.resourceVersion;
    const initial: Array<{ type: string; object: unknown }> = [];
    if (!rv || rv === '0') {
      const labels = parseLabelSelector(w.labelSelector);
      const fields = parseFieldSelector(w.fieldSelector);
      this.store
        .list(storageKeyOf(w.resource), w.resource.namespaced ? w.namespace : undefined)
        .filter((o) => labels(o.metadata.labels) && fields(o))
        .forEach((o) => initial.push({ type: 'ADDED', object: this.present(w.resource, o) }));
    } else {
      const since = Number(rv);
      const failure = !Number.isFinite(since)
        ? badRequest(`invalid resourceVersion ${JSON.stringify(rv)}`)
        : since < this.store.oldestResourceVersion
          ? new ApiError(
              410,
              'Expired',
              `too old resource version: ${since} (${this.store.oldestResourceVersion})`,
            )
          : undefined;
      if (failure) {
        send({ type: 'ERROR', object: failure.toStatus() });
        end();
        return () => undefined;
      }
      for (const e of this.store.eventsSince(since)) {
        const ev = this.watchEventFor(w, e);
        if (ev) initial.push(ev);
      }
    }
    let stopped = false;
    const unsubscribe = this.store.subscribe((e) => {
      const ev = this.watchEventFor(w, e);
      if (ev) send(ev);
    });
    initial.forEach(send);
    const stop = () => {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
    const timer = w.timeoutSeconds
      ? setTimeout(() => {
          stop();
          end();
        }, w.timeoutSeconds * 1000)
      : undefined;
    return stop;
  }

  /** A watch as a streamed HTTP response: one JSON event per line, as the apiserver's chunked watch. */
  private streamWatch(req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();
    const stop = this.watch(
      w,
      (ev) => res.write(`${JSON.stringify(ev)}\n`),
      () => res.end(),
    );
    req.on('close', stop);
    res.on('close', stop);
  }
}

export interface WatchRequest {
  resource: ResourceType;
  namespace?: string;
  labelSelector: string | null;
  fieldSelector: string | null;
  resourceVersion: string | null;
  timeoutSeconds?: number;
}

const notFoundPath = () =>
  new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

const parseBody = (raw: string, contentType: string): unknown => {
  if (contentType.includes('patch')) return undefined; // patches are parsed by their own handler
  try {
    return contentType.includes('yaml') ? parseYaml(raw) : JSON.parse(raw);
  } catch (e) {
    throw badRequest(`the request body could not be decoded: ${(e as Error).message}`);
  }
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * As kube-apiserver answers (k8s.io/apiserver responsewriters, APIResponseCompression, on by
 * default since 1.16): a body over 128 KiB is gzipped at level 1 when the client accepts gzip. The
 * console's proxy passes `Accept-Encoding` and the encoded body through, so a large list (500 NADs)
 * reaches the browser compressed in the console too.
 */
const GZIP_THRESHOLD_BYTES = 128 * 1024;

/** As the API server negotiates: one `Accept-Encoding` token that is exactly `gzip`. */
const acceptsGzip = (acceptEncoding: string | string[] | undefined): boolean =>
  String(acceptEncoding ?? '')
    .split(',')
    .some((token) => token.trim() === 'gzip');

const sendJson = (
  res: ServerResponse,
  code: number,
  body: unknown,
  acceptEncoding?: string | string[],
): void => {
  const text = Buffer.from(JSON.stringify(body));
  const send = (bytes: Buffer, gzipped: boolean) => {
    res.writeHead(code, {
      'Content-Type': 'application/json',
      ...(gzipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      'Content-Length': bytes.length,
    });
    res.end(bytes);
  };
  if (text.length <= GZIP_THRESHOLD_BYTES || !acceptsGzip(acceptEncoding)) return send(text, false);
  // On libuv's thread pool: the other requests are answered meanwhile, as by a concurrent server.
  gzip(text, { level: 1 }, (error, gzipped) => (error ? send(text, false) : send(gzipped, true)));
};
