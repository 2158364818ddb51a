/**
 * Label-selector matching for the policy analysis.
 * TODO(merge): src/core/k8s/selectors.ts (`matchesSelector`) is being written in parallel with the
 * same semantics; this private copy should be replaced by it once that module has landed.
 * `undefined` matches nothing, `{}` matches everything (metav1.LabelSelectorAsSelector); an
 * invalid requirement (unknown operator, In/NotIn without values) makes the selector match nothing.
 */
import type { LabelSelector, Labels } from '../k8s/types';

export const selectorMatches = (
  selector: LabelSelector | null | undefined,
  labels: Labels | undefined,
): boolean => {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (l[key] !== value) return false;
  }
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.operator) {
      case 'In':
        if (!r.values?.length || !has || !r.values.includes(l[r.key])) return false;
        break;
      case 'NotIn':
        if (!r.values?.length || (has && r.values.includes(l[r.key]))) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
};

export const isEmptySelector = (selector: LabelSelector | null | undefined): boolean =>
  !!selector &&
  Object.keys(selector.matchLabels ?? {}).length === 0 &&
  (selector.matchExpressions ?? []).length === 0;
