/**
 * The defects of issue 10, each driven as a person would: typing character by character, switching
 * choices back and forth, editing the YAML, creating. Every test here failed on the wizards before
 * the raw-text field model, the switch memory and the success page.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import * as mock from '../../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import CUDNWizard from '../../cudn-wizard/CUDNWizard';
import NADWizard from '../../nad-wizard/NADWizard';
import UDNWizard from '../../udn-wizard/UDNWizard';
import {
  byLabel,
  demoObjects,
  editYaml,
  fieldErrors,
  fill,
  goToStep,
  renderAt,
  yamlText,
} from './wizard-test-utils';

jest.setTimeout(60000);

const cluster = () =>
  demoObjects('00-cluster.yaml', '04-vm-localnet-vlan1924.yaml', '05-vm-linux-bridge-vlan33.yaml');

/** Types `text` one character at a time after what the field holds, as keystrokes do. */
const typeInto = (text: string, input: HTMLInputElement | HTMLTextAreaElement) => {
  for (const ch of text) fireEvent.change(input, { target: { value: input.value + ch } });
};

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

beforeEach(() => mock.__setMockResources(cluster() as never));

const toOvsBridgeStep = () => {
  renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
  fill('Name', 'lossless');
  fill('Topology', 'Localnet');
  goToStep(/Namespaces/);
  fill('Namespace selector', 'kubernetes.io/metadata.name=demo-vm-bridge');
  goToStep(/Subnets and IPAM/);
  fill('Physical network name', 'phys-new');
  goToStep(/Bridge mapping/);
  fill('Bridge mapping', 'ovs-bridge');
};

describe('never lose input', () => {
  it('the CUDN node selector keeps every keystroke, and accepts typing once cleared', async () => {
    toOvsBridgeStep();
    const sel = byLabel('Node selector') as HTMLTextAreaElement;
    fireEvent.change(sel, { target: { value: '' } });
    typeInto('worker=one', sel);
    expect(sel.value).toBe('worker=one');
    typeInto(',zone=a', sel);
    expect(sel.value).toBe('worker=one,zone=a');
    const nncp = docsOf(await yamlText()).find((d) => d.kind === 'NodeNetworkConfigurationPolicy');
    expect(nncp.spec.nodeSelector).toEqual({ worker: 'one', zone: 'a' });
    fireEvent.change(sel, { target: { value: '' } });
    typeInto('x=y', byLabel('Node selector') as HTMLTextAreaElement);
    expect((byLabel('Node selector') as HTMLTextAreaElement).value).toBe('x=y');
  });

  it('every text field reads back exactly what was typed (generated strings)', () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard dryRunDelayMs={0} />);
    fill('Network type', 'ovn-localnet');
    goToStep(/Settings/);
    const labels = ['Physical network name', 'VLAN ID', 'Subnets', 'Exclude subnets', 'MTU'];
    // Single-line inputs drop line breaks by HTML's rules; the rest must survive as typed.
    const text = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .map((s) => s.replace(/[\r\n]/g, ''));
    const pieces = fc.array(fc.oneof(text, fc.constantFrom(',', '=', ' ', ', ', '10.0.0.0/8')), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.constantFrom(...labels), pieces, (label, parts) => {
        const input = byLabel(label) as HTMLInputElement;
        fireEvent.change(input, { target: { value: '' } });
        const typed = parts.join('');
        typeInto(typed, input);
        expect((byLabel(label) as HTMLInputElement).value).toBe(typed);
      }),
      { numRuns: 40 },
    );
  });

  it('a pasted multi-line node selector (YAML) is read, and kept as pasted', async () => {
    toOvsBridgeStep();
    const pasted = 'node-role.kubernetes.io/worker: ""\nzone: a';
    fireEvent.change(byLabel('Node selector'), { target: { value: pasted } });
    expect((byLabel('Node selector') as HTMLTextAreaElement).value).toBe(pasted);
    const nncp = docsOf(await yamlText()).find((d) => d.kind === 'NodeNetworkConfigurationPolicy');
    expect(nncp.spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker': '', zone: 'a' });
  });

  it('VLAN access → trunk → access keeps the VLAN ID; bridge → OVN → bridge keeps it too', () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard dryRunDelayMs={0} />);
    goToStep(/Settings/);
    fill('Bridge name', 'br-trunk');
    fill('VLAN', 'access');
    fill('VLAN ID', '44');
    fill('VLAN', 'trunk');
    fill('Trunk VLANs', '100-200');
    fill('VLAN', 'access');
    expect((byLabel('VLAN ID') as HTMLInputElement).value).toBe('44');
    fill('VLAN', 'trunk');
    expect((byLabel('Trunk VLANs') as HTMLInputElement).value).toBe('100-200');
    fill('VLAN', 'access');
    goToStep(/^Network/);
    fill('Network type', 'ovn-layer2');
    fill('Network type', 'bridge');
    goToStep(/Settings/);
    expect((byLabel('VLAN') as HTMLSelectElement).value).toBe('access');
    expect((byLabel('VLAN ID') as HTMLInputElement).value).toBe('44');
  });

  it('topology and role switches keep what still applies', () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
    expect((byLabel('Role') as HTMLSelectElement).value).toBe('Primary');
    fill('Topology', 'Localnet');
    goToStep(/Subnets and IPAM/);
    fill('VLAN ID', '1924');
    goToStep(/^Network/);
    fill('Topology', 'Layer2');
    expect((byLabel('Role') as HTMLSelectElement).value).toBe('Primary');
    fill('Topology', 'Localnet');
    goToStep(/Subnets and IPAM/);
    expect((byLabel('VLAN ID') as HTMLInputElement).value).toBe('1924');
  });
});

describe('no false errors, no silent refusals', () => {
  it('Next stays on a step with errors and shows them on its fields; nothing red before', () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard dryRunDelayMs={0} />);
    expect(screen.queryAllByTestId('field-error')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(fieldErrors('Name').length).toBeGreaterThan(0);
    expect(byLabel('Name')).toBeInTheDocument();
    expect(screen.queryByLabelText('Bridge name')).toBeNull();
  });

  it('the review error list links to each field', async () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard dryRunDelayMs={0} />);
    fill('Name', 'n1');
    goToStep(/Review and create/);
    const link = within(screen.getByTestId('review-errors'))
      .getAllByTestId('review-error-link')
      .find((l) => /Bridge name/.test(l.textContent ?? ''))!;
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement).toBe(byLabel('Bridge name')));
  });
});

describe('safe defaults and hard stops', () => {
  it('an empty NNCP node selector is refused until "All nodes" is chosen', () => {
    toOvsBridgeStep();
    fill('Node NIC', 'ens4');
    fill('Node selector', '');
    expect(fieldErrors('Node selector').join(' ')).toMatch(/every node, control plane included/);
    fireEvent.click(byLabel('All nodes, control plane included'));
    expect(fieldErrors('Node selector')).toEqual([]);
  });

  it('the CUDN never writes namespaceSelector: {} while no namespace is chosen', async () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
    fill('Name', 'nosel');
    goToStep(/Namespaces/);
    expect(screen.getByTestId('selected-namespaces')).toHaveTextContent('None yet');
    const cudn = parse(await yamlText());
    expect(cudn.spec).not.toHaveProperty('namespaceSelector');
  });

  it('Copy and Download of an invalid state say it is invalid', async () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'YAML' }));
    await waitFor(() => expect(screen.getByTestId('yaml-invalid')).toBeInTheDocument());
    expect(screen.getByTestId('yaml-copy')).toHaveTextContent('Copy invalid YAML');
    expect(screen.getByTestId('yaml-download')).toHaveTextContent('Download invalid YAML');
  });

  it('a /33 CIDR typed into the YAML blocks Create with the form’s own rule', async () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/udn', <UDNWizard dryRunDelayMs={0} />);
    fill('Name', 'yaml-edit');
    fill('Role', 'Secondary');
    goToStep(/Subnets and IPAM/);
    fill('Subnets', '10.240.0.0/16');
    const text = await yamlText();
    await editYaml(text.replace('10.240.0.0/16', '10.240.0.0/33'));
    await waitFor(() => expect(screen.getByTestId('review-errors')).toHaveTextContent('/33'));
    expect(screen.getByTestId('yaml-create')).toBeDisabled();
    // The form follows the YAML: the subnet is the edited one.
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    expect((byLabel('Subnets') as HTMLInputElement).value).toBe('10.240.0.0/33');
  });
});
