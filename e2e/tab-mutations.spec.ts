/**
 * Bad data never blanks the Networking tab: the preview host is seeded with mutated copies of the
 * demo captures (each class of bad data seen on real clusters, cluster-wide objects included) and
 * every VM's tab must still render its interface table, without the console's "tab failed" panel.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { DEMO_FIXTURES, startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

type Obj = {
  apiVersion?: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

const NETWORK_STATUS = 'k8s.v1.cni.cncf.io/network-status';
const POD_NETWORKS = 'k8s.ovn.org/pod-networks';

const loadDemo = (): Map<string, Obj[]> => {
  const out = new Map<string, Obj[]>();
  for (const file of fs.readdirSync(DEMO_FIXTURES).filter((f) => f.endsWith('.yaml'))) {
    const docs = parseAllDocuments(fs.readFileSync(path.join(DEMO_FIXTURES, file), 'utf8'))
      .map((d) => d.toJS() as Obj | null)
      .filter((o): o is Obj => !!o && typeof o === 'object');
    out.set(file, docs);
  }
  return out;
};

const writeFixtures = (files: Map<string, Obj[]>): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-mutations-'));
  for (const [file, objects] of files) {
    fs.writeFileSync(path.join(dir, file), objects.map((o) => stringify(o)).join('---\n'));
  }
  return dir;
};

const find = (files: Map<string, Obj[]>, kind: string, namespace: string | undefined) =>
  [...files.values()]
    .flat()
    .filter(
      (o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace),
    );

const launcherOf = (files: Map<string, Obj[]>, namespace: string, vm?: string) =>
  find(files, 'Pod', namespace).find(
    (p) => p.metadata.name.startsWith('virt-launcher-') && (!vm || p.metadata.name.includes(vm)),
  )!;

const editJson = (pod: Obj, key: string, edit: (v: never) => unknown) => {
  const a = pod.metadata.annotations!;
  a[key] = JSON.stringify(edit(JSON.parse(a[key]) as never));
};

/** One class of bad data per VM (the objects its tab reads). */
const PER_VM: { ns: string; vm: string; what: string; mutate: (f: Map<string, Obj[]>) => void }[] =
  [
    {
      ns: 'demo-vm-pod',
      vm: 'vm-pod',
      what: 'network-status ips a string',
      mutate: (f) =>
        editJson(launcherOf(f, 'demo-vm-pod'), NETWORK_STATUS, (v: Record<string, unknown>[]) => {
          v[0].ips = '10.131.1.97';
          return v;
        }),
    },
    {
      ns: 'demo-vm-primary-udn',
      vm: 'vm-primary-udn',
      what: 'network-status null',
      mutate: (f) =>
        (launcherOf(f, 'demo-vm-primary-udn').metadata.annotations![NETWORK_STATUS] = 'null'),
    },
    {
      ns: 'demo-vm-secondary-udn',
      vm: 'vm-secondary-udn',
      what: 'network-status a JSON object',
      mutate: (f) =>
        (launcherOf(f, 'demo-vm-secondary-udn').metadata.annotations![NETWORK_STATUS] =
          '{"name":"ovn-kubernetes","interface":"eth0"}'),
    },
    {
      ns: 'demo-vm-localnet',
      vm: 'vm-localnet',
      what: 'pod-networks ip_addresses a string',
      mutate: (f) =>
        editJson(
          launcherOf(f, 'demo-vm-localnet'),
          POD_NETWORKS,
          (v: Record<string, Record<string, unknown>>) => {
            v.default.ip_addresses = '10.131.0.84/23';
            return v;
          },
        ),
    },
    {
      ns: 'demo-vm-bridge',
      vm: 'fedora-1',
      what: 'network-status ips [null] and VMI ipAddresses a string',
      mutate: (f) => {
        editJson(
          launcherOf(f, 'demo-vm-bridge'),
          NETWORK_STATUS,
          (v: Record<string, unknown>[]) => {
            v[1].ips = [null];
            return v;
          },
        );
        const vmi = find(f, 'VirtualMachineInstance', 'demo-vm-bridge')[0];
        const ifaces = (vmi.status!.interfaces as Record<string, unknown>[]) ?? [];
        if (ifaces[0]) ifaces[0].ipAddresses = '10.131.0.86';
      },
    },
    {
      ns: 'llm-demo',
      vm: 'centos-stream9-gold-rabbit-80',
      what: 'pod-networks not JSON',
      mutate: (f) =>
        (launcherOf(f, 'llm-demo', 'gold-rabbit').metadata.annotations![POD_NETWORKS] =
          '{"default":'),
    },
  ];

/** Malformed cluster-wide objects: each must leave every VM's tab readable. */
const CLUSTER_WIDE: { what: string; mutate: (f: Map<string, Obj[]>) => void }[] = [
  {
    what: 'an NNCP whose bridge-mappings is an object, not a list',
    mutate: (f) => {
      f.get('00-cluster.yaml')!.push({
        apiVersion: 'nmstate.io/v1',
        kind: 'NodeNetworkConfigurationPolicy',
        metadata: { name: 'broken-mapping' },
        spec: {
          desiredState: {
            ovn: { 'bridge-mappings': { localnet: 'demo-vlan-1924', bridge: 'br-x' } },
          },
        },
      });
    },
  },
  {
    what: 'a NodeNetworkState of another node with null entries',
    mutate: (f) => {
      f.get('00-cluster.yaml')!.push({
        apiVersion: 'nmstate.io/v1beta1',
        kind: 'NodeNetworkState',
        metadata: { name: 'other-node' },
        status: {
          currentState: {
            interfaces: [null, { name: null, mtu: 'x' }],
            ovn: { 'bridge-mappings': [null] },
          },
        },
      });
    },
  },
  {
    what: 'a CUDN whose namespace selector is a list',
    mutate: (f) => {
      f.get('00-cluster.yaml')!.push({
        apiVersion: 'k8s.ovn.org/v1',
        kind: 'ClusterUserDefinedNetwork',
        metadata: { name: 'broken-cudn' },
        spec: {
          namespaceSelector: { matchExpressions: 'all' },
          network: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: '10.9.0.0/24' } },
        },
      });
    },
  },
];

const ALL_VMS = PER_VM.map(({ ns, vm }) => ({ ns, vm })).concat([
  { ns: 'llm-demo', vm: 'centos-stream9-green-ferret-41' },
]);

let browser: TestBrowser;
const dirs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const expectTable = async (preview: Preview, ns: string, vm: string) => {
  const w = await openPage(browser);
  try {
    await w.page.goto(vmTabURL(preview, ns, vm));
    await w.page.waitForSelector(
      '[data-test="vm-networking-interfaces"] [data-test^="interface-row-"]',
      { timeout: 30000 },
    );
    const text = await w.page.innerText('body');
    expect(text).not.toMatch(/Tab .* failed/);
    return w.page;
  } catch (e) {
    throw new Error(`${ns}/${vm}: ${(e as Error).message}`);
  }
};

describe('the Networking tab on mutated demo captures', () => {
  let preview: Preview;
  beforeAll(async () => {
    const files = loadDemo();
    for (const m of PER_VM) m.mutate(files);
    const dir = writeFixtures(files);
    dirs.push(dir);
    preview = await startTestPreview({ fixtures: [dir] });
  });
  afterAll(async () => {
    await preview?.close();
  });

  it.each(PER_VM)(
    '$ns/$vm ($what) renders its interface table and names the bad data',
    async ({ ns, vm }) => {
      const page = await expectTable(preview, ns, vm);
      await page.waitForSelector('[data-test="diagnostic-bad-data"]');
      await page.close();
    },
  );
});

describe('the Networking tab with malformed cluster-wide objects', () => {
  let preview: Preview;
  beforeAll(async () => {
    const files = loadDemo();
    for (const m of CLUSTER_WIDE) m.mutate(files);
    const dir = writeFixtures(files);
    dirs.push(dir);
    preview = await startTestPreview({ fixtures: [dir] });
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('loaded every malformed object', () => {
    const names = [
      ...preview.fixtureApi!.store.list('nmstate.io/nodenetworkconfigurationpolicies'),
      ...preview.fixtureApi!.store.list('nmstate.io/nodenetworkstates'),
      ...preview.fixtureApi!.store.list('k8s.ovn.org/clusteruserdefinednetworks'),
    ].map((o) => o.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['broken-mapping', 'other-node', 'broken-cudn']));
  });

  it.each(ALL_VMS)('$ns/$vm still renders its interface table', async ({ ns, vm }) => {
    const page = await expectTable(preview, ns, vm);
    await page.close();
  });
});
