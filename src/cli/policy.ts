/**
 * `vm-networking policy eval|connlist`: the policy analysis of a directory of manifests, for
 * pipelines (GitOps guards) and for conformance with np-guard.
 */
import * as fs from 'fs';
import type { K8sObject } from '../core/k8s/types';
import { listManifestFiles } from '../core/manifests/read-dir';
import { parseManifests } from '../core/manifests/parse';
import {
  PolicyAnalysis,
  QueryError,
  type EvalResult,
  type SideResult,
} from '../core/policy/analysis';
import { connlistText } from '../core/policy/connlist';
import { diagnose, notAnalysedWhy, type Diagnostic } from '../core/policy/diagnostics';
import { render } from '../core/policy/messages';
import { policyLabel } from '../core/policy/policies';
import { parseArgs, rejectUnknown, required, single, UsageError } from './args';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Kinds the analysis reads; anything else in the input is listed as not analysed. */
const ANALYSED_KINDS = new Set([
  'Namespace',
  'Node',
  'Pod',
  'VirtualMachine',
  'VirtualMachineInstance',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
  'NetworkAttachmentDefinition',
  'UserDefinedNetwork',
  'ClusterUserDefinedNetwork',
  'NetworkPolicy',
  'MultiNetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'Network',
]);

interface Loaded {
  analysis: PolicyAnalysis;
  objects: K8sObject[];
}

const loadAnalysis = (args: ReturnType<typeof parseArgs>, io: Io): Loaded => {
  const dirs = args.options.get('manifests') ?? [];
  if (!dirs.length) throw new UsageError('--manifests <dir> is required');
  for (const d of dirs) {
    if (!fs.existsSync(d)) throw new UsageError(`--manifests ${d}: no such file or directory`);
  }
  const objects: K8sObject[] = [];
  const source = new Map<K8sObject, string>();
  for (const d of dirs) {
    for (const file of listManifestFiles(d)) {
      const parsed = parseManifests(fs.readFileSync(file, 'utf8'), file);
      for (const o of parsed.objects) {
        objects.push(o);
        source.set(o, file);
      }
      for (const p of parsed.problems)
        io.stderr.write(`warning: ${p.source}: skipped: ${p.message.split('\n')[0]}\n`);
    }
  }
  const analysis = new PolicyAnalysis(objects, { sourceOf: (o) => source.get(o) });
  return { analysis, objects };
};

const objectName = (o: K8sObject) =>
  `${o.kind} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? '(no name)'}`;

/** `severity: file: rule: message` on stderr, as eval and connlist both print. */
const printDiagnostics = (diagnostics: Diagnostic[], io: Io) => {
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const where = [d.source, d.rule].filter(Boolean).join(': ');
    io.stderr.write(`${d.severity}: ${where ? `${where}: ` : ''}${d.message}\n`);
  }
};

const policyName = policyLabel;

/** "AdminNetworkPolicy tenant-isolation, rule deny-other-tenants, priority 10" and the like. */
export const decidingText = (r: Pick<SideResult, 'policy' | 'rule' | 'priority'>): string => {
  if (!r.policy) return '';
  const rule = r.rule
    ? r.rule.name !== undefined
      ? `, rule ${r.rule.name}`
      : `, rule ${r.rule.direction}[${r.rule.index}]`
    : '';
  const priority = r.priority !== undefined ? `, priority ${r.priority}` : '';
  return `${r.policy.kind} ${policyName(r.policy)}${rule}${priority}`;
};

const sideLine = (s: SideResult): string => {
  const who = `${s.endpoint} ${s.interface} ${s.direction}`;
  if (s.verdict === 'Unknown')
    return `${who}: unknown: ${s.unknownReason ? render(s.unknownReason) : 'unreadable input'}${s.policy ? ` (${decidingText(s)})` : ''}`;
  if (s.reason === 'no-policy') return `${who}: allowed, no policy decides`;
  if (s.reason === 'rule') return `${who}: ${s.verdict.toLowerCase()} by ${decidingText(s)}`;
  return `${who}: denied, isolated by ${s.isolatedBy.map(policyName).join(', ')} and no rule allows it`;
};

export const formatVerdict = (r: EvalResult): string[] => {
  const lines: string[] = [];
  const admin = r.tier !== undefined && r.tier !== 'NetworkPolicy';
  if (r.verdict === 'Unknown') {
    lines.push(`Unknown: ${r.unknownReason ? render(r.unknownReason) : 'unreadable input'}`);
  } else if (r.verdict === 'Allowed') {
    lines.push(
      r.policy
        ? admin
          ? `Allowed by ${decidingText(r)}`
          : `Allowed by ${policyName(r.policy)}`
        : 'Allowed: no policy selects this interface',
    );
  } else {
    lines.push(r.policy && admin ? `Denied by ${decidingText(r)}` : 'Denied');
  }
  const where = `${r.endpoint} interface ${r.interface} on ${r.network.label}`;
  if (r.rule && r.policy && !admin)
    lines.push(
      `  rule: ${r.policy.kind} ${policyName(r.policy)} ${r.rule.direction}[${r.rule.index}] (${where})`,
    );
  else if (r.verdict === 'Denied' && r.reason === 'isolated') {
    const side = r.decidedBy === 'peer' && r.peer ? r.peer : r.self;
    const by = side.isolatedBy.map(policyName).join(', ');
    lines.push(
      `  ${side.endpoint} ${side.interface} is isolated for ${side.direction}${by ? ` by ${by}` : ''} and no rule allows this traffic (${where})`,
    );
  } else lines.push(`  (${where})`);
  for (const pass of r.self.passedBy ?? []) lines.push(`  passed on by ${decidingText(pass)}`);
  if (r.peer && r.peer.verdict === 'Allowed' && r.peer.policy && r.peer.policy !== r.policy) {
    lines.push(
      r.peer.rule?.name !== undefined
        ? `  peer side: allowed by ${decidingText(r.peer)} on ${r.peer.endpoint}`
        : `  peer side: allowed by ${policyName(r.peer.policy)} ${r.peer.direction}[${r.peer.rule?.index}] on ${r.peer.endpoint}`,
    );
  }
  if (r.peer) {
    lines.push(`  this side: ${sideLine(r.self)}`);
    lines.push(`  other side: ${sideLine(r.peer)}`);
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

  const { analysis } = loadAnalysis(args, io);
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
  printDiagnostics(diagnose(analysis), io);
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
    'focusworkload-peer',
    'focus-direction',
    'focus-conn',
  ]);
  const multi = single(args, 'multiple-networks');
  const direction = single(args, 'focus-direction');
  if (direction !== undefined && direction !== 'ingress' && direction !== 'egress') {
    throw new UsageError('--focus-direction must be ingress or egress');
  }
  const focusConn = single(args, 'focus-conn');
  if (focusConn !== undefined) {
    const m = /^(tcp|udp|sctp)-(\d+)$/i.exec(focusConn);
    if (!m) throw new UsageError(`--focus-conn must look like tcp-80, not "${focusConn}"`);
    const port = Number(m[2]);
    if (port < 1 || port > 65535)
      throw new UsageError(`--focus-conn port must be from 1 to 65535, not ${m[2]}`);
  }
  const { analysis, objects } = loadAnalysis(args, io);

  // What np-guard treats as fatal: reported, exit 2, no connectivity printed.
  const fatal: string[] = [];
  const seen = new Map<string, K8sObject>();
  for (const o of objects) {
    if (!o.kind || !o.metadata?.name) continue;
    const key = `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const first = seen.get(key);
    if (first)
      fatal.push(
        `${objectName(o)} is defined twice (${analysis.sourceOf(first) ?? '?'} and ${analysis.sourceOf(o) ?? '?'})`,
      );
    else seen.set(key, o);
  }
  for (const p of analysis.catalog.problems) {
    if (p.code === 'udn-invalid' || p.code === 'primary-conflict') fatal.push(p.message);
    else io.stderr.write(`warning: ${p.message}\n`);
  }
  if (!analysis.endpoints.length)
    fatal.push('no workloads (pods, VMs or pod controllers) found in the input');
  const focus = single(args, 'focusworkload');
  if (
    focus !== undefined &&
    !analysis.endpoints.some((e) => e.name === focus || `${e.namespace}/${e.name}` === focus)
  )
    fatal.push(`--focusworkload ${focus}: no such workload in the input`);
  for (const o of objects.filter(
    (x) => x.kind && !ANALYSED_KINDS.has(x.kind) && !notAnalysedWhy(x),
  )) {
    const from = analysis.sourceOf(o);
    io.stderr.write(`info: not analysed: ${objectName(o)}${from ? ` (${from})` : ''}\n`);
  }
  printDiagnostics(diagnose(analysis), io);
  if (fatal.length) {
    for (const f of fatal) io.stderr.write(`error: ${f}\n`);
    return 2;
  }
  io.stdout.write(
    connlistText(analysis, {
      multipleNetworks: multi === undefined ? true : multi !== 'false',
      focusWorkload: focus,
      focusWorkloadPeer: single(args, 'focusworkload-peer'),
      focusDirection: direction,
      focusConn,
    }),
  );
  return 0;
};

export const POLICY_USAGE = `Usage:
  vm-networking policy eval --manifests <dir> [--manifests <dir>…] --vm <namespace>/<name> [--interface <name>]
      --direction ingress|egress --peer <ip>|<namespace>/<name> [--protocol TCP|UDP|SCTP --port <n>] [--expect allowed|denied]
  vm-networking policy connlist --manifests <dir> [--multiple-networks=false] [--focusworkload <name>]
      [--focusworkload-peer <name>] [--focus-direction ingress|egress] [--focus-conn tcp-80]

  connlist prints np-guard's txt format, then one section of its own per network with connections
  whose fate is not known: "Unknown connectivity in <network> (it depends on input that could not be
  read):", one "<src> => <dst> : <connections>" line each. A connection is listed there, and not as
  permitted, when an object the analysis left out as unreadable could decide it (a policy, or a
  Namespace whose labels a namespace selector matches on) or a policy rule could not be read; the
  diagnostics on stderr name that input. Fixed, the connection moves to permitted or goes away.
`;

export const policyCommand = (argv: string[], io: Io): number => {
  const [sub, ...rest] = argv;
  if (sub === 'eval') return evalCommand(rest, io);
  if (sub === 'connlist') return connlistCommand(rest, io);
  throw new UsageError(
    sub ? `unknown policy command "${sub}"` : 'policy needs a command: eval or connlist',
  );
};
