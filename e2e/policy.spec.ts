/**
 * Policies in the preview host (Chromium, production build): the seed 004 VMs' localnet interface
 * (demo scenario 06, llm-demo) answers "Check traffic" as the seed's pings did, and a
 * MultiNetworkPolicy made with the wizard lands in the fixture API server.
 */
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  PF_WIZARD_LATE_UPDATE,
  type TestBrowser,
} from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';
import {
  TAB_CONTENT,
  TARGET_CONTENT_WIDTH,
  CONTENT_WIDTH_TOLERANCE,
  contentWidth,
  tabContentWidthViewport,
} from './tab-layout';

const NS = 'llm-demo';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-mnpwiz';
const GOLD = 'centos-stream9-gold-rabbit-80';
const GREEN = 'centos-stream9-green-ferret-41';

let browser: TestBrowser;
let preview: Preview;

beforeAll(async () => {
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
});

/** The project's least form-field width (at 1440x900 and in kubevirt-plugin's ~800 px tab). */
const MIN_FIELD_WIDTH = 400;

/**
 * The width of every control of the section's Check traffic form, and whether any of them reaches
 * past the tab's content box or the form scrolls sideways.
 */
const checkFormGeometry = (section: ReturnType<Page['locator']>) =>
  section.locator('[data-test="policy-check-traffic"]').evaluate((form, contentSelector) => {
    const content = document.querySelector(contentSelector)!.getBoundingClientRect();
    const fields = [...form.querySelectorAll('select, input')].map((el) => {
      const box = el.getBoundingClientRect();
      return {
        field: el.getAttribute('data-test'),
        width: box.width,
        left: box.left,
        right: box.right,
      };
    });
    return {
      fields,
      outside: fields.filter((f) => f.left < content.left - 1 || f.right > content.right + 1),
      scrollsSideways:
        form.scrollWidth > form.clientWidth + 1 ||
        document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    };
  }, TAB_CONTENT);

const expectWideCheckForm = async (section: ReturnType<Page['locator']>) => {
  const g = await checkFormGeometry(section);
  expect(g.fields.map((f) => f.field)).toEqual([
    'policy-check-direction',
    'policy-check-peer',
    'policy-check-ip',
    'policy-check-protocol',
    'policy-check-port',
  ]);
  expect(g.fields.filter((f) => f.width < MIN_FIELD_WIDTH)).toEqual([]);
  expect(g.outside).toEqual([]);
  expect(g.scrollsSideways).toBe(false);
};

const openInterface = async (page: Page, vm: string, nic: string, kubevirtLayout = false) => {
  if (kubevirtLayout) await tabContentWidthViewport(page, vmTabURL(preview, NS, vm));
  else await page.goto(vmTabURL(preview, NS, vm));
  const row = page.locator(`[data-test="interface-row-${nic}"]`);
  await row.getByRole('button').first().click();
  await page.waitForSelector(
    `[data-test="interface-policies-${nic}"] [data-test="policy-selecting"]`,
  );
  return page.locator(`[data-test="interface-policies-${nic}"]`);
};

/** Fills Check traffic by label; `peer` is an IP or the start of a peer option's text. */
const verdict = async (
  section: ReturnType<Page['locator']>,
  q: {
    direction: 'egress' | 'ingress';
    ip?: string;
    peer?: string;
    protocol?: string;
    port?: string;
  },
) => {
  await section.getByLabel('Direction', { exact: true }).selectOption(q.direction);
  const peer = section.getByLabel('Peer', { exact: true });
  if (q.peer) {
    const options = await peer.locator('option').allInnerTexts();
    const label = options.find((o) => o.startsWith(q.peer!));
    if (!label) throw new Error(`no peer option starting with ${q.peer}: ${options.join(' | ')}`);
    await peer.selectOption({ label });
  } else {
    await peer.selectOption({ index: 0 });
    await section.getByLabel('Peer IP address', { exact: true }).fill(q.ip!);
  }
  await section.getByLabel('Protocol', { exact: true }).selectOption(q.protocol ?? '');
  if (q.protocol) await section.getByLabel('Port', { exact: true }).fill(q.port ?? '');
  return (await section.locator('[data-test="policy-verdict"]').innerText()).trim();
};

describe('Check traffic on the seed 004 VMs', () => {
  it('gold-rabbit: the seed pings of phase 3', async () => {
    const w = await openPage(browser);
    // In the kubevirt-plugin 4.22 layout (tab content ~800 px): every field of the form is wide.
    const section = await openInterface(w.page, GOLD, 'nic-yellow-duck-37', true);
    expect(Math.abs((await contentWidth(w.page)) - TARGET_CONTENT_WIDTH)).toBeLessThanOrEqual(
      CONTENT_WIDTH_TOLERANCE,
    );
    await expectWideCheckForm(section);
    await expect(section.locator('[data-test="policy-kind"]').innerText()).resolves.toContain(
      'MultiNetworkPolicy',
    );
    // L803-807: can ping the gateway.
    expect(await verdict(section, { direction: 'egress', ip: '192.168.77.1' })).toMatch(
      /^Allowed by MultiNetworkPolicy llm-demo\/allow-ipblock-cnv-01/,
    );
    // L810-813: ... and the test pod (tinypod-01, .92), allowed in by allow-ipblock-cnv-03.
    const pod = await verdict(section, { direction: 'egress', ip: '192.168.77.92' });
    expect(pod).toMatch(/^Allowed by/);
    expect(pod).toContain('allow-ipblock-cnv-03');
    // L816-819: ... and outside.
    expect(await verdict(section, { direction: 'egress', ip: '8.8.8.8' })).toMatch(/^Allowed/);
    // L822-826: not the outside test VM .10; L796-801: nor can it ping in.
    expect(await verdict(section, { direction: 'egress', ip: '192.168.77.10' })).toMatch(/^Denied/);
    expect(await verdict(section, { direction: 'ingress', ip: '192.168.77.10' })).toMatch(
      /^Denied/,
    );
    // L828-832: not tinypod-02 (.93), picked from the list.
    expect(await verdict(section, { direction: 'egress', peer: 'tinypod-02 (Pod)' })).toMatch(
      /^Denied/,
    );
    // A TCP port question: egress to the gateway allows every port.
    expect(
      await verdict(section, {
        direction: 'egress',
        ip: '192.168.77.1',
        protocol: 'TCP',
        port: '22',
      }),
    ).toMatch(/^Allowed/);
    w.assertNoProblems();
    await w.page.close();
  });

  it('green-ferret: the gateway but not gold-rabbit (L842-852)', async () => {
    const w = await openPage(browser);
    const section = await openInterface(w.page, GREEN, 'nic-localnet');
    expect(await verdict(section, { direction: 'egress', ip: '192.168.77.1' })).toMatch(
      /^Allowed by .*allow-ipblock-cnv-02/,
    );
    expect(await verdict(section, { direction: 'egress', peer: GOLD })).toMatch(/^Denied/);
    w.assertNoProblems();
    await w.page.close();
  });
});

describe('the MultiNetworkPolicy wizard', () => {
  it('creates a policy (after a dry run) that the fixture API server then holds', async () => {
    const w = await openPage(browser);
    // The success page replaces the wizard: PatternFly's WizardBody may warn late (React 17).
    w.allow(PF_WIZARD_LATE_UPDATE);
    const { page } = w;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(
      `${preview.url}/vm-networking/ns/${NS}/new/mnp?network=llm-demo-localnet-network`,
    );
    await page.getByLabel('Name', { exact: true }).fill('e2e-ferret-gateway');
    await page.getByLabel(GREEN, { exact: true }).check();
    await page.screenshot({ path: `${SHOTS}/mnp-1-networks-vms.png` });
    await page.getByRole('button', { name: 'Starting points', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/mnp-2-starting-points.png` });
    await page.getByLabel('Starting point', { exact: true }).selectOption('deny-all');
    await page.getByRole('button', { name: 'Apply starting point' }).click();
    await page.getByLabel('Starting point', { exact: true }).selectOption('allow-gateway');
    await page.getByLabel('Gateway addresses', { exact: true }).fill('192.168.77.1');
    await page.getByRole('button', { name: 'Apply starting point' }).click();
    await page.getByRole('button', { name: 'Egress', exact: true }).click();
    await page.getByRole('button', { name: 'Add egress rule' }).click();
    await page.getByRole('button', { name: 'Add peer to Egress rule 2' }).click();
    await page.getByLabel('Egress rule 2, peer 1: CIDR', { exact: true }).fill('10.10.0.0/16');
    await page.screenshot({ path: `${SHOTS}/mnp-3-egress.png` });
    await page.getByRole('button', { name: 'Connectivity preview', exact: true }).click();
    await page.waitForSelector('[data-test="mnp-matrix-after"]');
    await page.screenshot({ path: `${SHOTS}/mnp-4-preview.png`, fullPage: true });
    await page.getByRole('button', { name: 'What it does', exact: true }).click();
    const effect = page.locator('[data-test="mnp-effect"] li');
    await effect.first().waitFor();
    expect(await effect.allTextContents()).toEqual([
      `${GREEN} on ${NS}/llm-demo-localnet-network: ingress only from 192.168.77.1 on any port`,
      `${GREEN} on ${NS}/llm-demo-localnet-network: egress only to 192.168.77.1 on any port, or to 10.10.0.0/16 on any port`,
    ]);
    await page.screenshot({ path: `${SHOTS}/mnp-5-effect.png` });
    await page.getByRole('button', { name: 'Review and create', exact: true }).click();
    await page.waitForSelector('[data-test="dry-run-status"]:has-text("The API server accepts")');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForSelector('[data-test="create-done"]');
    const stored = preview.fixtureApi!.store.get(
      'k8s.cni.cncf.io/multi-networkpolicies',
      NS,
      'e2e-ferret-gateway',
    ) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(stored?.metadata?.annotations?.['k8s.v1.cni.cncf.io/policy-for']).toBe(
      'llm-demo-localnet-network',
    );
    expect(stored.spec.podSelector).toEqual({ matchLabels: { 'vm.kubevirt.io/name': GREEN } });
    // Egress peers kept.
    expect(stored.spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '192.168.77.1/32' } }] },
      { to: [{ ipBlock: { cidr: '10.10.0.0/16' } }] },
    ]);
    w.assertNoProblems();
    await w.page.close();
  });
});

describe('admin network policies (demo scenario 07, namespace demo-anp)', () => {
  it('Check traffic names the deciding tier, policy, rule and priority', async () => {
    const w = await openPage(browser);
    await w.page.setViewportSize({ width: 1440, height: 900 });
    await w.page.goto(vmTabURL(preview, 'demo-anp', 'vm-tenant'));
    const row = w.page.locator('[data-test="interface-row-default"]');
    await row.getByRole('button').first().click();
    const section = w.page.locator('[data-test="interface-policies-default"]');
    await section.locator('[data-test="policy-admin"]').waitFor();
    // At 1440x900 too, every field of the form is wide.
    await expectWideCheckForm(section);
    await expect(section.locator('[data-test="policy-admin"]').innerText()).resolves.toContain(
      'tenant-isolation',
    );

    const scanner = await verdict(section, {
      direction: 'ingress',
      peer: 'scanner',
      protocol: 'TCP',
      port: '22',
    });
    expect(scanner).toBe(
      'Denied by AdminNetworkPolicy tenant-isolation, rule deny-untrusted, priority 10.',
    );
    await expect(
      section.locator('[data-test="policy-verdict-deciding"]').innerText(),
    ).resolves.toContain('Deciding tier: AdminNetworkPolicy');
    // Both sides: the VM's ingress and the peer's egress.
    await expect(section.locator('[data-test="policy-verdict-peer"]').innerText()).resolves.toMatch(
      /demo-anp\/scanner\[Pod\] interface eth0, egress: allowed, no policy decides/,
    );

    const client = await verdict(section, {
      direction: 'ingress',
      peer: 'web-client',
      protocol: 'TCP',
      port: '22',
    });
    expect(client).toBe(
      'Denied by BaselineAdminNetworkPolicy default, rule baseline-deny-ingress.',
    );
    await expect(
      section.locator('[data-test="policy-verdict-sides"]').innerText(),
    ).resolves.toContain(
      'passed on to NetworkPolicy by AdminNetworkPolicy tenant-isolation, rule pass-same-tenant, priority 10',
    );

    const metadata = await verdict(section, {
      direction: 'egress',
      ip: '169.254.169.254',
      protocol: 'TCP',
      port: '80',
    });
    expect(metadata).toBe(
      'Denied by BaselineAdminNetworkPolicy default, rule deny-metadata-service.',
    );
    w.assertNoProblems();
    await w.page.close();
  });
});
