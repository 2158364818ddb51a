/**
 * The plugin in every console language: the host fetches each catalog from the plugin's own
 * locales/ path as the console does, and the Networking tab and the UDN wizard show the
 * translated labels without sideways scrolling. `I18N_SHOTS=<dir>` also saves a screenshot of
 * each page in each language at 1440×900.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { ROOT, startTestPreview, vmTabURL } from './support/preview';
import { startNginxFromChart, type ChartNginx } from '../test-support/nginx';
import type { Preview } from '../preview/preview';

const NS = 'plugin__vm-networking-console-plugin';
const LANGUAGES = ['ja', 'zh', 'ko', 'fr', 'es'];
const catalog = (lng: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lng, `${NS}.json`), 'utf8'));
const english = catalog('en');
const shotsDir = process.env.I18N_SHOTS;

let browser: TestBrowser;
let preview: Preview;

beforeAll(async () => {
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
});

const PAGES = [
  {
    name: 'networking-tab',
    url: () => vmTabURL(preview, 'demo-vm-localnet', 'vm-localnet'),
    ready: '[data-test="vm-networking-interfaces"] [data-test^="interface-row-"]',
    // The tab's content; the host's own tabs (Details, YAML) are the console's strings.
    scope: '[data-test="horizontal-tab-content"]',
  },
  {
    name: 'udn-wizard',
    url: () => `${preview.url}/vm-networking/ns/demo-vm-pod/new/udn`,
    // demo-vm-pod lacks the primary-network label: the wizard says so once its namespace list has
    // arrived (above the wizard). Waiting for that alert keeps the late, data-dependent labels out
    // of the race.
    ready: '[data-test="namespace-label-alert"]',
    scope: 'main',
  },
];

const withLanguage = (url: string, lng: string) =>
  `${url}${url.includes('?') ? '&' : '?'}lng=${lng}`;

const open = async (url: string, ready: string, width = 1440) => {
  const w = await openPage(browser);
  await w.page.setViewportSize({ width, height: 900 });
  await w.page.goto(url);
  await w.page.waitForSelector(ready);
  // Fonts and late data (the wiring diagram, policies) before measuring.
  await w.page.waitForLoadState('networkidle');
  return w;
};

/**
 * Texts of the leaf elements, buttons, headers and labels the plugin renders (inside `scope`), not
 * the host's navigation and tabs, whose strings are the console's own.
 */
const labelsOnPage = (page: Page, scope: string): Promise<string[]> =>
  page.$$eval(`${scope} *`, (els) =>
    els
      .filter(
        (el) => el.children.length === 0 || el.matches('button, th, label, legend, h1, h2, h3'),
      )
      .map((el) => (el as HTMLElement).innerText?.trim() ?? '')
      .filter((text) => text.length > 0 && text.length < 200),
  );

interface Overflow {
  /** The document, or the element's tag, data-test and class. */
  what: string;
  scrollWidth: number;
  clientWidth: number;
}

/** What scrolls sideways: the document, and every element that scrolls or clips its content. */
const sidewaysOverflow = (page: Page): Promise<Overflow[]> =>
  page.evaluate(() => {
    const found: Overflow[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth + 1)
      found.push({ what: 'document', scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth });
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#app *'))) {
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      // A code or YAML view may scroll on purpose: long lines stay as written.
      if (el.closest('pre, [data-test="wizard-yaml"], .monaco-editor, svg')) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        found.push({
          what: `${el.tagName.toLowerCase()}${el.dataset.test ? `[data-test=${el.dataset.test}]` : ''}.${el.className}`,
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
        });
    }
    return found;
  });

const describeOverflow = (o: Overflow[]) =>
  o.map((x) => `${x.what} ${x.scrollWidth} > ${x.clientWidth}`);

/**
 * Texts of the wiring diagram drawn past the right edge of their box: SVG text neither wraps nor
 * clips, so a label shortened by a count of Latin-width characters still runs out of its box in
 * Japanese, Chinese or Korean, whose glyphs are about twice as wide.
 */
const diagramTextOutsideBoxes = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const g of Array.from(document.querySelectorAll('[data-test="wiring-diagram"] svg g'))) {
      const rect = Array.from(g.children).find((c) => c.tagName === 'rect') as
        SVGRectElement | undefined;
      if (!rect) continue;
      const right = rect.x.baseVal.value + rect.width.baseVal.value;
      // A box's texts sit in its group, directly or in its clip group and title link.
      for (const text of Array.from(
        g.querySelectorAll(':scope > text, :scope > g text, :scope > a text'),
      )) {
        const box = (text as SVGTextElement).getBBox();
        if (box.x + box.width > right + 1)
          found.push(
            `"${Array.from(text.childNodes)
              .filter((n) => n.nodeType === Node.TEXT_NODE)
              .map((n) => n.textContent)
              .join('')}" ends at ${Math.round(box.x + box.width)} > ${right}`,
          );
      }
    }
    return found;
  });

describe('catalogs served the way the console fetches them', () => {
  it.each(LANGUAGES)(
    '%s: /locales/resource.json and the plugin path answer the catalog as JSON',
    async (lng) => {
      const expected = catalog(lng);
      expect(Object.keys(expected)).toEqual(Object.keys(english));
      for (const url of [
        `${preview.url}/locales/resource.json?lng=${lng}&ns=${NS}`,
        `${preview.url}/api/plugins/${preview.pluginName}/locales/${lng}/${NS}.json`,
      ]) {
        const res = await fetch(url);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await res.json()).toEqual(expected);
      }
    },
  );
});

/** The page itself scrolling sideways (the document or the console's page body). */
const isPageLevel = (o: Overflow) => o.what === 'document' || o.what.startsWith('main.');

/** Overflows of `o` that English does not have, or that are wider than English's by more than 8 px. */
const worseThan = (o: Overflow[], en: Overflow[]) =>
  o.filter((x) => {
    const e = en.find((y) => y.what === x.what);
    return !e || x.scrollWidth - x.clientWidth > e.scrollWidth - e.clientWidth + 8;
  });

describe.each(PAGES)('$name', ({ name, url, ready, scope }) => {
  let englishLabels: string[];
  let englishOverflow: Overflow[];

  beforeAll(async () => {
    const w = await open(url(), ready);
    englishOverflow = await sidewaysOverflow(w.page);
    if (englishOverflow.length)
      console.warn(
        `${name} at 1440 px scrolls sideways in English:\n${describeOverflow(englishOverflow).join('\n')}`,
      );
    if (shotsDir) {
      fs.mkdirSync(shotsDir, { recursive: true });
      await w.page.screenshot({ path: path.join(shotsDir, `${name}-en-1440.png`), fullPage: true });
    }
    const shown = new Set(await labelsOnPage(w.page, scope));
    // Only the catalog's plain labels: no placeholders (their values depend on the data), and no
    // single lower-case words, which the data shows too (an interface named "default").
    englishLabels = Object.keys(english).filter(
      (k) =>
        !k.includes('{{') &&
        !/_(one|other)$/.test(k) &&
        !/^[a-z-]+$/.test(english[k]) &&
        shown.has(english[k]),
    );
    w.assertNoProblems();
    await w.page.close();
  });

  it('shows enough catalog labels in English to compare', () => {
    expect(englishLabels.length).toBeGreaterThanOrEqual(8);
  });

  it.each(LANGUAGES)(
    '%s: every label is translated, <html lang> is set, no sideways scrolling',
    async (lng) => {
      const translated = catalog(lng);
      const w = await open(withLanguage(url(), lng), ready);
      if (shotsDir) {
        fs.mkdirSync(shotsDir, { recursive: true });
        await w.page.screenshot({
          path: path.join(shotsDir, `${name}-${lng}-1440.png`),
          fullPage: true,
        });
      }
      expect(await w.page.evaluate(() => document.documentElement.lang)).toBe(lng);
      const shown = new Set(await labelsOnPage(w.page, scope));
      const missing = englishLabels.filter((k) => !shown.has(translated[k]));
      expect(missing.map((k) => `${k} → ${translated[k]}`)).toEqual([]);
      // Labels that differ from English must not still be shown in English.
      const stillEnglish = englishLabels.filter(
        (k) =>
          translated[k] !== english[k] &&
          shown.has(english[k]) &&
          !Object.values(translated).includes(english[k]),
      );
      expect(stillEnglish).toEqual([]);
      // The page never scrolls sideways; a scrolling part of it (the wiring diagram) no more than in English.
      expect(await diagramTextOutsideBoxes(w.page)).toEqual([]);
      const overflow = await sidewaysOverflow(w.page);
      expect(describeOverflow(overflow.filter(isPageLevel))).toEqual([]);
      expect(describeOverflow(worseThan(overflow, englishOverflow))).toEqual([]);
      w.assertNoProblems();
      await w.page.close();
    },
  );

  // At about 800 px of content the page may already scroll in English (the tab's readability at
  // that width is measured by its own tests, e2e/tab-layout.spec.ts); a translation must not add to it.
  it.each(['ja', 'fr'])(
    '%s: a narrow window (1000 px) scrolls no more than in English',
    async (lng) => {
      const widths: Record<string, Overflow[]> = {};
      for (const l of ['en', lng]) {
        const w = await open(withLanguage(url(), l), ready, 1000);
        widths[l] = await sidewaysOverflow(w.page);
        expect(await diagramTextOutsideBoxes(w.page)).toEqual([]);
        if (shotsDir)
          await w.page.screenshot({
            path: path.join(shotsDir, `${name}-${l}-1000.png`),
            fullPage: true,
          });
        await w.page.close();
      }
      if (widths.en.length)
        console.warn(
          `${name} at 1000 px scrolls in English too:\n${describeOverflow(widths.en).join('\n')}`,
        );
      expect(describeOverflow(worseThan(widths[lng], widths.en))).toEqual([]);
    },
  );
});

describe('the VM page tab the plugin adds', () => {
  it.each(LANGUAGES)(
    '%s: is named in the language (console-extensions.json %%…~Networking%%)',
    async (lng) => {
      const w = await open(withLanguage(PAGES[0].url(), lng), PAGES[0].ready);
      const selected = w.page.locator(
        '[data-test="horizontal-nav"] [role="tab"][aria-selected="true"]',
      );
      expect((await selected.innerText()).trim()).toBe(catalog(lng).Networking);
      await w.page.close();
    },
  );
});

describe('the language stays when a link drops ?lng=', () => {
  it('a client-side navigation keeps Japanese', async () => {
    const ja = catalog('ja');
    const w = await open(
      withLanguage(vmTabURL(preview, 'demo-vm-pod', 'vm-pod'), 'ja'),
      PAGES[0].ready,
    );
    await w.page.evaluate(() => {
      window.history.pushState({}, '', '/vm-networking/ns/demo-vm-pod/new/udn');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await w.page.waitForSelector(PAGES[1].ready);
    await w.page.reload();
    await w.page.waitForSelector(PAGES[1].ready);
    expect(new URL(w.page.url()).search).toBe('');
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(
      await w.page.getByText(ja['Review and create'], { exact: true }).count(),
    ).toBeGreaterThan(0);
    await w.page.close();
  });
});

describe('installed with the Helm chart: catalogs from the chart’s nginx', () => {
  let nginx: ChartNginx;
  let viaChart: Preview;

  beforeAll(async () => {
    nginx = await startNginxFromChart();
    viaChart = await startTestPreview({ pluginUrl: nginx.url });
  }, 60_000);

  afterAll(async () => {
    await viaChart?.close();
    await nginx?.stop();
  });

  it.each(LANGUAGES)('%s: served as application/json, proxied the way Bridge does', async (lng) => {
    const res = await fetch(`${viaChart.url}/locales/resource.json?lng=${lng}&ns=${NS}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(catalog(lng));
  });

  it('the Networking tab in Japanese through it', async () => {
    const w = await open(
      withLanguage(vmTabURL(viaChart, 'demo-vm-pod', 'vm-pod'), 'ja'),
      PAGES[0].ready,
    );
    const shown = new Set(await labelsOnPage(w.page, PAGES[0].scope));
    expect(shown.has(catalog('ja')['Network interfaces'])).toBe(true);
    w.assertNoProblems();
    await w.page.close();
  });
});
