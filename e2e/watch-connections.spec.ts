/* eslint-disable @typescript-eslint/no-explicit-any -- page-side values are untyped */
/**
 * Watches and the browser's connection limit. Over HTTP/1.1 Chromium opens at most 6 connections per
 * origin; the Networking tab watches about nine resources, so watches streamed over `fetch` would hold
 * every connection and leave lists, chunk loads and PATCHes queued. The host watches over WebSockets, as
 * the console does: these checks open the tab and then ask for more, and show that a change made through
 * the API reaches the open tab through its watch.
 */
import type { WebSocket as PWWebSocket } from 'playwright-core';
import { launchBrowser, openPage, type TestBrowser, type WatchedPage } from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

const NS = 'demo-vm-pod';
const VM = 'vm-pod';
const VMI_STATUS = `/api/kubernetes/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances/${VM}/status`;
const ROW = '[data-test="vm-networking-interfaces"] [data-test="interface-row-default"]';
/** Generous for a loaded 2-core machine, and far below the indefinite wait of a queued request. */
const PROMPT_MS = 1500;

let browser: TestBrowser;
let preview: Preview;

beforeAll(async () => {
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
});

/** The page's WebSockets, open or closed, as Playwright reports them. */
const trackSockets = (w: WatchedPage) => {
  const sockets: Array<{ url: string; closed: boolean }> = [];
  w.page.on('websocket', (ws: PWWebSocket) => {
    const entry = { url: ws.url(), closed: false };
    sockets.push(entry);
    ws.on('close', () => (entry.closed = true));
  });
  return {
    all: sockets,
    open: () => sockets.filter((s) => !s.closed),
  };
};

const waitUntil = async (what: string, test: () => boolean | Promise<boolean>, ms = 10000) => {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/**
 * Times requests made by the page itself, so they share its connections with everything else. Writes
 * carry the CSRF token from the page's cookie, as the host's SDK sends it (the host refuses them without).
 */
const timedFetches = (w: WatchedPage, requests: Array<{ url: string; init?: RequestInit }>) =>
  w.page.evaluate(
    (rs: Array<{ url: string; init?: RequestInit }>) =>
      Promise.all(
        rs.map(async ({ url, init }) => {
          const token = /(?:^|; )csrf-token=([^;]+)/.exec(document.cookie)?.[1] ?? '';
          const headers = { ...(init?.headers as Record<string, string>), 'X-CSRFToken': token };
          const t0 = performance.now();
          const res = await fetch(url, { ...init, headers });
          const body = await res.json();
          return { status: res.status, ms: performance.now() - t0, body };
        }),
      ),
    requests,
  );

describe('the Networking tab with its watches open', () => {
  let w: WatchedPage;
  let sockets: ReturnType<typeof trackSockets>;

  beforeAll(async () => {
    w = await openPage(browser);
    sockets = trackSockets(w);
    await w.page.goto(vmTabURL(preview, NS, VM));
    await w.page.waitForSelector(ROW);
    // The tab subscribes as its data arrives: wait for the set of sockets to settle.
    let last = -1;
    await waitUntil('the watches settled', async () => {
      const n = sockets.open().length;
      const settled = n === last && n > 0;
      last = n;
      if (!settled) await new Promise((r) => setTimeout(r, 400));
      return settled;
    });
  });

  afterAll(async () => {
    await w?.page.close();
  });

  it('watches over WebSockets on the page origin, more of them than HTTP/1.1 connections', () => {
    const open = sockets.open();
    const origin = new URL(preview.url);
    expect(open.length).toBeGreaterThan(6);
    for (const s of open) {
      const u = new URL(s.url);
      expect(u.protocol).toBe('ws:');
      expect(u.port).toBe(origin.port);
      expect(u.pathname).toMatch(/^\/api\/kubernetes\/apis?\//);
      expect(u.searchParams.get('watch')).toBe('true');
      // Each watch resumes from the resourceVersion of the list before it.
      expect(Number(u.searchParams.get('resourceVersion'))).toBeGreaterThan(0);
    }
    // No watch was streamed over fetch/XHR.
    expect(w.requests.filter((r) => /[?&]watch=(true|1)/.test(r))).toEqual([]);
    console.log(`Networking tab of ${NS}/${VM}: ${open.length} WebSocket watches open`);
  });

  it('still answers further requests promptly: lists and a PATCH from the page', async () => {
    expect(sockets.open().length).toBeGreaterThan(6);
    // Eight at once: more than the connection limit, beside every open watch.
    const lists = await timedFetches(
      w,
      Array.from({ length: 8 }, () => ({ url: '/api/kubernetes/api/v1/namespaces' })),
    );
    const [patched] = await timedFetches(w, [
      {
        url: `/api/kubernetes/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/${VM}`,
        init: {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/merge-patch+json' },
          body: JSON.stringify({ metadata: { annotations: { 'preview.test/touched': 'yes' } } }),
        },
      },
    ]);
    console.log(
      `with the tab open: 8 lists in ${lists.map((l) => l.ms.toFixed(0)).join(', ')} ms; PATCH in ${patched.ms.toFixed(0)} ms`,
    );
    for (const l of lists) {
      expect(l.status).toBe(200);
      expect(l.body.items.map((n: any) => n.metadata.name)).toContain(NS);
      expect(l.ms).toBeLessThan(PROMPT_MS);
    }
    expect(patched.status).toBe(200);
    expect(patched.body.metadata.annotations['preview.test/touched']).toBe('yes');
    expect(patched.ms).toBeLessThan(PROMPT_MS);
  });

  it('shows a change made through the API, delivered by the open watch', async () => {
    const ip = '10.131.1.250';
    expect(await w.page.innerText(`${ROW} [data-test="interface-ips"]`)).not.toContain(ip);
    const before = w.requests.length;
    const res = await fetch(`${preview.url}${VMI_STATUS}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'add', path: '/status/interfaces/0/ipAddresses/-', value: ip }]),
    });
    expect(res.status).toBe(200);
    await w.page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent?.includes(text),
      [`${ROW} [data-test="interface-ips"]`, ip] as const,
      { timeout: 5000 },
    );
    // The page learnt it from its socket: it asked the API for nothing meanwhile.
    expect(w.requests.slice(before).filter((r) => r.includes('/api/kubernetes/'))).toEqual([]);
  });

  it('closes the watches of the tab when the tab goes away', async () => {
    const openBefore = sockets.open().length;
    await w.page.click('[data-test="horizontal-link-Details"]');
    await w.page.waitForSelector('[data-test="vm-details"]');
    await waitUntil(
      'the Networking tab watches closed',
      () => sockets.open().length <= openBefore - 3,
      5000,
    );
    // What stays open is the host's own page (the VM it shows), not the tab's.
    expect(sockets.open().length).toBeLessThan(openBefore);
    w.assertNoProblems();
  });
});

describe('the connection limit these checks rely on', () => {
  it('holds: with 6 streamed HTTP watches open, a further list waits', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${preview.url}/`);
    const result = await w.page.evaluate(async (limitMs) => {
      const aborts = Array.from({ length: 6 }, () => new AbortController());
      const streams = aborts.map((a) =>
        fetch('/api/kubernetes/api/v1/namespaces?watch=true', { signal: a.signal }).catch(
          () => undefined,
        ),
      );
      await Promise.all(streams);
      const t0 = performance.now();
      const list = fetch('/api/kubernetes/api/v1/namespaces').then(() => performance.now() - t0);
      const waited = await Promise.race([
        list,
        new Promise<string>((r) => setTimeout(() => r('still queued'), limitMs)),
      ]);
      aborts.forEach((a) => a.abort());
      // Once the streams are gone the queued list goes through.
      const after = await list;
      return { waited, after };
    }, 2 * PROMPT_MS);
    expect(result.waited).toBe('still queued');
    expect(result.after).toBeGreaterThanOrEqual(2 * PROMPT_MS);
    await w.page.close();
  });
});
