/**
 * Kubernetes label-selector matching (metav1.LabelSelector), shared by CUDN namespace selection
 * and policy analysis.
 *
 * Choice for missing selectors: `undefined`/`null` matches NOTHING, `{}` matches EVERYTHING. That is
 * what metav1.LabelSelectorAsSelector does (nil → labels.Nothing(), empty → labels.Everything()),
 * and what CUDN namespaceSelector and NetworkPolicy peer selectors follow. Callers for which the API
 * says an omitted field means "all" (e.g. a NetworkPolicy's `spec.podSelector`) pass `{}` themselves.
 * An unknown operator or an In/NotIn without values makes the selector invalid; invalid selectors
 * match nothing, as the API server would have rejected them.
 */
import type { LabelSelector, LabelSelectorRequirement, Labels } from './types';

const requirementMatches = (labels: Labels, r: LabelSelectorRequirement): boolean | undefined => {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'In':
      if (!r.values?.length) return undefined;
      return has && r.values.includes(labels[r.key]);
    case 'NotIn':
      if (!r.values?.length) return undefined;
      return !has || !r.values.includes(labels[r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return undefined;
  }
};

export const isValidSelector = (selector: LabelSelector): boolean =>
  (selector.matchExpressions ?? []).every((r) =>
    ['Exists', 'DoesNotExist'].includes(r.operator)
      ? true
      : ['In', 'NotIn'].includes(r.operator) && !!r.values?.length,
  );

export const matchesSelector = (
  labels: Labels | undefined,
  selector: LabelSelector | null | undefined,
): boolean => {
  if (selector === undefined || selector === null) return false;
  const l = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (l[key] !== value) return false;
  }
  for (const r of selector.matchExpressions ?? []) {
    if (requirementMatches(l, r) !== true) return false;
  }
  return true;
};
