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
    const container = parent as Record<string, unknown> & unknown[];
    const isArr = Array.isArray(container);
    const idx = key === '-' ? container.length : Number(key);
    if (isArr && key !== '-' && !/^\d+$/.test(key))
      throw new PatchFailed(`bad index in ${op.path}`);
    switch (op.op) {
      case 'test': {
        const cur = isArr ? container[idx] : container[key];
        if (!deepEqual(cur, op.value)) throw new PatchFailed(`test failed at ${op.path}`);
        break;
      }
      case 'add':
        if (isArr) {
          if (idx > container.length) throw new PatchFailed(`index out of range ${op.path}`);
          container.splice(idx, 0, op.value);
        } else container[key] = op.value;
        break;
      case 'replace':
      case 'remove':
        if (isArr ? idx >= container.length : !(key in container))
          throw new PatchFailed(`path ${op.path} not found`);
        if (op.op === 'replace') {
          if (isArr) container[idx] = op.value;
          else container[key] = op.value;
        } else if (isArr) container.splice(idx, 1);
        else delete container[key];
        break;
      default:
        throw new PatchFailed(`unsupported op ${op.op}`);
    }
  }
  return root.v as T;
};
