/**
 * Labelled form fields for the wizards: every control has a label a person (and a test) can find,
 * and shows the errors of its field under it. Text typed into number and list fields is kept as
 * typed (in the page's raw-text store), so a wizard step can unmount and come back unchanged.
 */
import * as React from 'react';
import {
  Checkbox,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { errorsFor, fieldErrorText } from './field-errors';

interface FieldState {
  get: (id: string) => string | undefined;
  set: (id: string, text: string) => void;
  touched: Set<string>;
  touch: (field: string) => void;
  /** After the person reaches the review step, every error shows, touched or not. */
  showAll: boolean;
  setShowAll: (v: boolean) => void;
}
const FieldStateContext = React.createContext<FieldState | undefined>(undefined);

export const FieldStateProvider: React.FC<{ children?: React.ReactNode }> = ({ children }) => {
  const [texts, setTexts] = React.useState<Record<string, string>>({});
  const [touched, setTouched] = React.useState<Set<string>>(new Set());
  const [showAll, setShowAll] = React.useState(false);
  const store = React.useMemo<FieldState>(
    () => ({
      get: (id) => texts[id],
      set: (id, text) => setTexts((t) => ({ ...t, [id]: text })),
      touched,
      touch: (field) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field))),
      showAll,
      setShowAll,
    }),
    [texts, touched, showAll],
  );
  return <FieldStateContext.Provider value={store}>{children}</FieldStateContext.Provider>;
};

export const useFieldState = () => React.useContext(FieldStateContext);

/** Errors a person should see now: of fields they changed, or all of them once at review. */
export const useVisibleErrors = (errors: FieldError[]): FieldError[] => {
  const state = useFieldState();
  if (!state || state.showAll) return errors;
  return errors.filter((e) => [...state.touched].some((f) => errorsFor([e], f).length));
};

/** The text shown for a value: what was typed while it still parses to the value, else the value. */
const useRawText = (id: string, value: string, parse: (text: string) => unknown) => {
  const store = React.useContext(FieldStateContext);
  const typed = store?.get(id);
  const [local, setLocal] = React.useState<string | undefined>(undefined);
  const current = store ? typed : local;
  const same =
    current !== undefined && JSON.stringify(parse(current)) === JSON.stringify(parse(value));
  const text = same ? current : value;
  const setText = (t: string) => (store ? store.set(id, t) : setLocal(t));
  return [text, setText] as const;
};

export const inputId = (field: string) => `vm-networking-${field.replace(/[^A-Za-z0-9-]+/g, '-')}`;

interface BaseProps {
  field: string;
  label: string;
  errors: FieldError[];
  helper?: React.ReactNode;
  /** Other form fields whose errors belong under this control. */
  alsoFor?: string[];
}

export const FieldHelp: React.FC<{
  id: string;
  errors: FieldError[];
  helper?: React.ReactNode;
}> = ({ id, errors, helper }) => {
  const { t } = useNetworkingTranslation();
  if (!errors.length && !helper) return null;
  return (
    <FormHelperText>
      <HelperText id={`${id}-help`} data-test={`${id}-help`}>
        {errors.map((e, i) => (
          <HelperTextItem key={`${e.field}-${i}`} variant="error" data-test="field-error">
            {fieldErrorText(t, e)}
          </HelperTextItem>
        ))}
        {helper && !errors.length && <HelperTextItem>{helper}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  );
};

const useFieldErrors = (p: BaseProps) => {
  const state = useFieldState();
  const errs = errorsFor(p.errors, p.field, ...(p.alsoFor ?? []));
  return !state || state.showAll || state.touched.has(p.field) ? errs : [];
};

/** Wraps an onChange so the field counts as touched from its first change. */
const useTouch = <A extends unknown[]>(field: string, fn: (...a: A) => void) => {
  const state = useFieldState();
  return (...a: A) => {
    state?.touch(field);
    fn(...a);
  };
};

interface TextInputFieldProps<V> extends BaseProps {
  value: V;
  onChange: (v: V) => void;
  placeholder?: string;
  isDisabled?: boolean;
}

/**
 * A text input whose value the form keeps parsed (a number, a list). What the user typed is kept
 * as typed (`useRawText`) while it still parses to the form's value, so "10.0.0.0/8, " does not
 * jump back to "10.0.0.0/8" under the cursor.
 */
const ParsedTextField = <V,>({
  format,
  parse,
  inputMode,
  ...p
}: TextInputFieldProps<V> & {
  format: (v: V) => string;
  parse: (text: string) => V;
  inputMode?: 'numeric';
}) => {
  const id = inputId(p.field);
  const errs = useFieldErrors(p);
  const [text, setText] = useRawText(id, format(p.value), parse);
  const change = useTouch(p.field, p.onChange);
  return (
    <FormGroup label={p.label} fieldId={id}>
      <TextInput
        id={id}
        data-test={id}
        inputMode={inputMode}
        value={text}
        placeholder={p.placeholder}
        isDisabled={p.isDisabled}
        validated={errs.length ? 'error' : 'default'}
        aria-describedby={`${id}-help`}
        onChange={(_e, v) => {
          setText(v);
          change(parse(v));
        }}
      />
      <FieldHelp id={id} errors={errs} helper={p.helper} />
    </FormGroup>
  );
};

const identity = (text: string) => text;

export const TextField: React.FC<TextInputFieldProps<string>> = (p) => (
  <ParsedTextField {...p} format={identity} parse={identity} />
);

const parseNumber = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());
const formatNumber = (v: number | undefined) => (v === undefined ? '' : String(v));

/** A whole number, or undefined when empty; junk becomes NaN so validation names it. */
export const NumberField: React.FC<TextInputFieldProps<number | undefined>> = (p) => (
  <ParsedTextField {...p} format={formatNumber} parse={parseNumber} inputMode="numeric" />
);

export const parseList = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const formatList = (v: string[]) => v.join(', ');

/** A list typed as comma- or space-separated entries (CIDRs, IPs). */
export const ListField: React.FC<TextInputFieldProps<string[]>> = (p) => (
  <ParsedTextField {...p} format={formatList} parse={parseList} />
);

export const SelectField = <V extends string>(
  p: BaseProps & {
    value: V;
    onChange: (v: V) => void;
    options: { value: V; label: string; isDisabled?: boolean }[];
    isDisabled?: boolean;
  },
) => {
  const id = inputId(p.field);
  const errs = useFieldErrors(p);
  const change = useTouch(p.field, p.onChange);
  return (
    <FormGroup label={p.label} fieldId={id}>
      <FormSelect
        id={id}
        data-test={id}
        value={p.value}
        isDisabled={p.isDisabled}
        validated={errs.length ? 'error' : 'default'}
        aria-describedby={`${id}-help`}
        onChange={(_e, v) => change(v as V)}
      >
        {p.options.map((o) => (
          <FormSelectOption
            key={o.value}
            value={o.value}
            label={o.label}
            isDisabled={o.isDisabled}
          />
        ))}
      </FormSelect>
      <FieldHelp id={id} errors={errs} helper={p.helper} />
    </FormGroup>
  );
};

export const CheckboxField: React.FC<
  BaseProps & { value: boolean; onChange: (v: boolean) => void; isDisabled?: boolean }
> = (p) => {
  const id = inputId(p.field);
  const errs = useFieldErrors(p);
  const change = useTouch(p.field, p.onChange);
  return (
    <FormGroup fieldId={id}>
      <Checkbox
        id={id}
        data-test={id}
        label={p.label}
        isChecked={p.value}
        isDisabled={p.isDisabled}
        aria-describedby={`${id}-help`}
        onChange={(_e, v) => change(v)}
      />
      <FieldHelp id={id} errors={errs} helper={p.helper} />
    </FormGroup>
  );
};
