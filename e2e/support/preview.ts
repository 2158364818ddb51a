/**
 * Starts the preview host in-process for a test file: the plugin's production build from dist/, the host
 * bundle built once per run (by global-setup), the fixture API seeded from a directory, a free port.
 *
 * `PREVIEW_CONSOLE=4.22` runs the specs against the console 4.22 host (React 18, react-router 7,
 * __load_plugin_entry__); the default is 4.21 (`npm test` runs the tab, wizard and action specs in both).
 */
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { ConsoleMode } from '../../preview/build-host';
import { startPreview, type Preview, type PreviewOptions } from '../../preview/preview';

export const ROOT = path.resolve(__dirname, '../..');
export const hostBuildDir = (): string =>
  process.env.PREVIEW_HOST_BUILD_DIR ?? path.join(ROOT, 'preview', '.build');
export const DEMO_FIXTURES = path.join(ROOT, 'preview', 'fixtures', 'demo');

/** The console the specs run against (`PREVIEW_CONSOLE`, default 4.21). */
export const consoleMode = (): ConsoleMode => {
  const v = process.env.PREVIEW_CONSOLE ?? '4.21';
  if (v !== '4.21' && v !== '4.22')
    throw new Error(`PREVIEW_CONSOLE must be 4.21 or 4.22, got ${v}`);
  return v;
};

export const startTestPreview = (opts: PreviewOptions = {}): Promise<Preview> =>
  startPreview({
    port: 0,
    hostBuildDir: hostBuildDir(),
    fixtures: [DEMO_FIXTURES],
    console: consoleMode(),
    ...opts,
  });

export const vmTabURL = (preview: Preview, ns: string, vm: string, tab = 'vm-networking'): string =>
  `${preview.url}/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/${vm}/${tab}`;

/** The window kubevirt-plugin 4.22's VM page was measured in: the tab gets about 800 px of it. */
export const KUBEVIRT_WINDOW = { width: 1600, height: 900 };

/**
 * Opens a VM's tab in a 1,600 px wide window with the project tree open, as kubevirt-plugin 4.22 shows it,
 * and resolves with the tab content's box once the tab has rendered.
 */
export const openVmTabAtKubevirtWidth = async (
  page: Page,
  preview: Preview,
  ns: string,
  vm: string,
  tab = 'vm-networking',
): Promise<{ x: number; width: number; height: number }> => {
  await page.setViewportSize(KUBEVIRT_WINDOW);
  await page.goto(vmTabURL(preview, ns, vm, tab));
  await page.waitForSelector('[data-test="vm-tree"] [role="tree"]');
  const content = await page.waitForSelector('[data-test="horizontal-tab-content"] > *');
  await content.waitForElementState('visible');
  const box = await (await page.$('[data-test="horizontal-tab-content"]'))!.boundingBox();
  return { x: box!.x, width: box!.width, height: box!.height };
};
