import { fireEvent, screen, waitFor } from '@testing-library/react';
import { parse, parseAllDocuments } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import NADWizard from './NADWizard';
import {
  demoObjects,
  fieldErrors,
  fill,
  goToStep,
  renderAt,
  yamlText,
  writes,
  byLabel,
} from '../shared/wizard/wizard-test-utils';

// The wizards render a whole PatternFly page per step: slow on a shared machine.
jest.setTimeout(30000);

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS());
const configOf = (doc: { spec: { config: string } }) => JSON.parse(doc.spec.config);

const cluster = () =>
  demoObjects('00-cluster.yaml', '04-vm-localnet-vlan1924.yaml', '05-vm-linux-bridge-vlan33.yaml');

describe('NADWizard', () => {
  beforeEach(() => mock.__setMockResources(cluster() as never));

  it('builds a Linux bridge NAD with its VLAN and the bridge resource annotation', async () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard />);
    fill('Name', 'Bad_Name');
    expect(fieldErrors('Name').length).toBeGreaterThan(0);
    fill('Name', 'vlan-100');
    expect((byLabel('Network type') as HTMLSelectElement).value).toBe('bridge');
    goToStep(/Settings/);
    fill('Bridge name', 'br1');
    fill('VLAN', 'access');
    fill('VLAN ID', '4095');
    expect(fieldErrors('VLAN ID')).toEqual(['VLAN ID must be a whole number from 1 to 4094.']);
    fill('VLAN ID', '100');
    fill('MTU', '100');
    expect(fieldErrors('MTU')).toEqual(['MTU must be a whole number from 576 to 65536.']);
    fill('MTU', '9000');
    const doc = parse(await yamlText());
    expect(doc.metadata.annotations['k8s.v1.cni.cncf.io/resourceName']).toBe(
      'bridge.network.kubevirt.io/br1',
    );
    expect(configOf(doc)).toMatchObject({
      type: 'bridge',
      bridge: 'br1',
      vlan: 100,
      mtu: 9000,
      macspoofchk: true,
    });
  });

  it('offers trunk VLANs and MAC spoof check for a bridge', async () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard />);
    fill('Name', 'trunk');
    goToStep(/Settings/);
    fill('Bridge name', 'br1');
    fill('VLAN', 'trunk');
    fill('Trunk VLANs', '100, 200-299');
    fireEvent.click(byLabel('MAC spoof check'));
    const config = configOf(parse(await yamlText()));
    expect(config.vlanTrunk).toEqual([{ id: 100 }, { minID: 200, maxID: 299 }]);
    expect(config.macspoofchk).toBeUndefined();
  });

  it('builds an OVN localnet NAD and its bridge-mapping NNCP keyed by the network name, created in order', async () => {
    renderAt('/vm-networking/ns/demo-vm-localnet/new/nad', <NADWizard dryRunDelayMs={0} />);
    fill('Name', 'tenant-nad');
    fill('Network type', 'ovn-localnet');
    goToStep(/Settings/);
    fill('Physical network name', 'tenant-phys');
    fill('VLAN ID', '1924');
    fill('Subnets', '192.168.50.0/24');
    fill('Exclude subnets', '10.0.0.0/24');
    expect(fieldErrors('Exclude subnets')).toEqual([
      'Exclude subnet 10.0.0.0/24 must lie inside one of the subnets.',
    ]);
    fill('Exclude subnets', '192.168.50.1/32');
    goToStep(/Bridge mapping/);
    expect(screen.getByTestId('bridge-mapping-missing')).toHaveTextContent('tenant-phys');
    fill('Bridge mapping', 'br-ex');
    const docs = docsOf(await yamlText());
    expect(docs.map((d) => d.kind)).toEqual([
      'NodeNetworkConfigurationPolicy',
      'NetworkAttachmentDefinition',
    ]);
    expect(docs[0].spec.desiredState.ovn['bridge-mappings'][0]).toMatchObject({
      localnet: 'tenant-phys',
      bridge: 'br-ex',
    });
    expect(configOf(docs[1])).toMatchObject({
      name: 'tenant-phys',
      topology: 'localnet',
      vlanID: 1924,
      netAttachDefName: 'demo-vm-localnet/tenant-nad',
      subnets: '192.168.50.0/24',
      excludeSubnets: '192.168.50.1/32',
    });
    goToStep(/Review and create/);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(writes().map((c) => c.args.data?.kind)).toEqual([
      'NodeNetworkConfigurationPolicy',
      'NetworkAttachmentDefinition',
    ]);
  });

  it('writes the SR-IOV VLAN into the config (the peer form drops it)', async () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard />);
    fill('Name', 'sriov-net');
    fill('Network type', 'sriov');
    goToStep(/Settings/);
    fill('Resource name', 'openshift.io/mlxnics');
    fill('VLAN ID', '200');
    const doc = parse(await yamlText());
    expect(configOf(doc)).toMatchObject({ type: 'sriov', vlan: 200 });
    expect(doc.metadata.annotations['k8s.v1.cni.cncf.io/resourceName']).toBe(
      'openshift.io/mlxnics',
    );
  });

  it('shows a 422 from the server on create without losing anything typed', async () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard dryRunDelayMs={60000} />);
    fill('Name', 'mv');
    fill('Network type', 'macvlan');
    goToStep(/Settings/);
    fill('Master interface', 'ens5');
    mock.__setK8sHandler((fn, args) => {
      if (fn === 'k8sCreate' && args.queryParams?.dryRun !== 'All')
        throw mock.__statusError(422, 'Invalid', 'NetworkAttachmentDefinition "mv" is invalid', [
          {
            field: 'spec.config',
            message: 'Invalid value: config is refused by an admission webhook',
          },
        ]);
      return undefined;
    });
    goToStep(/Review and create/);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('create-error')).toHaveTextContent('is invalid'));
    expect(screen.getByTestId('create-error')).toHaveTextContent('422');
    expect(screen.getByTestId('retry-hint')).toBeInTheDocument();
    goToStep(/^Network/);
    expect(fieldErrors('Network type')).toEqual([
      'Invalid value: config is refused by an admission webhook',
    ]);
    expect((byLabel('Name') as HTMLInputElement).value).toBe('mv');
    goToStep(/Settings/);
    expect((byLabel('Master interface') as HTMLInputElement).value).toBe('ens5');
  });

  it('edits an existing NAD in place, keeping config keys and metadata the form does not show', async () => {
    renderAt(
      '/vm-networking/ns/demo-vm-bridge/edit/nad/virt-bridge',
      <NADWizard dryRunDelayMs={0} />,
    );
    expect((byLabel('Name') as HTMLInputElement).value).toBe('virt-bridge');
    goToStep(/Settings/);
    expect((byLabel('VLAN ID') as HTMLInputElement).value).toBe('33');
    fill('VLAN ID', '34');
    const doc = parse(await yamlText());
    // Shown without server-managed fields; the update still carries them (optimistic locking).
    expect(doc.metadata.uid).toBeUndefined();
    expect(doc.metadata.annotations.description).toBe('VLAN 33 on Linux bridge br-trunk');
    expect(configOf(doc)).toMatchObject({
      vlan: 34,
      preserveDefaultVlan: false,
      bridge: 'br-trunk',
    });
    goToStep(/Review and create/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(writes().map((c) => c.fn)).toEqual(['k8sUpdate']);
    expect(
      (writes()[0].args.data as { metadata?: { uid?: string } } | undefined)?.metadata?.uid,
    ).toBe('d11906d4-7ebd-4a61-a92c-38d6028faa5d');
  });
});
