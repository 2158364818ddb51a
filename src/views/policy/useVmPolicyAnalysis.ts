/**
 * The policy analysis of a VM's namespace, computed once per set of inputs however many parts of
 * the tab ask for it (every expanded row's Policies section and the VM's diagnostics summary):
 * the watches are shared by the SDK, and the analysis is cached here by what it was built from.
 */
import * as React from 'react';
import type { K8sObject } from '../../core/k8s/types';
import { PolicyAnalysis } from '../../core/policy/analysis';
import { diagnose, type Diagnostic } from '../../core/policy/diagnostics';
import { usePolicyInputs, type PolicyInputs } from './usePolicyInputs';

export interface BuiltAnalysis {
  analysis: PolicyAnalysis;
  diagnostics: Diagnostic[];
}

/** How many analyses were built (the tab's test asserts two rows cost one). */
export const analysisBuilds = { count: 0 };

const ids = new WeakMap<object, number>();
let nextId = 0;
/** An object's version: its resourceVersion, else its identity (fixtures without one). */
const tokenOf = (o: K8sObject): string => {
  const rv = o.metadata?.resourceVersion;
  if (rv) return `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}@${rv}`;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return `#${id}`;
};

let cache: { key: string; built: BuiltAnalysis } | undefined;

const build = (objects: K8sObject[], unreadableNamespaces: string[]): BuiltAnalysis => {
  const key = [
    ...objects.map(tokenOf).sort(),
    ...unreadableNamespaces.map((n) => `unreadable Namespace ${n}`),
  ].join('\n');
  if (cache?.key !== key) {
    analysisBuilds.count += 1;
    const analysis = new PolicyAnalysis(objects, { unreadableNamespaces });
    cache = { key, built: { analysis, diagnostics: diagnose(analysis) } };
  }
  return cache.built;
};

/** `foreignNads`: every NAD of another namespace the VM's NICs name (the same for all rows). */
export const useVmPolicyAnalysis = (
  namespace: string,
  foreignNads: string[],
): { inputs: PolicyInputs; built?: BuiltAnalysis } => {
  const inputs = usePolicyInputs(namespace, foreignNads);
  const built = React.useMemo(
    () => (inputs.loaded ? build(inputs.objects, inputs.unreadableNamespaces) : undefined),
    [inputs],
  );
  return { inputs, built };
};
