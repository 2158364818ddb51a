/**
 * The network wizards in Chromium through the preview host at 1440×900, walked as a person does:
 * labels, Next, Create. After each create only the success page shows (no error about the objects
 * just created), the objects are in the fixture API, and the layout rules hold: no page scrolls
 * sideways, no form field is narrower than 400 px. Screenshots go to /tmp/shots-wizards/.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  PF_WIZARD_LATE_UPDATE,
  type TestBrowser,
} from './support/browser';
import { startTestPreview } from './support/preview';
import type { Preview } from '../preview/preview';

jest.setTimeout(120000);

let preview: Preview;
let browser: TestBrowser;
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-wizards';

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
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

/** A field by its label; a required field's label ends with PatternFly's " *". */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

const next = (page: Page) => page.locator('[data-test="wizard-next"]').click();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

/** No sideways scrolling, and every visible form control at least 400 px wide. */
const checkLayout = async (page: Page) => {
  const r = await page.evaluate(() => {
    const doc = document.documentElement;
    const scrollers = [doc, ...document.querySelectorAll<HTMLElement>('*')].filter(
      (e) =>
        e.scrollWidth > e.clientWidth + 1 &&
        ['auto', 'scroll'].includes(getComputedStyle(e).overflowX),
    );
    const narrow = [
      ...document.querySelectorAll<HTMLElement>(
        '.vm-networking-wizard input:not([type=checkbox]):not([type=radio]), .vm-networking-wizard select, .vm-networking-wizard textarea',
      ),
    ]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ id: e.id, w: e.getBoundingClientRect().width }))
      .filter((x) => x.w < 400);
    return {
      page: doc.scrollWidth - doc.clientWidth,
      scrollers: scrollers.map((e) => e.className || e.tagName).slice(0, 5),
      narrow,
    };
  });
  expect(r.page).toBeLessThanOrEqual(0);
  expect(r.scrollers).toEqual([]);
  expect(r.narrow).toEqual([]);
};

const noErrors = async (page: Page) => {
  expect(await page.locator('[data-test="review-errors"]').count()).toBe(0);
  expect(await page.locator('[data-test="field-error"]').count()).toBe(0);
  expect(await page.locator('.pf-m-danger').count()).toBe(0);
};

const open = async (path: string) => {
  const w = await openPage(browser);
  w.allow(PF_WIZARD_LATE_UPDATE);
  await w.page.setViewportSize({ width: 1440, height: 900 });
  await w.page.goto(`${preview.url}${path}`);
  return w;
};

describe('network wizards at 1440×900', () => {
  it('creates a primary UDN in a new namespace', async () => {
    const w = await open('/vm-networking/ns/e2e-tenant/new/udn');
    const { page } = w;
    await field(page, 'Name').fill('e2e-primary');
    expect(await field(page, 'Role').inputValue()).toBe('Primary');
    await page.getByLabel('Create the namespace, labelled for a primary network').check();
    await checkLayout(page);
    await shot(page, 'udn-1-network');
    await next(page);
    await field(page, 'Subnets').fill('10.241.0.0/16');
    await checkLayout(page);
    await shot(page, 'udn-2-subnets');
    await next(page);
    await page.locator('[data-test="dry-run-status"]').waitFor();
    await shot(page, 'udn-3-review');
    await page.locator('[data-test="wizard-next"]', { hasText: 'Create' }).click();
    await page.locator('[data-test="create-done"]').waitFor();
    await noErrors(page);
    await checkLayout(page);
    await shot(page, 'udn-4-created');
    expect(await page.locator('[data-test="created-object-link"]').allTextContents()).toEqual([
      'Namespace e2e-tenant',
      'UserDefinedNetwork e2e-tenant/e2e-primary',
    ]);
    const ns = await getJSON('/api/v1/namespaces/e2e-tenant');
    expect(ns.status).toBe(200);
    expect(Object.keys(ns.body.metadata.labels)).toContain(
      'k8s.ovn.org/primary-user-defined-network',
    );
    const udn = await getJSON(
      '/apis/k8s.ovn.org/v1/namespaces/e2e-tenant/userdefinednetworks/e2e-primary',
    );
    expect(udn.status).toBe(200);
    expect(udn.body.spec.layer2).toMatchObject({ role: 'Primary', subnets: ['10.241.0.0/16'] });
    w.assertNoProblems();
  });

  it('creates a localnet CUDN with a generated bridge mapping', async () => {
    const w = await open('/vm-networking/cluster/new/cudn');
    const { page } = w;
    await field(page, 'Name').fill('e2e-localnet');
    await field(page, 'Topology').selectOption('Localnet');
    await next(page);
    await field(page, 'Namespace selector').fill('kubernetes.io/metadata.name=demo-vm-bridge');
    await page.locator('[data-test="selected-namespaces"]').getByText('demo-vm-bridge').waitFor();
    await checkLayout(page);
    await shot(page, 'cudn-2-namespaces');
    await next(page);
    await field(page, 'Physical network name').fill('e2e-phys');
    await field(page, 'VLAN ID').fill('1925');
    await field(page, 'Subnets').fill('192.168.77.0/24');
    await checkLayout(page);
    await shot(page, 'cudn-3-subnets');
    await next(page);
    // Mapped nowhere: generating the mapping is the default.
    expect(await field(page, 'Bridge mapping').inputValue()).toBe('br-ex');
    await checkLayout(page);
    await shot(page, 'cudn-4-bridge-mapping');
    await field(page, 'Bridge mapping').selectOption('ovs-bridge');
    await field(page, 'Node NIC').fill('ens4');
    const sel = field(page, 'Node selector');
    await sel.fill('');
    await sel.pressSequentially('node-role.kubernetes.io/worker=,zone=a');
    expect(await sel.inputValue()).toBe('node-role.kubernetes.io/worker=,zone=a');
    await shot(page, 'cudn-5-ovs-bridge');
    await next(page);
    await page.locator('[data-test="dry-run-status"]').waitFor();
    await page.locator('[data-test="wizard-next"]', { hasText: 'Create' }).click();
    await page.locator('[data-test="create-done"]').waitFor();
    await noErrors(page);
    await shot(page, 'cudn-6-created');
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
    expect(nncp.body.spec.nodeSelector).toEqual({
      'node-role.kubernetes.io/worker': '',
      zone: 'a',
    });
    w.assertNoProblems();
  });

  it('creates a Linux-bridge NAD on VLAN 44, with a VLAN mode switch on the way', async () => {
    const w = await open('/vm-networking/ns/demo-vm-bridge/new/nad');
    const { page } = w;
    await field(page, 'Name').fill('e2e-vlan44');
    await field(page, 'Network type').selectOption('bridge');
    await shot(page, 'nad-1-network');
    await next(page);
    await field(page, 'Bridge name').fill('br-trunk');
    await field(page, 'VLAN').selectOption('access');
    await field(page, 'VLAN ID').fill('44');
    await field(page, 'VLAN').selectOption('trunk');
    await field(page, 'Trunk VLANs').fill('100-199');
    await field(page, 'VLAN').selectOption('access');
    expect(await field(page, 'VLAN ID').inputValue()).toBe('44');
    await checkLayout(page);
    await shot(page, 'nad-2-settings');
    await page.getByRole('button', { name: 'YAML', exact: true }).click();
    await page.locator('[data-test="wizard-yaml"] textarea').waitFor();
    expect(await page.locator('[data-test="wizard-yaml"] textarea').inputValue()).toContain(
      '"vlan":44',
    );
    await checkLayout(page);
    await shot(page, 'nad-3-yaml');
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    await next(page);
    await page.locator('[data-test="dry-run-status"]').waitFor();
    await shot(page, 'nad-4-review');
    await page.locator('[data-test="wizard-next"]', { hasText: 'Create' }).click();
    await page.locator('[data-test="create-done"]').waitFor();
    await noErrors(page);
    await shot(page, 'nad-5-created');
    const got = await getJSON(
      '/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-bridge/network-attachment-definitions/e2e-vlan44',
    );
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body.spec.config)).toMatchObject({
      type: 'bridge',
      bridge: 'br-trunk',
      vlan: 44,
    });
    w.assertNoProblems();
  });
});
