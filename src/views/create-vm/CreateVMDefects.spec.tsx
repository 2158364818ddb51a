/**
 * Issue 10's Create VM defects, each driven as a user through the page with the demo cluster:
 * the default NIC, nothing red before a field is touched, the silent "Add to plan" refusal of a
 * primary UDN, masquerade off the pod network, one Create button, success only after create.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import type { K8sObject } from '../../core/k8s/types';
import CreateVMPage from './CreateVMPage';

jest.setTimeout(90000);

const DEMO = path.resolve(__dirname, '../../../preview/fixtures/demo');
const load = (file: string): K8sObject[] =>
  parseAllDocuments(fs.readFileSync(path.join(DEMO, file), 'utf8'))
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => !!o);
const cluster = () => [
  ...load('00-cluster.yaml'),
  ...load('01-vm-pod-masquerade.yaml'),
  ...load('02-vm-primary-udn-l2bridge.yaml'),
  ...load('04-vm-localnet-vlan1924.yaml'),
];

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const step = (name: string) =>
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${name}`) }));
const open = (ns: string) =>
  render(
    <MemoryRouter initialEntries={[`/vm-networking/ns/${ns}/new/vm`]}>
      <CreateVMPage />
    </MemoryRouter>,
  );
/** Anything the page paints as an error. */
const redThings = () =>
  document.querySelectorAll(
    '.pf-m-error, .pf-m-danger, [aria-invalid="true"], [data-test="review-blocking"]',
  );

beforeEach(() => mock.__setMockResources(cluster() as never));

describe('Create VM safe defaults', () => {
  it('starts with the pod network NIC, masquerade, and nothing red on any step', async () => {
    open('demo-vm-pod');
    expect(redThings()).toHaveLength(0);
    change(byId('create-vm-name'), 'web');
    fireEvent.click(byId('create-vm-boot-containerdisk'));
    expect(redThings()).toHaveLength(0);
    step('Networking');
    expect(byId('nic-0-network')).toHaveValue('pod');
    expect(byId('nic-0-binding')).toHaveValue('masquerade');
    expect(byId('nic-0-name')).toHaveValue('default');
    expect(screen.queryByText('No network interface')).toBeNull();
    expect(redThings()).toHaveLength(0);
    step('Policies');
    await screen.findByText(/Interface|No secondary/);
    expect(redThings()).toHaveLength(0);
  });

  it('uses l2bridge for that NIC in a namespace with a primary UDN', async () => {
    open('demo-vm-primary-udn');
    step('Networking');
    await waitFor(() => expect(byId('nic-0-binding')).toHaveValue('l2bridge'));
    expect(byId('nic-0-network')).toHaveValue('pod');
  });
});

describe('Add to plan never refuses silently', () => {
  const addPrimary = async () => {
    fireEvent.click(screen.getByTestId('new-network'));
    await screen.findByTestId('new-network-form');
    change(byId('new-network-kind'), 'primary-udn');
    change(byId('new-network-subnet'), '10.100.0.0/16');
    fireEvent.click(screen.getByTestId('new-network-add'));
  };

  it('says why a primary UDN needs the label, and ticks it on request', async () => {
    open('shop');
    change(byId('create-vm-name'), 'web');
    step('Networking');
    await addPrimary();
    const why = screen.getByTestId('new-network-primary-namespace');
    expect(why).toHaveTextContent('k8s.ovn.org/primary-user-defined-network');
    expect(why).toHaveClass('pf-m-danger');
    expect(screen.getByTestId('new-network-form')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('new-network-tick-label'));
    fireEvent.click(screen.getByTestId('new-network-add'));
    await waitFor(() => expect(screen.queryByTestId('new-network-form')).toBeNull());
    expect(screen.getByTestId('planned-objects')).toHaveTextContent('UserDefinedNetwork');
    await waitFor(() => expect(byId('nic-0-binding')).toHaveValue('l2bridge'));
    fireEvent.click(document.getElementById('basics')!);
    expect(byId('create-vm-create-namespace')).toBeChecked();
    expect(byId('create-vm-primary-label')).toBeChecked();
  });

  it('says what to do when the namespace exists without the label', async () => {
    open('demo-vm-pod');
    step('Networking');
    await addPrimary();
    const why = screen.getByTestId('new-network-primary-namespace');
    expect(why).toHaveTextContent('cannot be added later');
    expect(screen.queryByTestId('new-network-tick-label')).toBeNull();
    expect(screen.getByTestId('new-network-form')).toBeInTheDocument();
  });
});

describe('hard stops and the one Create button', () => {
  it('refuses masquerade on a secondary network on the spot and blocks Create', async () => {
    open('demo-vm-localnet');
    change(byId('create-vm-name'), 'web');
    fireEvent.click(byId('create-vm-boot-containerdisk'));
    step('Networking');
    fireEvent.click(screen.getByTestId('add-interface'));
    await waitFor(() =>
      expect(byId('nic-1-network')).toHaveValue('demo-vm-localnet/demo-vlan-1924'),
    );
    change(byId('nic-1-binding'), 'masquerade');
    const nicName = (byId('nic-1-name') as HTMLInputElement).value;
    const card = screen.getByTestId('nic-card-1');
    expect(
      within(card).getByText(/Masquerade interface only implemented with pod network/),
    ).toBeInTheDocument();
    step('Review and create');
    await screen.findByTestId('create-vm-review');
    const create = screen.getAllByRole('button', { name: /^(Create|Retry)/ });
    expect(create).toHaveLength(1);
    expect(create[0]).toBeDisabled();
    const problem = screen.getByTestId('review-blocking-problem');
    // Where, in words (not the plan's field path), and a way there.
    expect(problem).toHaveTextContent(
      `Interface ${nicName}: masquerade works on the pod network only`,
    );
    expect(problem).not.toHaveTextContent('interfaces[1]');
    fireEvent.click(within(problem).getByRole('button', { name: 'Go to Networking' }));
    await waitFor(() => expect(document.activeElement).toBe(byId('nic-1-binding')));
    expect(byId('nic-1-binding')).toHaveValue('masquerade');
  });

  it('after a successful create shows the created objects as links, and no error', async () => {
    open('demo-vm-localnet');
    change(byId('create-vm-name'), 'web');
    fireEvent.click(byId('create-vm-boot-containerdisk'));
    step('Networking');
    fireEvent.click(screen.getByTestId('add-interface'));
    await waitFor(() =>
      expect(byId('nic-1-network')).toHaveValue('demo-vm-localnet/demo-vlan-1924'),
    );
    change(byId('nic-1-mac'), '02:00:00:aa:bb:01');
    step('Review and create');
    await screen.findByTestId('create-vm-review');
    expect(screen.getAllByRole('button', { name: /^Create/ })).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('create-vm-submit')).toBeEnabled());
    fireEvent.click(screen.getByTestId('create-vm-submit'));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(mock.__getMockResource('VirtualMachine', 'demo-vm-localnet', 'web')).toBeTruthy();
    expect(screen.getByTestId('open-networking-tab')).toHaveAttribute(
      'href',
      '/k8s/ns/demo-vm-localnet/kubevirt.io~v1~VirtualMachine/web/vm-networking',
    );
    expect(redThings()).toHaveLength(0);
    expect(screen.queryByText(/already exists|already used/)).toBeNull();
  });
});
