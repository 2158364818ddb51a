/* eslint-disable @typescript-eslint/no-explicit-any -- objects read back from the API are untyped */
/**
 * Attach and detach on a demo VM through its Actions menu in Chromium, and a concurrent edit made
 * through the API while the dialog is open: refused with a clear message, then applied after a reload.
 */
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview } from './support/preview';
import type { Preview } from '../preview/preview';
import { layoutProblems } from './create-vm-layout';

/** Our hooks are `data-test` attributes (Playwright's getByTestId reads data-testid). */
const tid = (id: string) => `[data-test="${id}"]`;

let preview: Preview;
let browser: TestBrowser;

const NS = 'demo-vm-localnet';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-createvm';
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
  it('refuses masquerade on a secondary network on the spot, and the API refuses it too (1440×900)', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAction(page, 'vm-networking-attach-network');
    const modal = page.locator(tid('attach-network-modal'));
    await modal.waitFor();
    expect(await modal.locator('#attach-network').inputValue()).toBe(`${NS}/extra-vlan`);
    expect(await layoutProblems(page, tid('attach-network-modal'), [], true)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/attach-1-open.png` });
    await modal.locator('#attach-binding').selectOption('masquerade');
    expect(await modal.textContent()).toContain(
      'Masquerade interface only implemented with pod network',
    );
    expect(await modal.locator(tid('attach-apply')).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/attach-2-masquerade-refused.png` });
    // What the dialog refuses, the API server (KubeVirt's admission) refuses too.
    const vm = (await api(VM_PATH)).body;
    const refused = await api(VM_PATH, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([
        {
          op: 'add',
          path: '/spec/template/spec/domain/devices/interfaces/-',
          value: { name: 'nic-x', masquerade: {}, model: 'virtio' },
        },
        {
          op: 'add',
          path: '/spec/template/spec/networks/-',
          value: { name: 'nic-x', multus: { networkName: 'extra-vlan' } },
        },
      ]),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe(
      'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: Masquerade interface only implemented with pod network',
    );
    expect((await api(VM_PATH)).body.spec).toEqual(vm.spec);
    await modal.locator(tid('attach-cancel')).click();
    w.assertNoProblems();
  });

  it('detach pre-selects nothing and asks twice before removing the pod network NIC', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAction(page, 'vm-networking-detach-network');
    const modal = page.locator(tid('detach-network-modal'));
    await modal.waitFor();
    expect(await modal.locator('#detach-interface').inputValue()).toBe('');
    expect(await modal.locator(tid('detach-apply')).isDisabled()).toBe(true);
    expect(await modal.locator(tid('detach-choose')).textContent()).toContain(
      'Choose the interface to detach.',
    );
    expect(await layoutProblems(page, tid('detach-network-modal'), [], true)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/detach-1-open.png` });
    await modal.locator('#detach-interface').selectOption('default');
    expect(await modal.locator(tid('detach-main-warning')).textContent()).toContain(
      'loses its main connectivity',
    );
    expect(await modal.locator(tid('detach-apply')).isDisabled()).toBe(true);
    expect(await layoutProblems(page, tid('detach-network-modal'), [], true)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/detach-2-main-nic.png` });
    await modal.locator('#detach-confirm-main').check();
    expect(await modal.locator(tid('detach-apply')).isEnabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/detach-3-confirmed.png` });
    // Not applied: this test only checks the confirmation; the VM keeps its pod NIC.
    await modal.locator(tid('detach-cancel')).click();
    await modal.waitFor({ state: 'detached' });
    expect((await ifaces()).map((i) => i.name)).toContain('default');
    w.assertNoProblems();
  });

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
