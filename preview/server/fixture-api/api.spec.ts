/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as zlib from 'zlib';
import { FixtureApi } from './api';
import { applyJsonPatch } from '../../../src/core/k8s/json-patch';
import { parseLabelSelector } from './selectors';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');
const VMS = '/apis/kubevirt.io/v1/namespaces/demo-vm-pod/virtualmachines';
const UDNS = '/apis/k8s.ovn.org/v1/namespaces/demo-vm-primary-udn/userdefinednetworks';

const call = (
  api: FixtureApi,
  method: string,
  p: string,
  body?: unknown,
  type = 'application/json',
) => {
  try {
    return api.route(
      method,
      new URL(p, 'http://x'),
      body === undefined ? undefined : JSON.stringify(body),
      type,
    );
  } catch (e) {
    return {
      code: (e as { code: number }).code,
      body: (e as { toStatus: () => unknown }).toStatus(),
    };
  }
};

const seeded = () => {
  const api = new FixtureApi();
  api.seedFromDir(DEMO);
  return api;
};

describe('fixture API: discovery', () => {
  const api = seeded();
  it('lists groups with their preferred versions and resources from CRDs and built-ins', () => {
    const groups = (
      call(api, 'GET', '/apis').body as {
        groups: Array<{ name: string; preferredVersion: { version: string } }>;
      }
    ).groups;
    expect(groups.find((g) => g.name === 'k8s.ovn.org')?.preferredVersion.version).toBe('v1');
    const list = call(api, 'GET', '/apis/k8s.cni.cncf.io/v1beta1').body as {
      resources: Array<{ name: string; namespaced: boolean }>;
    };
    expect(list.resources.map((r) => r.name)).toContain('multi-networkpolicies');
    const core = call(api, 'GET', '/api/v1').body as {
      resources: Array<{ name: string; kind: string }>;
    };
    expect(core.resources.find((r) => r.name === 'pods')?.kind).toBe('Pod');
  });
});

describe('fixture API: reads', () => {
  const api = seeded();
  it('gets, lists by namespace and label selector, and 404s like the apiserver', () => {
    const vm = call(api, 'GET', `${VMS}/vm-pod`).body as {
      metadata: { resourceVersion: string; uid: string };
    };
    expect(Number(vm.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(vm.metadata.uid).toBeTruthy();
    const missing = call(api, 'GET', `${VMS}/nope`);
    expect(missing.code).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'virtualmachines.kubevirt.io "nope" not found',
    });
    const pods = call(
      api,
      'GET',
      '/api/v1/namespaces/demo-vm-pod/pods?labelSelector=' +
        encodeURIComponent('vm.kubevirt.io/name=vm-pod'),
    ).body as { items: unknown[] };
    expect(pods.items).toHaveLength(1);
    const none = call(
      api,
      'GET',
      '/api/v1/namespaces/demo-vm-pod/pods?labelSelector=' +
        encodeURIComponent('vm.kubevirt.io/name in (other)'),
    ).body as { items: unknown[] };
    expect(none.items).toHaveLength(0);
    const byName = call(api, 'GET', `${VMS}?fieldSelector=metadata.name%3Dvm-pod`).body as {
      kind: string;
      items: unknown[];
    };
    expect(byName).toMatchObject({ kind: 'VirtualMachineList' });
    expect(byName.items).toHaveLength(1);
  });
});

describe('fixture API: writes', () => {
  it('creates with generateName, refuses duplicates (409) and missing namespaces (404)', () => {
    const api = seeded();
    const nad = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { generateName: 'br-' },
      spec: {
        config: JSON.stringify({ cniVersion: '0.3.1', name: 'x', type: 'bridge', bridge: 'br1' }),
      },
    };
    const created = call(
      api,
      'POST',
      '/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-pod/network-attachment-definitions',
      nad,
    );
    expect(created.code).toBe(201);
    const name = (created.body as { metadata: { name: string; generation: number } }).metadata.name;
    expect(name).toMatch(/^br-[a-z0-9]{5}$/);
    const dup = call(
      api,
      'POST',
      '/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-pod/network-attachment-definitions',
      { ...nad, metadata: { name } },
    );
    expect(dup).toMatchObject({ code: 409, body: { reason: 'AlreadyExists' } });
    const noNs = call(
      api,
      'POST',
      '/apis/k8s.cni.cncf.io/v1/namespaces/ghost/network-attachment-definitions',
      { ...nad, metadata: { name: 'a' } },
    );
    expect(noNs).toMatchObject({ code: 404, body: { message: 'namespaces "ghost" not found' } });
  });

  it('rejects an invalid UDN with 422 and field causes from the CRD (schema and CEL)', () => {
    const api = seeded();
    const bad = {
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'bad' },
      spec: { topology: 'Layer9' },
    };
    const r = call(api, 'POST', UDNS, bad);
    expect(r.code).toBe(422);
    const causes = (r.body as { details: { causes: Array<{ field: string }> } }).details.causes;
    expect(causes.map((c) => c.field)).toContain('spec.topology');
    const noSubnets = {
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'l2' },
      spec: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: ['10.9.0.0/33'] } },
    };
    expect(call(api, 'POST', UDNS, noSubnets).code).toBe(422);
    const good = {
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'l2' },
      spec: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: ['10.9.0.0/24'] } },
    };
    expect(call(api, 'POST', UDNS, good).code).toBe(201);
  });

  it('dryRun=All validates and answers without storing', () => {
    const api = seeded();
    const good = {
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'dry' },
      spec: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: ['10.9.0.0/24'] } },
    };
    const rv = api.store.resourceVersion;
    expect(call(api, 'POST', `${UDNS}?dryRun=All`, good).code).toBe(201);
    expect(api.store.resourceVersion).toBe(rv);
    expect(call(api, 'GET', `${UDNS}/dry`).code).toBe(404);
  });

  it('updates with optimistic concurrency (409 Conflict on a stale resourceVersion) and bumps generation on spec changes', () => {
    const api = seeded();
    const vm = call(api, 'GET', `${VMS}/vm-pod`).body as any;
    const changed = { ...vm, spec: { ...vm.spec, runStrategy: 'Halted' } };
    const updated = call(api, 'PUT', `${VMS}/vm-pod`, changed).body as any;
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(
      Number(vm.metadata.resourceVersion),
    );
    expect(updated.metadata.generation).toBe((vm.metadata.generation ?? 1) + 1);
    expect(call(api, 'PUT', `${VMS}/vm-pod`, changed)).toMatchObject({
      code: 409,
      body: { reason: 'Conflict' },
    });
  });

  it('applies JSON patches with test operations (422 when a test fails) and merge patches', () => {
    const api = seeded();
    const vm = call(api, 'GET', `${VMS}/vm-pod`).body as any;
    const ok = call(
      api,
      'PATCH',
      `${VMS}/vm-pod`,
      [
        { op: 'test', path: '/metadata/resourceVersion', value: vm.metadata.resourceVersion },
        { op: 'add', path: '/metadata/labels', value: { a: 'b' } },
      ],
      'application/json-patch+json',
    );
    expect((ok.body as any).metadata.labels).toEqual({ a: 'b' });
    const stale = call(
      api,
      'PATCH',
      `${VMS}/vm-pod`,
      [{ op: 'test', path: '/metadata/resourceVersion', value: vm.metadata.resourceVersion }],
      'application/json-patch+json',
    );
    expect(stale).toMatchObject({ code: 422, body: { reason: 'Invalid' } });
    const merged = call(
      api,
      'PATCH',
      `${VMS}/vm-pod`,
      { metadata: { labels: { a: null, c: 'd' } } },
      'application/merge-patch+json',
    );
    expect((merged.body as any).metadata.labels).toEqual({ c: 'd' });
  });

  it('deletes, and a deleted namespace takes its objects along', () => {
    const api = seeded();
    expect(call(api, 'DELETE', `${VMS}/vm-pod`).code ?? 200).toBe(200);
    expect(call(api, 'GET', `${VMS}/vm-pod`).code).toBe(404);
    call(api, 'DELETE', '/api/v1/namespaces/demo-vm-localnet');
    expect(
      (
        call(
          api,
          'GET',
          '/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-localnet/network-attachment-definitions',
        ).body as any
      ).items,
    ).toEqual([]);
  });
});

describe('fixture API: --forbid and access reviews', () => {
  const api = new FixtureApi({ forbid: ['pods'] });
  api.seedFromDir(DEMO);
  it('answers 403 Forbidden for forbidden resources and denies them in SelfSubjectAccessReviews', () => {
    expect(call(api, 'GET', '/api/v1/namespaces/demo-vm-pod/pods')).toMatchObject({
      code: 403,
      body: { reason: 'Forbidden' },
    });
    const review = (res: string) =>
      (
        call(api, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          spec: { resourceAttributes: { resource: res, verb: 'list', namespace: 'x' } },
        }).body as any
      ).status.allowed;
    expect(review('pods')).toBe(false);
    expect(review('virtualmachines')).toBe(true);
  });
});

describe('fixture API: watch over HTTP', () => {
  it('streams ADDED/MODIFIED/DELETED events as newline-delimited JSON from a resourceVersion', async () => {
    const api = seeded();
    const server = http.createServer((req, res) => void api.handle(req, res, req.url!));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const list = call(api, 'GET', VMS).body as any;
    const events: Array<{
      type: string;
      object: { metadata: { name: string; labels?: Record<string, string> } };
    }> = [];
    const done = new Promise<void>((resolve) => {
      http.get(
        `http://127.0.0.1:${port}${VMS}?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString();
            const lines = buf.split('\n');
            buf = lines.pop()!;
            lines.filter(Boolean).forEach((l) => events.push(JSON.parse(l)));
            if (events.length >= 3) {
              res.destroy();
              resolve();
            }
          });
        },
      );
    });
    await new Promise((r) => setTimeout(r, 50));
    call(
      api,
      'PATCH',
      `${VMS}/vm-pod`,
      { metadata: { labels: { watched: 'yes' } } },
      'application/merge-patch+json',
    );
    const vm2 = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'vm-two' },
      spec: { template: { spec: { domain: { devices: {} } } } },
    };
    call(api, 'POST', VMS, vm2);
    call(api, 'DELETE', `${VMS}/vm-two`);
    await done;
    server.close();
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['MODIFIED', 'vm-pod'],
      ['ADDED', 'vm-two'],
      ['DELETED', 'vm-two'],
    ]);
    expect(events[0].object.metadata.labels?.watched).toBe('yes');
  });
});

describe('patch and selector primitives', () => {
  it('JSON patch: add/remove/replace/move/copy/test as RFC 6902', () => {
    const doc = { a: [1, 2], b: { c: 1 } };
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/a/-', value: 3 },
        { op: 'remove', path: '/a/0' },
        { op: 'move', from: '/b/c', path: '/d' },
        { op: 'copy', from: '/d', path: '/e' },
        { op: 'replace', path: '/e', value: 9 },
      ]),
    ).toEqual({ a: [2, 3], b: {}, d: 1, e: 9 });
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/b/c', value: 2 }])).toThrow(
      /test failed/,
    );
    expect(doc).toEqual({ a: [1, 2], b: { c: 1 } });
  });
  it('label selectors: equality and set-based requirements', () => {
    const sel = parseLabelSelector('app=web,tier in (a,b),!legacy,env!=prod');
    expect(sel({ app: 'web', tier: 'a' })).toBe(true);
    expect(sel({ app: 'web', tier: 'c' })).toBe(false);
    expect(sel({ app: 'web', tier: 'b', legacy: '' })).toBe(false);
    expect(sel({ app: 'web', tier: 'b', env: 'prod' })).toBe(false);
  });
});

describe('fixture API: response compression, as kube-apiserver answers', () => {
  const NADS = '/apis/k8s.cni.cncf.io/v1/namespaces/demo-vm-pod/network-attachment-definitions';
  const get = (port: number, p: string, acceptEncoding?: string) =>
    new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
      http
        .get(`http://127.0.0.1:${port}${p}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              encoding: res.headers['content-encoding'],
              vary: res.headers.vary,
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on('error', reject);
    });

  it('gzips a body over 128 KiB when the client accepts gzip, and nothing else', async () => {
    const api = seeded();
    // About 300 KB of NADs, as the bench's 500-NAD namespace.
    for (let i = 0; i < 500; i++) {
      const config = { cniVersion: '0.3.1', name: `net-${i}`, type: 'bridge', bridge: `br-${i}` };
      call(api, 'POST', NADS, {
        apiVersion: 'k8s.cni.cncf.io/v1',
        kind: 'NetworkAttachmentDefinition',
        metadata: { name: `nad-${i}`, annotations: { description: 'x'.repeat(400) } },
        spec: { config: JSON.stringify(config) },
      });
    }
    const server = http.createServer((req, res) => void api.handle(req, res, req.url!));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const plain = await get(port, NADS);
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(128 * 1024);
      const list = JSON.parse(plain.body.toString('utf8'));
      expect(list.items).toHaveLength(500);

      const gzipped = await get(port, NADS, 'gzip, deflate, br, zstd');
      expect(gzipped.encoding).toBe('gzip');
      expect(gzipped.vary).toBe('Accept-Encoding');
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
      expect(JSON.parse(zlib.gunzipSync(gzipped.body).toString('utf8')).items).toHaveLength(500);

      // A token other than exactly `gzip` is not gzip (as the API server reads the header).
      expect((await get(port, NADS, 'deflate, br')).encoding).toBeUndefined();
      expect((await get(port, NADS, 'x-gzip')).encoding).toBeUndefined();
      // A small body is never compressed.
      expect((await get(port, `${NADS}/nad-1`, 'gzip')).encoding).toBeUndefined();
    } finally {
      server.close();
    }
  });
});

describe('fixture API: --without-crd, a cluster without an operator', () => {
  const api = new FixtureApi({
    withoutCrds: ['nodenetworkstates.nmstate.io', 'nodenetworkconfigurationpolicies.nmstate.io'],
  });
  const report = api.seedFromDir(DEMO);

  it('leaves the kinds out of discovery and answers 404 for them, the fixtures of those kinds unloaded', () => {
    const nmstate = ['/apis/nmstate.io/v1', '/apis/nmstate.io/v1beta1'].flatMap(
      (p) =>
        ((call(api, 'GET', p).body as { resources?: { name: string }[] }).resources ?? []).map(
          (r) => r.name,
        ) as string[],
    );
    expect(nmstate).not.toContain('nodenetworkstates');
    expect(nmstate).not.toContain('nodenetworkconfigurationpolicies');
    expect(call(api, 'GET', '/apis/nmstate.io/v1beta1/nodenetworkstates').code).toBe(404);
    expect(call(api, 'GET', '/apis/nmstate.io/v1/nodenetworkconfigurationpolicies').code).toBe(404);
    // Everything else is served as before.
    expect(call(api, 'GET', VMS).code ?? 200).toBe(200);
    expect(JSON.stringify(report)).not.toMatch(/NodeNetwork/);
  });

  it('serves them when not asked to leave them out', () => {
    const full = seeded();
    const list = (p: string) =>
      call(full, 'GET', p) as { code?: number; body: { items: unknown[] } };
    expect(list('/apis/nmstate.io/v1beta1/nodenetworkstates').body.items).toEqual([]);
    expect(
      list('/apis/nmstate.io/v1/nodenetworkconfigurationpolicies').body.items.length,
    ).toBeGreaterThan(0);
  });
});
