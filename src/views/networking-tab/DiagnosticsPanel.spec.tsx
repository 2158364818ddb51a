import { fireEvent, render, screen, within } from '@testing-library/react';
import { runDiagnostics } from '../../core/diagnostics';
import { buildNetworkingModel } from '../../core/model/interface-model';
import { demoInput } from '../../core/model/__fixtures__/demo';
import { buildSafely, diagnoseSafely } from './NetworkingTab';
import { DiagnosticsPanel } from './DiagnosticsPanel';

describe('DiagnosticsPanel', () => {
  it('says "checked with partial data", never "no problems", when an input was unreadable', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    input.nodeNetworkStates = { error: 'forbidden', forbidden: true };
    const model = buildNetworkingModel(input);
    render(<DiagnosticsPanel findings={runDiagnostics(model)} model={model} />);
    expect(screen.queryByTestId('diagnostics-none')).not.toBeInTheDocument();
    expect(screen.getByTestId('diagnostics-partial')).toHaveTextContent(
      'Checked with partial data: NodeNetworkState could not be read.',
    );
  });

  it('summarises every finding of the VM and shows a fix in one click', () => {
    const input = demoInput('05-vm-linux-bridge-vlan33.yaml');
    input.vm.spec!.template!.spec!.networks![1].multus!.networkName = 'no-such-nad';
    const model = buildNetworkingModel(input);
    const findings = runDiagnostics(model);
    render(<DiagnosticsPanel findings={findings} model={model} />);
    expect(screen.getByTestId('diagnostics-summary')).toHaveTextContent(
      /Errors: 1 · warnings: \d+ · notes: \d+ — interfaces concerned: 1/,
    );
    const alert = screen.getByTestId('diagnostic-nad-missing');
    expect(within(alert).queryByTestId('diagnostic-fix')).not.toBeInTheDocument();
    fireEvent.click(within(alert).getByText('Show the fix'));
    expect(within(alert).getByTestId('diagnostic-fix')).toHaveTextContent(/Create the NAD/);
  });

  it('lists a malformed annotation as a finding with its raw value', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    const pod = (input.pods as { metadata: { annotations: Record<string, string> } }[])[0];
    pod.metadata.annotations['k8s.v1.cni.cncf.io/network-status'] = '{"name":"x"}';
    const model = buildNetworkingModel(input);
    render(<DiagnosticsPanel findings={runDiagnostics(model)} model={model} />);
    const alert = screen.getByTestId('diagnostic-bad-data');
    expect(alert).toHaveTextContent(/network-status/);
    expect(within(alert).getByTestId('diagnostic-raw')).toBeInTheDocument();
  });
});

describe('buildSafely', () => {
  it('keeps a model error in the tab: the error, and the rows from the VM spec alone', () => {
    const input = demoInput('04-vm-localnet-vlan1924.yaml');
    // An input nobody foresaw: reading the pod list itself throws.
    input.pods = new Proxy([], {
      get: () => {
        throw new Error('unreadable pod list');
      },
    }) as never;
    const built = buildSafely(input, true)!;
    expect(built.error?.message).toBe('unreadable pod list');
    expect(built.model?.interfaces.map((r) => r.name)).toEqual(['default', 'nic-vlan-1924']);
    // The summary is still drawn for what the VM spec shows.
    expect(Array.isArray(diagnoseSafely(built.model!))).toBe(true);
  });
});
