/**
 * `npm run bench`: speed figures, reported rather than asserted by timed tests. Runs every module in
 * scripts/bench/ (each exports `run()` returning measurements), optionally only those named on the
 * command line: `npm run bench -- policy interface-model`.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** The figure the project promises; reported as ok/OVER, never failing the run. */
  budget?: number;
}

const dir = path.join(__dirname, 'bench');

const main = async () => {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
    .sort();
  const rows: string[][] = [['bench', 'measurement', 'value', 'budget']];
  let over = 0;
  for (const file of files) {
    const mod = await import(path.join(dir, file));
    const started = Date.now();
    const results: Measurement[] = await mod.run();
    console.error(`bench ${file}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const r of results) {
      const within = r.budget === undefined || r.value <= r.budget;
      if (!within) over += 1;
      rows.push([
        file.replace(/\.ts$/, ''),
        r.name,
        `${r.value.toFixed(r.value < 10 ? 3 : 1)} ${r.unit}`,
        r.budget === undefined ? '' : `${r.budget} ${r.unit} ${within ? 'ok' : 'OVER'}`,
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  if (over) console.log(`${over} measurement(s) over budget`);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
