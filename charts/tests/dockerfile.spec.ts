/**
 * @jest-environment node
 *
 * The image and the chart must agree: the Dockerfile puts the build where the chart's nginx.conf
 * serves from, runs as a non-root user, and builds with Node 20 the way CI does.
 */
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../test-support/helm';
import { renderChartNginxConfig } from '../../test-support/nginx';

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Dockerfile instructions grouped by stage (comments dropped, continuation lines joined). */
const parseDockerfile = (text: string): Stage[] => {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (keyword.toUpperCase() === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
      stages.push({ from: image, name, instructions: [] });
    } else {
      stages[stages.length - 1].instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
};

const stages = parseDockerfile(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'));
const [build, runtime] = stages;
const of = (stage: Stage, keyword: string): string[] =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  it('has a Node 20 build stage and an nginx runtime stage', () => {
    expect(stages).toHaveLength(2);
    expect(build.from).toMatch(/nodejs-20|node:20/);
    expect(runtime.from).toMatch(/nginx/);
  });

  it('installs from the lockfile and runs the production build', () => {
    const runs = of(build, 'RUN').join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
    expect(of(build, 'COPY')[0]).toMatch(/package\.json package-lock\.json/);
  });

  it('copies dist/ to the root the chart’s nginx.conf serves', () => {
    const root = /^\s*root (\S+);/m.exec(renderChartNginxConfig())![1];
    const copy = of(runtime, 'COPY').find((args) => args.includes(`--from=${build.name}`))!;
    const [source, destination] = copy.split(/\s+/).filter((part) => !part.startsWith('--'));
    const workdir = of(build, 'WORKDIR')[0];
    expect(source).toBe(`${workdir}/dist`);
    expect(destination.replace(/\/$/, '')).toBe(root);
  });

  it('runs as a numeric non-root user', () => {
    const users = of(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1];
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
  });

  it('.dockerignore keeps installed modules, the old build and git out of the context', () => {
    const ignored = fs.readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
    // …but not what the build needs.
    for (const needed of [
      'src',
      'locales',
      'package.json',
      'package-lock.json',
      'webpack.config.ts',
    ]) {
      expect(ignored).not.toContain(needed);
    }
  });
});
