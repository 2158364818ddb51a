/**
 * @jest-environment node
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sharedPath } from '../../../test-support/shared';
import { FixtureApi } from './api';
import { loadManifestDir } from './manifests';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');

describe('fixture manifests, read by src/core/manifests', () => {
  it('loads every object of the demo fixtures and ignores their README', () => {
    const m = loadManifestDir(DEMO);
    expect(fs.existsSync(path.join(DEMO, 'README.md'))).toBe(true);
    expect(m.skipped).toEqual([]);
    expect(new Set(m.objects.map((o) => path.basename(o.file)))).toEqual(
      new Set(fs.readdirSync(DEMO).filter((f) => /\.ya?ml$/.test(f))),
    );
    const vms = m.objects.filter((o) => o.object.kind === 'VirtualMachine');
    expect(vms.map((o) => o.object.metadata.name)).toContain('vm-pod');
  });

  it('reports what it cannot store, with the file and why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-manifests-'));
    try {
      // A kustomize tree: the kustomization has no metadata.name; the manifests beside it load.
      fs.writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [nad.yaml]\n',
      );
      fs.copyFileSync(
        sharedPath('examples/field/kv-localnet-vlan.nads-vms.yaml'),
        path.join(dir, 'nad.yaml'),
      );
      // A JSON List, unwrapped; and a document that does not parse.
      fs.writeFileSync(
        path.join(dir, 'list.json'),
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'from-list' } }],
        }),
      );
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'kind: [unclosed\n');
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'kind: Namespace\nmetadata: {name: no}\n');
      const m = loadManifestDir(dir);
      const files = (f: string) => m.objects.filter((o) => path.basename(o.file) === f);
      expect(files('nad.yaml').map((o) => o.object.kind)).toEqual(
        expect.arrayContaining(['NetworkAttachmentDefinition', 'VirtualMachine']),
      );
      expect(files('list.json').map((o) => o.object.metadata.name)).toEqual(['from-list']);
      expect(m.objects.some((o) => o.object.metadata.name === 'no')).toBe(false);
      expect(m.skipped.map((s) => path.basename(s.file)).sort()).toEqual([
        'broken.yaml',
        'kustomization.yaml',
      ]);
      expect(m.skipped.find((s) => s.file.endsWith('kustomization.yaml'))?.reason).toMatch(
        /Kustomization: not a Kubernetes object/,
      );
      // The fixture API seeds from it as it would from the demo.
      const api = new FixtureApi();
      const report = api.seedFromDir(dir);
      expect(report.loaded).toBe(m.objects.length);
      expect(api.store.get('/namespaces', undefined, 'from-list')).toBeDefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
