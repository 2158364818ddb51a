/**
 * In the preview host, in headless Chromium, with the tab content ~800 px wide (the width
 * kubevirt-plugin's 4.22 VM page leaves the tab; see e2e/tab-layout.ts): the click from the VM's
 * Details tab to the Networking tab, for a VM with 16 and with 32 interfaces (in a namespace with
 * 500 NADs and 50 UDNs), and what that visit costs: Kubernetes API requests, watches (WebSockets)
 * opened, and lists requested more than once. Each visit is a fresh page (the tab's code runs
 * cold); a second figure switches tabs within one page. Three moments of a switch:
 * - the first screen's rows shown: every row drawn, or the drawn ones reaching below the window
 *   (with their facts, or from the VM spec if the lists are slow; see SPEC_ROWS_AFTER_MS);
 * - the first screen's rows with their facts, every watched object loaded (`data-loaded="true"`):
 *   the tab switch as a person sees it (at 1600×900 in the 4.22 layout, the first seven rows);
 * - everything: every row, the sections below the table (diagnostics, every wiring lane) too.
 *
 * As a person would, the bench lets the VM page settle on its Details tab (SETTLE_MS) before it
 * clicks. The plugin's scripts come from the browser's cache after the first visit, as they do from
 * the chart's nginx (hashed names, cached for a year; the console's plugin proxy passes the header
 * on): a fresh page is a new console session of a returning user, the tab's code still cold.
 *
 * `BENCH_DIST=<dir>` measures another production build; `BENCH_BASELINE=<dir>` measures a second one
 * (e.g. main's) in the same run, visits alternating, for before/after figures on a shared machine.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { buildHost, type ConsoleMode } from '../../preview/build-host';
import { startPreview } from '../../preview/preview';
import { writeLargeScenario } from '../../preview/fixtures/generate-large';
import { launchBrowser, type TestBrowser } from '../../e2e/support/browser';
import { tabContentWidthViewport, contentWidth } from '../../e2e/tab-layout';
import type { Measurement } from '../bench';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** `BENCH_SIZES=16` measures one size only (a quicker before/after). */
const SIZES = (process.env.BENCH_SIZES ?? '16,32').split(',').map(Number);
/**
 * The console the host emulates: 4.22 (React 18, the console the issue measured in) by default;
 * `BENCH_CONSOLE=4.21` for consoles 4.19-4.21 (React 17).
 */
const CONSOLE: ConsoleMode = process.env.BENCH_CONSOLE === '4.21' ? '4.21' : '4.22';
const HOST_BUILD = path.join(os.tmpdir(), 'vm-networking-bench-host');

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A person reads the Details tab before clicking; the page's own loading is over by then. */
const SETTLE_MS = 1000;

interface Visit {
  ms: number;
  /** Until the first screen's rows show their facts (`interface-row-*`, every list loaded). */
  factsMs: number;
  /** Until the first screen's rows are drawn, with facts or from the VM spec (`pending-row-*`). */
  rowsMs: number;
  requests: string[];
  /** When the last Kubernetes request of the visit started, after the click: a chain shows here. */
  lastRequestMs: number;
  watches: string[];
  /** Chromium's counters over the visit (CDP Performance.getMetrics deltas). */
  layouts: number;
  layoutMs: number;
  scriptMs: number;
}

/** A list or get, without the parameters that make two requests of the same list differ. */
const listOf = (url: string): string => {
  const u = new URL(url);
  ['watch', 'resourceVersion', 'allowWatchBookmarks', 'limit', 'continue'].forEach((p) =>
    u.searchParams.delete(p),
  );
  return `${u.pathname}?${u.searchParams.toString()}`;
};

type Metrics = Record<string, number>;

/** Details tab → click Networking → fully rendered; what the page asked the API for meanwhile. */
const visit = async (page: Page, detailsUrl: string, interfaces: number): Promise<Visit> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Metrics> =>
    Object.fromEntries(
      (
        (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
      ).metrics.map((m) => [m.name, m.value]),
    );
  await page.goto(detailsUrl);
  const tab = page.getByRole('tab', { name: 'Networking', exact: true });
  await tab.waitFor({ timeout: 30000 });
  await page.waitForTimeout(SETTLE_MS);
  const requests: string[] = [];
  const watches: string[] = [];
  let lastRequestAt = 0;
  const onRequest = (r: { url: () => string }) => {
    if (!r.url().includes('/api/kubernetes/')) return;
    requests.push(r.url());
    lastRequestAt = Date.now();
  };
  const onSocket = (ws: { url: () => string }) => {
    if (ws.url().includes('/api/kubernetes/')) watches.push(ws.url());
  };
  page.on('request', onRequest);
  page.on('websocket', onSocket);
  const before = await metrics();
  const started = Date.now();
  const { ms, rowsMs, factsMs } = await timedClick(page, tab, interfaces);
  const after = await metrics();
  // Requests a rendered tab still starts (late or chained ones) count for the visit too.
  await page.waitForTimeout(500);
  page.off('request', onRequest);
  page.off('websocket', onSocket);
  await cdp.detach();
  const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  return {
    ms,
    rowsMs,
    factsMs,
    requests,
    lastRequestMs: lastRequestAt ? lastRequestAt - started : 0,
    watches,
    layouts: delta('LayoutCount'),
    layoutMs: delta('LayoutDuration') * 1000,
    scriptMs: delta('ScriptDuration') * 1000,
  };
};

/**
 * Clicks `tab` and returns the time, taken in the page, from the click event to the end of the
 * first frame that shows the whole tab: its style, layout and paint included. An animation frame
 * callback runs before its frame's rendering (up to half the tab's cost), so the check that finds
 * the tab complete posts a message, which runs once that frame is rendered. The clock starts at
 * the event (its timeStamp), not when the bench asks for the click: Playwright first waits for the
 * tab to be visible and stable over two animation frames (30-50 ms no user waits for), and waiting
 * for the end from here (CDP round trips per poll) would add 50-100 ms no user sees. The page gets
 * a string, plain JavaScript whatever the bench's own transpiler adds.
 */
const timedClick = async (
  page: Page,
  tab: ReturnType<Page['getByRole']>,
  interfaces: number,
): Promise<{ ms: number; rowsMs: number; factsMs: number }> => {
  await page.evaluate(`(() => {
    const w = window;
    w.__benchStart = undefined;
    w.__benchDone = undefined;
    w.__benchRows = undefined;
    w.__benchFacts = undefined;
    document.addEventListener('click', (e) => { w.__benchStart = e.timeStamp; }, { capture: true, once: true });
    const n = ${interfaces};
    // The first screen is complete when every row is drawn, or the drawn ones reach below the
    // window (the table draws the rows below the fold a frame later). The box is read only then,
    // in an animation frame: it forces the layout that frame would do anyway.
    const firstScreen = (selector) => {
      const drawn = document.querySelectorAll(selector);
      if (drawn.length === n) return true;
      return drawn.length > 0 && drawn[drawn.length - 1].getBoundingClientRect().bottom >= window.innerHeight;
    };
    const loaded = () =>
      document.querySelector('[data-test="vm-networking-tab"]')?.getAttribute('data-loaded') === 'true';
    const facts = () => loaded() && firstScreen('[data-test^="interface-row-"]');
    const done = () =>
      loaded() &&
      document.querySelectorAll('[data-test^="interface-row-"]').length === n &&
      document.querySelectorAll('[data-test^="wiring-lane-"]').length === n;
    const rows = () => firstScreen('[data-test^="interface-row-"], [data-test^="pending-row-"]');
    const afterFrame = (set) => {
      const rendered = new MessageChannel();
      rendered.port1.onmessage = () => set(performance.now() - w.__benchStart);
      rendered.port2.postMessage(0);
    };
    let rowsSeen = false;
    let factsSeen = false;
    const check = () => {
      if (w.__benchStart !== undefined && !rowsSeen && rows()) {
        rowsSeen = true;
        afterFrame((t) => { w.__benchRows = t; });
      }
      if (w.__benchStart !== undefined && !factsSeen && facts()) {
        factsSeen = true;
        afterFrame((t) => { w.__benchFacts = t; });
      }
      if (w.__benchStart !== undefined && done()) afterFrame((t) => { w.__benchDone = t; });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  // Playwright injects its main-world script on the first waitForFunction of a page (~25 ms of the
  // page's main thread): done here, before the click, it is not timed as the tab's work; and it
  // polls every 50 ms rather than every frame, leaving the frames to the page.
  await page.waitForFunction('true');
  await tab.click();
  await page.waitForFunction('window.__benchDone !== undefined', undefined, {
    timeout: 30000,
    polling: 50,
  });
  return {
    ms: Number(await page.evaluate('window.__benchDone')),
    rowsMs: Number(await page.evaluate('window.__benchRows')),
    factsMs: Number(await page.evaluate('window.__benchFacts')),
  };
};

/**
 * Switches within one page (Details → Networking, RUNS times after a first one): the tab's code is
 * then warm, as for a person going through VMs, while every switch lists its objects again.
 */
const sameTabSwitches = async (page: Page, detailsUrl: string, interfaces: number) => {
  await page.goto(detailsUrl);
  const networking = page.getByRole('tab', { name: 'Networking', exact: true });
  const details = page.getByRole('tab', { name: 'Details', exact: true });
  await networking.waitFor({ timeout: 30000 });
  const times: { ms: number; rowsMs: number; factsMs: number }[] = [];
  for (let i = 0; i <= RUNS; i += 1) {
    await details.click();
    // Let the previous visit's late work (the summary's policy check) finish first.
    await page.waitForTimeout(800);
    times.push(await timedClick(page, networking, interfaces));
  }
  const warm = times.slice(1);
  return {
    first: times[0].ms,
    warm: median(warm.map((t) => t.ms)),
    warmRows: median(warm.map((t) => t.rowsMs)),
    warmFacts: median(warm.map((t) => t.factsMs)),
  };
};

interface Build {
  label: string;
  dist: string;
}

/**
 * One size, every build: the visits alternate between the builds so that a busy machine slows
 * them alike (the figures are only comparable within one run).
 */
const measureSize = async (
  browser: TestBrowser,
  builds: Build[],
  interfaces: number,
): Promise<Measurement[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-large-'));
  const summary = writeLargeScenario(dir, { interfaces, nads: 500, udns: 50 });
  const previews = await Promise.all(
    builds.map((b) =>
      startPreview({
        port: 0,
        hostBuildDir: HOST_BUILD,
        console: CONSOLE,
        fixtures: [dir],
        dist: b.dist,
      }),
    ),
  );
  try {
    const first = await browser.context.newPage();
    const viewport = await tabContentWidthViewport(first, `${previews[0].url}${summary.path}`);
    const width = await contentWidth(first);
    await first.close();
    const visits: Visit[][] = builds.map(() => []);
    for (let i = 0; i < RUNS; i += 1) {
      for (const [b, preview] of previews.entries()) {
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        const detailsUrl = `${preview.url}${summary.path}`.replace(/\/vm-networking$/, '');
        visits[b].push(await visit(page, detailsUrl, interfaces));
        await page.close();
      }
    }
    const switches: { first: number; warm: number; warmRows: number; warmFacts: number }[] = [];
    for (const preview of previews) {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      const detailsUrl = `${preview.url}${summary.path}`.replace(/\/vm-networking$/, '');
      switches.push(await sameTabSwitches(page, detailsUrl, interfaces));
      await page.close();
    }
    const out: Measurement[] = [];
    builds.forEach((build, b) => {
      const last = visits[b][visits[b].length - 1];
      const lists = last.requests.map(listOf);
      const duplicates = lists.length - new Set(lists).size;
      const label = builds.length > 1 ? ` [${build.label}]` : '';
      console.error(
        `tab-render ${interfaces} NICs${label}: viewport ${viewport.width}×${viewport.height}, ` +
          `tab content ${Math.round(width)} px; first screen with facts, each fresh visit (sorted): ` +
          `${visits[b]
            .map((v) => Math.round(v.factsMs))
            .sort((x, y) => x - y)
            .join(' ')} ms; requests of a visit:\n  ${lists.join('\n  ')}`,
      );
      const med = (f: (v: Visit) => number) => median(visits[b].map(f));
      out.push(
        {
          name: `console ${CONSOLE}: Details → Networking, ${interfaces} NICs, ${Math.round(width)} px content${label}: the first screen's rows shown, a fresh page per visit (median of ${RUNS})`,
          value: med((v) => v.rowsMs),
          unit: 'ms',
          budget: 300,
        },
        {
          name: `  the first screen's rows with their facts, a fresh page per visit${label}`,
          value: med((v) => v.factsMs),
          unit: 'ms',
          budget: 300,
        },
        {
          name: `  everything (every row, diagnostics and every wiring lane below them too), a fresh page${label}`,
          value: med((v) => v.ms),
          unit: 'ms',
          budget: 300,
        },
        {
          name: `console ${CONSOLE}: Details → Networking within one page, ${interfaces} NICs${label}: the first screen's rows shown, warm switches (median of ${RUNS})`,
          value: switches[b].warmRows,
          unit: 'ms',
          budget: 300,
        },
        {
          name: `  the first screen's rows with their facts, warm switches${label}`,
          value: switches[b].warmFacts,
          unit: 'ms',
          budget: 300,
        },
        {
          name: `  everything, warm switches${label}`,
          value: switches[b].warm,
          unit: 'ms',
          budget: 300,
        },
        {
          name: `  the first switch of that page${label}`,
          value: switches[b].first,
          unit: 'ms',
        },
        {
          name: `  last API request started, after the click${label}`,
          value: med((v) => v.lastRequestMs),
          unit: 'ms',
        },
        {
          name: `  layouts during the switch${label}`,
          value: med((v) => v.layouts),
          unit: 'layouts',
        },
        { name: `  layout time${label}`, value: med((v) => v.layoutMs), unit: 'ms' },
        { name: `  script time${label}`, value: med((v) => v.scriptMs), unit: 'ms' },
        {
          name: `  Kubernetes API requests per visit${label}`,
          value: last.requests.length,
          unit: 'requests',
        },
        { name: `  watches opened per visit${label}`, value: last.watches.length, unit: 'watches' },
        { name: `  lists requested twice${label}`, value: duplicates, unit: 'lists', budget: 0 },
      );
    });
    return out;
  } finally {
    await Promise.all(previews.map((p) => p.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** Requests and watches of one visit to some demo VMs: what each VM's spec lets the tab skip. */
const DEMO_VISITS: [string, string, number][] = [
  ['demo-vm-pod', 'vm-pod', 1],
  ['demo-vm-secondary-udn', 'vm-secondary-udn', 2],
  ['demo-vm-localnet', 'vm-localnet', 2],
];

const measureDemo = async (browser: TestBrowser, builds: Build[]): Promise<Measurement[]> => {
  const out: Measurement[] = [];
  for (const build of builds) {
    const preview = await startPreview({
      port: 0,
      hostBuildDir: HOST_BUILD,
      console: CONSOLE,
      fixtures: [path.join(ROOT, 'preview/fixtures/demo')],
      dist: build.dist,
    });
    try {
      for (const [ns, vm, nics] of DEMO_VISITS) {
        const page = await browser.context.newPage();
        const base = `${preview.url}/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/${vm}`;
        const v = await visit(page, base, nics);
        await page.close();
        const label = builds.length > 1 ? ` [${build.label}]` : '';
        out.push(
          {
            name: `${ns}/${vm}: API requests per visit${label}`,
            value: v.requests.length,
            unit: 'requests',
          },
          { name: `  watches opened${label}`, value: v.watches.length, unit: 'watches' },
        );
      }
    } finally {
      await preview.close();
    }
  }
  return out;
};

export async function run(): Promise<Measurement[]> {
  const builds: Build[] = [
    {
      label: 'this build',
      dist: process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(ROOT, 'dist'),
    },
    ...(process.env.BENCH_BASELINE
      ? [{ label: 'baseline', dist: path.resolve(process.env.BENCH_BASELINE) }]
      : []),
  ];
  for (const b of builds) {
    if (!fs.existsSync(path.join(b.dist, 'plugin-manifest.json'))) {
      throw new Error(`tab-render needs a production build in ${b.dist}: run \`npm run build\``);
    }
  }
  // Its own host build (the tests' one in preview/.build is left alone).
  await buildHost({ outDir: path.join(HOST_BUILD, CONSOLE), console: CONSOLE });
  const browser = await launchBrowser();
  try {
    const out: Measurement[] = [];
    for (const size of SIZES) out.push(...(await measureSize(browser, builds, size)));
    out.push(...(await measureDemo(browser, builds)));
    return out;
  } finally {
    await browser.close();
  }
}
