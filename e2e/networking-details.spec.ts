/**
 * The expanded rows of each demo VM's Networking tab in Chromium: pod interface names, pod devices,
 * IPs, VLANs, subnets, gateways, roles, node bridges — the values of the tables in
 * preview/fixtures/demo/README.md, which come from real captures (../shared/examples).
 */
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

interface Expect {
  nic: string;
  podInterface: string;
  devices?: string[];
  ips: string[];
  vlan?: string;
  subnets?: string;
  gateway?: string;
  role?: string;
  nodeBridge?: string;
  ovnRole?: string;
}

const CASES: Array<{ ns: string; vm: string; nics: Expect[] }> = [
  {
    ns: 'demo-vm-pod',
    vm: 'vm-pod',
    nics: [
      {
        nic: 'default',
        podInterface: 'eth0',
        devices: ['k6t-eth0', 'tap0'],
        ips: ['10.131.1.97'],
        role: 'Primary',
        ovnRole: 'primary',
      },
    ],
  },
  {
    ns: 'demo-vm-primary-udn',
    vm: 'vm-primary-udn',
    nics: [
      {
        nic: 'default',
        podInterface: 'ovn-udn1',
        ips: ['10.1.1.3'],
        subnets: '10.1.1.0/24',
        gateway: '10.1.1.1',
        role: 'Primary',
        ovnRole: 'primary',
      },
    ],
  },
  {
    ns: 'demo-vm-secondary-udn',
    vm: 'vm-secondary-udn',
    nics: [
      {
        nic: 'default',
        podInterface: 'ovn-udn1',
        ips: ['10.1.1.3'],
        subnets: '10.1.1.0/24',
        gateway: '10.1.1.1',
      },
      {
        nic: 'secondary-udn',
        podInterface: 'pod2eae7330186',
        devices: ['k6t-2eae7330186', 'tap2eae7330186', '2eae7330186-nic'],
        ips: ['10.2.2.1'],
        subnets: '10.2.2.0/24',
        role: 'Secondary',
        ovnRole: 'secondary',
      },
    ],
  },
  {
    ns: 'demo-vm-localnet',
    vm: 'vm-localnet',
    nics: [
      { nic: 'default', podInterface: 'eth0', ips: ['10.131.0.84'] },
      {
        nic: 'nic-vlan-1924',
        podInterface: 'pod16711a0a730',
        devices: ['k6t-16711a0a730', 'tap16711a0a730', '16711a0a730-nic'],
        ips: ['192.168.4.71'],
        vlan: '1924',
        nodeBridge: 'br-vmdata',
        role: 'Secondary',
      },
    ],
  },
  {
    ns: 'demo-vm-bridge',
    vm: 'fedora-1',
    nics: [
      {
        nic: 'nic-add1',
        podInterface: 'podb6e7df19490',
        devices: ['k6t-b6e7df19490', 'tapb6e7df19490', 'b6e7df19490-nic'],
        ips: ['172.17.33.250'],
        vlan: '33',
      },
    ],
  },
  {
    ns: 'llm-demo',
    vm: 'centos-stream9-gold-rabbit-80',
    nics: [
      {
        nic: 'nic-yellow-duck-37',
        podInterface: 'podffec3d98bf3',
        ips: ['192.168.77.71'],
        nodeBridge: 'br-ex',
      },
    ],
  },
];

let preview: Preview;
let browser: TestBrowser;

beforeAll(async () => {
  preview = await startTestPreview();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

let afterPage: (() => Promise<void>) | undefined;
afterEach(async () => {
  await afterPage?.();
  afterPage = undefined;
});

describe.each(CASES)('$ns/$vm', ({ ns, vm, nics }) => {
  it('shows each interface from guest to wire', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    // Each open page holds its watch connections: close it so the next test's page can connect.
    afterPage = () => page.close();
    await page.goto(vmTabURL(preview, ns, vm));
    await page.waitForSelector('[data-test="vm-networking-tab"][data-loaded="true"]', {
      timeout: 30_000,
    });
    for (const e of nics) {
      const row = page.locator(`[data-test="interface-row-${e.nic}"]`);
      await expect(row.locator('[data-test="interface-pod-interface"]').innerText()).resolves.toBe(
        e.podInterface,
      );
      const ips = await row.locator('[data-test="interface-ips"]').innerText();
      for (const ip of e.ips) expect(ips).toContain(ip);

      await row.locator('[data-test="interface-expand"] button').click();
      const details = page.locator(`[data-test="interface-details-${e.nic}"]`);
      await details.waitFor();
      const text = async (field: string) =>
        (await details.locator(`[data-test="${field}"]`).count())
          ? details.locator(`[data-test="${field}"]`).innerText()
          : '';
      for (const device of e.devices ?? []) {
        expect(await text('detail-pod-devices')).toContain(device);
      }
      if (e.vlan) expect(await text('detail-vlan')).toBe(e.vlan);
      if (e.subnets) expect(await text('detail-subnets')).toContain(e.subnets);
      if (e.gateway) expect(await text('detail-gateway')).toContain(e.gateway);
      if (e.role) expect(await text('detail-network-role')).toBe(e.role);
      if (e.nodeBridge) expect(await text('detail-node-bridge')).toContain(e.nodeBridge);
      if (e.ovnRole) expect(await text('detail-ovn-role')).toBe(e.ovnRole);
    }
    await expect(page.locator('[data-test="wiring-diagram"]').count()).resolves.toBe(1);
    watched.assertNoProblems();
  });
});
