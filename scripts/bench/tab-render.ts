/**
 * In the preview host, in headless Chromium: from navigation to the Networking tab of a VM with 32
 * interfaces (in a namespace with 500 NADs and 50 UDNs) fully rendered — every interface row, every
 * lane of the wiring diagram, and every watched object loaded (`data-loaded="true"`). Measured two
 * ways: a full page load of the tab URL (host page, plugin, discovery included), and the in-app
 * switch from the VM's Details tab, which is what a console user does. Also the plugin bytes fetched.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildHost } from '../../preview/build-host';
import { startPreview } from '../../preview/preview';
import { writeLargeScenario } from '../../preview/fixtures/generate-large';
import { launchBrowser } from '../../e2e/support/browser';
import type { Measurement } from '../bench';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = 7;
const INTERFACES = 32;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const fullyRendered = (n: number) =>
  document.querySelectorAll('[data-test^="interface-row-"]').length === n &&
  document.querySelectorAll('[data-test^="wiring-lane-"]').length === n &&
  document.querySelector('[data-test="vm-networking-tab"]')?.getAttribute('data-loaded') === 'true';

export async function run(): Promise<Measurement[]> {
  if (!fs.existsSync(path.join(ROOT, 'dist/plugin-manifest.json'))) {
    throw new Error('tab-render needs a production build: run `npm run build` first');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-large-'));
  writeLargeScenario(dir, { interfaces: INTERFACES, nads: 500, udns: 50 });
  await buildHost();
  const preview = await startPreview({
    port: 0,
    hostBuildDir: path.join(ROOT, 'preview/.build'),
    fixtures: [dir],
  });
  const browser = await launchBrowser();
  try {
    const url = `${preview.url}/k8s/ns/bench-large/kubevirt.io~v1~VirtualMachine/vm-large/vm-networking`;
    const times: number[] = [];
    let pluginBytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const page = await browser.context.newPage();
      let bytes = 0;
      page.on('response', async (res) => {
        if (!res.url().includes('/api/plugins/')) return;
        const length = Number(res.headers()['content-length'] ?? 0);
        bytes += length || (await res.body().catch(() => Buffer.alloc(0))).length;
      });
      const started = Date.now();
      await page.goto(url);
      await page.waitForFunction(fullyRendered, INTERFACES, { timeout: 30000 });
      times.push(Date.now() - started);
      if (i === 0) pluginBytes = bytes;
      await page.close();
    }
    const switches: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const page = await browser.context.newPage();
      await page.goto(url.replace(/\/vm-networking$/, ''));
      const tab = page.getByRole('tab', { name: 'Networking', exact: true });
      await tab.waitFor({ timeout: 30000 });
      const started = Date.now();
      await tab.click();
      await page.waitForFunction(fullyRendered, INTERFACES, { timeout: 30000 });
      switches.push(Date.now() - started);
      await page.close();
    }
    return [
      {
        name: `Details tab → Networking tab, ${INTERFACES} interfaces rendered and loaded (median of ${RUNS})`,
        value: median(switches),
        unit: 'ms',
        budget: 300,
      },
      {
        name: `page load of the tab URL → rendered and loaded (median of ${RUNS - 1}, warm)`,
        value: median(times.slice(1)),
        unit: 'ms',
      },
      { name: 'first (cold) page load → rendered and loaded', value: times[0], unit: 'ms' },
      {
        name: 'plugin bytes fetched on first navigation (as served)',
        value: pluginBytes / 1024,
        unit: 'KB',
      },
    ];
  } finally {
    await browser.close();
    await preview.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
