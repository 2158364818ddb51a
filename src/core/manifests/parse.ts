/**
 * Parsing manifest text the way `kubectl apply -f` reads it: YAML or JSON, several documents per
 * file, `List` kinds (v1 List, PodList, NamespaceList, …) unwrapped into their items.
 */
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../k8s/types';

export interface ManifestProblem {
  source: string;
  message: string;
}

export interface ParsedManifests {
  objects: K8sObject[];
  problems: ManifestProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

const unwrap = (
  value: unknown,
  out: K8sObject[],
  itemKind?: string,
  itemApiVersion?: string,
): void => {
  if (Array.isArray(value)) {
    for (const item of value) unwrap(item, out);
    return;
  }
  if (!isObject(value)) return;
  // Items of a typed list (PodList, …) carry neither kind nor apiVersion: the list says them.
  const kind = typeof value.kind === 'string' ? value.kind : itemKind;
  if (kind && kind.endsWith('List') && Array.isArray(value.items)) {
    const typed = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    for (const item of value.items) {
      unwrap(item, out, typed, typeof value.apiVersion === 'string' ? value.apiVersion : undefined);
    }
    return;
  }
  // A document without kind is not a Kubernetes object (e.g. a values file beside the manifests).
  if (!kind) return;
  out.push({
    ...value,
    kind,
    ...(value.apiVersion === undefined && itemApiVersion ? { apiVersion: itemApiVersion } : {}),
  } as K8sObject);
};

/**
 * Go's YAML parser (what kubectl uses) accepts a multi-line quoted scalar whose continuation lines
 * are not indented past their key, e.g. a NAD `config: '{` closed by `}'` at the key's column;
 * the YAML 1.2 parser does not. Indenting those continuation lines keeps the value unchanged
 * (line folding trims the leading spaces).
 */
export const relaxQuotedIndentation = (text: string): string => {
  const lines = text.split('\n');
  const out: string[] = [];
  let open: { quote: string; indent: number } | undefined;
  const closes = (s: string, quote: string): boolean => {
    for (let i = 0; i < s.length; i++) {
      if (quote === "'" && s[i] === "'") {
        if (s[i + 1] === "'") i++;
        else return true;
      } else if (quote === '"' && s[i] === '\\') i++;
      else if (quote === '"' && s[i] === '"') return true;
    }
    return false;
  };
  for (const line of lines) {
    if (open) {
      const indent = line.length - line.trimStart().length;
      out.push(
        line.trim() && indent <= open.indent ? ' '.repeat(open.indent + 2 - indent) + line : line,
      );
      if (closes(line, open.quote)) open = undefined;
      continue;
    }
    out.push(line);
    const m = /^(\s*)(?:-\s+)?[^\s#'"][^#'"]*:\s+(['"])(.*)$/.exec(line);
    if (m && !closes(m[3], m[2])) open = { quote: m[2], indent: m[1].length };
  }
  return out.join('\n');
};

/**
 * Go's YAML parser (kubectl's) also takes a multi-line flow sequence or mapping (`[` … `]`) whose
 * continuation lines start at or left of their key, or are indented with tabs (a tab is plain
 * whitespace inside flow context). Re-indenting those lines with spaces past the key keeps the
 * value unchanged.
 */
export const relaxFlowIndentation = (text: string): string => {
  const out: string[] = [];
  let depth = 0;
  let indent = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/#.*$/, '').replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '');
    if (depth > 0) {
      out.push(line.trim() ? ' '.repeat(indent + 2) + line.replace(/^[\t ]+/, '') : line);
    } else {
      out.push(line);
      indent = line.length - line.replace(/^[\t ]+/, '').length;
    }
    for (const ch of body) {
      if (ch === '[' || ch === '{') depth++;
      else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    }
  }
  return out.join('\n');
};

const parseText = (text: string, source: string): ParsedManifests & { errors: number } => {
  const objects: K8sObject[] = [];
  const problems: ManifestProblem[] = [];
  let errors = 0;
  // YAML 1.2 is a superset of JSON, so one parser reads both (JSON arrays of objects included).
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      errors += doc.errors.length;
      problems.push({ source, message: doc.errors[0].message });
      continue;
    }
    unwrap(doc.toJS(), objects);
  }
  return { objects, problems, errors };
};

/** Every object in `text`; a document that does not parse is reported, the others are kept. */
export const parseManifests = (input: string, source = '<input>'): ParsedManifests => {
  const text = input.replace(/\r\n?/g, '\n');
  const strict = parseText(text, source);
  if (strict.errors === 0) return { objects: strict.objects, problems: strict.problems };
  const candidates = [
    strict,
    parseText(relaxQuotedIndentation(text), source),
    parseText(relaxFlowIndentation(text), source),
    parseText(relaxFlowIndentation(relaxQuotedIndentation(text)), source),
  ];
  const best = candidates.reduce((a, b) => (b.errors < a.errors ? b : a));
  return { objects: best.objects, problems: best.problems };
};
