import * as React from 'react';
import { k8sCreate, k8sUpdate } from '@openshift-console/dynamic-plugin-sdk';
import type { FieldError } from '../../../core/validation/types';
import { k8sModelOf, modelForObject, serverErrorOf, type ServerError } from './k8s';
import { namespacesCreatedBy, objectKey, type Operation } from './plan';

export interface DryRunResult {
  /** The operations key the results belong to; stale results are never shown. */
  forKey: string;
  checked: number;
  failures: { key: string; label: string; error: ServerError }[];
}

/** A Status cause's field (`spec.layer2.subnets[0]`) as the form's field id, or undefined. */
export type CauseMapper = (kind: string, field: string) => string | undefined;

export const DRY_RUN_DELAY_MS = 600;

/**
 * The API server's own validation of each object (`dryRun=All`), a moment after the form stops
 * changing and only while the form itself finds nothing wrong. Objects in a namespace the plan
 * creates, and replaced objects, cannot be checked before they exist and are skipped.
 */
export const useDryRun = (
  ops: Operation[],
  enabled: boolean,
  delayMs = DRY_RUN_DELAY_MS,
): { result?: DryRunResult; checking: boolean; stop: () => Promise<void> } => {
  const key = React.useMemo(() => JSON.stringify(ops), [ops]);
  const [result, setResult] = React.useState<DryRunResult>();
  const [checking, setChecking] = React.useState(false);
  // The running check's cancel flag and its request in flight, for `stop`.
  const current = React.useRef<{ cancelled: boolean; inFlight?: Promise<unknown> }>();
  React.useEffect(() => {
    if (!enabled || !ops.length) return undefined;
    const run: { cancelled: boolean; inFlight?: Promise<unknown> } = { cancelled: false };
    current.current = run;
    const timer = setTimeout(async () => {
      if (run.cancelled) return;
      setChecking(true);
      const created = namespacesCreatedBy(ops);
      const failures: DryRunResult['failures'] = [];
      let checked = 0;
      for (const op of ops) {
        const ns = op.obj.metadata?.namespace;
        if (op.kind === 'keep' || op.kind === 'replace' || (ns && created.has(ns))) continue;
        const resource = modelForObject(op.obj);
        if (!resource) continue;
        const model = k8sModelOf(resource);
        try {
          run.inFlight =
            op.kind === 'update'
              ? k8sUpdate({ model, data: op.obj, queryParams: { dryRun: 'All' } })
              : k8sCreate({ model, data: op.obj, queryParams: { dryRun: 'All' } });
          await run.inFlight;
          checked += 1;
        } catch (e) {
          checked += 1;
          failures.push({
            key: objectKey(op.obj),
            label: `${op.obj.kind} ${op.obj.metadata?.name ?? ''}`,
            error: serverErrorOf(e),
          });
        }
        if (run.cancelled) return;
      }
      if (!run.cancelled) {
        setResult({ forKey: key, checked, failures });
        setChecking(false);
      }
    }, delayMs);
    return () => {
      run.cancelled = true;
      clearTimeout(timer);
      setChecking(false);
    };
    // `key` stands for `ops`: a new array with the same content must not re-run the check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled, delayMs]);
  /**
   * Ends the check before the objects are written: no further request, and resolves once the
   * request in flight is answered. A dry run of an object reaching the server after that object's
   * real create would be refused as AlreadyExists (a wasted request, and a false failure).
   */
  const stop = React.useCallback(async () => {
    const run = current.current;
    if (!run) return;
    run.cancelled = true;
    await run.inFlight?.catch(() => undefined);
  }, []);
  return { result: enabled && result?.forKey === key ? result : undefined, checking, stop };
};

/** Server causes that name a field the form shows, as field errors (the rest stay with the object). */
export const dryRunFieldErrors = (
  result: DryRunResult | undefined,
  ops: Operation[],
  mapCause: CauseMapper,
): { fieldErrors: FieldError[]; unmapped: { label: string; message: string }[] } => {
  const fieldErrors: FieldError[] = [];
  const unmapped: { label: string; message: string }[] = [];
  for (const f of result?.failures ?? []) {
    const kind = ops.find((o) => objectKey(o.obj) === f.key)?.obj.kind ?? '';
    const mapped = f.error.causes
      .map((c) => ({ c, field: c.field ? mapCause(kind, c.field) : undefined }))
      .filter((x) => x.field);
    mapped.forEach(({ c, field }) =>
      fieldErrors.push({ field: field!, message: c.message ?? f.error.message }),
    );
    if (mapped.length < Math.max(1, f.error.causes.length))
      unmapped.push({ label: f.label, message: f.error.message });
  }
  return { fieldErrors, unmapped };
};
