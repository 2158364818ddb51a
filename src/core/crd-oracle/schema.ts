/**
 * Structural OpenAPI v3 schema (as in a CRD) → a JSON Schema ajv can compile, keeping the
 * Kubernetes meaning of the vendor extensions:
 * - `x-kubernetes-int-or-string`: integer or string;
 * - `nullable: true`: null is accepted;
 * - `x-kubernetes-preserve-unknown-fields`: unknown fields are kept; everywhere else they would
 *   be pruned by the API server, and kubectl's default strict field validation turns them into
 *   errors, so `additionalProperties: false` is added (option `unknownFields: 'prune'` turns
 *   that off);
 * - `x-kubernetes-embedded-resource`: apiVersion/kind/metadata are allowed.
 * Everything else `x-kubernetes-*` (list types, validations) is handled by the CEL walker.
 */

export type JsonSchema = Record<string, unknown>;

const DROPPED = new Set(['description', 'example', 'externalDocs', 'nullable']);

export interface ConvertOptions {
  unknownFields: 'strict' | 'prune';
}

export const toAjvSchema = (node: JsonSchema, opts: ConvertOptions, root = true): JsonSchema => {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-kubernetes-')) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const props: Record<string, JsonSchema> = {};
      for (const [name, sub] of Object.entries(value as Record<string, JsonSchema>)) {
        props[name] = toAjvSchema(sub, opts, false);
      }
      out.properties = props;
    } else if (
      (key === 'items' || key === 'additionalProperties' || key === 'not') &&
      value &&
      typeof value === 'object'
    ) {
      out[key] = toAjvSchema(value as JsonSchema, opts, false);
    } else if ((key === 'anyOf' || key === 'allOf' || key === 'oneOf') && Array.isArray(value)) {
      // Inside these, Kubernetes forbids type/properties-changing constructs (structural rule),
      // so the branches are value validations only and need no unknown-field handling.
      out[key] = value.map((v: JsonSchema) => toAjvSchema(v, { unknownFields: 'prune' }, false));
    } else {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string'] === true && out.type === undefined) {
    out.type = ['integer', 'string'];
    // The anyOf [{type: integer}, {type: string}] that controller-gen writes beside it is redundant.
    delete out.anyOf;
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type)) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  if (root || embedded) {
    const props = (out.properties ?? {}) as Record<string, JsonSchema>;
    props.apiVersion ??= { type: 'string' };
    props.kind ??= { type: 'string' };
    props.metadata ??= { type: 'object' };
    out.properties = props;
  }
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (
    opts.unknownFields === 'strict' &&
    !preserve &&
    out.properties !== undefined &&
    out.additionalProperties === undefined
  ) {
    out.additionalProperties = false;
  }
  return out;
};

/** Objects are pruned the way the API server prunes them, so CEL sees what would be stored. */
export const prune = (schema: JsonSchema, value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    return items ? value.map((v) => prune(items, v)) : value;
  }
  if (!value || typeof value !== 'object') return value;
  if (schema['x-kubernetes-preserve-unknown-fields'] === true && !schema.properties) return value;
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  const additional = schema.additionalProperties as JsonSchema | boolean | undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (props?.[k]) out[k] = prune(props[k], v);
    else if (additional && typeof additional === 'object') out[k] = prune(additional, v);
    else if (additional === true || schema['x-kubernetes-preserve-unknown-fields'] === true)
      out[k] = v;
  }
  return out;
};

/**
 * The API server drops `null` for fields that are not `nullable` before defaulting and
 * validation (so `from:` with no value in YAML means "field unset", not a type error).
 */
export const dropNulls = (schema: JsonSchema | undefined, value: unknown): unknown => {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    return value.map((v) => dropNulls(items, v));
  }
  if (!value || typeof value !== 'object') return value;
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  const additional = schema.additionalProperties;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const sub =
      props?.[k] ??
      (additional && typeof additional === 'object' ? (additional as JsonSchema) : undefined);
    if (v === null && sub && sub.nullable !== true) continue;
    out[k] = dropNulls(sub, v);
  }
  return out;
};
