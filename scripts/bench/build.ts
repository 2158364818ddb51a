/** Wall-clock time of the production build on this machine (budget: 60 s). */
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Measurement } from '../bench';

export async function run(): Promise<Measurement[]> {
  const started = process.hrtime.bigint();
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('production build failed');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return [{ name: 'production build (wall clock)', value: seconds, unit: 's', budget: 60 }];
}
