/**
 * Policies in plain words for the views: rules, summaries per direction and verdicts. Each
 * sentence goes through the plugin's t(); the policy core's own English notes are passed through
 * t() too, as whole strings.
 */
import type { LabelSelector } from '../../core/k8s/types';
import type { EvalResult, PolicyAnalysis, SideResult } from '../../core/policy/analysis';
import type { EndpointInterface } from '../../core/policy/endpoints';
import { formatRangeAsCidr } from '../../core/policy/ip';
import type { Direction, Peer, Policy, PolicyRef, Port, Rule } from '../../core/policy/policies';

export type T = (key: string, options?: Record<string, unknown>) => string;

export const selectorText = (s: LabelSelector | undefined): string => {
  if (!s) return '';
  const terms = [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s.matchExpressions ?? []).map((e) =>
      e.operator === 'Exists'
        ? e.key
        : e.operator === 'DoesNotExist'
          ? `!${e.key}`
          : `${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`,
    ),
  ];
  return terms.join(', ');
};

export const peerText = (t: T, peer: Peer): string => {
  if (peer.kind === 'ipBlock')
    return peer.except.length
      ? t('{{cidr}} except {{except}}', {
          cidr: peer.text,
          except: peer.except.map(formatRangeAsCidr).join(', '),
        })
      : peer.text;
  if (peer.kind === 'invalid') return t('an invalid peer ({{reason}})', { reason: t(peer.reason.message, peer.reason.params) });
  const pods = peer.podSelector
    ? selectorText(peer.podSelector)
      ? t('pods and VMs with {{selector}}', { selector: selectorText(peer.podSelector) })
      : t('every pod and VM')
    : t('every pod and VM');
  if (!peer.namespaceSelector) return t('{{pods}} in this namespace', { pods });
  const ns = selectorText(peer.namespaceSelector);
  return ns
    ? t('{{pods}} in namespaces with {{selector}}', { pods, selector: ns })
    : t('{{pods}} in every namespace', { pods });
};

export const portText = (t: T, p: Port): string => {
  if (p.kind === 'all') return t('every {{protocol}} port', { protocol: p.protocol });
  if (p.kind === 'named')
    return t('{{protocol}} port named {{name}}', { protocol: p.protocol, name: p.name });
  return p.from === p.to
    ? `${p.protocol} ${p.from}`
    : `${p.protocol} ${p.from}-${Math.max(p.from, p.to)}`;
};

export const portsText = (t: T, rule: Rule): string =>
  rule.ports === null
    ? t('all traffic (every protocol and port, ping included)')
    : rule.ports.length
      ? rule.ports.map((p) => portText(t, p)).join(', ')
      : t('nothing');

export const ruleText = (t: T, rule: Rule): string => {
  const peers = rule.peers === null ? null : rule.peers.map((p) => peerText(t, p)).join(t(' or '));
  const ports = portsText(t, rule);
  if (rule.direction === 'ingress')
    return peers === null
      ? t('from anywhere: {{ports}}', { ports })
      : t('from {{peers}}: {{ports}}', { peers, ports });
  return peers === null
    ? t('to anywhere: {{ports}}', { ports })
    : t('to {{peers}}: {{ports}}', { peers, ports });
};

export const policyName = (ref: PolicyRef): string => `${ref.namespace}/${ref.name}`;

export interface DirectionSummary {
  direction: Direction;
  isolated: boolean;
  headline: string;
  /** What is allowed, one line per rule, with the policy it comes from. */
  allowed: { policy: PolicyRef; rule: Rule; text: string }[];
}

export const summarize = (
  t: T,
  analysis: PolicyAnalysis,
  iface: EndpointInterface,
  direction: Direction,
): DirectionSummary => {
  const isolating: Policy[] = analysis.isolating(iface, direction);
  if (!isolating.length)
    return {
      direction,
      isolated: false,
      headline:
        direction === 'ingress'
          ? t('Not isolated for ingress: all incoming traffic is allowed.')
          : t('Not isolated for egress: all outgoing traffic is allowed.'),
      allowed: [],
    };
  const allowed = isolating.flatMap((p) =>
    p.rules[direction].map((rule) => ({ policy: p.ref, rule, text: ruleText(t, rule) })),
  );
  const policies = isolating.map((p) => p.ref.name).join(', ');
  const headline = allowed.length
    ? direction === 'ingress'
      ? t('Isolated for ingress by {{policies}}. Only this incoming traffic is allowed:', {
          policies,
        })
      : t('Isolated for egress by {{policies}}. Only this outgoing traffic is allowed:', {
          policies,
        })
    : direction === 'ingress'
      ? t('Isolated for ingress by {{policies}}: all incoming traffic is denied.', { policies })
      : t('Isolated for egress by {{policies}}: all outgoing traffic is denied.', { policies });
  return { direction, isolated: true, headline, allowed };
};

const sideWhere = (t: T, side: SideResult) =>
  t('{{endpoint}} interface {{iface}}', { endpoint: side.endpoint, iface: side.interface });

const deciding = (t: T, side: SideResult) =>
  t('{{kind}} {{policy}}, {{direction}} rule {{index}}', {
    kind: side.policy!.kind,
    policy: policyName(side.policy!),
    direction: side.direction,
    index: (side.rule?.index ?? 0) + 1,
  });

/** The verdict as one sentence starting with "Allowed" or "Denied". */
export const verdictText = (t: T, r: EvalResult): string => {
  if (r.verdict === 'Allowed') {
    if (r.reason === 'no-policy')
      return t('Allowed: no policy selects this interface: everything is allowed.');
    const parts = [r.self, r.peer].filter(
      (s): s is SideResult => !!s && s.reason === 'rule' && !!s.policy,
    );
    const first = parts[0];
    const main = t('Allowed by {{deciding}}', { deciding: deciding(t, first) });
    const other = parts[1]
      ? t('; the other end ({{where}}) allows it by {{deciding}}', {
          where: sideWhere(t, parts[1]),
          deciding: deciding(t, parts[1]),
        })
      : r.peer && r.peer.reason === 'no-policy'
        ? t('; no policy selects the other end ({{where}})', { where: sideWhere(t, r.peer) })
        : '';
    return `${main}${other}.`;
  }
  const denier = r.self.verdict === 'Denied' ? r.self : r.peer;
  if (!denier || !denier.isolatedBy.length)
    return t('Denied: {{why}}', {
      why: r.notes.length ? r.notes.map((n) => t(n)).join('; ') : t('no path'),
    });
  const policies = denier.isolatedBy.map(policyName).join(', ');
  return denier === r.self
    ? t(
        'Denied: this interface is isolated for {{direction}} by {{policies}}, and none of their rules allows this traffic.',
        { direction: denier.direction, policies },
      )
    : t(
        'Denied: the other end ({{where}}) is isolated for {{direction}} by {{policies}}, and none of their rules allows this traffic.',
        { where: sideWhere(t, denier), direction: denier.direction, policies },
      );
};
