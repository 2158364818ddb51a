/* eslint-disable @typescript-eslint/no-explicit-any -- objects read back from the API are untyped */
/**
 * The networking-first VM creation in Chromium through the preview host: a VM on a NEW primary UDN
 * (new labelled namespace) with a NEW secondary localnet network and a deny-all-but-gateway
 * policy, in one pass; every object is then read back from the fixture API server, checked
 * against the real CRDs (the test oracle) and the KubeVirt VM schema, and the VM's Networking tab
 * shows it wired as planned.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createCRDValidator } from '../src/core/crd-oracle';
import { loadCRDsForVersion } from '../src/core/crd-oracle/load';
import { readShared, sharedPath } from '../test-support/shared';
import {
  launchBrowser,
  openPage,
  PF_WIZARD_LATE_UPDATE,
  type TestBrowser,
} from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';
import { layoutProblems, WIRING } from './create-vm-layout';

/** Our hooks are `data-test` attributes (Playwright's getByTestId reads data-testid). */
const tid = (id: string) => `[data-test="${id}"]`;

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

const getJSON = async (path: string): Promise<{ status: number; body: any }> => {
  const r = await fetch(`${preview.url}/api/kubernetes${path}`);
  return { status: r.status, body: await r.json() };
};

const NS = 'e2e-shop';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-createvm';

/** The console's nav is open: its width is what the content loses. */
const navWidth = (page: any): Promise<number> =>
  page.evaluate(
    () => document.querySelector('.pf-v6-c-page__sidebar')?.getBoundingClientRect().width ?? 0,
  );

describe('Create VirtualMachine (networking first)', () => {
  it('creates a VM with a new secondary network at 1440×900: roomy, no error after create, objects in the API', async () => {
    const w = await openPage(browser);
    // The success page replaces the wizard: PatternFly's WizardBody may warn late (React 17).
    w.allow(PF_WIZARD_LATE_UPDATE);
    const { page } = w;
    await page.setViewportSize({ width: 1440, height: 900 });
    const ns = 'demo-vm-localnet';
    await page.goto(`${preview.url}/vm-networking/ns/${ns}/new/vm`);
    await page.locator('#create-vm-name').waitFor();
    expect(await navWidth(page)).toBeGreaterThanOrEqual(256);
    expect(await page.title()).toContain('Create VirtualMachine');
    expect(await page.locator(tid('create-vm-breadcrumb')).textContent()).toContain(
      'VirtualMachines',
    );
    // Nothing red before anything is touched.
    expect(await page.locator('.pf-m-error, .pf-m-danger').count()).toBe(0);
    expect(await layoutProblems(page, tid('create-vm-wizard'), WIRING)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/create-vm-1-basics.png` });

    await page.locator('#create-vm-name').fill('web-2');
    await page.locator('#create-vm-boot-containerdisk').check();
    await page.getByRole('button', { name: 'Networking', exact: true }).click();
    // The NIC KubeVirt would give the VM is there from the start.
    expect(await page.locator('#nic-0-network').inputValue()).toBe('pod');
    expect(await page.locator('#nic-0-binding').inputValue()).toBe('masquerade');
    await page.locator(tid('wiring-lane-default')).waitFor();
    await page.screenshot({ path: `${SHOTS}/create-vm-2-networking.png`, fullPage: true });
    expect(await layoutProblems(page, tid('create-vm-wizard'), WIRING)).toEqual([]);

    // A primary UDN cannot go into this existing, unlabelled namespace: said on the spot.
    await page.locator(tid('new-network')).click();
    await page.locator('#new-network-kind').selectOption('primary-udn');
    await page.locator('#new-network-subnet').fill('10.100.0.0/16');
    await page.locator(tid('new-network-add')).click();
    const why = page.locator(tid('new-network-primary-namespace'));
    expect(await why.textContent()).toContain('cannot be added later');
    await why.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/create-vm-3-primary-refused.png` });

    await page.locator('#new-network-kind').selectOption('secondary-udn');
    await page.locator('#new-network-name').fill('backend');
    await page.locator('#new-network-subnet').fill('10.200.0.0/16');
    expect(await layoutProblems(page, tid('create-vm-wizard'), WIRING)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/create-vm-4-new-network.png`, fullPage: true });
    await page.locator(tid('new-network-add')).click();
    await page.locator(tid('new-network-form')).waitFor({ state: 'detached' });
    expect(await page.locator('#nic-1-network').inputValue()).toBe(`${ns}/backend`);
    expect(await page.locator('#nic-1-binding').inputValue()).toBe('bridge');

    await page.getByRole('button', { name: 'Policies', exact: true }).click();
    await page.locator(tid('create-vm-policies')).waitFor();
    expect(await layoutProblems(page, tid('create-vm-wizard'), WIRING)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/create-vm-5-policies.png` });

    await page.getByRole('button', { name: 'Review and create', exact: true }).click();
    await page.locator(tid('create-vm-review')).waitFor();
    // One Create button on the page.
    expect(await page.getByRole('button', { name: 'Create', exact: true }).count()).toBe(1);
    expect(await layoutProblems(page, tid('create-vm-wizard'), WIRING)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/create-vm-6-review.png` });
    await page.locator(tid('create-vm-submit')).click();
    await page.locator(tid('create-done')).waitFor();
    // Watches catch up with what was just created; still nothing but success.
    await page.waitForTimeout(1500);
    expect(await page.locator('.pf-m-danger, .pf-m-error, .pf-m-warning').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/already (exists|in use|used)/);
    const links = await page
      .locator(`${tid('created-objects')} a`)
      .evaluateAll((as: any[]) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([
      `/k8s/ns/${ns}/k8s.ovn.org~v1~UserDefinedNetwork/backend`,
      `/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/web-2/vm-networking`,
    ]);
    await page.screenshot({ path: `${SHOTS}/create-vm-7-created.png` });

    const udn = await getJSON(`/apis/k8s.ovn.org/v1/namespaces/${ns}/userdefinednetworks/backend`);
    expect(udn.body.spec.layer2).toMatchObject({ role: 'Secondary', subnets: ['10.200.0.0/16'] });
    const vm = await getJSON(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/web-2`);
    expect(vm.status).toBe(200);
    expect(vm.body.spec.template.spec.domain.devices.interfaces).toEqual([
      { name: 'default', masquerade: {}, model: 'virtio' },
      { name: 'backend', bridge: {}, model: 'virtio' },
    ]);
    expect(vm.body.spec.template.spec.networks).toEqual([
      { name: 'default', pod: {} },
      { name: 'backend', multus: { networkName: 'backend' } },
    ]);
    expect(vm.body.spec.template.spec.domain.devices.autoattachPodInterface).toBeUndefined();
    w.assertNoProblems([/^HTTP 404: .*\/virtualmachineinstances\/web-2$/, /status of 404/]);
  });

  it('creates a VM on a new primary UDN with a new localnet network and a deny-all-but-gateway policy', async () => {
    const w = await openPage(browser);
    // The success page replaces the wizard: PatternFly's WizardBody may warn late (React 17).
    w.allow(PF_WIZARD_LATE_UPDATE);
    const { page } = w;
    await page.goto(`${preview.url}/vm-networking/ns/${NS}/new/vm`);
    await page.locator('#create-vm-name').fill('web');
    await page.locator('#create-vm-create-namespace').check();
    await page.locator('#create-vm-primary-label').check();
    await page.locator('#create-vm-boot-containerdisk').check();
    await page.getByRole('button', { name: 'Networking', exact: true }).click();

    await page.locator(tid('new-network')).click();
    await page.locator('#new-network-kind').selectOption('primary-udn');
    await page.locator('#new-network-subnet').fill('10.100.0.0/16');
    await page.locator(tid('new-network-add')).click();
    await page.locator(tid('new-network-form')).waitFor({ state: 'detached' });

    await page.locator(tid('new-network')).click();
    await page.locator('#new-network-kind').selectOption('localnet-nad');
    await page.locator('#new-network-name').fill('vlan-1924');
    await page.locator('#new-network-vlan').fill('1924');
    await page.locator('#new-network-physnet').fill('physnet');
    await page.locator(tid('new-network-add')).click();
    await page.locator(tid('new-network-form')).waitFor({ state: 'detached' });

    expect(await page.locator('#nic-0-binding').inputValue()).toBe('l2bridge');
    expect(await page.locator('#nic-1-binding').inputValue()).toBe('bridge');
    const preview_ = page.locator(tid('create-vm-preview'));
    await preview_.locator(tid('wiring-lane-vlan-1924')).waitFor();

    await page.getByRole('button', { name: 'Policies', exact: true }).click();
    await page.locator('#policy-vlan-1924-enabled').check();
    await page.locator('#policy-vlan-1924-gateway').fill('192.168.19.1');
    // Egress is isolated only when chosen: this VM's policy denies both ways but for the gateway.
    await page.locator('#policy-vlan-1924-egress').check();
    await page.getByRole('button', { name: 'Review and create', exact: true }).click();
    await page.locator(tid('create-vm-submit')).click();
    await page.locator(tid('create-done')).waitFor();

    // Everything is in the fixture API server and passes the real CRDs and the VM schema.
    const oracle = createCRDValidator(loadCRDsForVersion('4.20', sharedPath('crds')));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const vmSchema = ajv.compile(
      JSON.parse(readShared('crds', 'kubevirt.io_v1_virtualmachine.schema.json')),
    );
    const ns = await getJSON(`/api/v1/namespaces/${NS}`);
    expect(ns.status).toBe(200);
    expect(ns.body.metadata.labels).toHaveProperty(['k8s.ovn.org/primary-user-defined-network']);
    const udn = await getJSON(
      `/apis/k8s.ovn.org/v1/namespaces/${NS}/userdefinednetworks/primary-udn`,
    );
    expect(udn.body.spec.layer2).toMatchObject({ role: 'Primary', subnets: ['10.100.0.0/16'] });
    const nad = await getJSON(
      `/apis/k8s.cni.cncf.io/v1/namespaces/${NS}/network-attachment-definitions/vlan-1924`,
    );
    expect(JSON.parse(nad.body.spec.config)).toMatchObject({
      type: 'ovn-k8s-cni-overlay',
      topology: 'localnet',
      vlanID: 1924,
      netAttachDefName: `${NS}/vlan-1924`,
    });
    const mnp = await getJSON(
      `/apis/k8s.cni.cncf.io/v1beta1/namespaces/${NS}/multi-networkpolicies/web-vlan-1924-policy`,
    );
    expect(mnp.body.spec).toEqual({
      podSelector: { matchLabels: { 'vm.kubevirt.io/name': 'web' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '192.168.19.1/32' } }] }],
      egress: [{ to: [{ ipBlock: { cidr: '192.168.19.1/32' } }] }],
    });
    for (const o of [udn.body, nad.body, mnp.body]) {
      expect({ kind: o.kind, findings: oracle(o) }).toEqual({ kind: o.kind, findings: [] });
    }
    const vm = await getJSON(`/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/web`);
    expect(vmSchema(vm.body) ? [] : vmSchema.errors).toEqual([]);
    expect(vm.body.spec.template.spec.networks).toEqual([
      { name: 'default', pod: {} },
      { name: 'vlan-1924', multus: { networkName: 'vlan-1924' } },
    ]);

    // The Networking tab shows the new (stopped) VM wired as planned.
    await page.goto(vmTabURL(preview, NS, 'web'));
    const rows = page.locator(
      '[data-test="vm-networking-interfaces"] [data-test^="interface-row-"]',
    );
    await rows.first().waitFor();
    const def = page.locator('[data-test="interface-row-default"]');
    const vlan = page.locator('[data-test="interface-row-vlan-1924"]');
    expect(await def.locator('[data-test="interface-binding"]').textContent()).toContain(
      'l2bridge',
    );
    expect(await vlan.locator('[data-test="interface-binding"]').textContent()).toContain('bridge');
    expect(await vlan.locator('[data-test="interface-network"]').textContent()).toContain(
      'vlan-1924',
    );
    // Expected misses only: the namespace watched before it was created, the stopped VM's instance.
    w.assertNoProblems([
      /^HTTP 404: .*\/api\/v1\/namespaces\/e2e-shop$/,
      /^HTTP 404: .*\/virtualmachineinstances\/web$/,
      /^console\.error: Failed to load resource: the server responded with a status of 404/,
    ]);
  });

  it('a problem that blocks Create links to its step, and the field has the focus there', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${preview.url}/vm-networking/ns/demo-vm-localnet/new/vm`);
    await page.locator('#create-vm-name').fill('review-links');
    await page.locator('#create-vm-boot-containerdisk').check();
    await page.getByRole('button', { name: 'Networking', exact: true }).click();
    await page.locator(tid('add-interface')).click();
    await page.locator('#nic-1-binding').selectOption('masquerade');
    const nicName = await page.locator('#nic-1-name').inputValue();
    await page.getByRole('button', { name: 'Review and create', exact: true }).click();
    const problem = page.locator(tid('review-blocking-problem'));
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(
      new RegExp(`^Interface ${nicName}: masquerade works on the pod network only`),
    );
    expect(await layoutProblems(page, tid('create-vm-wizard'), WIRING)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/create-vm-8-review-blocked.png` });
    await problem.getByRole('button', { name: 'Go to Networking' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'nic-1-binding');
    const box = await page.locator('#nic-1-binding').boundingBox();
    // In view, where the user can change it.
    expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
    await page.screenshot({ path: `${SHOTS}/create-vm-9-went-to-field.png` });
    w.assertNoProblems();
  });
});
