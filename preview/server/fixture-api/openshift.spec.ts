/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { FixtureApi } from './api';
import { definitionName } from './openapi';
import { PREVIEW_DEFAULT_LABEL } from './openshift';
import { applyStrategicMergePatch } from './strategic-merge';
import { versionFromClusterVersion } from '../../../src/core/k8s/openshift-version';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');

const call = (
  api: FixtureApi,
  method: string,
  p: string,
  body?: unknown,
  type = 'application/json',
): { code?: number; body?: any } => {
  try {
    const r = api.route(
      method,
      new URL(p, 'http://x'),
      body === undefined ? undefined : JSON.stringify(body),
      type,
    );
    return { code: r.code ?? 200, body: r.body };
  } catch (e) {
    return { code: (e as { code: number }).code, body: (e as any).toStatus() };
  }
};

const demo = (opts: ConstructorParameters<typeof FixtureApi>[0] = {}) => {
  const api = new FixtureApi(opts);
  api.seedFromDir(DEMO);
  return api;
};

describe('fixture API: who the console is', () => {
  it('answers users/~ with kube:admin, or the --user given', () => {
    const admin = call(demo(), 'GET', '/apis/user.openshift.io/v1/users/~');
    expect(admin.code).toBe(200);
    expect(admin.body).toMatchObject({
      kind: 'User',
      apiVersion: 'user.openshift.io/v1',
      metadata: { name: 'kube:admin' },
    });
    expect(admin.body.groups).toContain('system:cluster-admins');
    const alice = call(demo({ user: 'alice' }), 'GET', '/apis/user.openshift.io/v1/users/~');
    expect(alice.body.metadata.name).toBe('alice');
    expect(alice.body.groups).not.toContain('system:cluster-admins');
  });

  it('answers a SelfSubjectReview with the user info', () => {
    const r = call(
      demo({ user: 'alice' }),
      'POST',
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'SelfSubjectReview',
      },
    );
    expect(r.code).toBe(201);
    expect(r.body.status.userInfo.username).toBe('alice');
    expect(r.body.status.userInfo.groups).toContain('system:authenticated');
  });

  it('allows access reviews unless --forbid names the resource, and names the user in 403s', () => {
    const api = demo({ forbid: ['pods'], user: 'alice' });
    const review = (resource: string) =>
      call(api, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        spec: { resourceAttributes: { verb: 'list', resource, namespace: 'demo-vm-pod' } },
      }).body.status;
    expect(review('virtualmachines').allowed).toBe(true);
    expect(review('pods')).toMatchObject({ allowed: false, denied: true });
    const denied = call(api, 'GET', '/api/v1/namespaces/demo-vm-pod/pods');
    expect(denied.code).toBe(403);
    expect(denied.body.message).toContain('User "alice" cannot list resource "pods"');
  });
});

describe('fixture API: projects', () => {
  it('lists, gets and watches Namespaces as Projects', () => {
    const api = demo();
    const namespaces = call(api, 'GET', '/api/v1/namespaces').body.items.map(
      (n: any) => n.metadata.name,
    );
    const projects = call(api, 'GET', '/apis/project.openshift.io/v1/projects').body;
    expect(projects.kind).toBe('ProjectList');
    expect(projects.items.map((p: any) => p.metadata.name)).toEqual(namespaces);
    expect(projects.items.every((p: any) => p.kind === 'Project')).toBe(true);
    const one = call(api, 'GET', '/apis/project.openshift.io/v1/projects/demo-vm-pod').body;
    expect(one).toMatchObject({
      kind: 'Project',
      apiVersion: 'project.openshift.io/v1',
      status: { phase: 'Active' },
    });
    const events: any[] = [];
    const { watch } = api.route(
      'GET',
      new URL(
        'http://x/apis/project.openshift.io/v1/projects?watch=true&resourceVersion=' +
          api.store.resourceVersion,
      ),
    );
    const stop = api.watch(
      watch!,
      (e) => events.push(e),
      () => undefined,
    );
    call(api, 'POST', '/api/v1/namespaces', { metadata: { name: 'made-by-kubectl' } });
    stop();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ADDED',
        object: expect.objectContaining({
          kind: 'Project',
          metadata: expect.objectContaining({ name: 'made-by-kubectl' }),
        }),
      }),
    ]);
  });

  it('creates a Namespace for a ProjectRequest, with its display name and requester', () => {
    const api = demo({ user: 'alice' });
    const r = call(api, 'POST', '/apis/project.openshift.io/v1/projectrequests', {
      apiVersion: 'project.openshift.io/v1',
      kind: 'ProjectRequest',
      metadata: { name: 'team-a' },
      displayName: 'Team A',
      description: 'VMs of team A',
    });
    expect(r.code).toBe(201);
    expect(r.body.kind).toBe('Project');
    const ns = call(api, 'GET', '/api/v1/namespaces/team-a').body;
    expect(ns.metadata.annotations).toEqual({
      'openshift.io/display-name': 'Team A',
      'openshift.io/description': 'VMs of team A',
      'openshift.io/requester': 'alice',
    });
    expect(
      call(api, 'POST', '/apis/project.openshift.io/v1/projectrequests', {
        metadata: { name: 'team-a' },
      }).code,
    ).toBe(409);
    expect(
      call(api, 'POST', '/apis/project.openshift.io/v1/projectrequests', {
        metadata: { name: 'Not_A_Name' },
      }).code,
    ).toBe(422);
    // Deleting the Project deletes the Namespace and what lives in it.
    expect(call(api, 'DELETE', '/apis/project.openshift.io/v1/projects/demo-vm-pod').code).toBe(
      200,
    );
    expect(call(api, 'GET', '/api/v1/namespaces/demo-vm-pod').code).toBe(404);
    expect(
      call(api, 'GET', '/apis/kubevirt.io/v1/namespaces/demo-vm-pod/virtualmachines').body.items,
    ).toEqual([]);
  });
});

describe('fixture API: cluster configuration', () => {
  it('serves infrastructures/cluster and a default networks.config.openshift.io/cluster', () => {
    const api = new FixtureApi();
    const infra = call(api, 'GET', '/apis/config.openshift.io/v1/infrastructures/cluster');
    expect(infra.code).toBe(200);
    expect(infra.body.status.platform).toBe('None');
    const net = call(api, 'GET', '/apis/config.openshift.io/v1/networks/cluster').body;
    expect(net.status.networkType).toBe('OVNKubernetes');
    expect(net.metadata.labels[PREVIEW_DEFAULT_LABEL]).toBe('true');
  });

  it('serves the fixtures’ own Network config object instead of the default', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-fixture-'));
    fs.writeFileSync(
      path.join(dir, 'network.yaml'),
      stringify({
        apiVersion: 'config.openshift.io/v1',
        kind: 'Network',
        metadata: { name: 'cluster' },
        spec: { networkType: 'OpenShiftSDN' },
        status: { networkType: 'OpenShiftSDN' },
      }),
    );
    const api = new FixtureApi();
    api.seedFromDir(dir);
    fs.rmSync(dir, { recursive: true });
    const net = call(api, 'GET', '/apis/config.openshift.io/v1/networks/cluster').body;
    expect(net.status.networkType).toBe('OpenShiftSDN');
    expect(net.metadata.labels?.[PREVIEW_DEFAULT_LABEL]).toBeUndefined();
  });

  it('reports the emulated release in ClusterVersion, also over the demo capture (4.20.8)', () => {
    for (const release of ['4.21.0', '4.22.0']) {
      const cv = call(
        demo({ release }),
        'GET',
        '/apis/config.openshift.io/v1/clusterversions/version',
      ).body;
      expect(versionFromClusterVersion(cv)).toBe(release);
      expect(cv.status.desired.version).toBe(release);
      expect(cv.spec.channel).toBe(`stable-${release.slice(0, 4)}`);
      // The capture's other facts stay.
      expect(cv.spec.clusterID).toBe('56df03da-41a2-4b53-8df2-34bea6064d1e');
      expect(JSON.stringify(cv)).not.toContain('4.20.8');
    }
    const bare = call(
      new FixtureApi(),
      'GET',
      '/apis/config.openshift.io/v1/clusterversions/version',
    ).body;
    expect(versionFromClusterVersion(bare)).toBe('4.21.0');
  });
});

describe('fixture API: OpenAPI', () => {
  const api = demo();
  it('/openapi/v2 has a definition per served kind, found by x-kubernetes-group-version-kind', () => {
    const doc = call(api, 'GET', '/openapi/v2').body;
    expect(doc.swagger).toBe('2.0');
    const byGVK = (group: string, kind: string) =>
      Object.entries(doc.definitions).find(([, d]: [string, any]) =>
        d['x-kubernetes-group-version-kind']?.some(
          (g: any) => g.group === group && g.kind === kind,
        ),
      );
    const [vmName, vm] = byGVK('kubevirt.io', 'VirtualMachine') as [string, any];
    expect(vmName).toBe('io.kubevirt.v1.VirtualMachine');
    expect(vm.properties.spec).toBeDefined();
    const [udnName, udn] = byGVK('k8s.ovn.org', 'UserDefinedNetwork') as [string, any];
    expect(udnName).toBe('org.ovn.k8s.v1.UserDefinedNetwork');
    expect(udn.properties.spec.properties.topology.enum).toEqual(
      expect.arrayContaining(['Layer2', 'Layer3']),
    );
    expect(byGVK('', 'Pod')?.[0]).toBe('io.k8s.api.core.v1.Pod');
    expect(byGVK('project.openshift.io', 'Project')?.[0]).toBe(
      'com.github.openshift.api.project.v1.Project',
    );
    // Swagger 2.0 has no anyOf/oneOf/nullable: none may remain anywhere.
    expect(JSON.stringify(doc)).not.toMatch(/"(anyOf|oneOf|nullable)":/);
  });

  it('/openapi/v3 indexes every group version; each document holds its kinds', () => {
    const index = call(api, 'GET', '/openapi/v3').body;
    expect(index.paths['apis/kubevirt.io/v1'].serverRelativeURL).toBe(
      '/openapi/v3/apis/kubevirt.io/v1',
    );
    expect(index.paths['api/v1']).toBeDefined();
    for (const p of Object.keys(index.paths)) {
      const doc = call(api, 'GET', `/openapi/v3/${p}`);
      expect(doc.code).toBe(200);
      expect(Object.keys(doc.body.components.schemas).length).toBeGreaterThan(0);
    }
    const udn = call(api, 'GET', '/openapi/v3/apis/k8s.ovn.org/v1').body.components.schemas[
      'org.ovn.k8s.v1.UserDefinedNetwork'
    ];
    expect(udn['x-kubernetes-group-version-kind']).toEqual([
      { group: 'k8s.ovn.org', version: 'v1', kind: 'UserDefinedNetwork' },
    ]);
    expect(call(api, 'GET', '/openapi/v3/apis/nothing.example/v1').code).toBe(404);
  });

  it('names definitions as the apiserver does', () => {
    expect(
      definitionName({
        group: 'k8s.cni.cncf.io',
        version: 'v1',
        kind: 'NetworkAttachmentDefinition',
      }),
    ).toBe('io.cncf.cni.k8s.v1.NetworkAttachmentDefinition');
    expect(definitionName({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe(
      'io.k8s.api.apps.v1.Deployment',
    );
  });
});

describe('fixture API: strategic merge patch', () => {
  const SMP = 'application/strategic-merge-patch+json';

  it('merges a Pod’s containers and env by name instead of replacing the lists', () => {
    const api = demo();
    const pod = call(api, 'GET', '/api/v1/namespaces/demo-vm-pod/pods').body.items[0];
    const before = pod.spec.containers.length;
    const first = pod.spec.containers[0].name;
    const r = call(
      api,
      'PATCH',
      `/api/v1/namespaces/demo-vm-pod/pods/${pod.metadata.name}`,
      { spec: { containers: [{ name: first, env: [{ name: 'PREVIEW', value: '1' }] }] } },
      SMP,
    );
    expect(r.code).toBe(200);
    expect(r.body.spec.containers).toHaveLength(before);
    const c = r.body.spec.containers.find((x: any) => x.name === first);
    expect(c.image).toBe(pod.spec.containers[0].image);
    expect(c.env).toEqual(expect.arrayContaining([{ name: 'PREVIEW', value: '1' }]));
    // A merge patch with the same body replaces the list, as the apiserver does.
    const merge = call(
      api,
      'PATCH',
      `/api/v1/namespaces/demo-vm-pod/pods/${pod.metadata.name}`,
      { metadata: { labels: { a: 'b' } } },
      SMP,
    );
    expect(merge.body.metadata.labels.a).toBe('b');
  });

  it('deletes list items with $patch: delete and orders with $setElementOrder', () => {
    const pod = {
      metadata: { name: 'p', finalizers: ['a'] },
      spec: {
        containers: [
          { name: 'one', image: 'x' },
          { name: 'two', image: 'y' },
        ],
        tolerations: [{ key: 'k' }],
      },
    };
    const out = applyStrategicMergePatch(
      pod,
      {
        metadata: { finalizers: ['b'] },
        spec: {
          containers: [
            { name: 'one', $patch: 'delete' },
            { name: 'three', image: 'z' },
          ],
          '$setElementOrder/containers': [{ name: 'three' }, { name: 'two' }],
          tolerations: [{ key: 'other' }],
        },
      },
      { group: '', kind: 'Pod' },
    ) as any;
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['three', 'two']);
    expect(out.spec.tolerations).toEqual([{ key: 'other' }]); // no patch strategy: replaced
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
  });

  it('refuses it for custom resources (VirtualMachine, UDN) with 415, as the apiserver does', () => {
    const api = demo();
    const r = call(
      api,
      'PATCH',
      '/apis/kubevirt.io/v1/namespaces/demo-vm-pod/virtualmachines/vm-pod',
      { metadata: { labels: { a: 'b' } } },
      SMP,
    );
    expect(r.code).toBe(415);
    expect(r.body.message).toContain('application/merge-patch+json');
  });

  it('equals a merge patch when no list is involved (generated label maps)', () => {
    const base = { metadata: { name: 'n', labels: { keep: 'x' } }, spec: { a: 1 } };
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.startsWith('$')),
          fc.option(fc.string({ maxLength: 4 }), { nil: null }),
        ),
        (labels) => {
          const out = applyStrategicMergePatch(
            base,
            { metadata: { labels } },
            {
              group: '',
              kind: 'ConfigMap',
            },
          ) as any;
          const expected: Record<string, string> = { keep: 'x' };
          for (const [k, v] of Object.entries(labels)) {
            if (v === null) delete expected[k];
            else expected[k] = v;
          }
          expect(out.metadata.labels).toEqual(expected);
          expect(out.spec).toEqual({ a: 1 });
        },
      ),
    );
  });
});
