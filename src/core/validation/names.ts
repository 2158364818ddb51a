/** Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation). */
import type { FieldError } from './types';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const explain = (value: string, kind: 'label' | 'subdomain'): string => {
  if (value === '') return 'is required';
  if (/[A-Z]/.test(value)) return 'must be lower case';
  if (/^[-.]|[-.]$/.test(value)) return 'must start and end with a letter or digit';
  if (kind === 'label' && value.includes('.')) return 'must not contain dots';
  return kind === 'label'
    ? "may contain only lower-case letters, digits and '-'"
    : "may contain only lower-case letters, digits, '-' and '.'";
};

/** DNS-1123 label: namespaces, NAD names (used in annotations), Service-like names. At most 63. */
export const dns1123LabelError = (value: string): string | undefined => {
  if (value.length > 63) return 'must be at most 63 characters';
  return LABEL.test(value) ? undefined : explain(value, 'label');
};

/** DNS-1123 subdomain: names of most objects, custom resources included. At most 253. */
export const dns1123SubdomainError = (value: string): string | undefined => {
  if (value.length > 253) return 'must be at most 253 characters';
  return SUBDOMAIN.test(value) ? undefined : explain(value, 'subdomain');
};

export const checkName = (
  field: string,
  label: string,
  value: string,
  kind: 'label' | 'subdomain',
  errors: FieldError[],
  existing: string[] = [],
): void => {
  const why = kind === 'label' ? dns1123LabelError(value) : dns1123SubdomainError(value);
  if (why) errors.push({ field, message: `${label} ${why}.` });
  else if (existing.includes(value))
    errors.push({ field, message: `${label} "${value}" is already in use.` });
};
