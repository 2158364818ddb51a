/**
 * The VM networks list and details pages in Chromium through the preview host, on the demo
 * fixtures: every network with its kind, topology and VLAN; filters, sort and namespace kept in the
 * URL; each network's facts and connected NICs; delete of a network in use names the VMs first.
 * With SHOTS_DIR set, screenshots at 1440×900 go there.
 */
import * as path from 'path';
import type { Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview } from './support/preview';
import type { Preview } from '../preview/preview';

// The machine is shared: watches and rendering can be slow under load.
jest.setTimeout(120000);

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

const shot = async (page: Page, name: string) => {
  if (!process.env.SHOTS_DIR) return;
  await page.screenshot({ path: path.join(process.env.SHOTS_DIR, `${name}.png`), fullPage: false });
};

const open = async (url: string) => {
  const w = await openPage(browser);
  await w.page.setViewportSize({ width: 1440, height: 900 });
  await w.page.goto(`${preview.url}${url}`);
  return w;
};

const listLoaded = (page: Page) =>
  page.locator('[data-test="vm-networks-list"][data-loaded="true"]').waitFor({ timeout: 60000 });

const rowOf = (page: Page, kind: string, ns: string, name: string) =>
  page.locator('tr', { has: page.locator(`[data-test="network-row-${kind}-${ns}-${name}"]`) });

/** Each visible row as `ns/name` with its kind, topology, VLAN and VM count. */
const visibleRows = async (page: Page) =>
  page.locator('[data-test="virtualized-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (sel: string) => tr.querySelector(sel)?.textContent?.trim() ?? '';
      const id = tr.querySelector('[data-test^="network-row-"]')?.getAttribute('data-test') ?? '';
      return {
        id: id.replace(/^network-row-/, ''),
        kind: cell('[data-test="network-kind"]'),
        topology: cell('[data-test="network-topology"]'),
        vlan: cell('[data-test="network-vlan"]'),
        vms: cell('[data-test="network-vm-count"]'),
      };
    }),
  );

/**
 * The visible rows, as `pick` reads them, once they are `expected`; or as last seen after `ms`. The
 * URL changes in the same event as a filter, sort or namespace choice, but the table re-renders
 * after it (under React 18 a render can come later than the URL): read the rows once they settled.
 */
const rowsOnce = async <T>(
  page: Page,
  pick: (rows: Awaited<ReturnType<typeof visibleRows>>) => T,
  expected: T,
  ms = 10000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  let seen = pick(await visibleRows(page));
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    seen = pick(await visibleRows(page));
  }
  return seen;
};
const ids = (rows: Awaited<ReturnType<typeof visibleRows>>) => rows.map((r) => r.id);
const sortedIds = (rows: Awaited<ReturnType<typeof visibleRows>>) => ids(rows).sort();
const vlans = (rows: Awaited<ReturnType<typeof visibleRows>>) => rows.map((r) => r.vlan);

const DEMO_NETWORKS = [
  {
    id: 'UserDefinedNetwork-demo-vm-primary-udn-primary-udn',
    kind: 'UDN',
    topology: 'Layer2',
    vlan: '—',
    vms: '1',
  },
  {
    id: 'UserDefinedNetwork-demo-vm-secondary-udn-primary-udn',
    kind: 'UDN',
    topology: 'Layer2',
    vlan: '—',
    vms: '1',
  },
  {
    id: 'UserDefinedNetwork-demo-vm-secondary-udn-secondary-udn',
    kind: 'UDN',
    topology: 'Layer2',
    vlan: '—',
    vms: '1',
  },
  {
    id: 'NetworkAttachmentDefinition-demo-vm-localnet-demo-vlan-1924',
    kind: 'NAD (OVN-K)',
    topology: 'Localnet',
    vlan: '1924',
    vms: '1',
  },
  {
    id: 'NetworkAttachmentDefinition-demo-vm-bridge-virt-bridge',
    kind: 'NAD (bridge)',
    topology: '—',
    vlan: '33',
    vms: '1',
  },
  {
    id: 'NetworkAttachmentDefinition-llm-demo-llm-demo-localnet-network',
    kind: 'NAD (OVN-K)',
    topology: 'Localnet',
    vlan: '—',
    vms: '2',
  },
];

describe('VM networks list', () => {
  it('shows every demo network across namespaces, with kind, topology, VLAN and VMs; rendered NADs folded', async () => {
    const w = await open('/vm-networking');
    await listLoaded(w.page);
    const rows = await visibleRows(w.page);
    expect([...rows].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...DEMO_NETWORKS].sort((a, b) => a.id.localeCompare(b.id)),
    );
    await shot(w.page, 'list-all-namespaces');
    // VMs were read namespace by namespace, never as one cluster-wide list; no pods at all.
    const vmLists = w.requests.filter((u) => /\/virtualmachines(\?|$)/.test(u));
    expect(vmLists.length).toBeGreaterThan(0);
    expect(vmLists.every((u) => /\/namespaces\/[^/]+\/virtualmachines/.test(u))).toBe(true);
    expect(w.requests.some((u) => /\/pods(\?|$)/.test(u))).toBe(false);
    w.assertNoProblems();
  });

  it('fits 1440×900: nothing scrolls sideways and every row kebab is inside the content box', async () => {
    const w = await open('/vm-networking');
    await listLoaded(w.page);
    const m = await w.page.evaluate(() => {
      const doc = document.scrollingElement ?? document.documentElement;
      // The list's own content box: the page section holding the table, less its padding.
      const table = document.querySelector('[data-test="vm-networks-list"]')!;
      const section = table.closest('.pf-v6-c-page__main-section') ?? table.parentElement!;
      const r = section.getBoundingClientRect();
      const cs = getComputedStyle(section);
      const right = r.right - parseFloat(cs.paddingRight);
      const kebabs = [...document.querySelectorAll('[data-test^="network-actions-"]')].map(
        (k) => k.getBoundingClientRect().right,
      );
      const scrollers = [...section.querySelectorAll('*')]
        .filter(
          (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible',
        )
        .map((e) => `${e.tagName}.${e.className}`);
      return {
        scrollWidth: doc.scrollWidth,
        clientWidth: doc.clientWidth,
        right,
        kebabs,
        scrollers,
      };
    });
    await shot(w.page, 'list-width-1440');
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    expect(m.kebabs.length).toBe(DEMO_NETWORKS.length);
    expect(Math.max(...m.kebabs)).toBeLessThanOrEqual(m.right);
    expect(m.scrollers).toEqual([]);
    w.assertNoProblems();
  });

  it('filters by topology and name, sorts by VLAN, and keeps all of it in the URL', async () => {
    const w = await open('/vm-networking');
    const { page } = w;
    await listLoaded(page);
    await page.locator('[data-test="filter-dropdown-toggle"]').click();
    await page.locator('[data-test-row-filter="localnet"]').click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() =>
      location.search.includes('rowFilter-network-topology=localnet'),
    );
    const localnet = [
      'NetworkAttachmentDefinition-demo-vm-localnet-demo-vlan-1924',
      'NetworkAttachmentDefinition-llm-demo-llm-demo-localnet-network',
    ];
    expect(await rowsOnce(page, sortedIds, localnet)).toEqual(localnet);
    // Sort by VLAN, descending.
    await page.getByRole('button', { name: 'VLAN', exact: true }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sortBy') === 'VLAN');
    if (new URL(page.url()).searchParams.get('orderBy') !== 'desc') {
      await page.getByRole('button', { name: 'VLAN', exact: true }).click();
      await page.waitForFunction(
        () => new URLSearchParams(location.search).get('orderBy') === 'desc',
      );
    }
    expect(await rowsOnce(page, vlans, ['1924', '—'])).toEqual(['1924', '—']);
    await page.getByLabel('Search by name…').fill('llm');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('name') === 'llm');
    const llm = ['NetworkAttachmentDefinition-llm-demo-llm-demo-localnet-network'];
    expect(await rowsOnce(page, ids, llm)).toEqual(llm);
    // The same URL, opened afresh, shows the same list.
    const url = page.url();
    const again = await open(url.replace(preview.url, ''));
    await listLoaded(again.page);
    expect(await rowsOnce(again.page, ids, llm)).toEqual(llm);
    expect(await again.page.getByLabel('Search by name…').inputValue()).toBe('llm');
    // Sorting by VLAN ascending on the unfiltered list: 33, 1924, then networks without one.
    const sorted = await open('/vm-networking?sortBy=VLAN&orderBy=asc');
    await listLoaded(sorted.page);
    const ascending = ['33', '1924', '—', '—', '—', '—'];
    expect(await rowsOnce(sorted.page, vlans, ascending)).toEqual(ascending);
    w.assertNoProblems();
    again.assertNoProblems();
  });

  it('puts the namespace in the URL and offers to create a UDN where there is no network', async () => {
    const w = await open('/vm-networking');
    const { page } = w;
    await listLoaded(page);
    await page.locator('[data-test="namespace-dropdown"]').click();
    await page.locator('[data-test="namespace-option-demo-vm-bridge"]').click();
    await page.waitForURL(/\/vm-networking\/ns\/demo-vm-bridge$/);
    await listLoaded(page);
    const bridge = ['NetworkAttachmentDefinition-demo-vm-bridge-virt-bridge'];
    expect(await rowsOnce(page, ids, bridge)).toEqual(bridge);
    const empty = await open('/vm-networking/ns/demo-vm-pod');
    await empty.page.locator('[data-test="networks-empty"]').waitFor();
    expect(
      await empty.page
        .getByRole('link', { name: 'Create a UserDefinedNetwork…' })
        .getAttribute('href'),
    ).toBe('/vm-networking/ns/demo-vm-pod/new/udn');
    w.assertNoProblems();
    empty.assertNoProblems();
  });
});

const DETAILS: {
  url: string;
  facts: Record<string, string>;
  nics: { vm: string; nic: string; mac: string; ips: string }[];
}[] = [
  {
    url: '/vm-networking/ns/demo-vm-primary-udn/udn/primary-udn',
    facts: { topology: 'Layer2', role: 'Primary', subnets: '10.1.1.0/24', status: 'Ready' },
    nics: [{ vm: 'vm-primary-udn', nic: 'default', mac: '0a:58:0a:01:01:03', ips: '10.1.1.3' }],
  },
  {
    url: '/vm-networking/ns/demo-vm-secondary-udn/udn/secondary-udn',
    facts: { topology: 'Layer2', role: 'Secondary', subnets: '10.2.2.0/24' },
    nics: [
      { vm: 'vm-secondary-udn', nic: 'secondary-udn', mac: '02:00:0a:02:02:03', ips: '10.2.2.1' },
    ],
  },
  {
    url: '/vm-networking/ns/demo-vm-secondary-udn/udn/primary-udn',
    facts: { topology: 'Layer2', role: 'Primary' },
    nics: [{ vm: 'vm-secondary-udn', nic: 'default', mac: '0a:58:0a:01:01:03', ips: '10.1.1.3' }],
  },
  {
    url: '/vm-networking/ns/demo-vm-localnet/nad/demo-vlan-1924',
    facts: { topology: 'Localnet', vlan: '1924', physical: 'demo-vlan-1924', bridge: 'br-vmdata' },
    nics: [
      { vm: 'vm-localnet', nic: 'nic-vlan-1924', mac: '02:86:5e:00:00:16', ips: '192.168.4.71' },
    ],
  },
  {
    url: '/vm-networking/ns/demo-vm-bridge/nad/virt-bridge',
    facts: { plugin: 'bridge', vlan: '33', bridge: 'br-trunk' },
    nics: [{ vm: 'fedora-1', nic: 'nic-add1', mac: '02:b3:f0:00:00:3c', ips: '172.17.33.250' }],
  },
  {
    url: '/vm-networking/ns/llm-demo/nad/llm-demo-localnet-network',
    facts: { topology: 'Localnet', physical: 'localnet-cnv', bridge: 'br-ex' },
    nics: [
      {
        vm: 'centos-stream9-gold-rabbit-80',
        nic: 'nic-yellow-duck-37',
        mac: '02:00:a3:00:00:01',
        ips: '192.168.77.71',
      },
      {
        vm: 'centos-stream9-green-ferret-41',
        nic: 'nic-localnet',
        mac: '02:00:a3:00:00:02',
        ips: '192.168.77.72',
      },
    ],
  },
];

describe('VM network details', () => {
  it.each(DETAILS)(
    '$url shows its facts and its connected VMs with their NICs',
    async ({ url, facts, nics }) => {
      const w = await open(url);
      const { page } = w;
      const loaded = page.locator('[data-test="network-details"][data-loaded="true"]');
      await loaded.waitFor({ timeout: 60000 });
      for (const [fact, value] of Object.entries(facts)) {
        expect(await page.locator(`[data-test="fact-${fact}"]`).textContent()).toContain(value);
      }
      for (const n of nics) {
        const row = page.locator(`[data-test="connected-${n.vm}-${n.nic}"]`);
        await row.waitFor();
        const text = await row.textContent();
        expect(text).toContain(n.mac);
        expect(text).toContain(n.ips);
        const ns = url.split('/')[3];
        expect(await row.locator('[data-test="vm-tab-link"]').getAttribute('href')).toBe(
          `/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/${n.vm}/vm-networking`,
        );
      }
      expect(await page.locator('[data-test="connected-vms"] tbody tr').count()).toBe(nics.length);
      if (url.endsWith('llm-demo-localnet-network')) {
        // All six policies name this NAD; the demo cluster enables MultiNetworkPolicy.
        expect(await page.locator('[data-test^="policy-"]').count()).toBe(6);
        expect(await page.locator('[data-test="policy-deny-by-default"]').textContent()).toContain(
          'Enforced',
        );
        await shot(page, 'details-localnet-mnp');
      }
      if (url.endsWith('demo-vlan-1924')) await shot(page, 'details-localnet-vlan1924');
      w.assertNoProblems();
    },
  );

  it('deleting a network in use names its VMs and NICs first and needs the name typed', async () => {
    const w = await open('/vm-networking');
    const { page } = w;
    await listLoaded(page);
    await rowOf(page, 'NetworkAttachmentDefinition', 'demo-vm-bridge', 'virt-bridge')
      .locator('[data-test="network-actions-virt-bridge"]')
      .click();
    await page.locator('[data-test="network-action-delete"]').click();
    const modal = page.locator('[data-test="delete-network-modal"]');
    await modal.waitFor();
    expect(await modal.locator('[data-test="delete-impact"]').textContent()).toContain(
      'In use: VirtualMachines 1, NICs 1',
    );
    expect(await modal.locator('[data-test="impact-vm-fedora-1"]').textContent()).toContain(
      'demo-vm-bridge/fedora-1: NIC nic-add1',
    );
    const confirm = modal.locator('[data-test="delete-confirm"]');
    expect(await confirm.isDisabled()).toBe(true);
    await modal.getByLabel('Type virt-bridge to confirm').fill('virt-bridg');
    expect(await confirm.isDisabled()).toBe(true);
    await shot(page, 'delete-in-use');
    await modal.getByLabel('Type virt-bridge to confirm').fill('virt-bridge');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await modal.waitFor({ state: 'detached' });
    const r = await fetch(
      `${preview.url}/api/kubernetes/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-bridge/network-attachment-definitions/virt-bridge`,
    );
    expect(r.status).toBe(404);
    await page
      .locator('[data-test="network-row-NetworkAttachmentDefinition-demo-vm-bridge-virt-bridge"]')
      .waitFor({ state: 'detached' });
    w.assertNoProblems();
  });
});

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the object read back from the fixture API */
type Json = any;

describe('VM network details: YAML in the console editor', () => {
  const UDN =
    '/api/kubernetes/apis/k8s.ovn.org/v1/namespaces/demo-vm-secondary-udn/userdefinednetworks/secondary-udn';
  const stored = async () => (await (await fetch(`${preview.url}${UDN}`)).json()) as Json;
  /** The editor's text with `labels[key] = value` set, as a user would type it. */
  const withLabel = (text: string, key: string, value: string) => {
    const obj = parse(text);
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [key]: value };
    return stringify(obj);
  };

  it('saves an edited label to the API, reports a conflict inline and reloads the newer version', async () => {
    const w = await open('/vm-networking/ns/demo-vm-secondary-udn/udn/secondary-udn');
    const { page } = w;
    await page.locator('[data-test="network-details"][data-loaded="true"]').waitFor();
    await page.locator('[data-test="yaml-toggle"]').click();
    const editor = page.locator('[data-test="network-yaml"] textarea');
    await editor.waitFor();
    const opened = await editor.inputValue();
    expect(parse(opened)).toMatchObject({
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'secondary-udn', namespace: 'demo-vm-secondary-udn' },
    });
    await page.locator('[data-test="yaml-section"]').scrollIntoViewIfNeeded();
    await shot(page, 'details-yaml');

    // Someone else changes the network meanwhile: the editor says so and keeps what is shown.
    const other = await fetch(`${preview.url}${UDN}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { 'changed-by': 'someone-else' } } }),
    });
    expect(other.status).toBe(200);
    await page.locator('[data-test="yaml-stale"]').waitFor();
    expect(await editor.inputValue()).toBe(opened);

    // Saving the edit made on the older version: the API's 409 shows inline, the edit stays.
    const edited = withLabel(opened, 'team', 'blue');
    await editor.fill(edited);
    await page.locator('[data-test="save-changes"]').click();
    const error = page.locator('[data-test="yaml-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/conflict|modified/i);
    expect(await editor.inputValue()).toBe(edited);
    expect((await stored()).metadata.labels?.team).toBeUndefined();

    // Reload shows the newer version; the edit made on it saves.
    await page.locator('[data-test="reload-object"]').click();
    await page.locator('[data-test="yaml-stale"]').waitFor({ state: 'detached' });
    const reloaded = await editor.inputValue();
    expect(parse(reloaded).metadata.labels['changed-by']).toBe('someone-else');
    await editor.fill(withLabel(reloaded, 'team', 'blue'));
    await page.locator('[data-test="save-changes"]').click();
    const success = page.locator('[data-test="yaml-success"]');
    await success.waitFor();
    const after = await stored();
    expect(after.metadata.labels).toMatchObject({ team: 'blue', 'changed-by': 'someone-else' });
    expect(await success.textContent()).toContain(
      `secondary-udn has been updated to version ${after.metadata.resourceVersion}`,
    );
    expect(await page.locator('[data-test="yaml-error"]').count()).toBe(0);
    await success.scrollIntoViewIfNeeded();
    await shot(page, 'details-yaml-saved');
    // The watch then delivers the version just saved: that is not "updated by someone else".
    await page.waitForFunction(
      (rv) =>
        (
          document.querySelector('[data-test="network-yaml"] textarea') as HTMLTextAreaElement
        )?.value.includes(`resourceVersion: "${rv}"`),
      after.metadata.resourceVersion,
    );
    await page.waitForTimeout(500);
    expect(await page.locator('[data-test="yaml-stale"]').count()).toBe(0);

    // Hiding the section keeps the editor (and anything typed in it).
    await editor.fill(withLabel(await editor.inputValue(), 'draft', 'yes'));
    const draft = await editor.inputValue();
    await page.locator('[data-test="yaml-toggle"]').click();
    await page.locator('[data-test="yaml-toggle"]').click();
    expect(await editor.inputValue()).toBe(draft);
    // The deliberate conflict: the browser logs the 409 response it got.
    w.assertNoProblems([/HTTP 409/, /status of 409 \(Conflict\)/]);
  });
});

describe('VM network policies list', () => {
  const policyRows = (page: Page) =>
    page.locator('[data-test="virtualized-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cell = (sel: string) =>
          (tr.querySelector(sel) as HTMLElement | null)?.innerText?.replace(/\s+/g, ' ').trim() ??
          '';
        return {
          id: (
            tr.querySelector('[data-test^="policy-row-"]')?.getAttribute('data-test') ?? ''
          ).replace(/^policy-row-/, ''),
          networks: cell('[data-test="policy-networks"]'),
          vms: cell('[data-test="policy-vms"]'),
          isolation: cell('[data-test="policy-isolation"]'),
          enforced: cell('[data-test="policy-enforced"]'),
          reasons: [...tr.querySelectorAll('[data-test="policy-reason"]')].map((e) =>
            (e.textContent ?? '').trim(),
          ),
        };
      }),
    );
  const policiesLoaded = (page: Page) =>
    page.locator('[data-test="vm-policies-list"][data-loaded="true"]').waitFor({ timeout: 60000 });
  const operatorPath = '/api/kubernetes/apis/operator.openshift.io/v1/networks/cluster';
  const setMnp = async (on: boolean) => {
    const r = await fetch(`${preview.url}${operatorPath}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { useMultiNetworkPolicy: on } }),
    });
    expect(r.status).toBe(200);
  };

  it('lists every MultiNetworkPolicy with its network, selected VMs, isolation and enforcement; fits 1440×900', async () => {
    const w = await open('/vm-networking/policies');
    const { page } = w;
    await policiesLoaded(page);
    const rows = await policyRows(page);
    expect(rows.map((r) => r.id).sort()).toEqual(
      [
        'allow-ipblock',
        'allow-ipblock-01',
        'allow-ipblock-cnv-01',
        'allow-ipblock-cnv-02',
        'allow-ipblock-cnv-03',
        'deny-by-default',
      ].map((n) => `llm-demo-${n}`),
    );
    const by = (name: string) => rows.find((r) => r.id === `llm-demo-${name}`)!;
    for (const r of rows) {
      expect(r.networks).toBe('llm-demo/llm-demo-localnet-network');
      expect(r.enforced).toBe('Enforced');
    }
    expect(by('deny-by-default').isolation).toBe('Ingress: all denied Egress: all denied');
    expect(by('allow-ipblock').isolation).toBe(
      'Ingress: isolated; allowing rules: 1 Egress: not isolated',
    );
    expect(by('allow-ipblock-cnv-01').vms).toBe('centos-stream9-gold-rabbit-80');
    expect(by('allow-ipblock').vms).toBe('No VM');
    // The network links to its details page.
    expect(
      await page
        .locator('[data-test="policy-networks"] a', {
          hasText: 'llm-demo/llm-demo-localnet-network',
        })
        .first()
        .getAttribute('href'),
    ).toBe('/vm-networking/ns/llm-demo/nad/llm-demo-localnet-network');
    const m = await page.evaluate(() => {
      const doc = document.scrollingElement ?? document.documentElement;
      const table = document.querySelector('[data-test="vm-policies-list"]')!;
      const section = table.closest('.pf-v6-c-page__main-section') ?? table.parentElement!;
      const r = section.getBoundingClientRect();
      const right = r.right - parseFloat(getComputedStyle(section).paddingRight);
      const cells = [...table.querySelectorAll('td, th')].map(
        (c) => c.getBoundingClientRect().right,
      );
      return {
        scrollWidth: doc.scrollWidth,
        clientWidth: doc.clientWidth,
        right,
        max: Math.max(...cells),
      };
    });
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    expect(m.max).toBeLessThanOrEqual(m.right + 0.5);
    await shot(page, 'policies-all-namespaces');
    // VMs only of the policies' namespaces (and of the networks' ones), namespace by namespace; no pods.
    const vmLists = w.requests.filter((u) => /\/virtualmachines(\?|$)/.test(u));
    expect(vmLists.some((u) => u.includes('/namespaces/llm-demo/virtualmachines'))).toBe(true);
    expect(vmLists.every((u) => /\/namespaces\/[^/]+\/virtualmachines/.test(u))).toBe(true);
    expect(w.requests.some((u) => /\/pods(\?|$)/.test(u))).toBe(false);
    w.assertNoProblems();
  });

  it('says why not: MultiNetworkPolicy disabled in the Network operator; one namespace in the URL', async () => {
    await setMnp(false);
    try {
      const w = await open('/vm-networking/policies/ns/llm-demo');
      const { page } = w;
      await policiesLoaded(page);
      const rows = await policyRows(page);
      expect(rows).toHaveLength(6);
      for (const r of rows) {
        expect(r.enforced).toBe('Not enforced');
        expect(r.reasons).toEqual([
          'MultiNetworkPolicy is disabled in the cluster Network operator (spec.useMultiNetworkPolicy).',
        ]);
      }
      await shot(page, 'policies-llm-demo-mnp-disabled');
      w.assertNoProblems();
      const empty = await open('/vm-networking/policies/ns/demo-vm-bridge');
      await empty.page.locator('[data-test="policies-empty"]').waitFor({ timeout: 60000 });
      empty.assertNoProblems();
    } finally {
      await setMnp(true);
    }
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- VM JSON read back from the fixture API */
describe('Attach to VMs… from a network', () => {
  const VMS = '/api/kubernetes/apis/kubevirt.io/v1/namespaces/demo-vm-localnet/virtualmachines';

  it('attaches the row’s network to a picked VM with one patch, seen in the fixture API', async () => {
    // A second VM in the namespace, on the pod network only (a copy of vm-localnet without its NIC).
    const src = (await (await fetch(`${preview.url}${VMS}/vm-localnet`)).json()) as any;
    const spec = src.spec.template.spec;
    const vm = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'vm-extra', namespace: 'demo-vm-localnet' },
      spec: {
        runStrategy: 'Halted',
        template: {
          metadata: { labels: { app: 'vm-extra' } },
          spec: {
            ...spec,
            domain: {
              ...spec.domain,
              devices: {
                ...spec.domain.devices,
                interfaces: spec.domain.devices.interfaces.filter((i: any) => i.name === 'default'),
              },
            },
            networks: spec.networks.filter((n: any) => n.name === 'default'),
          },
        },
      },
    };
    const created = await fetch(`${preview.url}${VMS}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(vm),
    });
    expect(created.status).toBe(201);

    const w = await open('/vm-networking/ns/demo-vm-localnet');
    const { page } = w;
    await listLoaded(page);
    await rowOf(page, 'NetworkAttachmentDefinition', 'demo-vm-localnet', 'demo-vlan-1924')
      .locator('[data-test="network-actions-demo-vlan-1924"]')
      .click();
    await page.locator('[data-test="network-action-attach"]').click();
    const pick = page.locator('[data-test="attach-to-vms-modal"]');
    await pick.waitFor();
    expect(await pick.getByLabel('Namespace').inputValue()).toBe('demo-vm-localnet');
    await pick.getByLabel('vm-extra').check();
    await shot(page, 'attach-to-vms-pick');
    await pick.locator('[data-test="attach-to-vms-next"]').click();
    const bulk = page.locator('[data-test="bulk-attach-modal"]');
    await bulk.waitFor();
    await bulk.getByLabel('Network').waitFor();
    expect(await bulk.getByLabel('Network').inputValue()).toBe('demo-vm-localnet/demo-vlan-1924');
    await shot(page, 'attach-to-vms-bulk');
    await bulk.locator('[data-test="bulk-attach-apply"]').click();
    await bulk.locator('[data-test="bulk-results"]').waitFor();
    expect(await bulk.locator('[data-test="bulk-results"]').textContent()).toContain(
      'vm-extra: attached',
    );
    const stored = (await (await fetch(`${preview.url}${VMS}/vm-extra`)).json()) as any;
    const nets = stored.spec.template.spec.networks as any[];
    const added = nets.find((n) => n.multus);
    expect(added.multus.networkName).toMatch(/^(demo-vm-localnet\/)?demo-vlan-1924$/);
    expect(stored.spec.template.spec.domain.devices.interfaces.map((i: any) => i.name)).toContain(
      added.name,
    );
    // The other VM of the namespace was not touched.
    const other = (await (await fetch(`${preview.url}${VMS}/vm-localnet`)).json()) as any;
    expect(other.metadata.resourceVersion).toBe(src.metadata.resourceVersion);
    w.assertNoProblems();
  });
});
/* eslint-enable @typescript-eslint/no-explicit-any */
