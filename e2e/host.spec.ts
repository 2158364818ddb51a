/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * The host is generic: a second, unrelated plugin (e2e/fixtures/tiny-plugin) gets its routes, nav item, VM tab and
 * VM actions rendered; an SDK export the host lacks fails loudly by name; navigation and the VM list work;
 * a plugin can be served from another origin (--plugin-url); the CLI starts on a given port with other fixtures.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { TINY_PLUGIN_NAME, buildTinyPlugin } from './fixtures/tiny-plugin/build';
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { ROOT, startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

let browser: TestBrowser;
let preview: Preview;
let tinyDir: string;

beforeAll(async () => {
  tinyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-plugin-'));
  await buildTinyPlugin(tinyDir);
  [browser, preview] = await Promise.all([
    launchBrowser(),
    startTestPreview({ extraPlugins: [{ name: TINY_PLUGIN_NAME, dir: tinyDir }] }),
  ]);
}, 120000);

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
  fs.rmSync(tinyDir, { recursive: true, force: true });
});

describe('a second plugin in the same host', () => {
  it('loads both plugins and lists them as Loaded', async () => {
    const w = await openPage(browser);
    await w.page.goto(preview.url);
    await w.page.waitForSelector(`[data-test="${TINY_PLUGIN_NAME}-status"]`);
    expect(await w.page.innerText(`[data-test="${TINY_PLUGIN_NAME}-status"]`)).toBe('Loaded');
    expect(await w.page.innerText(`[data-test="${preview.pluginName}-status"]`)).toBe('Loaded');
    w.assertNoProblems();
    await w.page.close();
  });

  it('renders its translated nav item and its console.page/route page with SDK data', async () => {
    const w = await openPage(browser);
    await w.page.goto(preview.url);
    await w.page.click('[data-test="nav-tiny"]');
    await w.page.waitForSelector('[data-test="tiny-ns-demo-vm-pod"]');
    expect(await w.page.innerText('[data-test="tiny-page"] h1')).toBe('Hello from the tiny plugin');
    expect(await w.page.innerText('[data-test="nav-tiny"]')).toBe('Tiny page');
    w.assertNoProblems();
    await w.page.close();
  });

  it('navigates from the VM list to the details page and between plugin tabs', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${preview.url}/k8s/ns/demo-vm-localnet/kubevirt.io~v1~VirtualMachine`);
    await w.page.waitForSelector('[data-test="vm-row-vm-localnet"]');
    await w.page.click('[data-test="vm-row-vm-localnet"] a');
    await w.page.waitForSelector('[data-test="vm-details"]');
    await w.page.click('[data-test="horizontal-link-Networking"]');
    await w.page.waitForSelector('[data-test="interface-row-nic-vlan-1924"]');
    expect(w.page.url()).toBe(vmTabURL(preview, 'demo-vm-localnet', 'vm-localnet'));
    await w.page.click('[data-test="horizontal-link-Tiny tab"]');
    expect(await (await w.page.waitForSelector('[data-test="tiny-tab"]')).innerText()).toBe(
      'Tiny tab for vm-localnet',
    );
    w.assertNoProblems();
    await w.page.close();
  });

  it('runs its VM actions: an href action from the list kebab, a k8sPatch action from the details menu', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${preview.url}/k8s/ns/demo-vm-pod/kubevirt.io~v1~VirtualMachine`);
    await w.page.click('[data-test="vm-row-vm-pod"] [data-test="kebab-button"]');
    await w.page.click('[data-test-action="tiny-open"]');
    expect(await (await w.page.waitForSelector('[data-test="tiny-thing"]')).innerText()).toBe(
      'demo-vm-pod/vm-pod',
    );

    await w.page.goto(vmTabURL(preview, 'demo-vm-pod', 'vm-pod', ''));
    await w.page.click('[data-test="actions-menu-button"]');
    await w.page.click('[data-test-action="tiny-label"]');
    // The patch goes to the fixture API; the page sees it through its watch.
    await w.page.waitForSelector('text=tiny=yes');
    const stored = preview.fixtureApi!.store.get(
      'kubevirt.io/virtualmachines',
      'demo-vm-pod',
      'vm-pod',
    );
    expect(stored?.metadata.labels?.tiny).toBe('yes');
    w.assertNoProblems();
    await w.page.close();
  });

  it('fails loudly, by name, when a plugin uses an SDK export the host does not implement', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${preview.url}/tiny-broken`);
    const message = await (
      await w.page.waitForSelector('[data-test="error-boundary"]')
    ).innerText();
    expect(message).toContain(
      'preview host: SDK export "useSomethingThatDoesNotExist" is not implemented',
    );
    expect(
      w.problems.some((p) => p.includes('"useSomethingThatDoesNotExist" is not implemented')),
    ).toBe(true);
    const missing = await w.page.evaluate(() => [...(window as any).__preview.missingExports]);
    expect(missing).toEqual(['useSomethingThatDoesNotExist']);
    await w.page.close();
  });
});

describe('--plugin-url: the plugin served from another origin', () => {
  it('proxies the dist of a separate server and renders the tab', async () => {
    const dist = path.join(ROOT, 'dist');
    const origin = http.createServer((req, res) => {
      const file = path.join(dist, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
      if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, {
        'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/javascript',
      });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    const viaUrl = await startTestPreview({
      pluginUrl: `http://127.0.0.1:${(origin.address() as AddressInfo).port}/`,
    });
    try {
      const w = await openPage(browser);
      await w.page.goto(vmTabURL(viaUrl, 'demo-vm-bridge', 'fedora-1'));
      await w.page.waitForSelector('[data-test="interface-row-nic-add1"]');
      w.assertNoProblems();
      await w.page.close();
    } finally {
      await viaUrl.close();
      origin.close();
    }
  });
});

describe('npm start (the CLI)', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
  const runCli = (args: string[], until: RegExp) =>
    new Promise<{ out: string; kill: () => void; code?: number | null }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'preview/cli.ts', ...args],
        { cwd: ROOT },
      );
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (until.test(out)) resolve({ out, kill: () => child.kill('SIGTERM') });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => resolve({ out, code, kill: () => undefined }));
    });

  it('serves another fixtures directory on the given port and prints the VM links', async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fixtures-'));
    fs.copyFileSync(
      path.join(ROOT, 'preview/fixtures/demo/05-vm-linux-bridge-vlan33.yaml'),
      path.join(dir, 'vm.yaml'),
    );
    const run = await runCli(
      ['--no-build', '--fixtures', dir, '--port', String(port)],
      /fedora-1\/vm-networking/,
    );
    try {
      expect(run.out).toContain(`Preview host: http://localhost:${port}`);
      expect(run.out).toContain(
        `http://localhost:${port}/k8s/ns/demo-vm-bridge/kubevirt.io~v1~VirtualMachine/fedora-1/vm-networking`,
      );
      const list = await (
        await fetch(
          `http://127.0.0.1:${port}/api/kubernetes/apis/kubevirt.io/v1/namespaces/demo-vm-bridge/virtualmachines`,
        )
      ).json();
      expect(list.items.map((v: { metadata: { name: string } }) => v.metadata.name)).toEqual([
        'fedora-1',
      ]);
      // A second instance on the same port says so.
      const clash = await runCli(
        ['--no-build', '--fixtures', dir, '--port', String(port)],
        /already in use/,
      );
      expect(clash.out).toContain(`Port ${port} is already in use`);
      clash.kill();
    } finally {
      run.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which fixtures directory is missing', async () => {
    const run = await runCli(
      ['--no-build', '--fixtures', '/nonexistent/fixtures', '--port', '0'],
      /does not exist/,
    );
    expect(run.out).toContain('Fixtures directory /nonexistent/fixtures does not exist');
    run.kill();
  });
});
