/**
 * What "Create" (or "Save") does, as an ordered list of operations on objects. Kept apart from
 * React so the order and the keys that make "retry only the failed ones" work can be read alone.
 */
import type { K8sObject } from '../../../core/k8s/types';

export type OperationKind = 'create' | 'update' | 'replace' | 'keep';

export interface Operation {
  /** create: new object; update: in place (mutable fields); replace: delete then create (immutable spec); keep: exists, untouched. */
  kind: OperationKind;
  obj: K8sObject;
}

export const objectKey = (obj: K8sObject): string =>
  `${obj.apiVersion}/${obj.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;

/** New objects: created in the order the generator returns (dependencies first). */
export const createPlan = (objects: K8sObject[]): Operation[] =>
  objects.map((obj) => ({ kind: 'create', obj }));

/**
 * Editing: the main object is updated in place when only mutable fields changed, replaced
 * otherwise; companions (the bridge-mapping policy) that already exist are left as they are.
 */
export const editPlan = (
  objects: K8sObject[],
  main: K8sObject,
  mainKind: 'update' | 'replace',
  existing: (obj: K8sObject) => boolean,
): Operation[] =>
  objects.map((obj) =>
    obj.kind === main.kind && obj.metadata?.name === main.metadata?.name
      ? { kind: mainKind, obj }
      : { kind: existing(obj) ? 'keep' : 'create', obj },
  );

/** Namespaces the plan itself creates: objects in them cannot be dry-run before they exist. */
export const namespacesCreatedBy = (ops: Operation[]): Set<string> =>
  new Set(
    ops
      .filter((o) => o.kind === 'create' && o.obj.kind === 'Namespace')
      .map((o) => o.obj.metadata?.name ?? ''),
  );

/** Equal as JSON, whatever the key order: decides update in place versus replace. */
export { sameJson } from '../../../core/k8s/json-patch';
