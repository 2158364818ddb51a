/**
 * Annotations and NAD configs are JSON written by other components; a malformed one must reach the
 * tab as raw text plus the parse error, never as an exception or a blank section.
 */
/** `issues`: parts of a readable value that had the wrong shape and were left out. */
export type ParseResult<T> =
  { value: T; raw: string; issues?: string[] } | { error: string; raw: string };

export const isParseError = <T>(r: ParseResult<T>): r is { error: string; raw: string } =>
  'error' in r;

/** Parses `raw` as JSON and checks its top-level shape with `accept`; `shape` names it in errors. */
export const parseJson = <T>(
  raw: string,
  accept: (v: unknown) => boolean,
  shape: string,
): ParseResult<T> => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { error: (e as Error).message, raw };
  }
  if (!accept(value)) return { error: `expected ${shape}`, raw };
  return { value: value as T, raw };
};

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Any value as text, for a message or the raw pane: `String(v)` throws on objects whose
 * `toString` is not a function (a JSON key named "toString"), and JSON.stringify on cycles.
 */
export const textOf = (v: unknown): string => {
  try {
    if (typeof v === 'string') return v;
    return typeof v === 'object' && v !== null ? (JSON.stringify(v) ?? typeof v) : String(v);
  } catch {
    return typeof v;
  }
};
