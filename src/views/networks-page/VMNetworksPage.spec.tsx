import { fireEvent, screen, within } from '@testing-library/react';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { loadSharedObjects } from '../../../test-support/shared';
import VMNetworksPage from './VMNetworksPage';
import { demoObjects, renderAt } from '../shared/wizard/wizard-test-utils';

describe('VMNetworksPage', () => {
  beforeEach(() => {
    const cudn = loadSharedObjects(
      'examples',
      'field',
      'fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml',
    ).find((o) => o.kind === 'ClusterUserDefinedNetwork')!;
    mock.__setMockResources([
      ...demoObjects(
        '00-cluster.yaml',
        '01-vm-pod-masquerade.yaml',
        '02-vm-primary-udn-l2bridge.yaml',
        '05-vm-linux-bridge-vlan33.yaml',
      ),
      cudn,
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'red-namespace',
          labels: { 'kubernetes.io/metadata.name': 'red-namespace' },
        },
      },
    ] as never);
  });

  it('lists the UDNs and NADs of the chosen namespace with edit links, UDN-made NADs without one', () => {
    renderAt('/vm-networking', <VMNetworksPage />);
    fireEvent.change(screen.getByLabelText('Namespace'), {
      target: { value: 'demo-vm-primary-udn' },
    });
    const udn = within(screen.getByTestId('udn-list')).getByTestId(
      'network-UserDefinedNetwork-primary-udn',
    );
    expect(udn).toHaveTextContent('Layer2 · Primary · 10.1.1.0/24');
    expect(within(udn).getByRole('link', { name: 'Edit primary-udn' })).toHaveAttribute(
      'href',
      '/vm-networking/ns/demo-vm-primary-udn/edit/udn/primary-udn',
    );
    const nad = within(screen.getByTestId('nad-list')).getByTestId(
      'network-NetworkAttachmentDefinition-primary-udn',
    );
    expect(nad).toHaveTextContent('made by its UDN');
    expect(within(nad).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByTestId('create-udn')).toHaveAttribute(
      'href',
      '/vm-networking/ns/demo-vm-primary-udn/new/udn',
    );
  });

  it('shows the CUDNs that select the namespace, and NADs with their type', () => {
    renderAt('/vm-networking', <VMNetworksPage />);
    fireEvent.change(screen.getByLabelText('Namespace'), { target: { value: 'red-namespace' } });
    expect(
      within(screen.getByTestId('cudn-list')).getByTestId(
        'network-ClusterUserDefinedNetwork-happy-tenant',
      ),
    ).toHaveTextContent('203.203.0.0/16');
    fireEvent.change(screen.getByLabelText('Namespace'), { target: { value: 'demo-vm-bridge' } });
    expect(screen.getByTestId('cudn-list')).toHaveTextContent('None selects this namespace.');
    expect(
      within(screen.getByTestId('nad-list')).getByTestId(
        'network-NetworkAttachmentDefinition-virt-bridge',
      ),
    ).toHaveTextContent('bridge');
  });
});
