/**
 * Schema validation of what clients send, behind one small interface so the JSON-schema checker here can be
 * swapped for (or combined with) the project's CRD oracle, which also evaluates CEL rules.
 * Errors are apiserver-style causes: `field` as `spec.layer2.subnets[0]`, `reason` FieldValue*.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ResourceType } from './resources';
import type { StatusCause } from './status';

export interface ObjectValidator {
  validate(resource: ResourceType, obj: unknown, oldObj?: unknown): StatusCause[];
}

const fieldOf = (instancePath: string, extra?: string): string => {
  const segs = instancePath.split('/').slice(1);
  if (extra !== undefined) segs.push(extra);
  return segs
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
};

const show = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? 'null');

const valueAt = (root: unknown, instancePath: string): unknown =>
  instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined),
      root,
    );

export const causeOf = (e: ErrorObject, root: unknown): StatusCause => {
  const value = valueAt(root, e.instancePath);
  const field = fieldOf(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: fieldOf(e.instancePath, missing),
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(show).join(', ');
      return {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${show(value)}: supported values: ${allowed}`,
        field,
      };
    }
    case 'type':
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: ${show(value)}: ${field} in body must be of type ${(e.params as { type: string }).type}: ${show(value)}`,
        field,
      };
    case 'maxItems':
      return {
        reason: 'FieldValueTooMany',
        message: `Too many: ${Array.isArray(value) ? value.length : '?'}: must have at most ${(e.params as { limit: number }).limit} items`,
        field,
      };
    default:
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${show(value)}: ${field} in body ${e.message ?? 'is invalid'}`,
        field,
      };
  }
};

/** Checks the openAPIV3Schema of CRD-backed resources (and vendored JSON schemas) with ajv. */
export class JsonSchemaValidator implements ObjectValidator {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    unicodeRegExp: false,
  });
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  validate(resource: ResourceType, obj: unknown): StatusCause[] {
    if (!resource.schema) return [];
    let fn = this.compiled.get(resource.schema);
    if (!fn) {
      fn = this.ajv.compile(resource.schema);
      this.compiled.set(resource.schema, fn);
    }
    if (fn(obj)) return [];
    const errors = fn.errors ?? [];
    // A failed anyOf/oneOf reports every branch's error too; the apiserver reports the combinator once.
    const inBranch = (e: ErrorObject) => /\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath);
    const seen = new Set<string>();
    return errors
      .filter((e) => !inBranch(e))
      .map((e) => causeOf(e, obj))
      .filter((c) => {
        const key = `${c.field}|${c.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}

/** Runs several validators and concatenates their causes, dropping exact duplicates. */
export const combineValidators = (...validators: ObjectValidator[]): ObjectValidator => ({
  validate: (resource, obj, oldObj) => {
    const seen = new Set<string>();
    return validators
      .flatMap((v) => v.validate(resource, obj, oldObj))
      .filter((c) => {
        const key = `${c.field}|${c.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  },
});

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The apiserver's object-meta checks that apply to every kind (names are DNS subdomains). */
export const metadataValidator: ObjectValidator = {
  validate: (_resource, obj) => {
    const name = (obj as { metadata?: { name?: unknown } })?.metadata?.name;
    if (typeof name !== 'string' || name === '') {
      return [
        {
          reason: 'FieldValueRequired',
          message: 'Required value: name or generateName is required',
          field: 'metadata.name',
        },
      ];
    }
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
      return [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
          field: 'metadata.name',
        },
      ];
    }
    return [];
  },
};

/** The project's CRD oracle (OpenAPI schema + CEL rules + admission checks) as an ObjectValidator. */
export interface OracleFinding {
  path: string;
  message: string;
  rule?: string;
  kind: string;
}

export const oracleValidator = (
  createValidator: () => (obj: unknown, opts?: { oldObj?: unknown }) => OracleFinding[],
): ObjectValidator => {
  let validate: ReturnType<typeof createValidator> | undefined;
  return {
    validate: (_resource, obj, oldObj) => {
      validate ??= createValidator();
      return validate(obj, oldObj === undefined ? {} : { oldObj }).map((f) => ({
        reason:
          f.rule === 'required'
            ? 'FieldValueRequired'
            : f.rule === 'enum'
              ? 'FieldValueNotSupported'
              : f.rule === 'type'
                ? 'FieldValueTypeInvalid'
                : 'FieldValueInvalid',
        message: f.message,
        field: f.path || undefined,
      }));
    },
  };
};

/**
 * Resources defined by a CRD go to `crdValidator` (the oracle evaluates CEL too); the rest (built-in kinds with a
 * vendored JSON schema, such as KubeVirt's VirtualMachine) get the object-meta checks and the JSON schema.
 */
export const routeValidators = (
  crdValidator: ObjectValidator,
  isCrdBacked: (r: ResourceType) => boolean,
): ObjectValidator => {
  const others = combineValidators(metadataValidator, new JsonSchemaValidator());
  return {
    validate: (r, obj, old) =>
      isCrdBacked(r) ? crdValidator.validate(r, obj, old) : others.validate(r, obj, old),
  };
};
