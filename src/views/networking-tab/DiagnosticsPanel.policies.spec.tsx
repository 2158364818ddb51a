/**
 * The summary's policy check, when it fails: the summary says it checked with partial data and the
 * error shows in place, instead of "checking the policies…" forever or a blank panel.
 */
import { render, screen } from '@testing-library/react';
import { buildNetworkingModel } from '../../core/model/interface-model';
import { demoInput } from '../../core/model/__fixtures__/demo';
import { DiagnosticsPanel } from './DiagnosticsPanel';

jest.mock('../policy/useVmPolicyAnalysis', () => ({
  useVmPolicyAnalysis: () => {
    throw new Error('analysis exploded');
  },
}));

describe('DiagnosticsPanel with a failing policy check', () => {
  it('says the check was partial and shows the error', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const model = buildNetworkingModel(demoInput('01-vm-pod-masquerade.yaml'));
    render(<DiagnosticsPanel findings={[]} model={model} withPolicies />);
    expect(await screen.findByTestId('diagnostics-partial')).toHaveTextContent(
      'the policy analysis',
    );
    expect(screen.getByTestId('section-error')).toHaveTextContent('analysis exploded');
    expect(screen.queryByTestId('diagnostics-none')).toBeNull();
    spy.mockRestore();
  });
});
