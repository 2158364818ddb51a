/**
 * The objects as a person reads and edits them: apiVersion, kind, metadata, spec first, without
 * what the API server manages (uid, resourceVersion, managedFields, status...). What is sent on
 * Save keeps resourceVersion; only the text shown leaves it out.
 */
import type { K8sObject } from '../k8s/types';

const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'managedFields',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

export const forDisplay = (obj: K8sObject): K8sObject => {
  const {
    apiVersion,
    kind,
    metadata,
    spec,
    status: _status,
    ...rest
  } = obj as K8sObject & {
    spec?: unknown;
    status?: unknown;
  };
  const md: Record<string, unknown> = {};
  if (metadata) {
    const m = metadata as Record<string, unknown>;
    if (m.name !== undefined) md.name = m.name;
    if (m.namespace !== undefined) md.namespace = m.namespace;
    for (const [k, v] of Object.entries(m))
      if (!SERVER_METADATA.includes(k) && !(k in md)) md[k] = v;
  }
  return {
    apiVersion,
    kind,
    metadata: md,
    ...(spec !== undefined ? { spec } : {}),
    ...rest,
  } as K8sObject;
};

/** The server-managed metadata of `from` (e.g. the edited object's resourceVersion), for a Save. */
export const serverMetadataOf = (from: K8sObject | undefined): Record<string, unknown> => {
  const m = (from?.metadata ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['uid', 'resourceVersion']) if (m[k] !== undefined) out[k] = m[k];
  return out;
};
