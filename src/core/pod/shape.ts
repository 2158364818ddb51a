/**
 * Shape checks for values other components write (annotations, statuses, other objects' specs).
 * Each reader returns the value when it has the expected type, else undefined, and records what
 * was wrong in `issues` so the object can be reported with its raw data instead of breaking a page.
 */
import { isRecord } from './parse-result';

export type Issues = string[];

export const str = (v: unknown, path: string, issues: Issues): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  issues.push(`${path}: expected a string, got ${typeName(v)}`);
  return undefined;
};

export const num = (v: unknown, path: string, issues: Issues): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  issues.push(`${path}: expected a number, got ${typeName(v)}`);
  return undefined;
};

export const bool = (v: unknown, path: string, issues: Issues): boolean | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  issues.push(`${path}: expected true or false, got ${typeName(v)}`);
  return undefined;
};

/** A list of strings; non-string entries are dropped and reported. */
export const strings = (v: unknown, path: string, issues: Issues): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    issues.push(`${path}: expected a list of strings, got ${typeName(v)}`);
    return undefined;
  }
  const out = v.filter((e): e is string => typeof e === 'string');
  if (out.length !== v.length) issues.push(`${path}: holds entries that are not strings`);
  return out;
};

export const record = (
  v: unknown,
  path: string,
  issues: Issues,
): Record<string, unknown> | undefined => {
  if (v === undefined || v === null) return undefined;
  if (isRecord(v)) return v;
  issues.push(`${path}: expected an object, got ${typeName(v)}`);
  return undefined;
};

/** A list of objects; other entries are dropped and reported. */
export const records = (
  v: unknown,
  path: string,
  issues: Issues,
): Record<string, unknown>[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    issues.push(`${path}: expected a list, got ${typeName(v)}`);
    return undefined;
  }
  const out = v.filter(isRecord);
  if (out.length !== v.length) issues.push(`${path}: holds entries that are not objects`);
  return out;
};

export const typeName = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : `a ${typeof v}`;
