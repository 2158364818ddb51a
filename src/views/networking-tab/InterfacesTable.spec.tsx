/**
 * The interfaces table on the demo scenarios: the Network column in words, the link-state column,
 * sorting, the per-row actions (Detach with that NIC, the NIC's spec as YAML), and rows without
 * PatternFly Labels (whose truncation check forces a synchronous layout on mount).
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as path from 'path';
import { __setMockResources } from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { readManifestFile } from '../../../test-support/manifests';
import type { K8sObject, VirtualMachine } from '../../core/k8s/types';
import { buildNetworkingModel } from '../../core/model/interface-model';
import type { NetworkingInput } from '../../core/model/types';
import { InterfacesTable } from './InterfacesTable';

const demo = (file: string) =>
  readManifestFile(path.resolve(__dirname, '../../../preview/fixtures/demo', file));

const renderTable = (
  file: string,
  change?: (objects: K8sObject[]) => void,
  more?: { copies?: number; firstScreenFirst?: boolean },
) => {
  const objects = JSON.parse(JSON.stringify(demo(file))) as K8sObject[];
  change?.(objects);
  __setMockResources(objects as never);
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const vm = of('VirtualMachine')[0] as VirtualMachine;
  const model = buildNetworkingModel({
    vm,
    vmi: of('VirtualMachineInstance')[0] ?? null,
    pods: of('Pod'),
    nads: of('NetworkAttachmentDefinition'),
    udns: of('UserDefinedNetwork'),
    cudns: [],
    namespace: of('Namespace')[0],
    nncps: of('NodeNetworkConfigurationPolicy'),
  } as unknown as NetworkingInput);
  // Copies of the first row under other names: a VM with many NICs.
  const rows = more?.copies
    ? Array.from({ length: more.copies }, (_, i) => ({ ...model.interfaces[0], name: `nic-${i}` }))
    : model.interfaces;
  render(
    <InterfacesTable
      rows={rows}
      namespace={model.namespace}
      vmName={model.vmName}
      vm={vm}
      firstScreenFirst={more?.firstScreenFirst}
    />,
  );
  return { vm, model };
};

const row = (name: string) => screen.getByTestId(`interface-row-${name}`);
const cell = (name: string, field: string) => within(row(name)).getByTestId(`interface-${field}`);
/** The item's button: the data-test sits on its list item. */
const menuItem = async (test: string) =>
  within(await screen.findByTestId(test)).getByRole('menuitem');
const rowNames = () =>
  screen
    .getAllByTestId(/^interface-row-/)
    .map((r) => r.getAttribute('data-test')!.replace('interface-row-', ''));

describe('InterfacesTable', () => {
  it('states each network in words, with the object it comes from one click away', () => {
    renderTable('04-vm-localnet-vlan1924.yaml');
    expect(cell('nic-vlan-1924', 'network')).toHaveTextContent(
      'OVN localnet · VLAN 1924 · br-vmdata',
    );
    expect(cell('nic-vlan-1924', 'network')).toHaveTextContent('demo-vlan-1924');
    expect(cell('default', 'network')).toHaveTextContent(/^Pod network$/);
    // Each part names the field it was read from, on hover.
    expect(within(cell('nic-vlan-1924', 'network')).getByText('br-vmdata')).toHaveAttribute(
      'title',
      expect.stringMatching(/^NodeNetworkConfigurationPolicy .*bridge-mappings$/),
    );
  });

  it('never titles a primary UDN "Pod network" nor gives a UDN a NAD link', () => {
    renderTable('03-vm-primary-plus-secondary-udn.yaml');
    expect(cell('default', 'network')).toHaveTextContent('Primary UDN primary-udn · Layer2');
    expect(cell('default', 'network')).not.toHaveTextContent('Pod network');
    expect(cell('secondary-udn', 'network')).toHaveTextContent('UDN secondary-udn · Layer2');
    for (const name of ['default', 'secondary-udn']) {
      expect(cell(name, 'network').innerHTML).not.toMatch(/NetworkAttachmentDefinition/);
    }
  });

  it('has a link-state column: reported by the instance, else the spec with "not reported"', () => {
    renderTable('05-vm-linux-bridge-vlan33.yaml');
    expect(cell('default', 'link-state')).toHaveTextContent(/^up$/);
    renderTable('05-vm-linux-bridge-vlan33.yaml', (objects) => {
      for (const o of objects) {
        if (o.kind !== 'VirtualMachineInstance') continue;
        const status = (o as { status: { interfaces: { linkState?: string }[] } }).status;
        status.interfaces.forEach((i) => delete i.linkState);
      }
    });
    expect(screen.getAllByTestId('interface-link-state')[2]).toHaveTextContent('up');
    expect(screen.getAllByTestId('interface-link-state')[2]).toHaveTextContent('not reported');
  });

  it('sorts by a column, both ways', async () => {
    renderTable('05-vm-linux-bridge-vlan33.yaml');
    expect(rowNames()).toEqual(['default', 'nic-add1']);
    const header = within(screen.getByTestId('column-network')).getByRole('button');
    await userEvent.click(header);
    // "Linux bridge …" < "Pod network"
    expect(rowNames()).toEqual(['nic-add1', 'default']);
    await userEvent.click(header);
    expect(rowNames()).toEqual(['default', 'nic-add1']);
    await userEvent.click(within(screen.getByTestId('column-name')).getByRole('button'));
    expect(rowNames()).toEqual(['default', 'nic-add1']);
  });

  it('shows a NIC’s own spec entries as YAML', async () => {
    renderTable('05-vm-linux-bridge-vlan33.yaml');
    await userEvent.click(within(row('nic-add1')).getByTestId('interface-actions'));
    await userEvent.click(await menuItem('interface-show-yaml'));
    const modal = await screen.findByTestId('interface-yaml-modal');
    expect(modal).toHaveTextContent('Spec of interface nic-add1');
    await within(modal).findByText(/networkName: virt-bridge/);
    expect(modal).toHaveTextContent(/name: nic-add1/);
    expect(modal).not.toHaveTextContent(/name: default/);
  });

  it('opens the Detach modal with that NIC chosen', async () => {
    renderTable('05-vm-linux-bridge-vlan33.yaml');
    await userEvent.click(within(row('nic-add1')).getByTestId('interface-actions'));
    await userEvent.click(await menuItem('interface-detach'));
    const select = (await screen.findByTestId('detach-interface')) as HTMLSelectElement;
    expect(select.value).toBe('nic-add1');
  });

  it("opens a row's menu however the toggle is reached: a bare click, or the keyboard", async () => {
    renderTable('05-vm-linux-bridge-vlan33.yaml');
    const toggle = within(row('nic-add1')).getByTestId('interface-actions');
    // A click no pointer movement preceded (a script, an assistive tool): the menu still opens.
    fireEvent.click(toggle);
    expect(await screen.findByTestId('interface-show-yaml')).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    toggle.focus(); // where a real click leaves the focus; Escape closes from there
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('interface-show-yaml')).toBeNull());
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // Keyboard only, on the other row: Tab to its toggle, Enter.
    const other = within(row('default')).getByTestId('interface-actions');
    other.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByTestId('interface-show-yaml')).toBeInTheDocument();
    expect(other).toHaveAttribute('aria-expanded', 'true');
    // A click outside closes it.
    await userEvent.click(document.body);
    await waitFor(() => expect(screen.queryByTestId('interface-show-yaml')).toBeNull());
  });

  it('offers no Detach for a VM that does not exist yet', async () => {
    renderTable('05-vm-linux-bridge-vlan33.yaml', (objects) => {
      const vm = objects.find((o) => o.kind === 'VirtualMachine')!;
      delete vm.metadata!.uid;
    });
    await userEvent.click(within(row('nic-add1')).getByTestId('interface-actions'));
    expect(await screen.findByTestId('interface-show-yaml')).toBeInTheDocument();
    expect(screen.queryByTestId('interface-detach')).toBeNull();
  });

  describe('the first screen first', () => {
    /** Lays the table's rows out from `top`, each `height` px, in a 768 px window (jsdom's). */
    const layOut = (top: number, height: number) =>
      jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
        this: HTMLElement,
      ) {
        const index =
          this.tagName === 'TBODY' ? [...this.parentElement!.children].indexOf(this) : 0;
        const y = top + (index - 1) * height; // the table's first child is its header
        return { top: y, bottom: y + height, left: 0, right: 800, width: 800, height } as DOMRect;
      });
    afterEach(() => jest.restoreAllMocks());

    it('draws the rows that reach the window first, the others one frame later', async () => {
      layOut(500, 100); // the first 7 rows (as many as 768 px of window holds at ~110 px) reach it
      renderTable('05-vm-linux-bridge-vlan33.yaml', undefined, {
        copies: 12,
        firstScreenFirst: true,
      });
      expect(screen.getAllByTestId(/^interface-row-/)).toHaveLength(7);
      await waitFor(() => expect(screen.getAllByTestId(/^interface-row-/)).toHaveLength(12));
    });

    it('draws as many rows first as a taller window shows', () => {
      const height = window.innerHeight;
      window.innerHeight = 1080;
      try {
        layOut(300, 100);
        renderTable('05-vm-linux-bridge-vlan33.yaml', undefined, {
          copies: 16,
          firstScreenFirst: true,
        });
        expect(screen.getAllByTestId(/^interface-row-/)).toHaveLength(10);
      } finally {
        window.innerHeight = height;
      }
    });

    it("draws more at once when the first ones do not reach the window's bottom", () => {
      layOut(300, 60); // 7 rows end at 720 px: 48 px to fill, 1 more row and one to spare
      renderTable('05-vm-linux-bridge-vlan33.yaml', undefined, {
        copies: 12,
        firstScreenFirst: true,
      });
      expect(screen.getAllByTestId(/^interface-row-/)).toHaveLength(9);
    });

    it('draws every row at once when not asked to', () => {
      layOut(500, 100);
      renderTable('05-vm-linux-bridge-vlan33.yaml', undefined, { copies: 12 });
      expect(screen.getAllByTestId(/^interface-row-/)).toHaveLength(12);
    });
  });

  it('renders rows without PatternFly Labels, and MAC and IPs as plain text', () => {
    renderTable('04-vm-localnet-vlan1924.yaml', (objects) => {
      // A hot-plug flag and a defaulted binding are the row's other flags.
      const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
      delete (vm.spec!.template!.spec!.domain.devices.interfaces![0] as { masquerade?: object })
        .masquerade;
    });
    const table = screen.getByTestId('vm-networking-interfaces');
    expect(table.querySelectorAll('tbody .pf-v6-c-label')).toHaveLength(0);
    for (const field of ['mac', 'ips']) {
      for (const el of screen.getAllByTestId(`interface-${field}`)) {
        expect(el.closest('a')).toBeNull();
        expect(el.querySelector('a')).toBeNull();
      }
    }
  });
});
