/**
 * Feeds the policy analysis' findings for a VM into its one diagnostics summary. Loaded lazily
 * with the policy chunk after the tab's rows have rendered; renders nothing itself.
 */
import * as React from 'react';
import type { Finding } from '../../core/diagnostics/types';
import type { InterfaceRow } from '../../core/model/types';
import { nadKeysOfRows } from './nad-keys';
import { policyFindings } from './policy-findings';
import { useVmPolicyAnalysis } from './useVmPolicyAnalysis';

export interface PolicyFindingsState {
  loaded: boolean;
  findings: Finding[];
  /** Inputs of the analysis that could not be read (shown as "checked with partial data"). */
  unreadable: string[];
}

export interface VmPolicyFindingsProps {
  namespace: string;
  vmName: string;
  rows: InterfaceRow[];
  onChange: (state: PolicyFindingsState) => void;
}

const VmPolicyFindings: React.FC<VmPolicyFindingsProps> = ({
  namespace,
  vmName,
  rows,
  onChange,
}) => {
  const nads = nadKeysOfRows(rows);
  const { inputs, built } = useVmPolicyAnalysis(namespace, nads ? nads.split(',') : []);
  const state = React.useMemo((): PolicyFindingsState => {
    if (!built) return { loaded: false, findings: [], unreadable: [] };
    return {
      loaded: true,
      findings: policyFindings(built, rows, namespace, vmName),
      unreadable: inputs.problems.map((p) => p.kind),
    };
  }, [built, rows, namespace, vmName, inputs.problems]);
  // Only a changed list is reported: the panel re-renders, not loops.
  const last = React.useRef<string>();
  React.useEffect(() => {
    const key = JSON.stringify([
      state.loaded,
      state.unreadable,
      state.findings.map((f) => [f.ruleId, f.interface, f.message]),
    ]);
    if (key === last.current) return;
    last.current = key;
    onChange(state);
  }, [state, onChange]);
  return null;
};

export default VmPolicyFindings;
