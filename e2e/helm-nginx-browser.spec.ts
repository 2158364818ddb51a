/**
 * @jest-environment node
 *
 * Installed as the Helm chart installs it: the production build behind the chart's own nginx.conf
 * over HTTPS, and the preview console loading the plugin from there (as the console's proxy loads it
 * from the plugin's Service). The Networking tab must work through it.
 */
import { startNginxFromChart, type ChartNginx } from '../test-support/nginx';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

let nginx: ChartNginx;
let preview: Preview;
let browser: TestBrowser;

beforeAll(async () => {
  nginx = await startNginxFromChart();
  preview = await startTestPreview({ pluginUrl: nginx.url });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await nginx?.stop();
});

it('shows the Networking tab with the plugin served by the chart nginx over HTTPS', async () => {
  const watched = await openPage(browser);
  const pluginResponses: string[] = [];
  watched.page.on('response', (r) => {
    if (r.url().includes('/api/plugins/')) pluginResponses.push(`${r.status()} ${r.url()}`);
  });
  await watched.page.goto(vmTabURL(preview, 'demo-vm-secondary-udn', 'vm-secondary-udn'));
  const row = watched.page.locator('[data-test="interface-row-secondary-udn"]');
  await row.waitFor({ timeout: 30_000 });
  await expect(row.locator('[data-test="interface-pod-interface"]').innerText()).resolves.toContain(
    'pod2eae7330186',
  );
  expect(pluginResponses.some((r) => /^200 .*plugin-entry\.[0-9a-f]+\.min\.js/.test(r))).toBe(true);
  expect(pluginResponses.every((r) => r.startsWith('200 ') || r.startsWith('304 '))).toBe(true);
  watched.assertNoProblems();
});
