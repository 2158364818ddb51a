/** Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation). */
import { withLabel, type FieldError, type Problem } from './types';

/** Marks English i18next keys for i18next-parser; translates nothing (see format.ts). */
const t = <S extends string>(key: S): S => key;

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The messages below take the field's label as `{{label}}`. */
const explain = (value: string, kind: 'label' | 'subdomain'): Problem => {
  if (value === '') return { message: t('{{label}} is required.') };
  if (/[A-Z]/.test(value)) return { message: t('{{label}} must be lower case.') };
  if (/^[-.]|[-.]$/.test(value))
    return { message: t('{{label}} must start and end with a letter or digit.') };
  if (kind === 'label' && value.includes('.'))
    return { message: t('{{label}} must not contain dots.') };
  return kind === 'label'
    ? { message: t("{{label}} may contain only lower-case letters, digits and '-'.") }
    : { message: t("{{label}} may contain only lower-case letters, digits, '-' and '.'.") };
};

const tooLong = (max: number): Problem => ({
  message: t('{{label}} must be at most {{max}} characters.'),
  params: { max },
});

/**
 * DNS-1123 label: namespaces, NAD names (used in annotations), Service-like names. At most 63.
 * The problem's message takes the field's label as `{{label}}` (see withLabel).
 */
export const dns1123LabelError = (value: string): Problem | undefined => {
  if (value.length > 63) return tooLong(63);
  return LABEL.test(value) ? undefined : explain(value, 'label');
};

/** DNS-1123 subdomain: names of most objects, custom resources included. At most 253. */
export const dns1123SubdomainError = (value: string): Problem | undefined => {
  if (value.length > 253) return tooLong(253);
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
  if (why) errors.push(withLabel(field, label, why));
  else if (existing.includes(value))
    errors.push(
      withLabel(field, label, {
        message: t('{{label}} "{{value}}" is already in use.'),
        params: { value },
      }),
    );
};
