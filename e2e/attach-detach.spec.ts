/* eslint-disable @typescript-eslint/no-explicit-any -- objects read back from the API are untyped */
/**
 * Attach and detach on a demo VM through its Actions menu in Chromium, and a concurrent edit made
 * through the API while the dialog is open: refused with a clear message, then applied after a reload.
 */
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview } from './support/preview';
import type { Preview } from '../preview/preview';

/** Our hooks are `data-test` attributes (Playwright's getByTestId reads data-testid). */
const tid = (id: string) => `[data-test="${id}"]`;

let preview: Preview;
let browser: TestBrowser;

const NS = 'demo-vm-localnet';
const VM_PATH = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/vm-localnet`;

const api = async (path: string, init?: RequestInit): Promise<{ status: number; body: any }> => {
  const r = await fetch(`${preview.url}/api/kubernetes${path}`, init);
  return { status: r.status, body: await r.json() };
};
const ifaces = async () =>
  (await api(VM_PATH)).body.spec.template.spec.domain.devices.interfaces as any[];

beforeAll(async () => {
  preview = await startTestPreview();
  browser = await launchBrowser();
  // A second localnet network appears in the namespace (same shape as the demo one, VLAN 1926).
  const nad = (
    await api(
      `/apis/k8s.cni.cncf.io/v1/namespaces/${NS}/network-attachment-definitions/demo-vlan-1924`,
    )
  ).body;
  const extra = JSON.parse(
    JSON.stringify(nad)
      .replace(/demo-vlan-1924/g, 'extra-vlan')
      .replace(/1924/g, '1926'),
  );
  delete extra.metadata.uid;
  delete extra.metadata.resourceVersion;
  delete extra.metadata.creationTimestamp;
  const created = await api(
    `/apis/k8s.cni.cncf.io/v1/namespaces/${NS}/network-attachment-definitions`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(extra),
    },
  );
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

const openAction = async (page: any, id: string) => {
  await page.goto(
    `${preview.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/vm-localnet/vm-networking`,
  );
  await page.locator(tid('actions-menu-button')).click();
  await page.locator(`[data-test="${id}"]`).first().click();
};

describe('Attach and detach networks', () => {
  it('refuses an attach when the VM changed meanwhile, then applies it after a reload', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await openAction(page, 'vm-networking-attach-network');
    const modal = page.locator(tid('attach-network-modal'));
    await modal.waitFor();
    expect(await modal.locator('#attach-network').inputValue()).toBe(`${NS}/extra-vlan`);
    expect(await modal.locator(tid('hotplug-expectation')).textContent()).toContain(
      'live migration',
    );

    // Someone changes the interfaces through the API while the dialog is open.
    const changed = await api(VM_PATH, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([
        {
          op: 'replace',
          path: '/spec/template/spec/domain/devices/interfaces/1/model',
          value: 'e1000e',
        },
      ]),
    });
    expect(changed.status).toBe(200);
    await modal.locator(tid('attach-apply')).click();
    await modal.locator(tid('patch-conflict')).waitFor();
    expect(await modal.locator(tid('patch-conflict')).textContent()).toContain(
      'The VirtualMachine changed while this dialog was open',
    );
    expect((await ifaces()).map((i) => i.name)).toEqual(['default', 'nic-vlan-1924']);

    await modal.locator(tid('reload-retry')).click();
    await modal.locator(tid('attach-apply')).click();
    await modal.waitFor({ state: 'detached' });
    const after = await ifaces();
    expect(after.map((i) => i.name)).toEqual(['default', 'nic-vlan-1924', 'nic-1']);
    expect(after[1].model).toBe('e1000e');
    expect(after[2]).toMatchObject({ name: 'nic-1', bridge: {}, model: 'virtio' });
    // The refused patch is the only error, and it is the one we provoked.
    w.assertNoProblems([
      /^HTTP 422: .*\/virtualmachines\/vm-localnet$/,
      /^console\.error: Failed to load resource: the server responded with a status of 422/,
    ]);
  });

  it('detaches the hot-plugged NIC by marking it absent on the running VM', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await openAction(page, 'vm-networking-detach-network');
    const modal = page.locator(tid('detach-network-modal'));
    await modal.waitFor();
    await modal.locator('#detach-interface').selectOption('nic-1');
    expect(await modal.locator(tid('detach-mode')).textContent()).toContain('marked absent');
    await modal.locator(tid('detach-apply')).click();
    await modal.waitFor({ state: 'detached' });
    const after = await ifaces();
    expect(after.find((i) => i.name === 'nic-1')?.state).toBe('absent');
    w.assertNoProblems();
  });
});
