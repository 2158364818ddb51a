/**
 * Labelled form fields for the wizards: every control has a label a person (and a test) can find,
 * and shows the errors of its field under it.
 *
 * Text fields keep one raw string per field, exactly as typed; the form's value (a number, a list,
 * a selector) is parsed from it and never formatted back into the field as a consequence of the
 * field's own typing. The raw string is replaced only when the value changes from elsewhere (an
 * edit of the YAML, a parsed-back object), and never while the field has focus. The strings live
 * in the page's field store, so a wizard step can unmount and come back unchanged.
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
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { sameJson } from '../../../core/k8s/json-patch';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { errorsFor, fieldErrorText } from './field-errors';

/** What a text field holds: the typed text, and the form value seen after it was typed. */
interface RawEntry {
  text: string;
  /** The value the form held right after this text was typed; `fresh` until first seen. */
  base?: unknown;
  fresh: boolean;
}

interface FieldState {
  get: (id: string) => RawEntry | undefined;
  set: (id: string, text: string) => void;
  touched: Set<string>;
  touch: (field: string) => void;
  /** Marks several fields touched at once (Next on a step). */
  touchAll: (fields: string[]) => void;
  /** After the person reaches the review step, every error shows, touched or not. */
  showAll: boolean;
  setShowAll: (v: boolean) => void;
}
const FieldStateContext = React.createContext<FieldState | undefined>(undefined);

export const FieldStateProvider: React.FC<{ children?: React.ReactNode }> = ({ children }) => {
  // Entries are mutable records (their `base` is noted on the render after typing), kept in a ref;
  // `version` re-renders the fields when one is typed.
  const entries = React.useRef(new Map<string, RawEntry>());
  const [version, setVersion] = React.useState(0);
  const [touched, setTouched] = React.useState<Set<string>>(new Set());
  const [showAll, setShowAll] = React.useState(false);
  const store = React.useMemo<FieldState>(
    () => ({
      get: (id) => entries.current.get(id),
      set: (id, text) => {
        entries.current.set(id, { text, fresh: true });
        setVersion((v) => v + 1);
      },
      touched,
      touch: (field) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field))),
      touchAll: (fields) =>
        setTouched((prev) => {
          const next = new Set(prev);
          fields.forEach((f) => next.add(f));
          return next.size === prev.size ? prev : next;
        }),
      showAll,
      setShowAll,
    }),
    // `version` makes the fields re-read their entries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [touched, showAll, version],
  );
  return <FieldStateContext.Provider value={store}>{children}</FieldStateContext.Provider>;
};

export const useFieldState = () => React.useContext(FieldStateContext);

/** True when an error belongs to a field in `touched` (or an item of one). */
const isTouched = (touched: Set<string>, e: FieldError) =>
  [...touched].some((f) => errorsFor([e], f).length > 0);

/** Errors a person should see now: of fields they changed, or all of them once at review. */
export const useVisibleErrors = (errors: FieldError[]): FieldError[] => {
  const state = useFieldState();
  if (!state || state.showAll) return errors;
  return errors.filter((e) => isTouched(state.touched, e));
};

/**
 * The text a field shows, and how typing sets it. What was typed stays, character for character,
 * as long as the form's value is the one that typing produced (or still parses from it); a value
 * changed from elsewhere shows formatted, except while the person is in the field.
 */
export const useRawText = <V,>(
  id: string,
  value: V,
  parse: (text: string) => V,
  format: (v: V) => string,
) => {
  const store = React.useContext(FieldStateContext);
  const [local, setLocal] = React.useState<RawEntry | undefined>(undefined);
  const [focused, setFocused] = React.useState(false);
  const entry = store ? store.get(id) : local;
  if (entry?.fresh) {
    // The first render after typing: the value now held is what this text stands for.
    entry.fresh = false;
    entry.base = value;
  }
  const keep =
    !!entry && (focused || sameJson(entry.base, value) || sameJson(parse(entry.text), value));
  const text = keep ? entry!.text : format(value);
  const setText = (t: string) => (store ? store.set(id, t) : setLocal({ text: t, fresh: true }));
  return { text, setText, setFocused };
};

export const inputId = (field: string) => `vm-networking-${field.replace(/[^A-Za-z0-9-]+/g, '-')}`;

interface BaseProps {
  field: string;
  label: string;
  errors: FieldError[];
  helper?: React.ReactNode;
  /** Other form fields whose errors belong under this control. */
  alsoFor?: string[];
  /** Marks the label as required (the form refuses an empty value). */
  isRequired?: boolean;
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
  // A step's Next touches its fields by prefix (`bridgeMapping` covers `bridgeMapping.nic`).
  const touched =
    !state ||
    state.showAll ||
    [...state.touched].some(
      (f) => p.field === f || p.field.startsWith(`${f}.`) || p.field.startsWith(`${f}[`),
    );
  return touched ? errs : [];
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
  /** Suggestions (free text still allowed), e.g. names read from the cluster. */
  suggestions?: string[];
}

/**
 * A text input whose form value is parsed from what is typed (a number, a list, a selector). The
 * text is never re-formatted while typing; see `useRawText`.
 */
export const ParsedTextField = <V,>({
  format,
  parse,
  inputMode,
  multiline,
  ...p
}: TextInputFieldProps<V> & {
  format: (v: V) => string;
  parse: (text: string) => V;
  inputMode?: 'numeric';
  /** A text area: for values that are naturally several lines (pasted lists). */
  multiline?: boolean;
}) => {
  const id = inputId(p.field);
  const errs = useFieldErrors(p);
  const { text, setText, setFocused } = useRawText(id, p.value, parse, format);
  const state = useFieldState();
  const change = useTouch(p.field, p.onChange);
  const listId = p.suggestions?.length ? `${id}-suggestions` : undefined;
  const common = {
    id,
    'data-test': id,
    value: text,
    placeholder: p.placeholder,
    isDisabled: p.isDisabled,
    isRequired: p.isRequired,
    validated: errs.length ? ('error' as const) : ('default' as const),
    'aria-describedby': `${id}-help`,
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      state?.touch(p.field);
    },
    onChange: (_e: unknown, v: string) => {
      setText(v);
      change(parse(v));
    },
  };
  return (
    <FormGroup label={p.label} fieldId={id} isRequired={p.isRequired}>
      {multiline ? (
        <TextArea {...common} autoResize resizeOrientation="vertical" />
      ) : (
        <TextInput {...common} inputMode={inputMode} list={listId} />
      )}
      {listId && (
        <datalist id={listId}>
          {p.suggestions!.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
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
    <FormGroup label={p.label} fieldId={id} isRequired={p.isRequired}>
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

/** Focuses the control of a field, or of the field it is an item of (`subnets[1]` → subnets). */
export const focusField = (field: string) => {
  let f = field;
  for (;;) {
    const el = document.getElementById(inputId(f));
    if (el) {
      el.focus();
      return;
    }
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    if (cut <= 0) return;
    f = f.slice(0, cut);
  }
};
