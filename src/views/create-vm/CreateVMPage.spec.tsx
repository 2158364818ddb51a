import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import type { K8sObject } from '../../core/k8s/types';
import CreateVMPage, { namespaceFromPath } from './CreateVMPage';

const DEMO = path.resolve(__dirname, '../../../preview/fixtures/demo');
const cluster = (): K8sObject[] =>
  parseAllDocuments(fs.readFileSync(path.join(DEMO, '00-cluster.yaml'), 'utf8'))
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => !!o);

// Each test plans and renders a whole VM with its networks and policy: about 5 s on a loaded
// 2-core machine, the default timeout.
jest.setTimeout(30_000);

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const step = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const creates = () =>
  (mock.__calls as { fn: string; args: { data?: K8sObject } }[])
    .filter((c) => c.fn === 'k8sCreate')
    .map((c) => `${c.args.data?.kind}/${c.args.data?.metadata?.name}`);

/** A VM on a new primary UDN with a new localnet network and a deny-all-but-gateway policy. */
const planTheShopVM = async () => {
  render(
    <MemoryRouter initialEntries={['/vm-networking/ns/shop/new/vm']}>
      <CreateVMPage />
    </MemoryRouter>,
  );
  expect(byId('create-vm-namespace')).toHaveValue('shop');
  change(byId('create-vm-name'), 'web');
  fireEvent.click(byId('create-vm-create-namespace'));
  fireEvent.click(byId('create-vm-primary-label'));
  fireEvent.click(byId('create-vm-boot-containerdisk'));
  step('Networking');

  fireEvent.click(screen.getByTestId('new-network'));
  await screen.findByTestId('new-network-form');
  change(byId('new-network-kind'), 'primary-udn');
  change(byId('new-network-subnet'), '10.100.0.0/16');
  fireEvent.click(screen.getByTestId('new-network-add'));
  await waitFor(() => expect(screen.queryByTestId('new-network-form')).toBeNull());

  fireEvent.click(screen.getByTestId('new-network'));
  await screen.findByTestId('new-network-form');
  change(byId('new-network-kind'), 'localnet-nad');
  change(byId('new-network-name'), 'vlan-1924');
  change(byId('new-network-vlan'), '1924');
  change(byId('new-network-physnet'), 'physnet');
  fireEvent.click(screen.getByTestId('new-network-add'));
  await waitFor(() => expect(screen.queryByTestId('new-network-form')).toBeNull());

  expect(byId('nic-0-network')).toHaveValue('pod');
  expect(byId('nic-0-binding')).toHaveValue('l2bridge');
  expect(byId('nic-1-network')).toHaveValue('shop/vlan-1924');
  expect(byId('nic-1-binding')).toHaveValue('bridge');
  const preview = screen.getByTestId('create-vm-preview');
  expect(within(preview).getByTestId('wiring-lane-default')).toBeInTheDocument();
  expect(within(preview).getByTestId('wiring-lane-vlan-1924')).toHaveTextContent('1924');

  step('Policies');
  await screen.findByText(/Interface|No secondary/);
  fireEvent.click(byId('policy-vlan-1924-enabled'));
  change(byId('policy-vlan-1924-gateway'), '192.168.19.1');
  step('Review and create');
  await screen.findByTestId('create-vm-review');
};

describe('CreateVMPage', () => {
  beforeEach(() => mock.__setMockResources(cluster() as never));

  it('reads the namespace from either route', () => {
    expect(namespaceFromPath('/vm-networking/ns/shop/new/vm')).toBe('shop');
    expect(namespaceFromPath('/vm-networking/new/vm/ns/shop')).toBe('shop');
    expect(namespaceFromPath('/vm-networking/new/vm')).toBe('default');
  });

  it('creates the namespace, networks, VM and policy in order, wired as planned', async () => {
    await planTheShopVM();
    await waitFor(() =>
      expect(screen.getByTestId('review-VirtualMachine-web-yaml')).not.toHaveValue(''),
    );
    const vm = parse(
      (screen.getByTestId('review-VirtualMachine-web-yaml') as HTMLTextAreaElement).value,
    );
    expect(vm.spec.template.spec.domain.devices.interfaces).toEqual([
      { name: 'default', binding: { name: 'l2bridge' }, model: 'virtio' },
      { name: 'vlan-1924', bridge: {}, model: 'virtio' },
    ]);
    fireEvent.click(screen.getByTestId('create-vm-submit'));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(creates()).toEqual([
      'Namespace/shop',
      'UserDefinedNetwork/primary-udn',
      'NetworkAttachmentDefinition/vlan-1924',
      'VirtualMachine/web',
      'MultiNetworkPolicy/web-vlan-1924-policy',
    ]);
    const mnp = mock.__getMockResource(
      'MultiNetworkPolicy',
      'shop',
      'web-vlan-1924-policy',
    ) as K8sObject & {
      spec: unknown;
    };
    expect(mnp.spec).toEqual({
      podSelector: { matchLabels: { 'vm.kubevirt.io/name': 'web' } },
      // Ingress only: egress is isolated only when the user ticks it (issue 12).
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr: '192.168.19.1/32' } }] }],
    });
    expect(screen.getByTestId('open-networking-tab')).toHaveAttribute(
      'href',
      '/k8s/ns/shop/kubevirt.io~v1~VirtualMachine/web/vm-networking',
    );
  });

  it("shows the server's message and retries only what failed", async () => {
    mock.__failNextCreate(
      Object.assign(new Error('admission webhook denied the request'), {
        code: 422,
        json: {
          code: 422,
          message: 'VirtualMachine.kubevirt.io "web" is invalid',
          details: {
            causes: [{ field: 'spec.template.spec.networks[1]', message: 'NAD not found' }],
          },
        },
      }),
      'VirtualMachine',
    );
    await planTheShopVM();
    await waitFor(() => expect(screen.getByTestId('create-vm-submit')).toBeEnabled());
    fireEvent.click(screen.getByTestId('create-vm-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('review-VirtualMachine-web-error')).toBeInTheDocument(),
    );
    expect(screen.getByTestId('review-VirtualMachine-web-error')).toHaveTextContent(
      'VirtualMachine.kubevirt.io "web" is invalid',
    );
    expect(screen.getByTestId('review-VirtualMachine-web-error')).toHaveTextContent(
      'spec.template.spec.networks[1]: NAD not found',
    );
    // Attempts: the VM failed, the policy after it was not tried.
    expect(creates()).toEqual([
      'Namespace/shop',
      'UserDefinedNetwork/primary-udn',
      'NetworkAttachmentDefinition/vlan-1924',
      'VirtualMachine/web',
    ]);
    expect(screen.getByTestId('create-vm-submit')).toHaveTextContent('Retry the failed ones');
    fireEvent.click(screen.getByTestId('create-vm-submit'));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    // The retry sends only the VM again and the policy; nothing created is sent twice.
    expect(creates()).toEqual([
      'Namespace/shop',
      'UserDefinedNetwork/primary-udn',
      'NetworkAttachmentDefinition/vlan-1924',
      'VirtualMachine/web',
      'VirtualMachine/web',
      'MultiNetworkPolicy/web-vlan-1924-policy',
    ]);
  });

  it('blocks Create while the plan has errors and re-checks edited YAML', async () => {
    await planTheShopVM();
    await waitFor(() =>
      expect(
        screen.getByTestId('review-MultiNetworkPolicy-web-vlan-1924-policy-yaml'),
      ).not.toHaveValue(''),
    );
    const area = screen.getByTestId('review-MultiNetworkPolicy-web-vlan-1924-policy-yaml');
    change(
      area,
      (area as HTMLTextAreaElement).value.replace('192.168.19.1/32', '192.168.19.300/32'),
    );
    await waitFor(() => expect(screen.getByText(/is not an IPv4 address/)).toBeInTheDocument());
    change(area, 'kind: [');
    await waitFor(() => expect(screen.getByTestId('create-vm-submit')).toBeDisabled());
  });
});
