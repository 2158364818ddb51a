/**
 * Property tests over every text field and every select of the three network wizards, step by
 * step: generated strings (unicode, spaces, commas, `=`, CIDR-like pieces) typed one keystroke at
 * a time read back exactly; switching any select away and back keeps what the text fields showed.
 */
import { fireEvent, screen } from '@testing-library/react';
import * as fc from 'fast-check';
import * as mock from '../../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import CUDNWizard from '../../cudn-wizard/CUDNWizard';
import NADWizard from '../../nad-wizard/NADWizard';
import UDNWizard from '../../udn-wizard/UDNWizard';
import { demoObjects, fill, goToStep, renderAt } from './wizard-test-utils';

jest.setTimeout(180000);

beforeEach(() =>
  mock.__setMockResources(
    demoObjects(
      '00-cluster.yaml',
      '04-vm-localnet-vlan1924.yaml',
      '05-vm-linux-bridge-vlan33.yaml',
    ) as never,
  ),
);

type Ctl = HTMLInputElement | HTMLTextAreaElement;

/** The text controls of the step on screen (inputs and text areas, enabled). */
const textControls = (): Ctl[] =>
  [
    ...document.querySelectorAll<Ctl>(
      '.vm-networking-wizard form input:not([type=checkbox]):not([type=radio]), .vm-networking-wizard form textarea',
    ),
  ].filter((e) => !e.disabled);
const selects = (): HTMLSelectElement[] =>
  [...document.querySelectorAll<HTMLSelectElement>('.vm-networking-wizard form select')].filter(
    (e) => !e.disabled,
  );
const byId = (id: string) => document.getElementById(id) as Ctl | null;

const typeInto = (text: string, id: string) => {
  for (const ch of text) {
    const el = byId(id)!;
    fireEvent.change(el, { target: { value: el.value + ch } });
  }
};

// Single-line inputs drop line breaks by HTML's rules; text areas keep them.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(',', '=', ' ', ', ', '=a', 'zone=a', '10.0.0.0/8', '24', '4094', '-'),
);
const typed = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));

/** Every text field of the current step reads back exactly what was typed into it. */
const checkTextFields = (runs: number) => {
  const ids = textControls().map((e) => e.id);
  expect(ids.length).toBeGreaterThan(0);
  fc.assert(
    fc.property(fc.constantFrom(...ids), typed, (id, raw) => {
      const el = byId(id);
      if (!el) return; // a field an earlier run's value hid (e.g. IPAM off)
      const text = el.tagName === 'TEXTAREA' ? raw : raw.replace(/[\r\n]/g, '');
      fireEvent.change(el, { target: { value: '' } });
      typeInto(text, id);
      expect(byId(id)!.value).toBe(text);
    }),
    { numRuns: runs },
  );
};

/** Switching each select to every other option and back keeps every text field's content. */
const checkSelects = () => {
  for (const sel of selects()) {
    const id = sel.id;
    const original = sel.value;
    const before = new Map(textControls().map((e) => [e.id, e.value]));
    for (const opt of [...sel.options].filter((o) => !o.disabled && o.value !== original)) {
      fireEvent.change(byId(id) as unknown as HTMLSelectElement, { target: { value: opt.value } });
      fireEvent.change(byId(id) as unknown as HTMLSelectElement, { target: { value: original } });
      for (const [fid, v] of before) {
        const el = byId(fid);
        if (el) expect([fid, el.value]).toEqual([fid, v]);
      }
    }
  }
};

/** Fills the step's text fields with plausible values first, so switches have something to lose. */
const fillStep = (values: Record<string, string>) =>
  Object.entries(values).forEach(([label, v]) => fill(label, v));

describe('every text field and select of the network wizards', () => {
  it('UDN (Layer3, Secondary)', () => {
    renderAt('/vm-networking/ns/demo-vm-pod/new/udn', <UDNWizard dryRunDelayMs={0} />);
    checkTextFields(20);
    fillStep({ Name: 'net', Role: 'Secondary', Topology: 'Layer3' });
    checkSelects();
    goToStep(/Subnets and IPAM/);
    fillStep({ Subnets: '10.200.0.0/16, fd00::/48', 'Host subnet': '24, 64', MTU: '1400' });
    checkSelects();
    checkTextFields(30);
  });

  it('CUDN (Localnet, new OVS bridge)', () => {
    renderAt('/vm-networking/cluster/new/cudn', <CUDNWizard dryRunDelayMs={0} />);
    fillStep({ Name: 'net', Topology: 'Localnet' });
    goToStep(/Namespaces/);
    checkTextFields(15);
    goToStep(/Subnets and IPAM/);
    fillStep({ 'Physical network name': 'phys', 'VLAN ID': '44', Subnets: '10.9.0.0/24' });
    checkSelects();
    checkTextFields(30);
    goToStep(/Bridge mapping/);
    fill('Bridge mapping', 'ovs-bridge');
    fillStep({ 'Node NIC': 'ens4', 'Node selector': 'worker=one, zone=a' });
    checkSelects();
    checkTextFields(30);
  });

  it('NAD (Linux bridge: access and trunk; OVN localnet)', () => {
    renderAt('/vm-networking/ns/demo-vm-bridge/new/nad', <NADWizard dryRunDelayMs={0} />);
    checkTextFields(15);
    fillStep({ Name: 'net' });
    goToStep(/Settings/);
    fillStep({ 'Bridge name': 'br-trunk', VLAN: 'access', 'VLAN ID': '44', MTU: '9000' });
    checkSelects();
    fill('VLAN', 'trunk');
    fillStep({ 'Trunk VLANs': '100-199, 300' });
    checkSelects();
    checkTextFields(30);
    expect(screen.getByTestId('vm-networking-trunk')).toBeInTheDocument();
  });
});
