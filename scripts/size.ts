/**
 * `npm run size`: raw and gzip bytes of the plugin entry script and, per exposed module, of every
 * chunk it can fetch (its own chunks and, transitively, the chunks they load: PatternFly fallbacks
 * included, as a console that does not already hold them fetches them). Reads the chunk graph that
 * the production build writes to .cache/chunk-graph.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

interface Chunk {
  id: number | string;
  files: string[];
  names: string[];
  children: (number | string)[];
}

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const graphFile = path.join(root, '.cache/chunk-graph.json');

/**
 * Budgets in gzip bytes, opening (entry + the module's own chunks): no larger than what the peers'
 * equivalent pages load (the networking console plugin's NAD/UDN forms 66 KB, its policy form 72 KB;
 * issues 10, 12, 14); the aim is half.
 */
const BUDGETS: Record<string, number> = {
  entry: 5 * 1024,
  NetworkingTab: 150 * 1024,
  UDNWizard: 66 * 1024,
  CUDNWizard: 66 * 1024,
  NADWizard: 66 * 1024,
  MNPWizard: 72 * 1024,
  CreateVM: 100 * 1024,
  VMNetworksPage: 60 * 1024,
  VMNetworkDetails: 60 * 1024,
};

const sizeOf = (file: string) => {
  const buf = fs.readFileSync(path.join(dist, file));
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export const measure = () => {
  if (!fs.existsSync(graphFile) || !fs.existsSync(path.join(dist, 'plugin-manifest.json'))) {
    throw new Error('No production build found: run `npm run build` first.');
  }
  const graph = JSON.parse(fs.readFileSync(graphFile, 'utf8')) as {
    chunks: Chunk[];
    namedChunkGroups: Record<string, { chunks: (number | string)[] }>;
  };
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'plugin-manifest.json'), 'utf8'));
  const byId = new Map(graph.chunks.map((c) => [String(c.id), c]));
  const entryFiles: string[] = manifest.loadScripts;
  const entry = entryFiles
    .map(sizeOf)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));

  const closure = (start: Chunk[]): Set<string> => {
    const files = new Set<string>();
    const seen = new Set<string>();
    const visit = (chunk: Chunk) => {
      if (seen.has(String(chunk.id))) return;
      seen.add(String(chunk.id));
      chunk.files.filter((f) => f.endsWith('.js')).forEach((f) => files.add(f));
      chunk.children.forEach((id) => byId.get(String(id)) && visit(byId.get(String(id)) as Chunk));
    };
    start.forEach(visit);
    return files;
  };

  // An exposed module's chunk group holds its own chunk and the vendor chunks split off it; their
  // children are what it loads later (on demand), counted too: everything it can fetch.
  const modules = Object.entries(graph.namedChunkGroups)
    .filter(([group]) => group.startsWith('exposed-'))
    .map(([group, { chunks }]) => {
      const name = group.slice('exposed-'.length);
      const groupChunks = chunks.map((id) => byId.get(String(id))).filter((c): c is Chunk => !!c);
      const sum = (files: string[]) =>
        files
          .map(sizeOf)
          .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
      const openingFiles = groupChunks.flatMap((c) => c.files.filter((f) => f.endsWith('.js')));
      const allFiles = [...closure(groupChunks)];
      const opening = sum(openingFiles);
      const total = sum(allFiles);
      return {
        name,
        chunks: allFiles.length,
        raw: total.raw,
        gzip: total.gzip,
        withEntryGzip: total.gzip + entry.gzip,
        openingGzip: opening.gzip + entry.gzip,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const all = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map(sizeOf)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  return { entry, modules, all };
};

if (require.main === module) {
  const { entry, modules, all } = measure();
  const rows: string[][] = [
    [
      'what',
      'chunks',
      'raw',
      'gzip',
      'opening: gzip + entry',
      'all it can load: gzip + entry',
      'budget',
    ],
  ];
  rows.push([
    'plugin entry',
    '1',
    kb(entry.raw),
    kb(entry.gzip),
    '',
    '',
    `${kb(BUDGETS.entry)} ${entry.gzip <= BUDGETS.entry ? 'ok' : 'OVER'}`,
  ]);
  for (const m of modules) {
    const budget = BUDGETS[m.name];
    rows.push([
      `exposed ${m.name}`,
      String(m.chunks),
      kb(m.raw),
      kb(m.gzip),
      kb(m.openingGzip),
      kb(m.withEntryGzip),
      budget ? `${kb(budget)} ${m.openingGzip <= budget ? 'ok' : 'OVER'}` : '',
    ]);
  }
  rows.push(['total dist/*.js', '', kb(all.raw), kb(all.gzip), '', '', '']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
}
