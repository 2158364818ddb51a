/**
 * Any value as text for a message. `String(v)` throws on objects whose `toString` is not a function
 * (a JSON key named "toString"), and policies read from files or watches can hold anything.
 */
export const textOf = (v: unknown): string => {
  if (typeof v === 'string') return v;
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    return typeof v;
  }
};
