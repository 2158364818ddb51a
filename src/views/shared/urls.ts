import type { ObjectRef } from '../../core/model/types';

/** The console's URL for an object's details page. */
export const resourceUrl = (ref: ObjectRef): string => {
  const reference = `${ref.group || 'core'}~${ref.version}~${ref.kind}`;
  const kindPath = ref.group ? reference : ref.kind;
  return ref.namespace
    ? `/k8s/ns/${ref.namespace}/${kindPath}/${ref.name}`
    : `/k8s/cluster/${kindPath}/${ref.name}`;
};
