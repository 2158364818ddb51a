/**
 * The MultiNetworkPolicy wizard on the demo cluster's seed 004 namespace (llm-demo: an OVN localnet
 * network without IPAM, two VMs, three test pods, six policies) and on a namespace with a
 * secondary UDN (IPAM): labels, starting points, egress peers kept, selectors refused without
 * IPAM, YAML following the input, the before/after matrix and creation with a dry run.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import { loadSharedObjects } from '../../../test-support/shared';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import MNPWizard from './MNPWizard';
import {
  demoObjects,
  fieldErrors,
  fill,
  goToStep,
  renderAt,
  yamlText,
  calls,
  creates,
} from '../shared/wizard/wizard-test-utils';

const NS = 'llm-demo';
const NAD = 'llm-demo/llm-demo-localnet-network';
const GOLD = 'centos-stream9-gold-rabbit-80';

const doc = async () => parse(await yamlText());
/** The namespace's networks and workloads are read by a module loaded on demand. */
const ready = () => waitFor(() => expect(screen.queryByLabelText('Loading networks')).toBeNull());

// The preview builds two analyses and matrices: slow on a loaded 2-core machine.
jest.setTimeout(20_000);

describe('MNPWizard', () => {
  beforeEach(() =>
    mock.__setMockResources(
      demoObjects(
        '00-cluster.yaml',
        '06-localnet-multinetworkpolicies.yaml',
        '03-vm-primary-plus-secondary-udn.yaml',
      ) as never,
    ),
  );

  it('offers the namespace networks and VMs by label, and the YAML follows the input', async () => {
    renderAt(`/vm-networking/ns/${NS}/new/mnp`, <MNPWizard dryRunDelayMs={0} />);
    await ready();
    fill('Name', 'web-only');
    fireEvent.click(screen.getByLabelText(`${NAD} (no IPAM: only IP block peers)`));
    fireEvent.click(screen.getByLabelText(GOLD));
    expect(
      within(screen.getByTestId('mnp-matching')).getByText(`${GOLD} (VirtualMachine)`),
    ).toBeTruthy();
    let d = await doc();
    expect(d.metadata).toMatchObject({
      name: 'web-only',
      namespace: NS,
      annotations: { 'k8s.v1.cni.cncf.io/policy-for': 'llm-demo-localnet-network' },
    });
    expect(d.spec.podSelector).toEqual({ matchLabels: { 'vm.kubevirt.io/name': GOLD } });
    // By labels: the live list is what the selector matches now (the tinypods' app labels).
    fill('Selects', 'labels');
    fill('Labels (key=value, …)', 'app=tinypod-01');
    const matching = screen.getByTestId('mnp-matching');
    expect(within(matching).getByText('tinypod-01 (Pod)')).toBeTruthy();
    expect(within(matching).queryByText(`${GOLD} (VirtualMachine)`)).toBeNull();
    d = await doc();
    expect(d.spec.podSelector).toEqual({ matchLabels: { app: 'tinypod-01' } });
  });

  it('starting points compose: deny all, then allow the gateway, then DHCP', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network&vm=${GOLD}`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'gold');
    goToStep('Starting points');
    fill('Starting point', 'deny-all');
    fireEvent.click(screen.getByRole('button', { name: 'Apply starting point' }));
    let d = await doc();
    expect(d.spec).toEqual({
      podSelector: { matchLabels: { 'vm.kubevirt.io/name': GOLD } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [],
    });
    fill('Starting point', 'allow-gateway');
    fill('Gateway addresses', '192.168.77.1');
    fireEvent.click(screen.getByRole('button', { name: 'Apply starting point' }));
    fill('Starting point', 'allow-dhcp');
    fireEvent.click(screen.getByRole('button', { name: 'Apply starting point' }));
    d = await doc();
    expect(d.spec.ingress).toEqual([
      { from: [{ ipBlock: { cidr: '192.168.77.1/32' } }] },
      { ports: [{ protocol: 'UDP', port: 68 }] },
    ]);
    // Egress peers are kept (the existing networking plugin drops them).
    expect(d.spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '192.168.77.1/32' } }] },
      { ports: [{ protocol: 'UDP', port: 67 }] },
    ]);
    // Allow from another VM: by its address on the chosen network.
    fill('Starting point', 'allow-from-vm');
    fill('Other VM or pod', 'centos-stream9-green-ferret-41/nic-localnet');
    fireEvent.click(screen.getByRole('button', { name: 'Apply starting point' }));
    d = await doc();
    expect(d.spec.ingress[2]).toEqual({ from: [{ ipBlock: { cidr: '192.168.77.72/32' } }] });
  });

  it('writes egress rules with ipBlock except and port ranges, labelled per rule', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network&vm=${GOLD}`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'out');
    goToStep('Egress');
    // Egress is isolated only when the user says so.
    fireEvent.click(
      screen.getByLabelText(
        'Isolate egress (policyTypes Egress): only the rules below let traffic out',
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add egress rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add peer to Egress rule 1' }));
    fill('Egress rule 1, peer 1: CIDR', '0.0.0.0/0');
    fill('Egress rule 1, peer 1: except', '192.168.77.0/24');
    fireEvent.click(screen.getByRole('button', { name: 'Add port to Egress rule 1' }));
    fill('Egress rule 1, port 1: protocol', 'TCP');
    fill('Egress rule 1, port 1: port', '8000');
    fill('Egress rule 1, port 1: end port', '8080');
    const d = await doc();
    expect(d.spec.egress).toEqual([
      {
        ports: [{ protocol: 'TCP', port: 8000, endPort: 8080 }],
        to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['192.168.77.0/24'] } }],
      },
    ]);
    // An except outside its CIDR is refused at the field.
    fill('Egress rule 1, peer 1: except', '10.0.0.0/8');
    fill('Egress rule 1, peer 1: CIDR', '192.168.0.0/16');
    expect(fieldErrors('Egress rule 1, peer 1: except').join(' ')).toMatch(/inside/);
  });

  it('refuses selector peers on a network without IPAM, with the reason; accepts them with IPAM', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network&vm=${GOLD}`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'sel');
    goToStep('Ingress');
    expect(screen.getByTestId('mnp-noipam-hint')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Add ingress rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add peer to Ingress rule 1' }));
    fill('Ingress rule 1, peer 1: type', 'podSelector');
    fill('Ingress rule 1, peer 1: pod labels', 'app=tinypod');
    expect(fieldErrors('Ingress rule 1, peer 1: type').join(' ')).toMatch(
      /no IPAM.*rejects pod and namespace selector peers/,
    );
    goToStep(/Review and create/);
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('accepts a pod selector peer on a secondary UDN (IPAM)', async () => {
    renderAt(`/vm-networking/ns/demo-vm-secondary-udn/new/mnp`, <MNPWizard dryRunDelayMs={0} />);
    await ready();
    fill('Name', 'udn-sel');
    fireEvent.click(screen.getByLabelText('demo-vm-secondary-udn/secondary-udn'));
    fireEvent.click(screen.getByLabelText('vm-secondary-udn'));
    goToStep('Ingress');
    fireEvent.click(await screen.findByRole('button', { name: 'Add ingress rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add peer to Ingress rule 1' }));
    fill('Ingress rule 1, peer 1: type', 'podSelector');
    fill('Ingress rule 1, peer 1: pod labels', 'app=web');
    expect(fieldErrors('Ingress rule 1, peer 1: type')).toEqual([]);
    const d = await doc();
    expect(d.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }]);
  });

  it('previews the matrix before and after, and creates the policy after a dry run', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'open-ferret');
    fireEvent.click(screen.getByLabelText('centos-stream9-green-ferret-41'));
    goToStep('Ingress');
    // Allow everything in from tinypod-02's address (192.168.77.93).
    fireEvent.click(await screen.findByRole('button', { name: 'Add ingress rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add peer to Ingress rule 1' }));
    fill('Ingress rule 1, peer 1: CIDR', '192.168.77.93/32');
    goToStep('Connectivity preview');
    // The analysis loads with this step.
    await screen.findByTestId('mnp-matrix-after', {}, { timeout: 15_000 });
    const cell = (table: string) =>
      within(screen.getByTestId(table))
        .getAllByTestId('matrix-cell')
        .find(
          (c) =>
            c.getAttribute('data-from')?.startsWith('llm-demo/tinypod-02[Pod]') &&
            c.getAttribute('data-to')?.startsWith('llm-demo/centos-stream9-green-ferret-41'),
        )!;
    // tinypod-02 is isolated for egress by deny-by-default: still nothing, before and after.
    expect(cell('mnp-matrix-before')).toHaveTextContent('No connections');
    // From the outside block 192.168.77.93/32 … the ferret now lets it in.
    const fromBlock = within(screen.getByTestId('mnp-matrix-after'))
      .getAllByTestId('matrix-cell')
      .find(
        (c) =>
          c.getAttribute('data-from') === '192.168.77.93/32' &&
          c.getAttribute('data-to')?.startsWith('llm-demo/centos-stream9-green-ferret-41'),
      )!;
    expect(fromBlock).toHaveTextContent('All connections');
    expect(fromBlock).toHaveAttribute('data-changed', 'true');
    goToStep(/Review and create/);
    await waitFor(() =>
      expect(screen.getByTestId('dry-run-status')).toHaveTextContent('The API server accepts'),
    );
    expect(calls().some((c) => c.fn === 'k8sCreate' && c.args.queryParams?.dryRun === 'All')).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('create-done')).toBeInTheDocument());
    expect(creates().map((c) => [c.args.data?.kind, c.args.data?.metadata?.name])).toEqual([
      ['MultiNetworkPolicy', 'open-ferret'],
    ]);
  });

  it('edits an existing policy: parsed back with its egress peers', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/edit/mnp/allow-ipblock-cnv-01`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    await waitFor(() =>
      expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe(
        'allow-ipblock-cnv-01',
      ),
    );
    const d = await doc();
    expect(d.spec.egress[0].to[0].ipBlock).toEqual({
      cidr: '0.0.0.0/0',
      except: ['192.168.77.0/24'],
    });
    goToStep('Egress');
    expect(
      ((await screen.findByLabelText('Egress rule 1, peer 1: CIDR')) as HTMLInputElement).value,
    ).toBe('0.0.0.0/0');
  });

  it('isolates only ingress by default; the starting points say what they isolate', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network&vm=${GOLD}`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'default');
    let d = await doc();
    expect(d.spec.policyTypes).toEqual(['Ingress']);
    expect(d.spec.egress).toBeUndefined();
    goToStep('Starting points');
    const options = Array.from(
      (screen.getByLabelText('Starting point') as HTMLSelectElement).options,
    ).map((o) => o.textContent ?? '');
    for (const o of options) expect(o).toMatch(/isolates/);
    // Allow points add rules but never cut egress.
    fill('Starting point', 'allow-gateway');
    fill('Gateway addresses', '192.168.77.1');
    fireEvent.click(screen.getByRole('button', { name: 'Apply starting point' }));
    d = await doc();
    expect(d.spec.policyTypes).toEqual(['Ingress']);
    expect(d.spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '192.168.77.1/32' } }] }]);
  });

  it('says what the policy does per VM, network and direction', async () => {
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'ssh-only');
    fireEvent.click(screen.getByLabelText('centos-stream9-green-ferret-41'));
    goToStep('Starting points');
    fill('Starting point', 'deny-all');
    fireEvent.click(screen.getByRole('button', { name: 'Apply starting point' }));
    goToStep('Ingress');
    fireEvent.click(await screen.findByRole('button', { name: 'Add ingress rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add peer to Ingress rule 1' }));
    fill('Ingress rule 1, peer 1: CIDR', '192.168.77.92/32');
    fireEvent.click(screen.getByRole('button', { name: 'Add port to Ingress rule 1' }));
    fill('Ingress rule 1, port 1: protocol', 'TCP');
    fill('Ingress rule 1, port 1: port', '22');
    goToStep('What it does');
    const items = within(await screen.findByTestId('mnp-effect'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      `centos-stream9-green-ferret-41 on ${NAD}: ingress only from 192.168.77.92 on TCP 22`,
      `centos-stream9-green-ferret-41 on ${NAD}: ALL egress blocked`,
    ]);
  });

  it('does not offer a Linux bridge network (not enforced), and says why', async () => {
    const bridge = loadSharedObjects('examples', 'demo-virt', 'example', 'nad-1924.yaml')
      .filter((o) => o.kind === 'NetworkAttachmentDefinition')
      .map((o) => ({ ...o, metadata: { ...o.metadata, namespace: NS } }));
    mock.__setMockResources([
      ...demoObjects('00-cluster.yaml', '06-localnet-multinetworkpolicies.yaml'),
      ...bridge,
    ] as never);
    renderAt(`/vm-networking/ns/${NS}/new/mnp`, <MNPWizard dryRunDelayMs={0} />);
    await ready();
    const box = screen.getByLabelText(new RegExp(`^${NS}/vlan-1924`)) as HTMLInputElement;
    expect(box).toBeDisabled();
    expect(
      screen.getByTestId(`mnp-network-${NS}/vlan-1924`).closest('.pf-v6-c-check'),
    ).toHaveTextContent(/Linux bridge network: OpenShift does not enforce MultiNetworkPolicy/);
    // Asked for by address, it is refused with the reason and Create stays disabled.
    cleanup();
    renderAt(
      `/vm-networking/ns/${NS}/new/mnp?network=vlan-1924&vm=${GOLD}`,
      <MNPWizard dryRunDelayMs={0} />,
    );
    await ready();
    fill('Name', 'bridge');
    goToStep(/Review and create/);
    expect(screen.getByTestId('review-errors')).toHaveTextContent(
      /vlan-1924: Linux bridge network/,
    );
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });
});
