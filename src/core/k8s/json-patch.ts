/**
 * The patch types the apiserver accepts, applied as it applies them: JSON patch (RFC 6902,
 * including `test`: a failed test or a missing path throws and nothing is applied) and JSON merge
 * patch (RFC 7386). Used by the fixture API server, the SDK stand-in for Jest, and the tests of the
 * patches the plugin sends. (The fixture server applies strategic merge patch as a merge patch: it
 * has no Go struct tags to know list merge keys.)
 */
export class PatchError extends Error {}

type Json = unknown;
type Container = Record<string, Json> | Json[];

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

const parsePointer = (pointer: string): string[] => {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new PatchError(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(unescape);
};

const sortKeys = (v: Json): Json =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, sortKeys((v as Record<string, Json>)[k])]),
        )
      : v;

/** Equal as JSON whatever the key order (how a JSON patch `test` compares values). */
export const sameJson = (a: Json, b: Json): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

const arrayIndex = (arr: Json[], token: string, forInsert: boolean): number => {
  if (token === '-' && forInsert) return arr.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token))
    throw new PatchError(`invalid array index ${JSON.stringify(token)}`);
  const i = Number(token);
  if (i > arr.length || (!forInsert && i === arr.length))
    throw new PatchError(`array index ${i} out of bounds`);
  return i;
};

/** Resolves the parent container and last token; the parent must exist (RFC 6902 §4.1). */
const parentOf = (doc: Json, path: string[], pointer: string): [Container, string] => {
  let cur = doc;
  for (const token of path.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, token, false)];
    else if (cur && typeof cur === 'object' && token in (cur as object))
      cur = (cur as Record<string, Json>)[token];
    else throw new PatchError(`doc is missing path: "${pointer}": missing value`);
  }
  if (!cur || typeof cur !== 'object')
    throw new PatchError(`doc is missing path: "${pointer}": missing value`);
  return [cur as Container, path[path.length - 1]];
};

const getAt = (doc: Json, pointer: string): Json => {
  let cur = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, token, false)];
    else if (cur && typeof cur === 'object' && token in (cur as object))
      cur = (cur as Record<string, Json>)[token];
    else throw new PatchError(`doc is missing path: "${pointer}": missing value`);
  }
  return cur;
};

const removeAt = (doc: Json, pointer: string): Json => {
  const path = parsePointer(pointer);
  if (path.length === 0) throw new PatchError('cannot remove the whole document');
  const [parent, token] = parentOf(doc, path, pointer);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, token, false), 1)[0];
  if (!(token in parent))
    throw new PatchError(`unable to remove nonexistent key: ${token}: missing value`);
  const v = parent[token];
  delete parent[token];
  return v;
};

const addAt = (doc: Json, pointer: string, value: Json): Json => {
  const path = parsePointer(pointer);
  if (path.length === 0) return value;
  const [parent, token] = parentOf(doc, path, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, token, true), 0, value);
  else parent[token] = value;
  return doc;
};

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: Json;
  from?: string;
}

export const applyJsonPatch = <T = Json>(document: T, ops: unknown): T => {
  if (!Array.isArray(ops)) throw new PatchError('a JSON patch must be an array of operations');
  let doc: Json = clone(document);
  for (const raw of ops as JsonPatchOp[]) {
    if (!raw || typeof raw.path !== 'string') throw new PatchError('operation has no path');
    switch (raw.op) {
      case 'add':
        doc = addAt(doc, raw.path, clone(raw.value));
        break;
      case 'remove':
        removeAt(doc, raw.path);
        break;
      case 'replace': {
        if (raw.path === '') {
          doc = clone(raw.value);
          break;
        }
        getAt(doc, raw.path); // must exist
        const [parent, token] = parentOf(doc, parsePointer(raw.path), raw.path);
        if (Array.isArray(parent)) parent[arrayIndex(parent, token, false)] = clone(raw.value);
        else parent[token] = clone(raw.value);
        break;
      }
      case 'move': {
        if (typeof raw.from !== 'string') throw new PatchError('move operation has no from');
        const v = removeAt(doc, raw.from);
        doc = addAt(doc, raw.path, v);
        break;
      }
      case 'copy': {
        if (typeof raw.from !== 'string') throw new PatchError('copy operation has no from');
        doc = addAt(doc, raw.path, clone(getAt(doc, raw.from)));
        break;
      }
      case 'test': {
        let actual: Json;
        try {
          actual = getAt(doc, raw.path);
        } catch {
          actual = undefined;
        }
        if (!sameJson(actual, raw.value ?? null)) {
          throw new PatchError(`testing value ${raw.path} failed: test failed`);
        }
        break;
      }
      default:
        throw new PatchError(`Unexpected kind: ${String(raw.op)}`);
    }
  }
  return doc as T;
};

export const applyMergePatch = (target: Json, patch: Json): Json => {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return clone(patch);
  const out: Record<string, Json> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? clone(target as Record<string, Json>)
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, Json>)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
};
