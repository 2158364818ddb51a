/**
 * The test oracle: validates an object the way the API server would, against the real CRDs —
 * OpenAPI schema (ajv) and CEL rules (cel-js + the Kubernetes IP/CIDR/format libraries), plus
 * the object-meta checks every create goes through and, for NADs, the OpenShift multus admission
 * webhook (rejects a `spec.config` that is not a CNI config). Synchronous after construction,
 * no Node APIs: the fixture API server and the browser preview can both use it.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CelFinding, evaluateRules } from './cel-rules';
import { qualifiedNameErrors } from './cel-env';
import { JsonSchema, dropNulls, prune, toAjvSchema } from './schema';

export interface Finding {
  /** Field path in the object, e.g. `spec.layer2.subnets[0]`. */
  path: string;
  message: string;
  /** The CEL expression that failed, or the schema keyword / admission check. */
  rule?: string;
  kind: 'schema' | 'cel';
}

export interface ValidateOptions {
  /** The stored object, for an update: enables transition rules (`oldSelf`). */
  oldObj?: unknown;
}

export type CRDValidator = (obj: unknown, opts?: ValidateOptions) => Finding[];

export interface CRDValidatorOptions {
  /** `strict` (kubectl's default field validation) reports unknown fields; `prune` drops them. */
  unknownFields?: 'strict' | 'prune';
}

interface CRDVersionEntry {
  schema: JsonSchema;
  validate: ValidateFunction;
  namespaced: boolean;
}

interface CRDDocument {
  kind?: string;
  spec?: {
    group: string;
    names: { kind: string };
    scope?: string;
    versions: { name: string; served?: boolean; schema?: { openAPIV3Schema?: JsonSchema } }[];
  };
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const INT32 = {
  type: 'number' as const,
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
const INT64 = { type: 'number' as const, validate: (n: number) => Number.isInteger(n) };

const newAjv = (): Ajv => {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    useDefaults: true,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addFormat('int32', INT32);
  ajv.addFormat('int64', INT64);
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  return ajv;
};

/** `/spec/layer2/subnets/0` → `spec.layer2.subnets[0]`, using the object to tell list indexes from keys. */
const pointerToPath = (pointer: string, root: unknown): string => {
  const segs = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: unknown = root;
  let out = '';
  for (const s of segs) {
    if (Array.isArray(cur)) out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[s] : undefined;
  }
  return out;
};

const schemaFinding = (e: ErrorObject, root: unknown): Finding => {
  const base = pointerToPath(e.instancePath, root);
  const join = (k: string) => (base ? `${base}.${k}` : k);
  switch (e.keyword) {
    case 'required':
      return {
        kind: 'schema',
        rule: 'required',
        path: join(String(e.params.missingProperty)),
        message: 'Required value',
      };
    case 'additionalProperties':
      return {
        kind: 'schema',
        rule: 'unknown field',
        path: join(String(e.params.additionalProperty)),
        message: `unknown field "${join(String(e.params.additionalProperty))}"`,
      };
    case 'enum':
      return {
        kind: 'schema',
        rule: 'enum',
        path: base,
        message: `Unsupported value: supported values: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'type':
      return {
        kind: 'schema',
        rule: 'type',
        path: base,
        message: `Invalid value: must be of type ${String(e.params.type)}`,
      };
    default:
      return {
        kind: 'schema',
        rule: e.keyword,
        path: base,
        message: `Invalid value: ${e.message ?? e.keyword}`,
      };
  }
};

const metaFindings = (obj: Record<string, unknown>, namespaced: boolean): Finding[] => {
  const out: Finding[] = [];
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  const name = meta.name;
  if (typeof name !== 'string' || name === '') {
    if (!meta.generateName)
      out.push({
        kind: 'schema',
        rule: 'metadata',
        path: 'metadata.name',
        message: 'Required value: name or generateName is required',
      });
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    out.push({
      kind: 'schema',
      rule: 'metadata',
      path: 'metadata.name',
      message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    });
  }
  if (
    namespaced &&
    typeof meta.namespace === 'string' &&
    meta.namespace !== '' &&
    !DNS1123_LABEL.test(meta.namespace)
  ) {
    out.push({
      kind: 'schema',
      rule: 'metadata',
      path: 'metadata.namespace',
      message: `Invalid value: ${JSON.stringify(meta.namespace)}: a lowercase RFC 1123 label is required`,
    });
  }
  if (!namespaced && meta.namespace) {
    // The API server ignores/clears it for cluster-scoped kinds; not an error, nothing to report.
  }
  const labels = (meta.labels ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(labels)) {
    for (const err of qualifiedNameErrors(k)) {
      out.push({
        kind: 'schema',
        rule: 'metadata',
        path: `metadata.labels[${JSON.stringify(k)}]`,
        message: `Invalid value: ${JSON.stringify(k)}: ${err}`,
      });
    }
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) {
      out.push({
        kind: 'schema',
        rule: 'metadata',
        path: `metadata.labels[${JSON.stringify(k)}]`,
        message: `Invalid value: ${JSON.stringify(v)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63)`,
      });
    }
  }
  const annotations = (meta.annotations ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(annotations)) {
    for (const err of qualifiedNameErrors(k.toLowerCase())) {
      out.push({
        kind: 'schema',
        rule: 'metadata',
        path: `metadata.annotations[${JSON.stringify(k)}]`,
        message: `Invalid value: ${JSON.stringify(k)}: ${err}`,
      });
    }
  }
  return out;
};

/**
 * OpenShift's multus admission controller (net-attach-def-admission-controller) refuses a NAD
 * whose config does not parse as a CNI config ("invalid config: error parsing configuration").
 */
const nadAdmissionFindings = (obj: Record<string, unknown>): Finding[] => {
  const config = (obj.spec as Record<string, unknown> | undefined)?.config;
  if (typeof config !== 'string' || config.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch (e) {
    return [
      {
        kind: 'schema',
        rule: 'admission: CNI config must be JSON',
        path: 'spec.config',
        message: `invalid config: error parsing configuration: ${(e as Error).message}`,
      },
    ];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [
      {
        kind: 'schema',
        rule: 'admission: CNI config must be a JSON object',
        path: 'spec.config',
        message: 'invalid config: error parsing configuration: not a JSON object',
      },
    ];
  }
  const conf = parsed as Record<string, unknown>;
  if ('plugins' in conf) {
    if (!Array.isArray(conf.plugins)) {
      return [
        {
          kind: 'schema',
          rule: 'admission: plugins must be a list',
          path: 'spec.config',
          message: 'invalid config: error parsing configuration list: plugins must be a list',
        },
      ];
    }
    return [];
  }
  if (typeof conf.type !== 'string' || conf.type === '') {
    return [
      {
        kind: 'schema',
        rule: "admission: CNI config needs 'type'",
        path: 'spec.config',
        message: "invalid config: error parsing configuration: missing 'type'",
      },
    ];
  }
  return [];
};

export const createCRDValidator = (
  crds: object[],
  options: CRDValidatorOptions = {},
): CRDValidator => {
  const ajv = newAjv();
  const unknownFields = options.unknownFields ?? 'strict';
  const byGVK = new Map<string, CRDVersionEntry>();
  for (const doc of crds as CRDDocument[]) {
    if (doc?.kind !== 'CustomResourceDefinition' || !doc.spec) continue;
    const { group, names, scope, versions } = doc.spec;
    for (const v of versions) {
      const schema = v.schema?.openAPIV3Schema;
      if (!schema || v.served === false) continue;
      byGVK.set(`${group}/${v.name}/${names.kind}`, {
        schema,
        validate: ajv.compile(toAjvSchema(schema, { unknownFields })),
        namespaced: scope !== 'Cluster',
      });
    }
  }

  return (obj, opts = {}) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      return [
        { kind: 'schema', path: '', message: 'Invalid value: the object must be a JSON object' },
      ];
    }
    const o = obj as Record<string, unknown>;
    const entry = byGVK.get(`${String(o.apiVersion)}/${String(o.kind)}`);
    if (!entry) {
      return [
        {
          kind: 'schema',
          rule: 'kind',
          path: 'kind',
          message: `no matches for kind "${String(o.kind)}" in version "${String(o.apiVersion)}"`,
        },
      ];
    }
    const findings: Finding[] = [...metaFindings(o, entry.namespaced)];
    // Defaults are applied before validation, as the API server does; work on a copy.
    const candidate = dropNulls(entry.schema, JSON.parse(JSON.stringify(o))) as Record<
      string,
      unknown
    >;
    if (!entry.validate(candidate)) {
      findings.push(...(entry.validate.errors ?? []).map((e) => schemaFinding(e, candidate)));
    }
    if (o.kind === 'NetworkAttachmentDefinition') findings.push(...nadAdmissionFindings(o));
    // Like the API server, CEL is not run over values of the wrong type.
    if (findings.some((f) => f.rule === 'type')) {
      findings.push({
        kind: 'cel',
        path: '',
        message:
          'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      });
      return findings;
    }
    const stored = prune(entry.schema, candidate);
    const oldStored =
      opts.oldObj === undefined
        ? undefined
        : prune(entry.schema, dropNulls(entry.schema, JSON.parse(JSON.stringify(opts.oldObj))));
    const cel: CelFinding[] = [];
    evaluateRules(
      entry.schema,
      stored,
      '',
      { has: oldStored !== undefined, value: oldStored },
      cel,
    );
    findings.push(...cel.map((f) => ({ ...f, kind: 'cel' as const })));
    return findings;
  };
};
