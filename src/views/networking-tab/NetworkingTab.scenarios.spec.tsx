/**
 * The tab on complete demo scenarios (VM, instance, launcher pod, networks), through the SDK
 * stand-in: what a person sees per interface, checked against the real captures the fixtures
 * come from (../shared/examples/demo-cni/captured).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as path from 'path';
import {
  __setMockResources,
  __setPendingKinds,
  __watched,
} from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { readManifestFile } from '../../../test-support/manifests';
import type { K8sObject, VirtualMachine } from '../../core/k8s/types';
import NetworkingTab, { SPEC_ROWS_AFTER_MS, SPINNER_AFTER_MS } from './NetworkingTab';
import { analysisBuilds } from '../policy/useVmPolicyAnalysis';

const demo = (file: string) =>
  readManifestFile(path.resolve(__dirname, '../../../preview/fixtures/demo', file));

const renderScenario = (file: string, vmName: string, extra: K8sObject[] = []) => {
  const objects = [...demo('00-cluster.yaml'), ...demo(file), ...extra];
  __setMockResources(objects as never);
  const vm = objects.find(
    (o) => o.kind === 'VirtualMachine' && o.metadata?.name === vmName,
  ) as VirtualMachine;
  render(<NetworkingTab obj={vm} />);
  return vm;
};

/** The demo's vm-secondary-udn with the lists of these kinds still loading. */
const secondaryUdnVmWhileLoading = (pendingKinds: string[]): VirtualMachine => {
  const objects = [...demo('00-cluster.yaml'), ...demo('03-vm-primary-plus-secondary-udn.yaml')];
  __setMockResources(objects as never);
  __setPendingKinds(pendingKinds);
  return objects.find(
    (o) => o.kind === 'VirtualMachine' && o.metadata?.name === 'vm-secondary-udn',
  ) as VirtualMachine;
};

const cell = (row: string, field: string) =>
  within(screen.getByTestId(`interface-row-${row}`)).getByTestId(`interface-${field}`);

describe('NetworkingTab on the demo scenarios', () => {
  it('while the lists load: nothing drawn first, then the toolbar and the column heads, no rows; the spinner only once they are slow', async () => {
    const vm = secondaryUdnVmWhileLoading(['NetworkAttachmentDefinition']);
    const { rerender } = render(<NetworkingTab obj={vm} />);
    expect(screen.getByTestId('vm-networking-tab')).toHaveAttribute('data-loaded', 'false');
    expect(screen.queryByTestId('vm-networking-loading')).toBeNull();
    expect(screen.queryByTestId('vm-networking-toolbar')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    // A frame later, well before the spec rows are due.
    const table = await screen.findByTestId('vm-networking-interfaces-waiting');
    expect(screen.getByTestId('vm-networking-toolbar')).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(within(table).getByTestId('column-network')).toHaveTextContent('Network');
    expect(within(table).queryAllByTestId(/^(pending|interface)-row-/)).toHaveLength(0);
    expect(screen.queryByTestId('vm-networking-loading')).toBeNull();
    // Slow lists: the spinner after SPINNER_AFTER_MS, gone with the facts.
    expect(
      await screen.findByTestId('vm-networking-loading', undefined, {
        timeout: SPINNER_AFTER_MS * 3,
      }),
    ).toHaveAccessibleName('Loading networking facts');
    __setPendingKinds([]);
    rerender(<NetworkingTab obj={{ ...vm }} />);
    expect(screen.getByTestId('vm-networking-tab')).toHaveAttribute('data-loaded', 'true');
    expect(screen.queryByTestId('vm-networking-loading')).toBeNull();
  });

  it('lists already there: the toolbar and the rows with their facts in the first commit', () => {
    renderScenario('03-vm-primary-plus-secondary-udn.yaml', 'vm-secondary-udn');
    expect(screen.getByTestId('vm-networking-toolbar')).toBeInTheDocument();
    expect(cell('default', 'network')).toHaveTextContent('Primary UDN primary-udn · Layer2');
  });

  it('lists that answer within SPEC_ROWS_AFTER_MS: the rows appear once, with their facts', async () => {
    const vm = secondaryUdnVmWhileLoading(['NetworkAttachmentDefinition']);
    const { rerender } = render(<NetworkingTab obj={vm} />);
    expect(screen.queryByTestId('vm-networking-interfaces-pending')).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, SPEC_ROWS_AFTER_MS / 3)));
    __setPendingKinds([]);
    rerender(<NetworkingTab obj={{ ...vm }} />);
    expect(screen.getByTestId('vm-networking-tab')).toHaveAttribute('data-loaded', 'true');
    expect(cell('default', 'network')).toHaveTextContent('Primary UDN primary-udn · Layer2');
    // The grace period's timer is gone with the wait: no spec rows come after the facts.
    await act(() => new Promise((r) => setTimeout(r, SPEC_ROWS_AFTER_MS * 2)));
    expect(screen.queryByTestId('vm-networking-interfaces-pending')).toBeNull();
    expect(screen.queryAllByTestId(/^pending-row-/)).toHaveLength(0);
  });

  it('while slow lists load: after SPEC_ROWS_AFTER_MS the spec rows (name, binding, model as written), "Loading" for the rest, then the same table filled in', async () => {
    const vm = secondaryUdnVmWhileLoading([
      'NetworkAttachmentDefinition',
      'VirtualMachineInstance',
    ]);
    const { rerender } = render(<NetworkingTab obj={vm} />);
    expect(screen.getByTestId('vm-networking-tab')).toHaveAttribute('data-loaded', 'false');
    const names = (vm.spec?.template?.spec?.domain?.devices?.interfaces ?? []).map((i) => i.name);
    expect(names.length).toBeGreaterThan(1);
    // Not at once: lists that answer quickly show the rows once, with their facts.
    expect(screen.queryByTestId('vm-networking-interfaces-pending')).toBeNull();
    const table = await screen.findByTestId('vm-networking-interfaces-pending');
    expect(table).toHaveAttribute('aria-busy', 'true');
    const pendingBinding: Record<string, string> = {};
    for (const name of names) {
      const row = screen.getByTestId(`pending-row-${name}`);
      expect(within(row).getByTestId('interface-name')).toHaveTextContent(name);
      pendingBinding[name] = within(row).getByTestId('interface-binding').textContent ?? '';
      for (const field of ['network', 'link-state'])
        expect(within(row).getByTestId(`interface-${field}`)).toHaveTextContent(/^Loading$/);
      // Nothing the spec alone cannot say: no pod interface, no addresses, no expanding.
      expect(within(row).queryByTestId('interface-pod-interface')).toBeNull();
      expect(within(row).queryByTestId('interface-mac')).toBeNull();
      expect(within(row).queryByTestId('interface-expand')).toBeNull();
    }
    // The pod network NIC is carried by the primary UDN: while unknown, it is not "Pod network".
    expect(table).not.toHaveTextContent('Pod network');
    expect(screen.queryByTestId('interface-row-default')).toBeNull();
    expect(screen.queryByTestId('wiring-diagram')).toBeNull();

    __setPendingKinds([]);
    rerender(<NetworkingTab obj={{ ...vm }} />);
    expect(screen.getByTestId('vm-networking-tab')).toHaveAttribute('data-loaded', 'true');
    expect(screen.queryByTestId('vm-networking-interfaces-pending')).toBeNull();
    for (const name of names) {
      expect(screen.queryByTestId(`pending-row-${name}`)).toBeNull();
      expect(cell(name, 'binding')).toHaveTextContent(pendingBinding[name]);
    }
    expect(cell('default', 'network')).toHaveTextContent('Primary UDN primary-udn · Layer2');
    expect(
      within(
        within(screen.getByTestId('interface-row-default')).getByTestId('interface-expand'),
      ).getByRole('button'),
    ).toBeInTheDocument();
  });

  it('primary + secondary UDN: l2bridge on ovn-udn1, bridge on the hashed pod interface', async () => {
    renderScenario('03-vm-primary-plus-secondary-udn.yaml', 'vm-secondary-udn');
    expect(cell('default', 'binding')).toHaveTextContent('l2bridge');
    // A primary UDN carries the pod network NIC: it is named as the UDN, never "Pod network".
    expect(cell('default', 'network')).toHaveTextContent('Primary UDN primary-udn · Layer2');
    expect(cell('default', 'network')).not.toHaveTextContent('Pod network');
    expect(cell('default', 'pod-interface')).toHaveTextContent('ovn-udn1');
    // `ip -br a` in the launcher pod: ovn-udn1 10.1.1.3/24, pod2eae7330186 10.2.2.1/24.
    expect(cell('default', 'ips')).toHaveTextContent('10.1.1.3');
    expect(cell('secondary-udn', 'binding')).toHaveTextContent('bridge');
    expect(cell('secondary-udn', 'pod-interface')).toHaveTextContent('pod2eae7330186');
    expect(cell('secondary-udn', 'ips')).toHaveTextContent('10.2.2.1');
    expect(cell('secondary-udn', 'mac')).toHaveTextContent('02:00:0a:02:02:03');

    await userEvent.click(
      within(
        within(screen.getByTestId('interface-row-secondary-udn')).getByTestId('interface-expand'),
      ).getByRole('button'),
    );
    const details = screen.getByTestId('interface-details-secondary-udn');
    expect(within(details).getByTestId('detail-subnets')).toHaveTextContent('10.2.2.0/24');
    expect(within(details).getByTestId('detail-pod-devices')).toHaveTextContent('k6t-2eae7330186');
    expect(within(details).getByTestId('detail-pod-devices')).toHaveTextContent('tap2eae7330186');
    expect(within(details).getByTestId('detail-pod-devices')).toHaveTextContent('2eae7330186-nic');
    expect(screen.getByTestId('wiring-lane-secondary-udn')).toBeInTheDocument();
  });

  it('localnet VLAN 1924: the pod interface, VLAN and the node bridge from the NNCP', async () => {
    renderScenario('04-vm-localnet-vlan1924.yaml', 'vm-localnet');
    const localnet = screen
      .getAllByTestId(/^interface-row-/)
      .map((r) => r.getAttribute('data-test')!.replace('interface-row-', ''))
      .find((name) => name !== 'default')!;
    expect(cell(localnet, 'pod-interface')).toHaveTextContent('pod16711a0a730');
    expect(cell('default', 'binding')).toHaveTextContent('masquerade');
    await userEvent.click(
      within(
        within(screen.getByTestId(`interface-row-${localnet}`)).getByTestId('interface-expand'),
      ).getByRole('button'),
    );
    const details = screen.getByTestId(`interface-details-${localnet}`);
    expect(within(details).getByTestId('detail-vlan')).toHaveTextContent('1924');
    expect(within(details).getByTestId('detail-node-bridge')).toHaveTextContent(/br-/);
  });

  it('names what is missing and still renders the rest when a NAD is gone', async () => {
    const objects = demo('04-vm-localnet-vlan1924.yaml').filter(
      (o) => o.kind !== 'NetworkAttachmentDefinition',
    );
    __setMockResources([...demo('00-cluster.yaml'), ...objects] as never);
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    // The summary below the table is drawn a frame after the rows.
    expect(await screen.findByTestId('diagnostic-nad-missing')).toBeInTheDocument();
    expect(cell('default', 'binding')).toHaveTextContent('masquerade');
  });

  it('shows a malformed NAD config raw with its parse error instead of failing', async () => {
    const objects = demo('04-vm-localnet-vlan1924.yaml').map((o) =>
      o.kind === 'NetworkAttachmentDefinition'
        ? { ...o, spec: { config: '{"cniVersion": "0.3.1", "type": "ovn-k8s-cni-overlay",' } }
        : o,
    );
    __setMockResources([...demo('00-cluster.yaml'), ...objects] as never);
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    const localnet = screen
      .getAllByTestId(/^interface-row-/)
      .map((r) => r.getAttribute('data-test')!.replace('interface-row-', ''))
      .find((name) => name !== 'default')!;
    await userEvent.click(
      within(
        within(screen.getByTestId(`interface-row-${localnet}`)).getByTestId('interface-expand'),
      ).getByRole('button'),
    );
    expect(screen.getByTestId('interface-notes')).toHaveTextContent(/not valid JSON/);
    expect(screen.getByTestId('raw-nad-config')).toBeInTheDocument();
  });

  it('says what is not known when the VM is stopped', () => {
    const objects = demo('01-vm-pod-masquerade.yaml').filter(
      (o) => o.kind !== 'VirtualMachineInstance' && o.kind !== 'Pod',
    );
    const vm = JSON.parse(
      JSON.stringify(objects.find((o) => o.kind === 'VirtualMachine')),
    ) as VirtualMachine;
    vm.spec!.runStrategy = 'Halted';
    (vm.status as { printableStatus?: string }).printableStatus = 'Stopped';
    __setMockResources([
      ...demo('00-cluster.yaml'),
      ...objects.filter((o) => o.kind !== 'VirtualMachine'),
      vm,
    ] as never);
    render(<NetworkingTab obj={vm} />);
    expect(screen.getByTestId('vm-state-alert')).toHaveTextContent(/stopped/);
    expect(cell('default', 'binding')).toHaveTextContent('masquerade');
  });

  it('says "starting", not "stopped", for a VM that should run and has no instance yet', () => {
    const objects = demo('01-vm-pod-masquerade.yaml').filter(
      (o) => o.kind !== 'VirtualMachineInstance' && o.kind !== 'Pod',
    );
    __setMockResources([...demo('00-cluster.yaml'), ...objects] as never);
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    expect(screen.getByTestId('vm-state-alert')).toHaveTextContent(/starting/);
    expect(screen.getByTestId('vm-state-alert')).not.toHaveTextContent(/stopped/);
  });
});

describe('an unreadable Namespace', () => {
  it('names the pod network NIC "pod network or a primary UDN" and says why, for a VM without a pod', async () => {
    // Stopped: no launcher pod whose OVN annotation could tell which network is primary.
    const objects = [...demo('00-cluster.yaml'), ...demo('02-vm-primary-udn-l2bridge.yaml')]
      .filter((o) => o.kind !== 'Pod' && o.kind !== 'VirtualMachineInstance')
      .map((o) =>
        o.kind === 'VirtualMachine'
          ? { ...o, spec: { ...(o as VirtualMachine).spec, runStrategy: 'Halted' } }
          : o,
      );
    __setMockResources(objects as never, {
      Namespace: Object.assign(new Error('namespaces is forbidden'), { code: 403 }),
    });
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    const network = cell('default', 'network');
    expect(network).toHaveTextContent('Pod network or a primary UDN (Namespace not readable)');
    await userEvent.click(
      within(screen.getByTestId('interface-row-default')).getByTestId('interface-expand')
        .firstChild as HTMLElement,
    );
    expect(screen.getByTestId('interface-details-default')).toHaveTextContent(
      /its labels decide whether UserDefinedNetwork primary-udn carries this NIC/,
    );
    // No pod interface is named; the policy section lists no policy as applying, and says why.
    expect(screen.getByTestId('detail-pod-interface')).toHaveTextContent('unknown');
    expect(
      await screen.findByTestId('policy-network-undecided', undefined, { timeout: 5000 }),
    ).toHaveTextContent(/its labels decide whether UserDefinedNetwork primary-udn/);
    expect(screen.queryByTestId('policy-ingress-summary')).not.toBeInTheDocument();
    // The summary says what it could not read, never "no problems".
    expect(await screen.findByTestId('diagnostics-partial')).toHaveTextContent(/Namespace/);
  });
});

describe('what the tab watches', () => {
  it('opens few watches, all scoped: no cluster-wide list of pods or VMs', async () => {
    renderScenario('04-vm-localnet-vlan1924.yaml', 'vm-localnet');
    type Res = ReturnType<typeof __watched.values> extends Iterable<infer R> ? R : never;
    // The diagnostics summary's policy check (the Policies sections' analysis, loaded after the
    // rows) lists the namespace's policies, pods, VMs and instances: peers of the VM's policies.
    const POLICY_KINDS = [
      'MultiNetworkPolicy',
      'NetworkPolicy',
      'AdminNetworkPolicy',
      'BaselineAdminNetworkPolicy',
      'ClusterNetworkPolicy',
      'EgressFirewall',
    ];
    const policyCheck = (r: Res) =>
      POLICY_KINDS.includes(r.groupVersionKind?.kind ?? '') ||
      (['Pod', 'VirtualMachine', 'VirtualMachineInstance'].includes(
        r.groupVersionKind?.kind ?? '',
      ) &&
        !r.name &&
        !r.selector);
    // The rows' first render opens only the tab's own watches…
    expect([...__watched.values()].filter(policyCheck)).toEqual([]);
    // …the policy check follows once they are painted.
    await waitFor(() =>
      expect([...__watched.values()].filter(policyCheck).length).toBeGreaterThan(0),
    );
    const watched = [...__watched.values()];
    expect(watched.filter((r) => !policyCheck(r)).length).toBeLessThanOrEqual(9);
    for (const res of watched) {
      const kind = res.groupVersionKind?.kind;
      if (kind === 'Pod' || kind === 'VirtualMachine' || kind === 'VirtualMachineInstance') {
        expect(res.namespace).toBe('demo-vm-localnet');
        if (!policyCheck(res)) expect(res.name || res.selector).toBeTruthy();
      }
      if (kind === 'NetworkAttachmentDefinition' || kind === 'UserDefinedNetwork') {
        expect(res.namespace).toBeTruthy();
      }
    }
    // A localnet VM needs the node bridge mappings: NodeNetworkStates are watched for it…
    expect(watched.some((r) => r.groupVersionKind?.kind === 'NodeNetworkState')).toBe(true);
  });

  it('…and not for a VM without localnet networks', () => {
    renderScenario('01-vm-pod-masquerade.yaml', 'vm-pod');
    expect(
      [...__watched.values()].some((r) => r.groupVersionKind?.kind === 'NodeNetworkState'),
    ).toBe(false);
  });
});

describe('a draft VM (kubevirt-plugin creation flow: nothing created yet)', () => {
  it('shows the planned wiring and says what to create first', async () => {
    // The namespace and the VM as kubevirt-plugin's Customize page hands them over, without the
    // primary UDN (not created yet) and without uid, instance or pod.
    const objects = demo('02-vm-primary-udn-l2bridge.yaml');
    const namespace = objects.find((o) => o.kind === 'Namespace')!;
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    const draft = {
      ...vm,
      metadata: { name: vm.metadata?.name, namespace: vm.metadata?.namespace },
      status: undefined,
    } as VirtualMachine;
    __setMockResources([namespace] as never);
    render(<NetworkingTab obj={draft} />);
    expect(screen.getByTestId('vm-state-alert')).toHaveTextContent(/does not exist yet/);
    expect(screen.getByTestId('create-first')).toHaveTextContent('UserDefinedNetwork');
    expect(cell('default', 'binding')).toHaveTextContent('l2bridge');
    expect(await screen.findByTestId('wiring-lane-default')).toBeInTheDocument();
    // No instance or pod is looked up for a draft.
    const kinds = [...__watched.values()].map((r) => r.groupVersionKind?.kind);
    expect(kinds).not.toContain('VirtualMachineInstance');
    expect(kinds).not.toContain('Pod');
  });
});

describe('the toolbar', () => {
  it('attaches networks to a VM and links to the wizards of its namespace', () => {
    renderScenario('04-vm-localnet-vlan1924.yaml', 'vm-localnet');
    expect(screen.getByTestId('attach-network-button')).toBeInTheDocument();
    expect(screen.getByTestId('create-udn-link')).toHaveAttribute(
      'href',
      '/vm-networking/ns/demo-vm-localnet/new/udn',
    );
    expect(screen.getByTestId('create-mnp-link')).toHaveAttribute(
      'href',
      '/vm-networking/ns/demo-vm-localnet/new/mnp?vm=vm-localnet',
    );
    expect(screen.getByTestId('create-vm-link')).toHaveAttribute(
      'href',
      '/vm-networking/ns/demo-vm-localnet/new/vm',
    );
  });
});

describe('one diagnostics summary, the policy findings included', () => {
  const mnpOnBridge: K8sObject = {
    apiVersion: 'k8s.cni.cncf.io/v1beta1',
    kind: 'MultiNetworkPolicy',
    metadata: {
      name: 'deny-all-on-bridge',
      namespace: 'demo-vm-bridge',
      resourceVersion: '1',
      annotations: { 'k8s.v1.cni.cncf.io/policy-for': 'demo-vm-bridge/virt-bridge' },
    },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  } as K8sObject;

  it('lists a MultiNetworkPolicy that is not enforced (Linux bridge) with its fix', async () => {
    renderScenario('05-vm-linux-bridge-vlan33.yaml', 'fedora-1', [mnpOnBridge]);
    const finding = await screen.findByTestId('diagnostic-policy-linux-bridge-mnp');
    expect(finding).toHaveTextContent('nic-add1');
    expect(finding).toHaveTextContent(/not enforced/);
    expect(screen.getByTestId('diagnostics-summary')).not.toHaveTextContent(
      'Errors: 0 · warnings: 0',
    );
    expect(screen.queryByTestId('diagnostics-none')).toBeNull();
  });

  it('without policy problems it ends on "No networking problems found"', async () => {
    renderScenario('01-vm-pod-masquerade.yaml', 'vm-pod');
    await screen.findByTestId('diagnostics-none');
  });

  it('a kind the cluster does not serve is not "partial data": no NMState operator, no ClusterNetworkPolicy API', async () => {
    // What the console's useK8sWatchResources returns for a kind API discovery did not find.
    const noModel = () => new Error('Model does not exist');
    const objects = [...demo('00-cluster.yaml'), ...demo('04-vm-localnet-vlan1924.yaml')].filter(
      (o) => !['NodeNetworkConfigurationPolicy', 'NodeNetworkState'].includes(o.kind ?? ''),
    );
    __setMockResources(objects as never, {
      NodeNetworkConfigurationPolicy: noModel(),
      NodeNetworkState: noModel(),
      ClusterNetworkPolicy: noModel(),
    });
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    await screen.findAllByTestId(/^diagnostics-(none|summary)$/);
    await waitFor(() => expect(screen.queryByText(/Checking the policies/)).toBeNull());
    expect(screen.queryByTestId('diagnostics-partial')).toBeNull();
    expect(document.body).not.toHaveTextContent(/could not be read|not readable/);
    // Without NMState nothing shows the bridge mappings: unknown, not absent. The NIC has its
    // address, so the mapping works; an error saying no node maps the network would be false.
    expect(document.body).not.toHaveTextContent(/No node maps/);
    expect(cell('nic-vlan-1924', 'network')).toHaveTextContent('OVN localnet · VLAN 1924');
    expect(cell('nic-vlan-1924', 'network')).not.toHaveTextContent('br-vmdata');
    // Nor may the summary read as if the mapping had been checked.
    expect(screen.queryByTestId('diagnostics-none')).toBeNull();
    expect(screen.getByTestId('diagnostics-summary')).toHaveTextContent('notes: 1');
    expect(document.body).toHaveTextContent(
      'Not checked: whether a node maps the localnet network "demo-vlan-1924" to a bridge.',
    );
    // Nothing to fix: the note says how to look on a node instead.
    const note = screen.getByTestId('diagnostic-localnet-bridge-mapping-not-checked');
    await userEvent.click(within(note).getByRole('button', { name: 'Show how to check' }));
    expect(within(note).getByTestId('diagnostic-fix')).toHaveTextContent(
      'ovs-vsctl get Open_vSwitch . external_ids:ovn-bridge-mappings',
    );
  });

  it('builds the policy analysis once for the summary and every expanded row', async () => {
    const before = analysisBuilds.count;
    renderScenario('03-vm-primary-plus-secondary-udn.yaml', 'vm-secondary-udn');
    for (const name of ['default', 'secondary-udn']) {
      const row = screen.queryByTestId(`interface-row-${name}`);
      if (!row) continue;
      await userEvent.click(
        within(within(row).getByTestId('interface-expand')).getByRole('button'),
      );
      await screen.findByTestId(`interface-policies-${name}`);
    }
    await screen.findAllByTestId('policy-selecting');
    expect(screen.getAllByTestId('policy-selecting').length).toBe(2);
    expect(analysisBuilds.count - before).toBe(1);
  });
});
