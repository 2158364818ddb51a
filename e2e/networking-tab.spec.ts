/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Each demo VM's Networking tab in Chromium, loaded through the console plugin protocol from the production
 * build; expectations are the per-interface tables of preview/fixtures/demo/README.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

interface Row {
  name: string;
  binding: string;
  model: string;
  mac: string;
  /** Text the network cell must contain. */
  network: string[];
}

const POD = ['Pod network'];
const DEMO: Array<{ ns: string; vm: string; rows: Row[] }> = [
  {
    ns: 'demo-vm-pod',
    vm: 'vm-pod',
    rows: [
      {
        name: 'default',
        binding: 'masquerade',
        model: 'virtio',
        mac: '02:86:5e:00:00:10',
        network: POD,
      },
    ],
  },
  {
    // The AdminNetworkPolicy scenario (07-admin-network-policies.yaml): a masquerade VM.
    ns: 'demo-anp',
    vm: 'vm-tenant',
    rows: [
      {
        name: 'default',
        binding: 'masquerade',
        model: 'virtio',
        mac: '02:86:5e:00:00:11',
        network: POD,
      },
    ],
  },
  {
    ns: 'demo-vm-primary-udn',
    vm: 'vm-primary-udn',
    rows: [
      {
        name: 'default',
        binding: 'l2bridge',
        model: 'virtio',
        mac: '0a:58:0a:01:01:03',
        network: ['Primary UDN primary-udn · Layer2 · 10.1.1.0/24'],
      },
    ],
  },
  {
    ns: 'demo-vm-secondary-udn',
    vm: 'vm-secondary-udn',
    rows: [
      {
        name: 'default',
        binding: 'l2bridge',
        model: 'virtio',
        mac: '0a:58:0a:01:01:03',
        network: ['Primary UDN primary-udn · Layer2 · 10.1.1.0/24'],
      },
      {
        name: 'secondary-udn',
        binding: 'bridge',
        model: 'virtio',
        mac: '02:00:0a:02:02:03',
        network: ['UDN secondary-udn · Layer2 · 10.2.2.0/24'],
      },
    ],
  },
  {
    ns: 'demo-vm-localnet',
    vm: 'vm-localnet',
    rows: [
      {
        name: 'default',
        binding: 'masquerade',
        model: 'virtio',
        mac: '02:86:5e:00:00:15',
        network: POD,
      },
      {
        name: 'nic-vlan-1924',
        binding: 'bridge',
        model: 'virtio',
        mac: '02:86:5e:00:00:16',
        network: ['OVN localnet · VLAN 1924 · br-vmdata', 'demo-vlan-1924'],
      },
    ],
  },
  {
    ns: 'demo-vm-bridge',
    vm: 'fedora-1',
    rows: [
      {
        name: 'default',
        binding: 'masquerade',
        model: 'virtio',
        mac: '02:b3:f0:00:00:3b',
        network: POD,
      },
      {
        name: 'nic-add1',
        binding: 'bridge',
        model: 'virtio',
        mac: '02:b3:f0:00:00:3c',
        network: ['Linux bridge br-trunk · VLAN 33', 'virt-bridge'],
      },
    ],
  },
  {
    ns: 'llm-demo',
    vm: 'centos-stream9-gold-rabbit-80',
    rows: [
      {
        name: 'nic-yellow-duck-37',
        binding: 'bridge',
        model: 'virtio',
        mac: '02:00:a3:00:00:01',
        network: ['OVN localnet', 'llm-demo-localnet-network'],
      },
    ],
  },
  {
    ns: 'llm-demo',
    vm: 'centos-stream9-green-ferret-41',
    rows: [
      {
        name: 'nic-localnet',
        binding: 'bridge',
        model: 'virtio',
        mac: '02:00:a3:00:00:02',
        network: ['OVN localnet', 'llm-demo-localnet-network'],
      },
    ],
  },
];

const CELLS = ['name', 'binding', 'model', 'mac', 'network'] as const;

const readRows = (page: import('playwright-core').Page) =>
  page.$$eval(
    '[data-test="vm-networking-interfaces"] [data-test^="interface-row-"]',
    (trs, cells) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-test'),
        ...Object.fromEntries(
          cells.map((c) => [
            c,
            (
              tr.querySelector(`[data-test="interface-${c}"]`) as HTMLElement | null
            )?.innerText.trim() ?? null,
          ]),
        ),
      })) as Array<Record<string, string | null>>,
    CELLS as unknown as string[],
  );

let browser: TestBrowser;
let preview: Preview;
const timings: string[] = [];

beforeAll(async () => {
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
  if (timings.length) console.log(`navigation → Networking tab rendered:\n${timings.join('\n')}`);
});

describe('the Networking tab of each demo VM', () => {
  it('covers every VirtualMachine of the demo fixtures', () => {
    const vms = preview
      .fixtureApi!.store.list('kubevirt.io/virtualmachines')
      .map((v) => `${v.metadata.namespace}/${v.metadata.name}`);
    expect(vms.sort()).toEqual(DEMO.map((d) => `${d.ns}/${d.vm}`).sort());
  });

  it.each(DEMO)('$ns/$vm shows one row per interface', async ({ ns, vm, rows }) => {
    const w = await openPage(browser);
    const started = Date.now();
    await w.page.goto(vmTabURL(preview, ns, vm));
    await w.page.waitForSelector(
      '[data-test="vm-networking-interfaces"] [data-test^="interface-row-"]',
    );
    timings.push(`  ${ns}/${vm}: ${Date.now() - started} ms`);
    const shown = await readRows(w.page);
    expect(shown.map((r) => r.id)).toEqual(rows.map((r) => `interface-row-${r.name}`));
    rows.forEach((expected, i) => {
      expect(shown[i]).toMatchObject({
        name: expected.name,
        binding: expected.binding,
        model: expected.model,
        mac: expected.mac,
      });
      expected.network.forEach((text) => expect(shown[i].network).toContain(text));
      // A primary UDN is never titled "Pod network", and a UDN never links a NAD.
      if (/UDN/.test(expected.network[0])) expect(shown[i].network).not.toMatch(/Pod network|NAD/);
    });
    // The Networking tab is the active one, under the page the console would render.
    expect(await w.page.innerText('[data-test="resource-title"]')).toContain(vm);
    w.assertNoProblems();
    await w.page.close();
  });
});

describe("a row's actions menu", () => {
  it('opens beside its toggle and closes on Escape, focus back on the toggle', async () => {
    const w = await openPage(browser);
    await w.page.goto(vmTabURL(preview, 'demo-vm-localnet', 'vm-localnet'));
    const toggle = w.page.locator(
      '[data-test="interface-row-nic-vlan-1924"] [data-test="interface-actions"]',
    );
    await toggle.click();
    const item = w.page.locator('[data-test="interface-show-yaml"]');
    await item.waitFor();
    // Positioned once its entry transition is over (a menu mounted open was left at 0,0).
    await w.page.waitForTimeout(400);
    const at = (await toggle.boundingBox())!;
    const menu = (await item.boundingBox())!;
    expect(Math.abs(menu.y - (at.y + at.height))).toBeLessThan(80);
    expect(Math.abs(menu.x + menu.width - (at.x + at.width))).toBeLessThan(120);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await w.page.keyboard.press('Escape');
    await item.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    w.assertNoProblems();
    await w.page.close();
  });
});

describe('the plugin build the host loads', () => {
  it('is the production build: hashed, minified entry script fetched through the console protocol', async () => {
    const w = await openPage(browser);
    await w.page.goto(vmTabURL(preview, 'demo-vm-pod', 'vm-pod'));
    await w.page.waitForSelector('[data-test="vm-networking-interfaces"]');
    const entry = w.requests.find((u) =>
      new URL(u).pathname.startsWith(`/api/plugins/${preview.pluginName}/plugin-entry`),
    );
    expect(entry).toBeDefined();
    expect(new URL(entry!).pathname).toMatch(
      new RegExp(`^/api/plugins/${preview.pluginName}/plugin-entry\\.[0-9a-f]{16,}\\.min\\.js$`),
    );
    expect(preview.manifest!.loadScripts).toEqual([path.basename(new URL(entry!).pathname)]);
    expect(
      w.requests.some((u) => u.endsWith(`/api/plugins/${preview.pluginName}/plugin-manifest.json`)),
    ).toBe(true);
    // Minified: the entry script is a handful of very long lines.
    const entryText = fs.readFileSync(
      path.join(__dirname, '..', 'dist', path.basename(new URL(entry!).pathname)),
      'utf8',
    );
    expect(entryText.split('\n').length).toBeLessThan(10);
    const loaded = await w.page.evaluate(() =>
      (window as any).__preview.pluginsLoaded.then((r: any) =>
        r.plugins.map((p: any) => [p.name, p.status]),
      ),
    );
    expect(loaded).toEqual([[preview.pluginName, 'Loaded']]);
    w.assertNoProblems();
    await w.page.close();
  });

  it("takes the VM's instance from the page's own watch: no request for it when the tab opens", async () => {
    // kubevirt-plugin's page title watches the VMI by name on every tab; the tab's watch has the
    // same query, so the console's store already holds it (the preview host's title does the same).
    const w = await openPage(browser);
    await w.page.goto(vmTabURL(preview, 'demo-vm-localnet', 'vm-localnet', ''));
    await w.page.waitForSelector('[data-test="resource-title"]');
    // The VM's own instance, by name (the policy section lists the namespace's VMIs later, itself).
    const vmi = (u: string) => {
      const url = new URL(u);
      return (
        url.pathname.endsWith('/virtualmachineinstances/vm-localnet') ||
        (url.pathname.endsWith('/virtualmachineinstances') &&
          url.searchParams.get('fieldSelector') === 'metadata.name=vm-localnet')
      );
    };
    for (let i = 0; i < 100 && !w.requests.some(vmi); i++) await w.page.waitForTimeout(50);
    const before = w.requests.length;
    await w.page.getByRole('tab', { name: 'Networking', exact: true }).click();
    await w.page.waitForSelector('[data-test="vm-networking-tab"][data-loaded="true"]');
    expect(w.requests.slice(0, before).filter(vmi).length).toBe(1);
    expect(w.requests.slice(before).filter(vmi)).toEqual([]);
    // The instance's facts are there: the NIC's address comes from the VMI status.
    expect(await w.page.locator('[data-test="interface-row-nic-vlan-1924"]').innerText()).toContain(
      '192.168.4.71',
    );
    w.assertNoProblems();
    await w.page.close();
  });

  it("loads the tab's scripts, each marked for V8's eager compilation, and the actions' when the menu opens", async () => {
    const w = await openPage(browser);
    await w.page.goto(vmTabURL(preview, 'demo-vm-localnet', 'vm-localnet'));
    await w.page.waitForSelector('[data-test^="interface-row-"]');
    const requested = new Set(
      w.requests
        .map((u) => new URL(u).pathname)
        .filter((p) => p.startsWith(`/api/plugins/${preview.pluginName}/`))
        .map((p) => path.basename(p)),
    );
    const dist = path.join(__dirname, '..', 'dist');
    const graph = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '.cache/chunk-graph.json'), 'utf8'),
    ) as {
      chunks: { id: unknown; files: string[] }[];
      namedChunkGroups: Record<string, { chunks: unknown[] }>;
    };
    const tabChunkIds = new Set(graph.namedChunkGroups['exposed-NetworkingTab'].chunks.map(String));
    const tabFiles = graph.chunks
      .filter((c) => tabChunkIds.has(String(c.id)))
      .flatMap((c) => c.files.filter((f) => f.endsWith('.js')));
    expect(tabFiles.length).toBeGreaterThan(3);
    // The page fetched them; not the wizards' modules (a route's module loads with its route), nor
    // the actions' (the actions menu runs its providers when it opens, as kubevirt-plugin's
    // LazyActionMenu does).
    expect(tabFiles.filter((f) => !requested.has(f))).toEqual([]);
    const loadedModule = (name: string) =>
      fs.readdirSync(dist).some((f) => f.startsWith(`exposed-${name}-chunk`) && requested.has(f));
    expect(loadedModule('UDNWizard')).toBe(false);
    expect(loadedModule('VMNetworkingActions')).toBe(false);
    const hinted = (file: string) =>
      fs.readFileSync(path.join(dist, file), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n');
    expect(tabFiles.filter((f) => !hinted(f))).toEqual([]);
    // Nothing else is: the entry (every console page) and the other modules compile lazily.
    const others = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && !tabFiles.includes(f));
    expect(others.length).toBeGreaterThan(10);
    expect(others.filter(hinted)).toEqual([]);
    // Opening the actions menu loads the actions' module.
    await w.page.click('[data-test="actions-menu-button"]');
    await w.page.waitForSelector('[data-test-action="vm-networking-attach-network"]');
    expect(
      w.requests.some((u) =>
        path.basename(new URL(u).pathname).startsWith('exposed-VMNetworkingActions-chunk'),
      ),
    ).toBe(true);
    w.assertNoProblems();
    await w.page.close();
  });
});

describe('another fixtures directory', () => {
  let other: Preview;
  let dir: string;
  const source = '/work/shared/examples/field/kv-localnet-vlan.nads-vms.yaml';
  const sourceFile = fs.existsSync(source)
    ? source
    : path.join(__dirname, '../../shared/examples/field/kv-localnet-vlan.nads-vms.yaml');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-fixtures-'));
    fs.copyFileSync(sourceFile, path.join(dir, 'vms.yaml'));
    other = await startTestPreview({ fixtures: [dir] });
  });
  afterAll(async () => {
    await other?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the rows of its VMs (a real manifest from shared/examples)', async () => {
    const vms = parseAllDocuments(fs.readFileSync(sourceFile, 'utf8'))
      .map((d) => d.toJS())
      .filter((o) => o?.kind === 'VirtualMachine');
    expect(vms.length).toBeGreaterThan(0);
    for (const vm of vms) {
      const ns = vm.metadata.namespace ?? 'default';
      const w = await openPage(browser);
      await w.page.goto(vmTabURL(other, ns, vm.metadata.name));
      await w.page.waitForSelector(
        '[data-test="vm-networking-interfaces"] [data-test^="interface-row-"]',
      );
      const shown = await readRows(w.page);
      const spec = vm.spec.template.spec;
      expect(shown.map((r) => r.name)).toEqual(
        spec.domain.devices.interfaces.map((i: { name: string }) => i.name),
      );
      for (const [i, iface] of (
        spec.domain.devices.interfaces as Array<Record<string, unknown>>
      ).entries()) {
        const binding =
          ['masquerade', 'bridge', 'sriov', 'macvtap'].find((b) => b in iface) ??
          (iface.binding as { name: string }).name;
        expect(shown[i].binding).toBe(binding);
        const network = spec.networks.find((n: { name: string }) => n.name === iface.name);
        if (network.multus) expect(shown[i].network).toContain(network.multus.networkName);
        if (iface.macAddress) expect(shown[i].mac).toBe(iface.macAddress);
      }
      // These VMs have no instance: the tab's VMI lookup gets the 404 a cluster would answer.
      w.assertNoProblems([
        /HTTP 404: .*\/virtualmachineinstances\//,
        /Failed to load resource: .* 404/,
      ]);
      await w.page.close();
    }
  });
});
