/**
 * Label and field selectors with the apiserver's syntax (k8s.io/apimachinery/pkg/labels and fields):
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-separated and ANDed.
 */
import { badRequest } from './status';

type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export type Matcher = (labels: Record<string, string> | undefined) => boolean;

/** Splits on commas that are not inside a `( … )` value set. */
const splitTopLevel = (s: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
};

const parseRequirement = (expr: string): Requirement => {
  let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(expr);
  if (m) {
    return {
      key: m[1],
      op: m[2] as 'in' | 'notin',
      values: m[3]
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  }
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(expr);
  if (m) return { key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] };
  m = /^!\s*([^=!\s]+)$/.exec(expr);
  if (m) return { key: m[1], op: 'notexists' };
  m = /^([^=!\s(),]+)$/.exec(expr);
  if (m) return { key: m[1], op: 'exists' };
  throw badRequest(`unable to parse requirement: ${JSON.stringify(expr)}`);
};

const matches = (r: Requirement, labels: Record<string, string>): boolean => {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'eq':
      return has && labels[r.key] === r.value;
    case 'neq':
      return !has || labels[r.key] !== r.value;
    case 'in':
      return has && r.values.includes(labels[r.key]);
    case 'notin':
      return !has || !r.values.includes(labels[r.key]);
    case 'exists':
      return has;
    case 'notexists':
      return !has;
  }
};

export const parseLabelSelector = (selector: string | null | undefined): Matcher => {
  if (!selector) return () => true;
  const reqs = splitTopLevel(selector).map(parseRequirement);
  return (labels) => reqs.every((r) => matches(r, labels ?? {}));
};

/** Field selectors address dotted paths of the object (`metadata.name`, `status.phase`); only =, ==, != exist. */
export const parseFieldSelector = (
  selector: string | null | undefined,
): ((obj: unknown) => boolean) => {
  if (!selector) return () => true;
  const reqs = splitTopLevel(selector).map((expr) => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(expr);
    if (!m) throw badRequest(`invalid field selector: ${JSON.stringify(expr)}`);
    return { path: m[1].split('.'), neq: m[2] === '!=', value: m[3].trim() };
  });
  return (obj) =>
    reqs.every((r) => {
      let v: unknown = obj;
      for (const seg of r.path)
        v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
      const s = v === undefined || v === null ? '' : String(v);
      return r.neq ? s !== r.value : s === r.value;
    });
};
