/**
 * The Networking tab of every demo VM at the width kubevirt-plugin's 4.22 VM page leaves it (tab
 * content ~800 px; see ./tab-layout.ts) and at 1440×900: no table header truncated, no sideways
 * scroll anywhere on the page, the whole wiring diagram inside the tab's content box, every
 * shortened diagram text with its full text on hover.
 *
 * TAB_LAYOUT_SHOTS=<dir> also writes a full-page screenshot per VM and width.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { DEMO_FIXTURES, startTestPreview, vmTabURL } from './support/preview';
import { readManifestFile } from '../test-support/manifests';
import type { Preview } from '../preview/preview';
import {
  CONTENT_WIDTH_TOLERANCE,
  TAB_CONTENT,
  TARGET_CONTENT_WIDTH,
  contentWidth,
  tabContentWidthViewport,
} from './tab-layout';

let browser: TestBrowser;
let preview: Preview;
const shots = process.env.TAB_LAYOUT_SHOTS;

beforeAll(async () => {
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview()]);
  if (shots) fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
});

/** Every VM of the demo fixtures, read from the files (a test per VM, each with its own timeout). */
const DEMO_VMS: { ns: string; vm: string }[] = fs
  .readdirSync(DEMO_FIXTURES)
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) => readManifestFile(path.join(DEMO_FIXTURES, f)))
  .filter((o) => o.kind === 'VirtualMachine')
  .map((o) => ({ ns: o.metadata?.namespace ?? 'default', vm: o.metadata?.name ?? '' }))
  .sort((a, b) => `${a.ns}/${a.vm}`.localeCompare(`${b.ns}/${b.vm}`));

interface LayoutReport {
  truncatedHeaders: string[];
  sidewaysScroll: string[];
  diagram: { inside: boolean; scrolls: boolean; box?: DOMRect; content: DOMRect };
  clippedWithoutTitle: string[];
  tableOverflow: boolean;
}

/** Everything the test asserts, measured in the page. */
const measure = (page: Page): Promise<LayoutReport> =>
  page.evaluate((contentSelector) => {
    const overflows = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    const content = document.querySelector(contentSelector)!;
    const contentBox = content.getBoundingClientRect();
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-test') ? `[data-test=${el.getAttribute('data-test')}]` : ''}.${[...el.classList].join('.')}`;

    // A header is truncated when its cell or any element of its text is wider inside than shown.
    const truncatedHeaders = [
      ...document.querySelectorAll('[data-test="vm-networking-interfaces"] thead th'),
    ]
      .filter((th) => [th, ...th.querySelectorAll('*')].some(overflows))
      .map((th) => (th as HTMLElement).innerText.trim() || describe(th));

    // Sideways scroll: the document, and every scrollable ancestor of the tab content or within it.
    const sidewaysScroll: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
      sidewaysScroll.push('document');
    for (let el: Element | null = content; el; el = el.parentElement) {
      if (overflows(el) && getComputedStyle(el).overflowX !== 'visible')
        sidewaysScroll.push(describe(el));
    }
    for (const el of content.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && overflows(el))
        sidewaysScroll.push(describe(el));
    }

    const wrapper = document.querySelector('[data-test="wiring-diagram"]');
    const svg = wrapper?.querySelector('svg');
    const box = svg?.getBoundingClientRect();
    const inside =
      !!box &&
      box.left >= contentBox.left - 0.5 &&
      box.right <= contentBox.right + 0.5 &&
      box.width > 0;

    const clippedWithoutTitle = [...(svg?.querySelectorAll('text') ?? [])]
      .filter((t) => {
        const shown = [...t.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('');
        if (!shown.endsWith('…')) return false;
        const full = t.querySelector('title')?.textContent ?? '';
        return !(full.length > shown.length - 1 && full.startsWith(shown.slice(0, -1)));
      })
      .map((t) => t.textContent ?? '');

    const table = document.querySelector('[data-test="vm-networking-interfaces"]');
    const tableBox = table?.getBoundingClientRect();
    return {
      truncatedHeaders,
      sidewaysScroll,
      diagram: {
        inside,
        scrolls: !!wrapper && overflows(wrapper),
        box: box ? (box.toJSON() as DOMRect) : undefined,
        content: contentBox.toJSON() as DOMRect,
      },
      clippedWithoutTitle,
      tableOverflow: !!tableBox && tableBox.right > contentBox.right + 0.5,
    };
  }, TAB_CONTENT);

const openTab = async (page: Page, url: string) => {
  await page.goto(url);
  await page.waitForSelector('[data-test="vm-networking-tab"][data-loaded="true"]');
  await page.waitForSelector('[data-test="wiring-diagram"] svg [data-test^="wiring-lane-"]');
  // The diagram lays itself out for the width it is given (one observer callback later).
  await page.waitForTimeout(150);
};

const checkLayout = async (page: Page, name: string) => {
  const report = await measure(page);
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  expect(report.truncatedHeaders).toEqual([]);
  expect(report.sidewaysScroll).toEqual([]);
  expect(report.tableOverflow).toBe(false);
  expect({ inside: report.diagram.inside, scrolls: report.diagram.scrolls }).toEqual({
    inside: true,
    scrolls: false,
  });
  expect(report.clippedWithoutTitle).toEqual([]);
};

describe('the Networking tab at the width kubevirt-plugin 4.22 leaves it (~800 px)', () => {
  it('covers every VM the preview serves', () => {
    const served = preview
      .fixtureApi!.store.list('kubevirt.io/virtualmachines')
      .map((v) => `${v.metadata.namespace}/${v.metadata.name}`)
      .sort();
    expect(DEMO_VMS.map((d) => `${d.ns}/${d.vm}`).sort()).toEqual(served);
    expect(DEMO_VMS.length).toBeGreaterThanOrEqual(7);
  });

  it.each(DEMO_VMS)('$ns/$vm: nothing clipped', async ({ ns, vm }) => {
    const w = await openPage(browser);
    const url = vmTabURL(preview, ns, vm);
    await tabContentWidthViewport(w.page, url);
    await openTab(w.page, url);
    const width = await contentWidth(w.page);
    expect(width).toBeGreaterThanOrEqual(TARGET_CONTENT_WIDTH - CONTENT_WIDTH_TOLERANCE);
    expect(width).toBeLessThanOrEqual(TARGET_CONTENT_WIDTH + CONTENT_WIDTH_TOLERANCE);
    await checkLayout(w.page, `${ns}--${vm}--800`);
    w.assertNoProblems();
    await w.page.close();
  });
});

/** MAC and IP addresses in the table (rows and expanded details) drawn over more than one line. */
const brokenAddresses = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const broken: string[] = [];
    const table = document.querySelector('[data-test="vm-networking-interfaces"]')!;
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (!/^[0-9a-f]*:[0-9a-f:.]*(\/\d+)?$/i.test(text) || text.length < 8) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1)
        broken.push(text);
    }
    return broken;
  });

describe('the Networking tab at 1440×900', () => {
  it.each(DEMO_VMS)('$ns/$vm: nothing clipped, rows expanded too', async ({ ns, vm }) => {
    const w = await openPage(browser);
    await w.page.setViewportSize({ width: 1440, height: 900 });
    await openTab(w.page, vmTabURL(preview, ns, vm));
    await checkLayout(w.page, `${ns}--${vm}--1440`);
    // Every row's details: their groups share the tab's width, and no address breaks inside.
    const toggles = w.page.locator('[data-test^="interface-row-"] td:first-child button');
    const rows = await toggles.count();
    for (let i = 0; i < rows; i++) await toggles.nth(i).click();
    await w.page
      .locator('[data-test^="interface-details-"]')
      .nth(rows - 1)
      .waitFor();
    expect(await brokenAddresses(w.page)).toEqual([]);
    expect((await measure(w.page)).sidewaysScroll).toEqual([]);
    w.assertNoProblems();
    await w.page.close();
  });
});

/** Headers whose text runs over more than one line (in Japanese, a break inside a word). */
const brokenHeaders = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const lines = (text: Node) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    const broken: string[] = [];
    for (const th of document.querySelectorAll('[data-test="vm-networking-interfaces"] thead th')) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Screen-reader-only texts are clipped to a pixel: not shown, not measured.
        if ((n.parentElement?.getBoundingClientRect().width ?? 0) <= 1) continue;
        if (n.textContent?.trim() && lines(n) > 1) broken.push(n.textContent.trim());
      }
    }
    return broken;
  });

describe('in Japanese, at the width kubevirt-plugin 4.22 leaves the tab (~800 px)', () => {
  it.each(DEMO_VMS)(
    '$ns/$vm: nothing clipped, and every header on one line',
    async ({ ns, vm }) => {
      const w = await openPage(browser);
      const url = `${vmTabURL(preview, ns, vm)}?lng=ja`;
      await tabContentWidthViewport(w.page, url);
      await openTab(w.page, url);
      expect(await w.page.innerText('[data-test="column-binding"]')).toBe('バインディング');
      await checkLayout(w.page, `${ns}--${vm}--800-ja`);
      expect(await brokenHeaders(w.page)).toEqual([]);
      w.assertNoProblems();
      await w.page.close();
    },
  );
});
