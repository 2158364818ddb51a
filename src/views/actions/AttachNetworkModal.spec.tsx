import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import type { K8sObject, VirtualMachine } from '../../core/k8s/types';
import { AttachNetworkModal } from './AttachNetworkModal';
import { DetachNetworkModal } from './DetachNetworkModal';
import { useVMNetworkingActions } from './useVMNetworkingActions';
import { BulkAttachNetworkModal } from './BulkAttachNetworkModal';

const DEMO = path.resolve(__dirname, '../../../preview/fixtures/demo');
const demo = (file: string): K8sObject[] =>
  parseAllDocuments(fs.readFileSync(path.join(DEMO, file), 'utf8'))
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => !!o);

const NS = 'demo-vm-localnet';
const objects = () => {
  const objs = demo('04-vm-localnet-vlan1924.yaml');
  const nad = objs.find((o) => o.kind === 'NetworkAttachmentDefinition')!;
  // A second localnet network in the namespace (same shape as the real one, VLAN 1926).
  const extra = JSON.parse(
    JSON.stringify(nad)
      .replace(/demo-vlan-1924/g, 'extra-vlan')
      .replace(/1924/g, '1926'),
  ) as K8sObject;
  return [...objs, extra];
};
const vmOf = (objs: K8sObject[]) => objs.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
const storedVM = () =>
  mock.__getMockResource('VirtualMachine', NS, 'vm-localnet') as VirtualMachine;
const ifaceNames = (vm: VirtualMachine) =>
  (vm.spec?.template?.spec?.domain?.devices?.interfaces ?? []).map((i) => i.name);

describe('AttachNetworkModal', () => {
  let objs: K8sObject[];
  beforeEach(() => {
    objs = objects();
    mock.__setMockResources(objs as never);
  });

  it('attaches a free network of the namespace with the binding it needs, by a guarded JSON patch', async () => {
    const closeModal = jest.fn();
    render(<AttachNetworkModal vm={vmOf(objs)} closeModal={closeModal} />);
    await waitFor(() =>
      expect(screen.getByLabelText('Network')).toHaveValue('demo-vm-localnet/extra-vlan'),
    );
    expect(screen.getByLabelText('Binding')).toHaveValue('bridge');
    expect(screen.getByLabelText(/^Interface name/)).toHaveValue('nic-1');
    expect(screen.getByTestId('hotplug-expectation')).toHaveTextContent(
      'Hot-plugged into the running VM',
    );
    expect(screen.getByTestId('hotplug-expectation')).toHaveTextContent('live migration');
    fireEvent.click(screen.getByTestId('attach-apply'));
    await waitFor(() => expect(closeModal).toHaveBeenCalled());
    expect(ifaceNames(storedVM())).toEqual(['default', 'nic-vlan-1924', 'nic-1']);
    expect(storedVM().spec?.template?.spec?.networks?.[2]).toEqual({
      name: 'nic-1',
      multus: { networkName: 'extra-vlan' },
    });
    const patch = mock.__calls.find((c) => c.fn === 'k8sPatch')!.args as { data: { op: string }[] };
    expect(patch.data.filter((o) => o.op === 'test').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a patch when the VM changed meanwhile, says so, and applies after a reload', async () => {
    const closeModal = jest.fn();
    render(<AttachNetworkModal vm={vmOf(objs)} closeModal={closeModal} />);
    await waitFor(() =>
      expect(screen.getByLabelText('Network')).toHaveValue('demo-vm-localnet/extra-vlan'),
    );
    // Someone edits the VM's interfaces through the API while the dialog is open.
    const theirs = JSON.parse(JSON.stringify(vmOf(objs))) as VirtualMachine;
    theirs.spec!.template!.spec!.domain!.devices!.interfaces![1].model = 'e1000e';
    mock.__putMockResource(theirs as never);
    fireEvent.click(screen.getByTestId('attach-apply'));
    await waitFor(() => expect(screen.getByTestId('patch-conflict')).toBeInTheDocument());
    expect(screen.getByTestId('patch-conflict')).toHaveTextContent(
      'The VirtualMachine changed while this dialog was open',
    );
    expect(closeModal).not.toHaveBeenCalled();
    expect(ifaceNames(storedVM())).toEqual(['default', 'nic-vlan-1924']);
    expect(storedVM().spec?.template?.spec?.domain?.devices?.interfaces?.[1].model).toBe('e1000e');
    fireEvent.click(screen.getByTestId('reload-retry'));
    fireEvent.click(screen.getByTestId('attach-apply'));
    await waitFor(() => expect(closeModal).toHaveBeenCalled());
    // Their edit is kept, ours is added.
    expect(storedVM().spec?.template?.spec?.domain?.devices?.interfaces?.[1].model).toBe('e1000e');
    expect(ifaceNames(storedVM())).toEqual(['default', 'nic-vlan-1924', 'nic-1']);
  });

  it('checks the MAC address and warns about a binding that will not work', async () => {
    render(<AttachNetworkModal vm={vmOf(objs)} closeModal={jest.fn()} />);
    await waitFor(() => expect(screen.getByLabelText('MAC address')).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('MAC address'), {
      target: { value: '02:86:5E:00:00:16' },
    });
    expect(
      screen.getByText('02:86:5e:00:00:16 is already used by vm-localnet/nic-vlan-1924.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('attach-apply')).toBeDisabled();
    fireEvent.change(screen.getByLabelText('MAC address'), {
      target: { value: '02:00:00:00:19:26' },
    });
    expect(screen.getByTestId('attach-apply')).toBeEnabled();
    fireEvent.change(screen.getByLabelText('Binding'), { target: { value: 'l2bridge' } });
    expect(screen.getByTestId('binding-warning')).toBeInTheDocument();
    expect(screen.getByTestId('hotplug-expectation')).toHaveTextContent('Needs a restart');
  });

  it('refuses masquerade on a secondary network as KubeVirt would, on the spot', async () => {
    render(<AttachNetworkModal vm={vmOf(objs)} closeModal={jest.fn()} />);
    await waitFor(() => expect(screen.getByLabelText('Binding')).toHaveValue('bridge'));
    fireEvent.change(screen.getByLabelText('Binding'), { target: { value: 'masquerade' } });
    expect(
      screen.getByText(/Masquerade interface only implemented with pod network/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Binding')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('attach-apply')).toBeDisabled();
    expect(screen.queryByTestId('hotplug-expectation')).toBeNull();
    fireEvent.click(screen.getByTestId('attach-apply'));
    expect(mock.__calls.filter((c) => c.fn === 'k8sPatch')).toHaveLength(0);
  });
});

describe('DetachNetworkModal', () => {
  it('pre-selects nothing when opened without a NIC, and says what to do', () => {
    const objs = objects();
    mock.__setMockResources(objs as never);
    render(<DetachNetworkModal vm={vmOf(objs)} closeModal={jest.fn()} />);
    expect(screen.getByTestId('detach-interface')).toHaveValue('');
    expect(screen.getByTestId('detach-choose')).toHaveTextContent(
      'Choose the interface to detach.',
    );
    expect(screen.getByTestId('detach-apply')).toBeDisabled();
  });

  it('states the consequence of removing the pod network NIC and needs a second confirmation', async () => {
    const objs = objects();
    mock.__setMockResources(objs as never);
    const closeModal = jest.fn();
    render(<DetachNetworkModal vm={vmOf(objs)} closeModal={closeModal} />);
    fireEvent.change(screen.getByTestId('detach-interface'), { target: { value: 'default' } });
    expect(screen.getByTestId('detach-main-warning')).toHaveTextContent(
      'loses its main connectivity',
    );
    expect(screen.getByTestId('detach-apply')).toBeDisabled();
    fireEvent.click(screen.getByTestId('detach-confirm-main'));
    expect(screen.getByTestId('detach-apply')).toBeEnabled();
    // Choosing another NIC and back asks again.
    fireEvent.change(screen.getByTestId('detach-interface'), {
      target: { value: 'nic-vlan-1924' },
    });
    expect(screen.queryByTestId('detach-main-warning')).toBeNull();
    fireEvent.change(screen.getByTestId('detach-interface'), { target: { value: 'default' } });
    expect(screen.getByTestId('detach-apply')).toBeDisabled();
    fireEvent.click(screen.getByTestId('detach-confirm-main'));
    fireEvent.click(screen.getByTestId('detach-apply'));
    await waitFor(() => expect(closeModal).toHaveBeenCalled());
    expect(ifaceNames(storedVM())).toEqual(['nic-vlan-1924']);
  });

  it('marks a bridge NIC of the running VM absent', async () => {
    const objs = objects();
    mock.__setMockResources(objs as never);
    const closeModal = jest.fn();
    render(
      <DetachNetworkModal vm={vmOf(objs)} closeModal={closeModal} interfaceName="nic-vlan-1924" />,
    );
    expect(screen.getByTestId('detach-mode')).toHaveTextContent('marked absent');
    fireEvent.click(screen.getByTestId('detach-apply'));
    await waitFor(() => expect(closeModal).toHaveBeenCalled());
    expect(
      (storedVM().spec?.template?.spec?.domain?.devices?.interfaces?.[1] as { state?: string })
        .state,
    ).toBe('absent');
  });
});

describe('useVMNetworkingActions', () => {
  it('offers attach, detach, the network and policy wizards and the creation page', () => {
    const objs = objects();
    let actions: { id: string; cta: unknown; disabled?: boolean }[] = [];
    const Probe = () => {
      actions = useVMNetworkingActions(vmOf(objs))[0] as never;
      return null;
    };
    render(<Probe />);
    expect(actions.map((a) => a.id)).toEqual([
      'vm-networking-attach-network',
      'vm-networking-detach-network',
      'vm-networking-create-udn',
      'vm-networking-create-nad',
      'vm-networking-create-mnp',
      'vm-networking-create-vm',
    ]);
    const href = (id: string) => actions.find((a) => a.id === id)?.cta;
    expect(href('vm-networking-create-udn')).toEqual({
      href: '/vm-networking/ns/demo-vm-localnet/new/udn',
    });
    expect(href('vm-networking-create-nad')).toEqual({
      href: '/vm-networking/ns/demo-vm-localnet/new/nad',
    });
    expect(href('vm-networking-create-mnp')).toEqual({
      href: '/vm-networking/ns/demo-vm-localnet/new/mnp?vm=vm-localnet',
    });
    expect(href('vm-networking-create-vm')).toEqual({
      href: '/vm-networking/ns/demo-vm-localnet/new/vm',
    });
    (actions[0].cta as () => void)();
    expect(mock.__calls.some((c) => c.fn === 'launchModal')).toBe(true);
  });
});

describe('BulkAttachNetworkModal', () => {
  it('attaches one network to several VMs, one patch each, and reports a VM changed meanwhile', async () => {
    const objs = demo('06-localnet-multinetworkpolicies.yaml');
    const nad = objs.find((o) => o.kind === 'NetworkAttachmentDefinition')!;
    const extra = JSON.parse(
      JSON.stringify(nad).replace(/llm-demo-localnet-network/g, 'extra-net'),
    ) as K8sObject;
    mock.__setMockResources([...objs, extra] as never);
    const vms = objs.filter((o) => o.kind === 'VirtualMachine') as VirtualMachine[];
    expect(vms).toHaveLength(2);
    const changed = JSON.parse(JSON.stringify(vms[1])) as VirtualMachine;
    changed.spec!.template!.spec!.domain!.devices!.interfaces![0].model = 'e1000e';
    mock.__putMockResource(changed as never);
    render(<BulkAttachNetworkModal vms={vms} closeModal={jest.fn()} />);
    await waitFor(() =>
      expect(screen.getByLabelText('Network')).toHaveValue('llm-demo/llm-demo-localnet-network'),
    );
    fireEvent.change(screen.getByLabelText('Network'), { target: { value: 'llm-demo/extra-net' } });
    fireEvent.click(screen.getByTestId('bulk-attach-apply'));
    await waitFor(() => expect(screen.getByTestId('bulk-results')).toBeInTheDocument());
    const [a, b] = vms.map((v) => v.metadata!.name!);
    expect(screen.getByTestId('bulk-results')).toHaveTextContent(`${a}: attached`);
    expect(screen.getByTestId('bulk-results')).toHaveTextContent(
      `${b}: changed meanwhile, nothing applied`,
    );
    const stored = mock.__getMockResource('VirtualMachine', 'llm-demo', a) as VirtualMachine;
    expect(stored.spec?.template?.spec?.networks?.map((n) => n.name)).toContain('nic-1');
  });

  it('opens on the preselected network, and says so when that network is not offered', async () => {
    const objs = demo('06-localnet-multinetworkpolicies.yaml');
    const nad = objs.find((o) => o.kind === 'NetworkAttachmentDefinition')!;
    const extra = JSON.parse(
      JSON.stringify(nad).replace(/llm-demo-localnet-network/g, 'extra-net'),
    ) as K8sObject;
    mock.__setMockResources([...objs, extra] as never);
    const vms = objs.filter((o) => o.kind === 'VirtualMachine') as VirtualMachine[];
    const { unmount } = render(
      <BulkAttachNetworkModal vms={vms} network="llm-demo/extra-net" closeModal={jest.fn()} />,
    );
    await waitFor(() => expect(screen.getByLabelText('Network')).toHaveValue('llm-demo/extra-net'));
    unmount();
    render(<BulkAttachNetworkModal vms={vms} network="llm-demo/gone" closeModal={jest.fn()} />);
    await waitFor(() => expect(screen.getByTestId('bulk-network-missing')).toBeInTheDocument());
    expect(screen.queryByLabelText('Network')).toBeNull();
    expect(screen.getByTestId('bulk-attach-apply')).toBeDisabled();
  });
});
