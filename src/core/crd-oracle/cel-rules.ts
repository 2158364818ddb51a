/**
 * Evaluates the `x-kubernetes-validations` of a structural schema against an object the way the
 * API server does: each rule at its own location (`self` = the value there, for `[]` each list
 * item, for maps each value), only where the value is present, transition rules (`oldSelf`) only
 * when the old object has a correlatable value at the same place (object fields by name, map
 * values by key, items of `listType: map` by their keys, of `listType: set` by value).
 */
import { CompiledRule, compileRule, toCel } from './cel-env';
import type { JsonSchema } from './schema';

export interface CelFinding {
  path: string;
  message: string;
  rule: string;
}

interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

const usesOldSelf = (rule: string): boolean => /\boldSelf\b/.test(rule);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

const joinPath = (base: string, key: string): string => (base ? `${base}.${key}` : key);

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const correlateListItem = (
  schema: JsonSchema,
  item: unknown,
  oldList: unknown[],
): { found: boolean; old?: unknown } => {
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'map' && isPlainObject(item)) {
    const keys = (schema['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
    const old = oldList.find(
      (o) => isPlainObject(o) && keys.every((k) => deepEqual(o[k], item[k])),
    );
    return old === undefined ? { found: false } : { found: true, old };
  }
  if (listType === 'set') {
    const old = oldList.find((o) => deepEqual(o, item));
    return old === undefined ? { found: false } : { found: true, old };
  }
  return { found: false };
};

const evaluate = (fn: CompiledRule, self: unknown, oldSelf: unknown, hasOld: boolean): unknown =>
  fn(hasOld ? { self: toCel(self), oldSelf: toCel(oldSelf) } : { self: toCel(self) });

const describeError = (e: unknown): string => {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0];
};

export const evaluateRules = (
  schema: JsonSchema,
  value: unknown,
  path: string,
  old: { has: boolean; value?: unknown },
  out: CelFinding[],
): void => {
  if (value === undefined) return;
  const rules = (schema['x-kubernetes-validations'] as ValidationRule[] | undefined) ?? [];
  for (const r of rules) {
    const transition = usesOldSelf(r.rule);
    if (transition && !old.has && !r.optionalOldSelf) continue;
    const rulePath = r.fieldPath ? `${path}${r.fieldPath}` : path;
    let result: unknown;
    try {
      result = evaluate(compileRule(r.rule), value, old.value, old.has);
    } catch (e) {
      out.push({
        path: rulePath,
        rule: r.rule,
        message: `rule evaluation error: ${describeError(e)}`,
      });
      continue;
    }
    if (result !== true) {
      let message = r.message ?? `failed rule: ${r.rule}`;
      if (r.messageExpression) {
        try {
          const m = evaluate(compileRule(r.messageExpression), value, old.value, old.has);
          if (typeof m === 'string' && m.trim()) message = m;
        } catch {
          // The API server falls back to `message` when messageExpression fails.
        }
      }
      out.push({ path: rulePath, rule: r.rule, message });
    }
  }

  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    if (!items) return;
    const oldList = old.has && Array.isArray(old.value) ? old.value : undefined;
    value.forEach((item, i) => {
      const corr = oldList ? correlateListItem(schema, item, oldList) : { found: false };
      evaluateRules(items, item, `${path}[${i}]`, { has: corr.found, value: corr.old }, out);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  const oldObj = old.has && isPlainObject(old.value) ? old.value : undefined;
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  const additional = schema.additionalProperties as JsonSchema | boolean | undefined;
  for (const [k, v] of Object.entries(value)) {
    const sub =
      props?.[k] ?? (additional && typeof additional === 'object' ? additional : undefined);
    if (!sub) continue;
    const childPath = props?.[k] ? joinPath(path, k) : `${path}[${JSON.stringify(k)}]`;
    const hasOld = !!oldObj && Object.prototype.hasOwnProperty.call(oldObj, k);
    evaluateRules(sub, v, childPath, { has: hasOld, value: hasOld ? oldObj[k] : undefined }, out);
  }
};
