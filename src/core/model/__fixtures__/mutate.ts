/**
 * Mutations of real objects for property tests: any field of any object (JSON annotations opened
 * and mutated inside) deleted or replaced by null, a wrong-typed value or an odd string.
 */
import fc from 'fast-check';

const JSON_ANNOTATIONS = [
  'k8s.v1.cni.cncf.io/network-status',
  'k8s.v1.cni.cncf.io/networks',
  'k8s.ovn.org/pod-networks',
];

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) pair in the value, depth-first; JSON annotations are opened. */
const slots = (root: unknown): [Container, string | number][] => {
  const out: [Container, string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((e, i) => {
        out.push([v, i]);
        walk(e);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v as Record<string, unknown>, k]);
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(root);
  return out;
};

/** Every `metadata.annotations` object in the value (pods of an input, or a list of objects). */
const annotationMaps = (root: unknown): Record<string, unknown>[] => {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const a = (v as { metadata?: { annotations?: unknown } }).metadata?.annotations;
      if (a && typeof a === 'object' && !Array.isArray(a)) out.push(a as Record<string, unknown>);
      for (const child of Object.values(v)) if (child && typeof child === 'object') walk(child);
    }
  };
  walk(root);
  return out;
};

const openAnnotations = (root: unknown) => {
  for (const a of annotationMaps(root)) {
    for (const key of JSON_ANNOTATIONS) {
      if (typeof a[key] === 'string') {
        try {
          a[key] = { __json: JSON.parse(a[key] as string) };
        } catch {
          /* text form: left as is */
        }
      }
    }
  }
};

const closeAnnotations = (root: unknown) => {
  for (const a of annotationMaps(root)) {
    for (const key of JSON_ANNOTATIONS) {
      const v = a[key] as { __json?: unknown } | undefined;
      if (v && typeof v === 'object' && '__json' in v) a[key] = JSON.stringify(v.__json);
    }
  }
};

const DELETE = Symbol('delete');
export const badValue = fc.oneof(
  fc.constant<unknown>(DELETE),
  fc.constant(null),
  fc.constant([null]),
  fc.constant({}),
  fc.constant([]),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant('10.0.0.1/24'),
  fc.constant('not json ['),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null), fc.integer()), {
    maxLength: 3,
  }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.constant(null)), {
    maxKeys: 2,
  }),
);

export interface Mutation {
  slot: number;
  value: unknown;
}

export const arbMutations = fc.array(fc.record({ slot: fc.nat(), value: badValue }), {
  minLength: 1,
  maxLength: 6,
});

/** A mutated clone of `json` (a JSON text, parsed once per run). */
export const mutate = <T>(json: string, mutations: Mutation[]): T => {
  const root = JSON.parse(json) as unknown;
  openAnnotations(root);
  // Slots are listed once: a slot inside a subtree an earlier mutation replaced changes nothing.
  const all = slots(root);
  for (const m of mutations) {
    if (!all.length) break;
    const [container, key] = all[m.slot % all.length];
    if (m.value === DELETE) {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else (container as Record<string | number, unknown>)[key] = m.value;
  }
  closeAnnotations(root);
  return root as T;
};
