/**
 * `vm-networking policy eval|connlist`: the policy analysis of a directory of manifests, for
 * pipelines (GitOps guards) and for conformance with np-guard.
 */
import * as fs from 'fs';
import { readManifests } from '../core/manifests/read-dir';
import { PolicyAnalysis, QueryError, type EvalResult } from '../core/policy/analysis';
import { connlistText } from '../core/policy/connlist';
import { diagnose } from '../core/policy/diagnostics';
import { parseArgs, rejectUnknown, required, single, UsageError } from './args';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const loadAnalysis = (args: ReturnType<typeof parseArgs>, io: Io): PolicyAnalysis => {
  const dirs = args.options.get('manifests') ?? [];
  if (!dirs.length) throw new UsageError('--manifests <dir> is required');
  for (const d of dirs) {
    if (!fs.existsSync(d)) throw new UsageError(`--manifests ${d}: no such file or directory`);
  }
  const loaded = readManifests(...dirs);
  for (const p of loaded.problems)
    io.stderr.write(`warning: ${p.source}: ${p.message.split('\n')[0]}\n`);
  return new PolicyAnalysis(loaded.objects);
};

const policyName = (r: { namespace: string; name: string }) => `${r.namespace}/${r.name}`;

export const formatVerdict = (r: EvalResult): string[] => {
  const lines: string[] = [];
  if (r.verdict === 'Allowed') {
    lines.push(
      r.policy ? `Allowed by ${policyName(r.policy)}` : 'Allowed: no policy selects this interface',
    );
  } else {
    lines.push('Denied');
  }
  const where = `${r.endpoint} interface ${r.interface} on ${r.network.label}`;
  if (r.rule && r.policy)
    lines.push(
      `  rule: ${r.policy.kind} ${policyName(r.policy)} ${r.rule.direction}[${r.rule.index}] (${where})`,
    );
  else if (r.verdict === 'Denied') {
    const side = r.self.verdict === 'Denied' ? r.self : r.peer;
    const by = side?.isolatedBy.map(policyName).join(', ');
    lines.push(
      `  ${side?.endpoint ?? r.endpoint} ${side?.interface ?? r.interface} is isolated for ${side?.direction ?? 'this direction'}${by ? ` by ${by}` : ''} and no rule allows this traffic (${where})`,
    );
  } else lines.push(`  (${where})`);
  if (r.peer && r.peer.verdict === 'Allowed' && r.peer.policy && r.peer.policy !== r.policy) {
    lines.push(
      `  peer side: allowed by ${policyName(r.peer.policy)} ${r.peer.direction}[${r.peer.rule?.index}] on ${r.peer.endpoint}`,
    );
  }
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines;
};

const evalCommand = (argv: string[], io: Io): number => {
  const args = parseArgs(argv);
  rejectUnknown(args, [
    'manifests',
    'vm',
    'interface',
    'direction',
    'peer',
    'protocol',
    'port',
    'expect',
  ]);
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const vm = required(args, 'vm');
  if (!/^[^/]+\/[^/]+$/.test(vm))
    throw new UsageError(`--vm must be <namespace>/<name>, not "${vm}"`);
  const direction = required(args, 'direction');
  if (direction !== 'ingress' && direction !== 'egress')
    throw new UsageError('--direction must be ingress or egress');
  const peer = required(args, 'peer');
  const protocol = single(args, 'protocol');
  const portText = single(args, 'port');
  if (portText !== undefined && !/^\d+$/.test(portText))
    throw new UsageError(`--port must be a number, not "${portText}"`);
  if (portText !== undefined && protocol === undefined)
    throw new UsageError('--port needs --protocol');
  const expect = single(args, 'expect');
  if (expect !== undefined && expect !== 'allowed' && expect !== 'denied')
    throw new UsageError('--expect must be allowed or denied');

  const analysis = loadAnalysis(args, io);
  const endpoint = analysis.findEndpoint(vm);
  if (!endpoint) throw new UsageError(`no VM or pod ${vm} in the manifests`);
  const peerIsIp = /^[0-9a-fA-F:.]+$/.test(peer) && (peer.includes('.') || peer.includes(':'));
  let result: EvalResult;
  try {
    result = analysis.evaluate({
      endpoint,
      interface: single(args, 'interface'),
      direction,
      peer: peerIsIp ? { ip: peer } : { endpoint: peer },
      protocol,
      port: portText === undefined ? undefined : Number(portText),
    });
  } catch (e) {
    if (e instanceof QueryError) throw new UsageError(e.message);
    throw e;
  }
  io.stdout.write(formatVerdict(result).join('\n') + '\n');
  for (const d of diagnose(analysis)) {
    if (d.severity !== 'info') io.stderr.write(`${d.severity}: ${d.message}\n`);
  }
  if (expect && expect !== result.verdict.toLowerCase()) {
    io.stderr.write(`expected ${expect}, got ${result.verdict.toLowerCase()}\n`);
    return 1;
  }
  return 0;
};

const connlistCommand = (argv: string[], io: Io): number => {
  const args = parseArgs(argv);
  rejectUnknown(args, [
    'manifests',
    'multiple-networks',
    'focusworkload',
    'focus-direction',
    'focus-conn',
  ]);
  const multi = single(args, 'multiple-networks');
  const direction = single(args, 'focus-direction');
  if (direction !== undefined && direction !== 'ingress' && direction !== 'egress') {
    throw new UsageError('--focus-direction must be ingress or egress');
  }
  const analysis = loadAnalysis(args, io);
  io.stdout.write(
    connlistText(analysis, {
      multipleNetworks: multi === undefined ? true : multi !== 'false',
      focusWorkload: single(args, 'focusworkload'),
      focusDirection: direction,
      focusConn: single(args, 'focus-conn'),
    }),
  );
  return 0;
};

export const POLICY_USAGE = `Usage:
  vm-networking policy eval --manifests <dir> [--manifests <dir>…] --vm <namespace>/<name> [--interface <name>]
      --direction ingress|egress --peer <ip>|<namespace>/<name> [--protocol TCP|UDP|SCTP --port <n>] [--expect allowed|denied]
  vm-networking policy connlist --manifests <dir> [--multiple-networks=false] [--focusworkload <name>]
      [--focus-direction ingress|egress] [--focus-conn tcp-80]
`;

export const policyCommand = (argv: string[], io: Io): number => {
  const [sub, ...rest] = argv;
  if (sub === 'eval') return evalCommand(rest, io);
  if (sub === 'connlist') return connlistCommand(rest, io);
  throw new UsageError(
    sub ? `unknown policy command "${sub}"` : 'policy needs a command: eval or connlist',
  );
};
