/**
 * Creates objects in order with progress per object. It stops at the first failure (later objects
 * depend on earlier ones); running again skips what was created, so a retry repeats only what
 * failed or was not reached, and never creates an object twice.
 */
import * as React from 'react';
import { k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { objectKey } from '../../core/create-vm';
import type { K8sObject } from '../../core/k8s/types';
import { k8sModelOf, modelOfObject } from '../actions/data';
import { messageOf } from '../shared/k8s-errors';

export type CreateStatus = 'pending' | 'running' | 'done' | 'failed';

export interface CreateProgress {
  status: CreateStatus;
  /** The API server's own message on failure, with its field causes. */
  message?: string;
  causes?: string[];
}

const causesOf = (e: unknown): string[] =>
  (
    ((e as { json?: { details?: { causes?: { field?: string; message?: string }[] } } })?.json
      ?.details?.causes ?? []) as { field?: string; message?: string }[]
  ).map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));

export const useCreateInOrder = (objects: K8sObject[]) => {
  const [progress, setProgress] = React.useState<Record<string, CreateProgress>>({});
  const [running, setRunning] = React.useState(false);
  const created = React.useRef(new Set<string>());

  const start = React.useCallback(async () => {
    setRunning(true);
    setProgress((p) => {
      const next: Record<string, CreateProgress> = {};
      for (const o of objects) {
        const k = objectKey(o);
        next[k] = created.current.has(k) ? p[k] : { status: 'pending' };
      }
      return next;
    });
    for (const obj of objects) {
      const key = objectKey(obj);
      if (created.current.has(key)) continue;
      setProgress((p) => ({ ...p, [key]: { status: 'running' } }));
      try {
        const model = modelOfObject(obj);
        if (!model) throw new Error(`No API model for ${obj.apiVersion} ${obj.kind}`);
        await k8sCreate({ model: k8sModelOf(model), data: obj });
        created.current.add(key);
        setProgress((p) => ({ ...p, [key]: { status: 'done' } }));
      } catch (e) {
        setProgress((p) => ({
          ...p,
          [key]: { status: 'failed', message: messageOf(e), causes: causesOf(e) },
        }));
        break;
      }
    }
    setRunning(false);
  }, [objects]);

  const isCreated = (o: K8sObject) => created.current.has(objectKey(o));
  const allDone = objects.length > 0 && objects.every(isCreated);
  const failed = Object.values(progress).some((p) => p.status === 'failed');
  return {
    progress,
    running,
    start,
    allDone,
    failed,
    isCreated,
    started: Object.keys(progress).length > 0,
  };
};
