/**
 * Starts the preview host in-process for a test file: the plugin's production build from dist/, the host
 * bundle built once per run (by global-setup), the fixture API seeded from a directory, a free port.
 */
import * as path from 'path';
import { startPreview, type Preview, type PreviewOptions } from '../../preview/preview';

export const ROOT = path.resolve(__dirname, '../..');
export const hostBuildDir = (): string =>
  process.env.PREVIEW_HOST_BUILD_DIR ?? path.join(ROOT, 'preview', '.build');
export const DEMO_FIXTURES = path.join(ROOT, 'preview', 'fixtures', 'demo');

export const startTestPreview = (opts: PreviewOptions = {}): Promise<Preview> =>
  startPreview({ port: 0, hostBuildDir: hostBuildDir(), fixtures: [DEMO_FIXTURES], ...opts });

export const vmTabURL = (preview: Preview, ns: string, vm: string, tab = 'vm-networking'): string =>
  `${preview.url}/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/${vm}/${tab}`;
