import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import UDNWizard from './UDNWizard';
import {
  demoObjects,
  fieldErrors,
  fill,
  goToStep,
  renderAt,
  yamlText,
  creates,
  byLabel,
} from '../shared/wizard/wizard-test-utils';

// The wizards render a whole PatternFly page per step: slow on a shared machine.
jest.setTimeout(30000);

const sdk = {
  ...mock,
  __setMockResources: (o: unknown[]) => mock.__setMockResources(o as never),
};

const cluster = () =>
  demoObjects('00-cluster.yaml', '02-vm-primary-udn-l2bridge.yaml', '01-vm-pod-masquerade.yaml');

const fillBasics = (name: string, ns: string) => {
  fill('Name', name);
  fill('Namespace', ns);
};

describe('UDNWizard', () => {
  beforeEach(() => sdk.__setMockResources(cluster()));

  it('defaults the target version from the cluster and follows every keystroke in the YAML', async () => {
    renderAt('/vm-networking/ns/demo-vm-pod/new/udn', <UDNWizard dryRunDelayMs={0} />);
    // The demo ClusterVersion runs 4.20.8.
    expect((byLabel('Target OpenShift version') as HTMLSelectElement).value).toBe('4.20');
    expect((byLabel('Namespace') as HTMLInputElement).value).toBe('demo-vm-pod');
    fill('Name', 'tenant');
    expect(await yamlText()).toContain('name: tenant');
    fill('Name', 'tenant-blue');
    expect(await yamlText()).toContain('name: tenant-blue');
    fill('Role', 'Secondary');
    fill('Topology', 'Layer3');
    goToStep('Subnets and IPAM');
    fill('Subnets', '10.200.0.0/16');
    fill('Host subnet', '24');
    const doc = parse(await yamlText());
    expect(doc.spec).toEqual({
      topology: 'Layer3',
      layer3: { role: 'Secondary', subnets: [{ cidr: '10.200.0.0/16', hostSubnet: 24 }] },
    });
  });

  it('refuses bad input at the field: a bad name, a bad CIDR, the cluster network, MTU out of range', async () => {
    renderAt('/vm-networking/ns/demo-vm-pod/new/udn', <UDNWizard />);
    fill('Name', 'Bad_Name');
    expect(fieldErrors('Name').join(' ')).toMatch(/lower case|DNS|must/i);
    fill('Role', 'Secondary');
    goToStep('Subnets and IPAM');
    fill('Subnets', '10.0.0.300/24');
    expect(fieldErrors('Subnets').length).toBeGreaterThan(0);
    fill('Subnets', '10.128.0.0/16');
    expect(fieldErrors('Subnets').join(' ')).toContain(
      'overlaps the cluster network (10.128.0.0/14)',
    );
    fill('Subnets', '10.200.0.1/16');
    expect(fieldErrors('Subnets').join(' ')).toMatch(/host bits|10\.200\.0\.0\/16/);
    fill('Subnets', '10.200.0.0/16');
    expect(fieldErrors('Subnets')).toEqual([]);
    fill('MTU', '70000');
    expect(fieldErrors('MTU')).toEqual(['MTU must be a whole number from 576 to 65536.']);
    fill('MTU', '9000');
    expect(fieldErrors('MTU')).toEqual([]);
    // What was typed stays as typed, also junk.
    fill('MTU', '15a');
    expect((byLabel('MTU') as HTMLInputElement).value).toBe('15a');
    goToStep(/Review and create/);
    expect(screen.getByTestId('review-errors')).toHaveTextContent('Network: ');
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('says when the namespace of a primary network lacks the label, and offers to create it', async () => {
    renderAt('/vm-networking/ns/demo-vm-pod/new/udn', <UDNWizard />);
    fill('Name', 'primary');
    expect(screen.getByTestId('namespace-label-alert')).toHaveTextContent(
      'k8s.ovn.org/primary-user-defined-network',
    );
    fill('Namespace', 'brand-new');
    expect(screen.queryByTestId('namespace-label-alert')).not.toBeInTheDocument();
    fireEvent.click(byLabel('Create the namespace, labelled for a primary network'));
    goToStep('Subnets and IPAM');
    fill('Subnets', '10.210.0.0/16');
    const docs = (await yamlText()).split(/^---$/m).map((d) => parse(d));
    expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'UserDefinedNetwork']);
    expect(docs[0].metadata.labels).toEqual({ 'k8s.ovn.org/primary-user-defined-network': '' });
  });

  it('creates the namespace and then the network, with progress per object', async () => {
    renderAt('/vm-networking/ns/brand-new/new/udn', <UDNWizard dryRunDelayMs={0} />);
    fillBasics('primary', 'brand-new');
    fireEvent.click(byLabel('Create the namespace, labelled for a primary network'));
    goToStep('Subnets and IPAM');
    fill('Subnets', '10.210.0.0/16');
    goToStep(/Review and create/);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(creates().map((c) => c.args.data?.kind)).toEqual(['Namespace', 'UserDefinedNetwork']);
    // Success only: the objects created, each a link, and no error about them.
    const done = screen.getByTestId('created-objects');
    expect(
      within(done)
        .getAllByTestId('created-object-link')
        .map((a) => a.textContent),
    ).toEqual(['Namespace brand-new', 'UserDefinedNetwork brand-new/primary']);
    expect(within(done).getByTestId('attach-to-vm')).toHaveAttribute(
      'href',
      '/k8s/ns/brand-new/kubevirt.io~v1~VirtualMachine',
    );
    expect(screen.queryByTestId('review-errors')).toBeNull();
  });

  it('shows a 409 AlreadyExists plainly, keeps the input, and retries only what failed', async () => {
    renderAt('/vm-networking/ns/brand-new/new/udn', <UDNWizard dryRunDelayMs={0} />);
    fillBasics('primary', 'brand-new');
    fireEvent.click(byLabel('Create the namespace, labelled for a primary network'));
    goToStep('Subnets and IPAM');
    fill('Subnets', '10.210.0.0/16');
    goToStep(/Review and create/);
    let refuse = true;
    sdk.__setK8sHandler((fn, args) => {
      if (
        fn === 'k8sCreate' &&
        args.data?.kind === 'UserDefinedNetwork' &&
        args.queryParams?.dryRun !== 'All' &&
        refuse
      )
        throw sdk.__statusError(
          409,
          'AlreadyExists',
          'userdefinednetworks.k8s.ovn.org "primary" already exists',
        );
      return undefined;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('create-error')).toBeInTheDocument());
    expect(screen.getByTestId('create-error')).toHaveTextContent('already exists');
    expect(screen.getByTestId('create-error')).toHaveTextContent('Choose another name');
    goToStep(/^Network/);
    expect((byLabel('Name') as HTMLInputElement).value).toBe('primary');
    fill('Name', 'primary-2');
    refuse = false;
    goToStep(/Review and create/);
    fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    // The namespace was created once; the network twice (refused, then under its new name).
    expect(creates().map((c) => `${c.args.data?.kind}/${c.args.data?.metadata?.name}`)).toEqual([
      'Namespace/brand-new',
      'UserDefinedNetwork/primary',
      'UserDefinedNetwork/primary-2',
    ]);
  });

  it('maps a 422 from the dry run back onto the field it names', async () => {
    sdk.__setK8sHandler((fn, args) => {
      if (fn === 'k8sCreate' && args.queryParams?.dryRun === 'All')
        throw sdk.__statusError(422, 'Invalid', 'UserDefinedNetwork.k8s.ovn.org "sec" is invalid', [
          {
            field: 'spec.layer2.subnets[0]',
            message: 'Invalid value: "10.220.0.0/16": subnet overlaps a reserved range',
          },
        ]);
      return undefined;
    });
    renderAt('/vm-networking/ns/demo-vm-pod/new/udn', <UDNWizard dryRunDelayMs={0} />);
    fillBasics('sec', 'demo-vm-pod');
    fill('Role', 'Secondary');
    goToStep('Subnets and IPAM');
    fill('Subnets', '10.220.0.0/16');
    await waitFor(() =>
      expect(fieldErrors('Subnets')).toEqual([
        'Invalid value: "10.220.0.0/16": subnet overlaps a reserved range',
      ]),
    );
    expect((byLabel('Subnets') as HTMLInputElement).value).toBe('10.220.0.0/16');
  });

  it('edits an existing UDN: loads it, explains immutability, keeps what the form cannot show', async () => {
    renderAt(
      '/vm-networking/ns/demo-vm-primary-udn/edit/udn/primary-udn',
      <UDNWizard dryRunDelayMs={0} />,
    );
    expect(screen.getByTestId('immutable-alert')).toHaveTextContent('delete');
    expect((byLabel('Name') as HTMLInputElement).value).toBe('primary-udn');
    goToStep('Subnets and IPAM');
    expect((byLabel('Subnets') as HTMLInputElement).value).toBe('10.1.1.0/24');
    fill('MTU', '1400');
    const doc = parse(await yamlText());
    expect(doc.metadata.finalizers).toEqual(['k8s.ovn.org/user-defined-network-protection']);
    // The edit YAML reads as a person writes it: no server-managed fields, in the usual order.
    expect(Object.keys(doc).slice(0, 4)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(doc.metadata.uid).toBeUndefined();
    expect(doc.metadata.resourceVersion).toBeUndefined();
    expect(doc.metadata.managedFields).toBeUndefined();
    expect(doc.status).toBeUndefined();
    expect(doc.spec.layer2.mtu).toBe(1400);
    goToStep(/Review and create/);
    expect(screen.getByTestId('progress-UserDefinedNetwork-primary-udn')).toHaveTextContent(
      'delete and recreate',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(sdk.__calls.map((c) => c.fn)).toEqual(
      expect.arrayContaining(['k8sDelete', 'k8sCreate']),
    );
  });
});
