/** Labels typed as `key=value, key2=value2` (a key without `=` has the empty value). */
export const parseLabels = (text: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const term of text.split(',')) {
    const s = term.trim();
    if (!s) continue;
    const eq = s.indexOf('=');
    if (eq < 0) out[s] = '';
    else out[s.slice(0, eq).trim()] = s.slice(eq + 1).trim();
  }
  return out;
};

export const formatLabels = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
