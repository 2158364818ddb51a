/**
 * A label selector as one line of text, the way `kubectl -l` writes it:
 * `env=prod, team in (a,b), tier notin (x), has-key, !no-key, k!=v`.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../../../core/k8s/types';
import type { FieldError } from '../../../core/validation/types';

const splitTerms = (text: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
};

const values = (list: string) =>
  list
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export interface ParsedSelector {
  selector: Required<LabelSelector>;
  /** Terms that are not selector syntax, as typed. */
  unreadable: string[];
}

/** Marks the key for i18next-parser; `formatFieldError` translates it (see core/model/messages.ts). */
const t = <S extends string>(key: S): S => key;

/** The field errors for the terms of a typed selector that are not selector syntax. */
export const unreadableSelectorErrors = (field: string, parsed: ParsedSelector): FieldError[] =>
  parsed.unreadable.map((term) => ({
    field,
    message: t(
      'Cannot read "{{term}}": write key=value, key in (a,b), key notin (a,b), key or !key.',
    ),
    params: { term },
  }));

export const parseSelectorText = (text: string): ParsedSelector => {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  const unreadable: string[] = [];
  for (const term of splitTerms(text)) {
    let m: RegExpExecArray | null;
    if ((m = /^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/i.exec(term))) {
      matchExpressions.push({
        key: m[1],
        operator: m[2].toLowerCase() === 'in' ? 'In' : 'NotIn',
        values: values(m[3]),
      });
    } else if ((m = /^(\S+?)\s*!=\s*(\S*)$/.exec(term))) {
      matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    } else if ((m = /^(\S+?)\s*==?\s*(\S*)$/.exec(term))) {
      matchLabels[m[1]] = m[2];
    } else if ((m = /^!\s*(\S+)$/.exec(term))) {
      matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    } else if (/^\S+$/.test(term)) {
      matchExpressions.push({ key: term, operator: 'Exists' });
    } else unreadable.push(term);
  }
  return { selector: { matchLabels, matchExpressions }, unreadable };
};

export const selectorToText = (s: LabelSelector): string =>
  [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s.matchExpressions ?? []).map((e) => {
      switch (e.operator) {
        case 'Exists':
          return e.key;
        case 'DoesNotExist':
          return `!${e.key}`;
        case 'NotIn':
          return `${e.key} notin (${(e.values ?? []).join(',')})`;
        default:
          return `${e.key} in (${(e.values ?? []).join(',')})`;
      }
    }),
  ].join(', ');
