/** A problem with one form field, in words a person understands. `field` is the form's field id. */
export interface FieldError {
  field: string;
  message: string;
}
