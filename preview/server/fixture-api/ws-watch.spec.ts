/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- watch events are untyped JSON */
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import WebSocket from 'ws';
import { FixtureApi } from './api';
import { FixtureWatchSockets } from './ws-watch';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');
const VMS = '/apis/kubevirt.io/v1/namespaces/demo-vm-pod/virtualmachines';
const MERGE = 'application/merge-patch+json';

interface Served {
  api: FixtureApi;
  sockets: FixtureWatchSockets;
  base: string;
  close: () => Promise<void>;
}

const serve = async (api: FixtureApi): Promise<Served> => {
  const sockets = new FixtureWatchSockets(api);
  const server = http.createServer((req, res) => void api.handle(req, res, req.url!));
  server.on('upgrade', (req, socket, head) => sockets.handleUpgrade(req, socket, head, req.url!));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const open = new Set<import('net').Socket>();
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  return {
    api,
    sockets,
    base: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        open.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
};

const seeded = () => {
  const api = new FixtureApi();
  api.seedFromDir(DEMO);
  return api;
};

const call = (api: FixtureApi, method: string, p: string, body?: unknown, type = MERGE) =>
  api.route(
    method,
    new URL(p, 'http://x'),
    body === undefined ? undefined : JSON.stringify(body),
    type,
  );

/** A WebSocket client that records each message (as text) and whether the message was a text frame. */
const connect = (url: string) => {
  const ws = new WebSocket(url);
  const messages: Array<{ text: string; binary: boolean }> = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data, binary) => {
    messages.push({ text: data.toString(), binary });
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<{ code: number }>((resolve) =>
    ws.on('close', (code) => resolve({ code })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const events = () => messages.map((m) => JSON.parse(m.text));
  const waitFor = async (n: number, ms = 5000): Promise<any[]> => {
    const deadline = Date.now() + ms;
    while (messages.length < n) {
      if (Date.now() > deadline) throw new Error(`got ${messages.length} of ${n} messages`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
    return events();
  };
  return { ws, messages, events, waitFor, opened, closed };
};

// Seeding the demo takes seconds on a loaded 2-core machine.
jest.setTimeout(30000);

describe('fixture API: watch over WebSocket', () => {
  let s: Served;
  afterEach(() => s?.close());

  it('sends each change after the resourceVersion as one JSON text message, in order', async () => {
    s = await serve(seeded());
    const list = call(s.api, 'GET', VMS).body as any;
    const c = connect(
      `${s.base}${VMS}?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
    );
    await c.opened;
    call(s.api, 'PATCH', `${VMS}/vm-pod`, { metadata: { labels: { watched: 'yes' } } });
    call(
      s.api,
      'POST',
      VMS,
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'vm-two' },
        spec: { template: { spec: { domain: { devices: {} } } } },
      },
      'application/json',
    );
    call(s.api, 'DELETE', `${VMS}/vm-two`);
    // A change in another namespace is not part of this watch.
    call(s.api, 'PATCH', '/api/v1/namespaces/demo-vm-pod', {
      metadata: { labels: { touched: 'yes' } },
    });
    const events = await c.waitFor(3);
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['MODIFIED', 'vm-pod'],
      ['ADDED', 'vm-two'],
      ['DELETED', 'vm-two'],
    ]);
    expect(events[0].object).toMatchObject({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { labels: { watched: 'yes' } },
    });
    expect(c.messages.every((m) => !m.binary)).toBe(true);
    // Resource versions only grow along the stream.
    const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
    expect(rvs[0]).toBeGreaterThan(Number(list.metadata.resourceVersion));
    c.ws.close();
  });

  it('replays the history after the resourceVersion it was given, and no earlier', async () => {
    s = await serve(seeded());
    const rv0 = (call(s.api, 'GET', VMS).body as any).metadata.resourceVersion;
    call(s.api, 'PATCH', `${VMS}/vm-pod`, { metadata: { labels: { step: 'one' } } });
    const rv1 = (call(s.api, 'GET', VMS).body as any).metadata.resourceVersion;
    call(s.api, 'PATCH', `${VMS}/vm-pod`, { metadata: { labels: { step: 'two' } } });

    const fromRv0 = connect(`${s.base}${VMS}?watch=true&resourceVersion=${rv0}`);
    const fromRv1 = connect(`${s.base}${VMS}?watch=true&resourceVersion=${rv1}`);
    expect((await fromRv0.waitFor(2)).map((e) => e.object.metadata.labels.step)).toEqual([
      'one',
      'two',
    ]);
    expect((await fromRv1.waitFor(1)).map((e) => e.object.metadata.labels.step)).toEqual(['two']);
    // Without a resourceVersion the watch starts with the current selection, as ADDED events.
    const fresh = connect(`${s.base}${VMS}?watch=true&fieldSelector=metadata.name%3Dvm-pod`);
    const initial = await fresh.waitFor(1);
    expect(initial).toHaveLength(1);
    expect(initial[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'vm-pod', labels: { step: 'two' } } },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(fromRv1.messages).toHaveLength(1);
    [fromRv0, fromRv1, fresh].forEach((c) => c.ws.close());
  });

  it('answers an expired resourceVersion with a 410 ERROR event, then closes normally', async () => {
    const api = new FixtureApi();
    // More writes than the store keeps history for: the first resourceVersions are gone.
    for (let i = 0; i < 10001; i++)
      api.store.write(
        'test/things',
        { apiVersion: 'v1', kind: 'Thing', metadata: { name: 'one' } },
        i ? 'MODIFIED' : 'ADDED',
      );
    s = await serve(api);
    const c = connect(`${s.base}/api/v1/namespaces?watch=true&resourceVersion=1`);
    const [ev] = await c.waitFor(1);
    expect(ev).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410 } });
    expect((await c.closed).code).toBe(1000);
  });

  it('stops the watch when the client closes the socket', async () => {
    s = await serve(seeded());
    // The store's subscriptions: one per open watch.
    const listeners = () => (s.api.store as unknown as { listeners: Set<unknown> }).listeners.size;
    const before = listeners();
    const c = connect(`${s.base}${VMS}?watch=true&resourceVersion=${s.api.store.resourceVersion}`);
    await c.opened;
    expect(listeners()).toBe(before + 1);
    expect(s.sockets.openSockets).toBe(1);
    c.ws.close(1000);
    await c.closed;
    for (let i = 0; i < 50 && (listeners() > before || s.sockets.openSockets > 0); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(listeners()).toBe(before);
    expect(s.sockets.openSockets).toBe(0);
    // Later writes reach no one and do not fail.
    call(s.api, 'PATCH', `${VMS}/vm-pod`, { metadata: { labels: { after: 'close' } } });
    expect(c.messages).toHaveLength(0);
  });

  it('closes the socket when timeoutSeconds runs out, as the apiserver ends a watch', async () => {
    s = await serve(seeded());
    const c = connect(
      `${s.base}${VMS}?watch=true&resourceVersion=${s.api.store.resourceVersion}&timeoutSeconds=1`,
    );
    await c.opened;
    const started = Date.now();
    expect((await c.closed).code).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('refuses the upgrade with the Status of a request the API refuses', async () => {
    const api = new FixtureApi({ forbid: ['pods'] });
    api.seedFromDir(DEMO);
    s = await serve(api);
    const refusal = (url: string) =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.on('open', () => reject(new Error(`${url} was upgraded`)));
        ws.on('error', () => undefined);
        ws.on('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(body) }));
        });
      });
    expect(await refusal(`${s.base}/api/v1/namespaces/demo-vm-pod/pods?watch=true`)).toMatchObject({
      status: 403,
      body: { kind: 'Status', reason: 'Forbidden' },
    });
    expect(await refusal(`${s.base}/apis/nope.io/v1/things?watch=true`)).toMatchObject({
      status: 404,
      body: { reason: 'NotFound' },
    });
    expect(await refusal(`${s.base}${VMS}`)).toMatchObject({
      status: 400,
      body: { reason: 'BadRequest' },
    });
  });
});
