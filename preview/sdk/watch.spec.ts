/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- watch data is untyped, as in the console SDK */
/**
 * The host SDK's watch against the real fixture API server, over a real WebSocket (the `ws` client
 * standing in for the browser's): list, then events; a dropped socket resumed from the last
 * resourceVersion; 410 Gone re-listed; the socket closed with the last subscriber.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import WebSocket from 'ws';
import { FixtureApi } from '../server/fixture-api/api';
import { FixtureWatchSockets } from '../server/fixture-api/ws-watch';
import type { K8sModel } from './models';
import { openWatches, subscribeWatch } from './watch';

const DEMO = path.resolve(__dirname, '../fixtures/demo');
const VMS = '/apis/kubevirt.io/v1/namespaces/demo-vm-pod/virtualmachines';
const VM_MODEL: K8sModel = {
  kind: 'VirtualMachine',
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  plural: 'virtualmachines',
  namespaced: true,
  abbr: 'VM',
  label: 'VirtualMachine',
  labelPlural: 'VirtualMachines',
  id: 'virtualmachine',
  crd: true,
  verbs: ['list', 'watch'],
};

let api: FixtureApi;
let sockets: FixtureWatchSockets;
let server: http.Server;
/** The URL of every WebSocket the SDK opened, in order. */
const opened: string[] = [];

beforeAll(async () => {
  api = new FixtureApi();
  api.seedFromDir(DEMO);
  sockets = new FixtureWatchSockets(api);
  server = http.createServer((req, res) => {
    const rest = req.url!.slice('/api/kubernetes'.length);
    void api.handle(req, res, rest);
  });
  server.on('upgrade', (req, socket, head) => {
    opened.push(req.url!);
    sockets.handleUpgrade(req, socket, head, req.url!.slice('/api/kubernetes'.length));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const realFetch = globalThis.fetch;
  Object.assign(globalThis, {
    window: { location: { href: base }, SERVER_FLAGS: { basePath: '/' } },
    WebSocket,
    fetch: (url: string, init?: RequestInit) => realFetch(new URL(url, base), init),
  });
});

let release: (() => void) | undefined;

afterAll(async () => {
  release?.();
  serverSockets().forEach((c) => c.terminate());
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const patchVM = (labels: Record<string, string>) =>
  api.route(
    'PATCH',
    new URL(`${VMS}/vm-pod`, 'http://x'),
    JSON.stringify({ metadata: { labels } }),
    'application/merge-patch+json',
  );

const until = async (what: string, test: () => boolean, ms = 8000) => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const serverSockets = () => (sockets as any).wss.clients as Set<WebSocket>;

describe('subscribeWatch over WebSocket', () => {
  it('lists, follows changes, resumes a dropped socket, re-lists on 410 and closes on release', async () => {
    const sub = subscribeWatch(
      VM_MODEL,
      {
        groupVersionKind: { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' },
        namespace: 'demo-vm-pod',
        name: 'vm-pod',
      },
      () => undefined,
    );
    release = sub.release;
    const vm = () => sub.state().data as any;
    await until('the VM is loaded', () => sub.state().loaded);
    expect(vm()).toMatchObject({ kind: 'VirtualMachine', metadata: { name: 'vm-pod' } });
    expect(openWatches()).toHaveLength(1);
    await until('the socket is open', () => serverSockets().size === 1);
    const first = new URL(opened.at(-1)!, 'http://x');
    expect(first.searchParams.get('watch')).toBe('true');
    expect(first.searchParams.get('fieldSelector')).toBe('metadata.name=vm-pod');
    // The list's resourceVersion (the store's now), not the object's own older one.
    expect(first.searchParams.get('resourceVersion')).toBe(String(api.store.resourceVersion));
    expect(Number(vm().metadata.resourceVersion)).toBeLessThan(api.store.resourceVersion);

    // A change arrives through the socket.
    patchVM({ step: 'one' });
    await until('MODIFIED applied', () => vm().metadata.labels?.step === 'one');
    const rvOne = vm().metadata.resourceVersion;

    // The socket drops; a change made meanwhile is replayed from the last resourceVersion seen.
    const socketsBefore = opened.length;
    serverSockets().forEach((c) => c.terminate());
    patchVM({ step: 'two' });
    await until('the socket is reopened', () => opened.length > socketsBefore);
    const resumed = new URL(opened.at(-1)!, 'http://x');
    expect(resumed.searchParams.get('resourceVersion')).toBe(rvOne);
    await until('the missed change applied', () => vm().metadata.labels?.step === 'two');

    // The history it would resume from is gone: 410, then a fresh list.
    await until('the socket is open again', () => serverSockets().size === 1);
    const beforeExpiry = opened.length;
    serverSockets().forEach((c) => c.terminate());
    patchVM({ step: 'three' });
    for (let i = 0; i < 10001; i++)
      api.store.write(
        'test/filler',
        { apiVersion: 'v1', kind: 'Filler', metadata: { name: 'f' } },
        i ? 'MODIFIED' : 'ADDED',
      );
    await until('re-listed after 410', () => vm().metadata.labels?.step === 'three');
    await until('watching from the new list', () => opened.length >= beforeExpiry + 2);
    const afterRelist = new URL(opened.at(-1)!, 'http://x');
    expect(Number(afterRelist.searchParams.get('resourceVersion'))).toBeGreaterThanOrEqual(
      Number(vm().metadata.resourceVersion),
    );
    expect(sub.state().loadError).toBeUndefined();

    // The last subscriber goes: the socket closes and no new one opens.
    await until('the socket is open after the re-list', () => serverSockets().size === 1).catch(
      (e) => {
        throw new Error(
          `${e.message}: ${serverSockets().size} open; ${opened.slice(-4).join(' ')}`,
        );
      },
    );
    sub.release();
    release = undefined;
    expect(openWatches()).toHaveLength(0);
    await until('the socket is closed', () => serverSockets().size === 0);
    const finalCount = opened.length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(opened.length).toBe(finalCount);
  }, 30000);

  it('reports a named resource that does not exist as NotFound, and shows it once it is created', async () => {
    const sub = subscribeWatch(
      VM_MODEL,
      { kind: 'VirtualMachine', namespace: 'demo-vm-pod', name: 'vm-later' },
      () => undefined,
    );
    release = sub.release;
    await until('NotFound', () => !!sub.state().loadError);
    expect(sub.state()).toMatchObject({ data: undefined, loaded: false });
    expect(sub.state().loadError).toMatchObject({ code: 404, json: { reason: 'NotFound' } });
    await until('the socket is open', () => serverSockets().size === 1);
    api.route(
      'POST',
      new URL(VMS, 'http://x'),
      JSON.stringify({
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'vm-later' },
        spec: { template: { spec: { domain: { devices: {} } } } },
      }),
    );
    await until('created', () => sub.state().loaded);
    expect(sub.state().loadError).toBeUndefined();
    expect((sub.state().data as any).metadata.name).toBe('vm-later');
    sub.release();
    release = undefined;
  }, 15000);
});
