/**
 * A value in a message. English wording (a field label such as "Subnet", or "the cluster network")
 * is itself a key, so that a translation can translate it too; names, addresses and numbers are
 * plain values.
 */
export type MessageParam = string | number | MessageRef;

/** An English i18next key with `{{param}}` placeholders, and the values that fill them. */
export interface MessageRef {
  key: string;
  params?: Record<string, MessageParam>;
}

/**
 * A problem with one form field. `field` is the form's field id; `message` is an English i18next
 * key of the plugin's namespace, `params` fill its placeholders (see format.ts).
 */
export interface FieldError {
  field: string;
  message: string;
  params?: Record<string, MessageParam>;
}

/** A field error before it is tied to a field. */
export type Problem = Omit<FieldError, 'field'>;

/** Ties a problem whose message takes `{{label}}` to a field; `label` is an English key (t('Name')). */
export const withLabel = (field: string, label: string, problem: Problem): FieldError => ({
  field,
  message: problem.message,
  params: { ...problem.params, label: { key: label } },
});
