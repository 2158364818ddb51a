import { fireEvent, screen, waitFor } from '@testing-library/react';
import { parse, parseAllDocuments } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { loadSharedObjects } from '../../../test-support/shared';
import CUDNWizard from './CUDNWizard';
import {
  demoObjects,
  fieldErrors,
  fill,
  goToStep,
  renderAt,
  yamlText,
  writes,
  calls,
  byLabel,
} from '../shared/wizard/wizard-test-utils';

// The wizards render a whole PatternFly page per step: slow on a shared machine.
jest.setTimeout(30000);

const cluster = () =>
  demoObjects(
    '00-cluster.yaml',
    '01-vm-pod-masquerade.yaml',
    '04-vm-localnet-vlan1924.yaml',
    '05-vm-linux-bridge-vlan33.yaml',
    '06-localnet-multinetworkpolicies.yaml',
  );

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

describe('CUDNWizard', () => {
  beforeEach(() => mock.__setMockResources(cluster() as never));

  it('lists the namespaces the selector picks, live', () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard />);
    goToStep(/Namespaces/);
    expect(screen.getByTestId('selected-namespaces')).toHaveTextContent('None yet');
    fill('Namespace selector', 'kubernetes.io/metadata.name in (demo-vm-pod, demo-vm-bridge)');
    const list = screen.getByTestId('selected-namespaces');
    expect(list).toHaveTextContent('demo-vm-pod');
    expect(list).toHaveTextContent('demo-vm-bridge');
    expect(list).not.toHaveTextContent('llm-demo');
    fill('Namespace selector', 'kubernetes.io/metadata.name=llm-demo');
    expect(screen.getByTestId('selected-namespaces')).toHaveTextContent('llm-demo');
    fill('Namespace selector', 'a b c');
    expect(fieldErrors('Namespace selector').join(' ')).toContain('Cannot read "a b c"');
  });

  it('builds a localnet CUDN with its bridge-mapping policy, VLAN checked, in creation order', async () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
    fill('Name', 'tenant-vlan');
    fill('Topology', 'Localnet');
    expect((byLabel('Role') as HTMLSelectElement).value).toBe('Secondary');
    goToStep(/Namespaces/);
    fill('Namespace selector', 'kubernetes.io/metadata.name=demo-vm-bridge');
    goToStep(/Subnets and IPAM/);
    fill('Physical network name', 'tenant-phys');
    fill('VLAN ID', '4095');
    expect(fieldErrors('VLAN ID')).toEqual(['VLAN ID must be a whole number from 1 to 4094.']);
    fill('VLAN ID', '1924');
    expect(fieldErrors('VLAN ID')).toEqual([]);
    fill('IPAM', 'Disabled');
    expect((byLabel('Persistent IPs') as HTMLInputElement).checked).toBe(false);
    goToStep(/Bridge mapping/);
    expect(screen.getByTestId('bridge-mapping-missing')).toHaveTextContent('tenant-phys');
    fill('Bridge mapping', 'ovs-bridge');
    fill('Node NIC', 'ens4');
    const docs = docsOf(await yamlText());
    expect(docs.map((d) => d.kind)).toEqual([
      'NodeNetworkConfigurationPolicy',
      'ClusterUserDefinedNetwork',
    ]);
    expect(docs[0].spec.desiredState.ovn['bridge-mappings']).toEqual([
      { localnet: 'tenant-phys', bridge: 'br-vmdata', state: 'present' },
    ]);
    expect(docs[1].spec.network.localnet).toMatchObject({
      role: 'Secondary',
      physicalNetworkName: 'tenant-phys',
      vlan: { mode: 'Access', access: { id: 1924 } },
    });
    goToStep(/Review and create/);
    expect(screen.queryByTestId('review-errors')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(writes().map((c) => c.args.data?.kind)).toEqual([
      'NodeNetworkConfigurationPolicy',
      'ClusterUserDefinedNetwork',
    ]);
  });

  it('lets a dry run in flight finish before the first write, and starts no other', async () => {
    // The form is complete with its last field; that check is held, in flight when Create is clicked.
    let holding = false;
    let answer: (() => void) | undefined;
    mock.__setK8sHandler((_fn, args) =>
      holding && !answer && args.queryParams?.dryRun === 'All'
        ? new Promise((resolve) => (answer = () => resolve(args.data)))
        : undefined,
    );
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
    fill('Name', 'tenant-vlan');
    fill('Topology', 'Localnet');
    goToStep(/Namespaces/);
    fill('Namespace selector', 'kubernetes.io/metadata.name=demo-vm-bridge');
    goToStep(/Subnets and IPAM/);
    fill('Physical network name', 'tenant-phys');
    fill('IPAM', 'Disabled');
    goToStep(/Bridge mapping/);
    fill('Bridge mapping', 'ovs-bridge');
    const from = calls().length;
    holding = true;
    const since = () =>
      calls()
        .slice(from)
        .map((c) => `${c.args.queryParams?.dryRun ? 'dry run' : c.fn} ${c.args.data?.kind}`);
    fill('Node NIC', 'ens4');
    goToStep(/Review and create/);
    await waitFor(() => expect(answer).toBeDefined());
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await new Promise((r) => setTimeout(r, 50));
    // Written after the check's answer: else that check could reach the server after the create.
    expect(since()).toEqual(['dry run NodeNetworkConfigurationPolicy']);
    answer!();
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(since()).toEqual([
      'dry run NodeNetworkConfigurationPolicy',
      'k8sCreate NodeNetworkConfigurationPolicy',
      'k8sCreate ClusterUserDefinedNetwork',
    ]);
    expect(screen.queryByTestId('review-errors')).toBeNull();
  });

  it('sees a physical network the nodes already map (through an NNCP)', () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard />);
    fill('Topology', 'Localnet');
    goToStep(/Subnets and IPAM/);
    fill('Physical network name', 'localnet-cnv');
    goToStep(/Bridge mapping/);
    expect(screen.getByTestId('bridge-mapping-found')).toHaveTextContent('localnet-cnv to br-ex');
  });

  it('refuses a subnet overlapping the cluster network and a 4.19 target for preconfigured addresses', async () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard />);
    goToStep(/Subnets and IPAM/);
    fill('Subnets', '10.130.0.0/16');
    expect(fieldErrors('Subnets').join(' ')).toContain('overlaps the cluster network');
    expect(byLabel('Reserved subnets')).toBeInTheDocument();
    goToStep(/^Network/);
    fill('Target OpenShift version', '4.19');
    goToStep(/Subnets and IPAM/);
    expect(screen.queryByLabelText('Reserved subnets')).not.toBeInTheDocument();
  });

  it('edits a CUDN: the selector changes in place, the network is explained as immutable', async () => {
    const cudn = loadSharedObjects(
      'examples',
      'field',
      'fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml',
    ).find((o) => o.kind === 'ClusterUserDefinedNetwork')!;
    mock.__setMockResources([
      ...cluster(),
      { ...cudn, metadata: { ...cudn.metadata, resourceVersion: '77', labels: { team: 'red' } } },
    ] as never);
    renderAt('/vm-networking/cluster/edit/cudn/happy-tenant', <CUDNWizard dryRunDelayMs={0} />);
    expect(screen.getByTestId('immutable-alert')).toHaveTextContent('only the namespace selector');
    goToStep(/Namespaces/);
    expect((byLabel('Namespace selector') as HTMLInputElement).value).toBe(
      'kubernetes.io/metadata.name in (red-namespace,blue-namespace)',
    );
    fill(
      'Namespace selector',
      'kubernetes.io/metadata.name in (red-namespace,blue-namespace,green-namespace)',
    );
    const doc = parse(await yamlText());
    expect(doc.metadata).toMatchObject({ labels: { team: 'red' } });
    goToStep(/Review and create/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(writes().map((c) => c.fn)).toEqual(['k8sUpdate']);
    expect(
      (writes()[0].args.data as { metadata?: { resourceVersion?: string } } | undefined)?.metadata
        ?.resourceVersion,
    ).toBe('77');
  });
});
