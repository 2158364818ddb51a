/**
 * Field errors become text only here. The views pass their i18next `t`
 * (`useTranslation('plugin__vm-networking-console-plugin')`); tests and the CLI use
 * fieldErrorToEnglish, which fills the English keys as they stand.
 */
import type { FieldError, MessageParam, MessageRef, Problem } from './types';

/** The shape of i18next's `t` that formatting needs. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Nested keys are translated first, so that a translated label lands in the translated sentence. */
const resolveParams = (
  t: Translate,
  params: Record<string, MessageParam> | undefined,
): Record<string, string | number> | undefined =>
  params &&
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'object' ? formatMessage(t, value) : value,
    ]),
  );

export const formatMessage = (t: Translate, ref: MessageRef): string => {
  const params = resolveParams(t, ref.params);
  return params ? t(ref.key, params) : t(ref.key);
};

/** A FieldError (or a Problem not yet tied to a field) as text in the language of `t`. */
export const formatFieldError = (t: Translate, error: FieldError | Problem): string =>
  formatMessage(t, { key: error.message, params: error.params });

/** i18next's default interpolation (`{{name}}`, spaces allowed inside the braces), translating nothing. */
const interpolate: Translate = (key, params) =>
  params
    ? key.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : key;

export const fieldErrorToEnglish = (error: FieldError | Problem): string =>
  formatFieldError(interpolate, error);
