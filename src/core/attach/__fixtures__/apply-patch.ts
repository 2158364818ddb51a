/**
 * A small RFC 6902 applier for the tests (add, remove, replace, test), strict like the API server:
 * a failed `test` or a missing path throws, and nothing is applied.
 */
export class PatchFailed extends Error {}

const decode = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

const deepEqual = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;

type Op = { op: string; path: string; value?: unknown };

export const applyPatch = <T>(doc: T, ops: Op[]): T => {
  const root = { v: JSON.parse(JSON.stringify(doc)) as unknown };
  for (const op of ops) {
    const segs = op.path.split('/').slice(1).map(decode);
    let parent: unknown = root;
    let key: string = 'v';
    for (const s of segs) {
      parent = (parent as Record<string, unknown>)[key];
      if (parent === null || typeof parent !== 'object')
        throw new PatchFailed(`path ${op.path} not found`);
      key = s;
    }
    const isArr = Array.isArray(parent);
    const list = parent as unknown[];
    const record = parent as Record<string, unknown>;
    const idx = key === '-' ? list.length : Number(key);
    if (isArr && key !== '-' && !/^\d+$/.test(key))
      throw new PatchFailed(`bad index in ${op.path}`);
    switch (op.op) {
      case 'test': {
        const cur = isArr ? list[idx] : record[key];
        if (!deepEqual(cur, op.value)) throw new PatchFailed(`test failed at ${op.path}`);
        break;
      }
      case 'add':
        if (isArr) {
          if (idx > list.length) throw new PatchFailed(`index out of range ${op.path}`);
          list.splice(idx, 0, op.value);
        } else record[key] = op.value;
        break;
      case 'replace':
      case 'remove':
        if (isArr ? idx >= list.length : !(key in record))
          throw new PatchFailed(`path ${op.path} not found`);
        if (op.op === 'replace') {
          if (isArr) list[idx] = op.value;
          else record[key] = op.value;
        } else if (isArr) list.splice(idx, 1);
        else delete record[key];
        break;
      default:
        throw new PatchFailed(`unsupported op ${op.op}`);
    }
  }
  return root.v as T;
};
