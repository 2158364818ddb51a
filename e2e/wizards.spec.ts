/**
 * The network wizards in Chromium through the preview host: filled by their field labels, the
 * live YAML read, created, and the objects found in the fixture API server.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview } from './support/preview';
import type { Preview } from '../preview/preview';

let preview: Preview;
let browser: TestBrowser;

beforeAll(async () => {
  preview = await startTestPreview();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API objects of any kind
const getJSON = async (path: string): Promise<{ status: number; body: any }> => {
  const r = await fetch(`${preview.url}/api/kubernetes${path}`);
  return { status: r.status, body: await r.json() };
};

const step = async (page: Page, name: RegExp) => page.getByRole('button', { name }).first().click();

describe('network wizards', () => {
  it('creates a secondary Layer2 UDN filled by its labels, YAML following the form', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(`${preview.url}/vm-networking/ns/demo-vm-pod/new/udn`);
    await page.getByLabel('Name', { exact: true }).fill('e2e-blue');
    await page.getByLabel('Role', { exact: true }).selectOption('Secondary');
    await step(page, /Subnets and IPAM/);
    await page.getByLabel('Subnets', { exact: true }).fill('10.240.0.0/16');
    await page.getByLabel('MTU', { exact: true }).fill('1400');
    const yaml = page.locator('[data-test="wizard-yaml"]');
    await yaml.getByText('10.240.0.0/16').waitFor();
    expect(await yaml.textContent()).toContain('name: e2e-blue');
    expect(await yaml.textContent()).toContain('mtu: 1400');
    await step(page, /Review and create/);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('[data-test="create-done"]').waitFor();
    const got = await getJSON(
      '/apis/k8s.ovn.org/v1/namespaces/demo-vm-pod/userdefinednetworks/e2e-blue',
    );
    expect(got.status).toBe(200);
    expect(got.body.spec.layer2).toMatchObject({
      role: 'Secondary',
      subnets: ['10.240.0.0/16'],
      mtu: 1400,
    });
    w.assertNoProblems();
  });

  it('refuses a subnet in the cluster network at the field before anything is sent', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(`${preview.url}/vm-networking/ns/demo-vm-pod/new/udn`);
    await page.getByLabel('Name', { exact: true }).fill('e2e-bad');
    await step(page, /Subnets and IPAM/);
    await page.getByLabel('Subnets', { exact: true }).fill('10.128.0.0/16');
    await page.getByText(/overlaps the cluster network/).waitFor();
    await page
      .getByLabel('VLAN ID')
      .count()
      .then((n: number) => expect(n).toBe(0));
    w.assertNoProblems();
  });

  it('creates a Linux bridge NAD on VLAN 100 with its resource annotation', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(`${preview.url}/vm-networking/ns/demo-vm-bridge/new/nad`);
    await page.getByLabel('Name', { exact: true }).fill('e2e-vlan100');
    await page.getByLabel('Network type', { exact: true }).selectOption('bridge');
    await step(page, /Settings/);
    await page.getByLabel('Bridge name', { exact: true }).fill('br-trunk');
    await page.getByLabel('VLAN', { exact: true }).selectOption('access');
    await page.getByLabel('VLAN ID', { exact: true }).fill('100');
    await page
      .locator('[data-test="wizard-yaml"]')
      .getByText(/bridge\.network\.kubevirt\.io\/br-trunk/)
      .waitFor();
    await step(page, /Review and create/);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('[data-test="create-done"]').waitFor();
    const got = await getJSON(
      '/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-bridge/network-attachment-definitions/e2e-vlan100',
    );
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body.spec.config)).toMatchObject({
      type: 'bridge',
      bridge: 'br-trunk',
      vlan: 100,
    });
    w.assertNoProblems();
  });

  it('creates a localnet CUDN and its bridge-mapping NNCP, in that order', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(`${preview.url}/vm-networking/cluster/new/cudn`);
    await page.getByLabel('Name', { exact: true }).fill('e2e-localnet');
    await page.getByLabel('Topology', { exact: true }).selectOption('Localnet');
    await step(page, /Namespaces/);
    await page
      .getByLabel('Namespace selector', { exact: true })
      .fill('kubernetes.io/metadata.name=demo-vm-bridge');
    await page.locator('[data-test="selected-namespaces"]').getByText('demo-vm-bridge').waitFor();
    await step(page, /Subnets and IPAM/);
    await page.getByLabel('Physical network name', { exact: true }).fill('e2e-phys');
    await page.getByLabel('VLAN ID', { exact: true }).fill('1925');
    await page.getByLabel('Subnets', { exact: true }).fill('192.168.77.0/24');
    await step(page, /Bridge mapping/);
    await page.getByLabel('Bridge mapping', { exact: true }).selectOption('br-ex');
    await step(page, /Review and create/);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('[data-test="create-done"]').waitFor();
    const cudn = await getJSON('/apis/k8s.ovn.org/v1/clusteruserdefinednetworks/e2e-localnet');
    expect(cudn.status).toBe(200);
    expect(cudn.body.spec.network.localnet).toMatchObject({
      physicalNetworkName: 'e2e-phys',
      vlan: { access: { id: 1925 } },
    });
    const nncp = await getJSON(
      '/apis/nmstate.io/v1/nodenetworkconfigurationpolicies/e2e-phys-bridge-mapping',
    );
    expect(nncp.status).toBe(200);
    w.assertNoProblems();
  });
});
