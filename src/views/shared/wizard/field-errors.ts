import { formatFieldError, type Translate } from '../../../core/validation/format';
import type { FieldError } from '../../../core/validation/types';

/**
 * The one place a validation message becomes text: the core's keyed message (or the server's own
 * words, which have no params) through the plugin's t().
 */
export const fieldErrorText = (t: unknown, error: FieldError): string =>
  formatFieldError(t as Translate, error);

/** Errors of a field and of its items: `subnets` also takes `subnets[1]` and `subnets[0].hostSubnet`. */
export const errorsFor = (errors: FieldError[], ...fields: string[]): FieldError[] =>
  errors.filter((e) =>
    fields.some((f) => e.field === f || e.field.startsWith(`${f}[`) || e.field.startsWith(`${f}.`)),
  );

/** Errors no field of the form claims, shown together so none is lost. */
export const unclaimedErrors = (errors: FieldError[], claimed: string[]): FieldError[] =>
  errors.filter((e) => errorsFor([e], ...claimed).length === 0);
