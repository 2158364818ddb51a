import { render, screen, within } from '@testing-library/react';
import NetworkingTab from './NetworkingTab';
import { loadSharedObjects } from '../../../test-support/shared';
import type { VirtualMachine } from '../../core/k8s/types';

const vmFrom = (...file: string[]) =>
  loadSharedObjects<VirtualMachine>(...file).find(
    (o) => o.kind === 'VirtualMachine',
  ) as VirtualMachine;

describe('NetworkingTab', () => {
  it('shows one row per interface of a VM on a primary UDN and a secondary network', () => {
    const vm = loadSharedObjects<VirtualMachine>('examples', 'demo-cni', 'vm-examples.yaml').find(
      (o) => o.kind === 'VirtualMachine' && (o.spec?.template?.spec?.networks?.length ?? 0) > 1,
    ) as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    const interfaces = vm.spec?.template?.spec?.domain?.devices?.interfaces ?? [];
    for (const iface of interfaces) {
      const row = screen.getByTestId(`interface-row-${iface.name}`);
      expect(within(row).getByTestId('interface-name')).toHaveTextContent(iface.name);
    }
    expect(screen.getAllByRole('row')).toHaveLength(interfaces.length + 1);
  });

  it('shows the binding, model, MAC and Multus network of a localnet NIC', () => {
    const vm = vmFrom('examples', 'field', 'wz-localnet-brex.vm.yaml');
    render(<NetworkingTab obj={vm} />);
    const [iface] = vm.spec?.template?.spec?.domain?.devices?.interfaces ?? [];
    const row = screen.getByTestId(`interface-row-${iface.name}`);
    expect(within(row).getByTestId('interface-binding')).toHaveTextContent('bridge');
    expect(within(row).getByTestId('interface-model')).toHaveTextContent('virtio');
    expect(within(row).getByTestId('interface-mac')).toHaveTextContent('02:00:a3:00:00:01');
    expect(within(row).getByTestId('interface-network')).toHaveTextContent(
      'llm-demo/llm-demo-localnet-network',
    );
  });

  it('says so when the VM has no interfaces and opts out of the pod interface', () => {
    render(
      <NetworkingTab
        obj={
          {
            metadata: { name: 'empty' },
            spec: {
              template: { spec: { domain: { devices: { autoattachPodInterface: false } } } },
            },
          } as VirtualMachine
        }
      />,
    );
    expect(screen.getByText('No network interfaces')).toBeInTheDocument();
  });

  it("shows KubeVirt's default pod interface for a VM with neither interfaces nor networks", () => {
    render(
      <NetworkingTab
        obj={{ metadata: { name: 'empty' }, spec: { template: { spec: {} } } } as VirtualMachine}
      />,
    );
    expect(screen.queryByText('No network interfaces')).not.toBeInTheDocument();
    expect(screen.getByTestId('interface-row-default')).toBeInTheDocument();
  });
});
