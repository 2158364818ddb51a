import * as React from 'react';
import { k8sCreate, k8sDelete, k8sGet, k8sUpdate } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sObject } from '../../../core/k8s/types';
import { isNotFound } from '../k8s-errors';
import { k8sModelOf, modelForObject, serverErrorOf, type ServerError } from './k8s';
import { objectKey, type Operation } from './plan';

export type OperationStatus = 'pending' | 'running' | 'done' | 'failed';

export interface OperationProgress {
  key: string;
  status: OperationStatus;
  error?: ServerError;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A replaced object must be gone before its successor is created (finalizers can hold it). */
const waitGone = async (
  obj: K8sObject,
  model: ReturnType<typeof k8sModelOf>,
  timeoutMs: number,
) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const found = (await k8sGet({
        model,
        name: obj.metadata?.name,
        ns: obj.metadata?.namespace,
      })) as K8sObject | undefined;
      if (!found?.metadata) return;
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    if (Date.now() > until) {
      throw new Error(
        `${obj.kind} ${obj.metadata?.name} is still terminating: workloads attached to it keep it until they are deleted.`,
      );
    }
    await sleep(500);
  }
};

const run = async (op: Operation, replaceTimeoutMs: number): Promise<void> => {
  const resource = modelForObject(op.obj);
  if (!resource) throw new Error(`No API model for ${op.obj.apiVersion} ${op.obj.kind}`);
  const model = k8sModelOf(resource);
  if (op.kind === 'keep') return;
  if (op.kind === 'update') {
    await k8sUpdate({ model, data: op.obj });
    return;
  }
  if (op.kind === 'replace') {
    await k8sDelete({ model, resource: op.obj });
    await waitGone(op.obj, model, replaceTimeoutMs);
    const {
      resourceVersion: _rv,
      uid: _uid,
      creationTimestamp: _ct,
      ...metadata
    } = op.obj.metadata ?? {};
    await k8sCreate({ model, data: { ...op.obj, metadata } });
    return;
  }
  await k8sCreate({ model, data: op.obj });
};

/**
 * Runs the operations in order with progress per object. It stops at the first failure (later
 * objects depend on earlier ones); running again skips what is done, so a retry only repeats what
 * failed or was not reached, also after the form was corrected.
 */
export const useOperations = (ops: Operation[], replaceTimeoutMs = 60000) => {
  const [progress, setProgress] = React.useState<Record<string, OperationProgress>>({});
  const [running, setRunning] = React.useState(false);
  const done = React.useRef(new Set<string>());

  /** `before` runs once the form shows the run (no second start), before the first write. */
  const start = React.useCallback(
    async (before?: () => Promise<void>) => {
      setRunning(true);
      await before?.();
      const keys = ops.map((o) => objectKey(o.obj));
      setProgress((p) => {
        const next: Record<string, OperationProgress> = {};
        keys.forEach((k) => (next[k] = done.current.has(k) ? p[k] : { key: k, status: 'pending' }));
        return next;
      });
      for (const op of ops) {
        const key = objectKey(op.obj);
        if (done.current.has(key)) continue;
        setProgress((p) => ({ ...p, [key]: { key, status: 'running' } }));
        try {
          await run(op, replaceTimeoutMs);
          done.current.add(key);
          setProgress((p) => ({ ...p, [key]: { key, status: 'done' } }));
        } catch (e) {
          setProgress((p) => ({ ...p, [key]: { key, status: 'failed', error: serverErrorOf(e) } }));
          break;
        }
      }
      setRunning(false);
    },
    [ops, replaceTimeoutMs],
  );

  const allDone = ops.length > 0 && ops.every((o) => done.current.has(objectKey(o.obj)));
  const failed = Object.values(progress).some((p) => p.status === 'failed');
  const isDone = React.useCallback((obj: K8sObject) => done.current.has(objectKey(obj)), []);
  return { progress, running, start, allDone, failed, isDone };
};
