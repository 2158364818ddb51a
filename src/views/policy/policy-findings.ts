/**
 * The policy section's diagnostics as findings of the VM's one diagnostics summary: for every
 * interface, what `diagnosticsFor` shows in its Policies section, one finding per diagnostic with
 * the interfaces it concerns.
 */
import type { Finding } from '../../core/diagnostics/types';
import { Models, type ModelName } from '../../core/k8s/models';
import { refOf } from '../../core/model/resolve-network';
import type { InterfaceRow } from '../../core/model/types';
import type { Diagnostic } from '../../core/policy/diagnostics';
import type { BuiltAnalysis } from './useVmPolicyAnalysis';
import { diagnosticsFor } from './diagnostics-for';

/** Marks a text as an i18next key for the extractor; views translate it. */
const t = <S extends string>(key: S): S => key;

const EXPLANATION = t(
  'Found by the policy analysis of this namespace; the Policies section of the interface shows the rules.',
);

const findingOf = (d: Diagnostic, interfaces: string[]): Finding => {
  const model = Models[d.subject.kind as ModelName];
  const fixYaml = (d.fix.patch?.body ?? d.fix.create) as Record<string, unknown> | undefined;
  return {
    ruleId: `policy-${d.code}`,
    severity: d.severity,
    interface: interfaces.join(', '),
    message: d.keyed ?? { message: d.message, params: {} },
    explanation: { message: EXPLANATION, params: {} },
    fix: {
      message: { message: d.fix.description, params: d.fix.params ?? {} },
      ...(fixYaml && typeof fixYaml === 'object' ? { yaml: fixYaml } : {}),
    },
    refs: model ? [refOf(model, d.subject.name, d.subject.namespace)] : [],
  };
};

export const policyFindings = (
  built: BuiltAnalysis,
  rows: InterfaceRow[],
  namespace: string,
  vmName: string,
): Finding[] => {
  const { analysis } = built;
  const endpoint = analysis.findEndpoint(`${namespace}/${vmName}[VirtualMachine]`);
  if (!endpoint) return [];
  const byDiagnostic = new Map<Diagnostic, string[]>();
  for (const row of rows) {
    const iface = endpoint.interfaces.find((i) => i.name === row.name);
    if (!iface) continue;
    for (const d of diagnosticsFor(built.diagnostics, analysis, endpoint, iface))
      byDiagnostic.set(d, [...(byDiagnostic.get(d) ?? []), row.name]);
  }
  return [...byDiagnostic].map(([d, interfaces]) => findingOf(d, interfaces));
};
