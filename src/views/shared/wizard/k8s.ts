/**
 * SDK calls for the wizards: our plain resource models as the console's K8sModel, and the
 * Kubernetes Status the API server answers with on failure.
 */
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { Models, type ResourceModel } from '../../../core/k8s/models';
import type { K8sObject } from '../../../core/k8s/types';
import { httpStatusOf, messageOf } from '../k8s-errors';

export const k8sModelOf = (m: ResourceModel): K8sModel => ({
  apiGroup: m.group || undefined,
  apiVersion: m.version,
  kind: m.kind,
  plural: m.plural,
  namespaced: m.namespaced,
  abbr: m.kind.replace(/[^A-Z]/g, '').slice(0, 4) || m.kind.slice(0, 1).toUpperCase(),
  label: m.kind,
  labelPlural: m.plural,
});

export const modelForObject = (obj: K8sObject): ResourceModel | undefined => {
  const group = (obj.apiVersion ?? '').includes('/') ? obj.apiVersion!.split('/')[0] : '';
  return Object.values(Models).find((m) => m.kind === obj.kind && m.group === group);
};

export interface StatusCause {
  field?: string;
  message?: string;
  reason?: string;
}

export interface ServerError {
  code?: number;
  reason?: string;
  message: string;
  causes: StatusCause[];
}

/** The server's own words: the Status message, its reason and its field causes. */
export const serverErrorOf = (error: unknown): ServerError => {
  const json = (error as { json?: unknown } | undefined)?.json as
    { reason?: string; message?: string; details?: { causes?: StatusCause[] } } | undefined;
  return {
    code: httpStatusOf(error),
    reason: json?.reason,
    message: json?.message ?? messageOf(error),
    causes: json?.details?.causes ?? [],
  };
};

export const isAlreadyExists = (e: ServerError) => e.code === 409 || e.reason === 'AlreadyExists';

export const objectLabel = (obj: K8sObject): string =>
  `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name ?? ''}`;
