/**
 * Policies in plain words for the views: rules, summaries per direction and verdicts. Each
 * sentence goes through the plugin's t(); the policy core's own English notes are passed through
 * t() too, as whole strings.
 */
import type { LabelSelector } from '../../core/k8s/types';
import type { EvalResult, PolicyAnalysis, SideResult } from '../../core/policy/analysis';
import type { Endpoint, EndpointInterface } from '../../core/policy/endpoints';
import { formatRangeAsCidr } from '../../core/policy/ip';
import {
  policyLabel,
  type Direction,
  type Peer,
  type Policy,
  type PolicyRef,
  type Port,
  type Rule,
} from '../../core/policy/policies';
import type { Message } from '../../core/policy/messages';
import type { AdminPeer, AdminPolicy } from '../../core/policy/admin-policies';

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
  if (peer.kind === 'invalid')
    return t('an invalid peer ({{reason}})', {
      reason: t(peer.reason.message, peer.reason.params),
    });
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

/**
 * One rule in words. Each peer keeps its own preposition ("to A except B, or to C"), so an
 * ipBlock's excepts never read as if they applied to the other peers.
 */
export const ruleText = (t: T, rule: Rule): string => {
  const ports = portsText(t, rule);
  const ingress = rule.direction === 'ingress';
  if (rule.peers === null)
    return ingress
      ? t('from anywhere: {{ports}}', { ports })
      : t('to anywhere: {{ports}}', { ports });
  const peers = rule.peers
    .map((p) =>
      ingress
        ? t('from {{peer}}', { peer: peerText(t, p) })
        : t('to {{peer}}', { peer: peerText(t, p) }),
    )
    .join(t(', or '));
  return t('{{peers}}: {{ports}}', { peers, ports });
};

export const policyName = (ref: PolicyRef): string => policyLabel(ref);

export const messageText = (t: T, m: Message): string => t(m.message, m.params);

export interface DirectionSummary {
  direction: Direction;
  isolated: boolean;
  headline: string;
  /** What else filters this direction and is not analysed (an EgressFirewall), if anything. */
  note?: string;
  /** What is allowed, one line per rule, with the policy it comes from. */
  allowed: { policy: PolicyRef; rule: Rule; text: string }[];
}

/**
 * The objects that could decide this interface's traffic but are not read as policies (unreadable,
 * or a kind not modelled yet such as ClusterNetworkPolicy), by name; undefined when there are none.
 * Where they exist, no summary may say what is allowed.
 */
export const undecidedBy = (
  analysis: PolicyAnalysis,
  iface: EndpointInterface,
): string | undefined => {
  const a = analysis.unreadableAffecting(iface);
  if (!a) return undefined;
  const labels = new Set([...a.admin, ...a.networkPolicy, ...a.baseline].map((u) => u.label));
  return labels.size ? [...labels].join(', ') : undefined;
};

/**
 * What the policies do to one direction of an interface, in words. With the endpoint, an
 * EgressFirewall of its namespace is noted on egress: it filters what leaves the cluster.
 */
export const summarize = (
  t: T,
  analysis: PolicyAnalysis,
  iface: EndpointInterface,
  direction: Direction,
  endpoint?: Endpoint,
): DirectionSummary => {
  const summary = policySummary(t, analysis, iface, direction);
  if (direction === 'egress' && endpoint && analysis.egressFirewallApplies(endpoint, iface))
    summary.note = t(
      'Out of the cluster, an EgressFirewall of namespace {{namespace}} also filters this traffic; it is not analysed, so what leaves the cluster is unknown.',
      { namespace: endpoint.namespace },
    );
  return summary;
};

const policySummary = (
  t: T,
  analysis: PolicyAnalysis,
  iface: EndpointInterface,
  direction: Direction,
): DirectionSummary => {
  const isolating: Policy[] = analysis.isolating(iface, direction);
  const admin = analysis.adminPoliciesSelecting(iface).some((p) => p.rules[direction].length > 0);
  const policies = isolating.map((p) => p.ref.name).join(', ');
  const allowed = isolating.flatMap((p) =>
    p.rules[direction].map((rule) => ({ policy: p.ref, rule, text: ruleText(t, rule) })),
  );
  const objects = undecidedBy(analysis, iface);
  if (objects) {
    return {
      direction,
      isolated: isolating.length > 0,
      headline:
        isolating.length && !allowed.length
          ? direction === 'ingress'
            ? t(
                'Isolated for ingress by {{policies}}, whose rules allow nothing; {{objects}} could also decide incoming traffic: what is allowed is unknown.',
                { policies, objects },
              )
            : t(
                'Isolated for egress by {{policies}}, whose rules allow nothing; {{objects}} could also decide outgoing traffic: what is allowed is unknown.',
                { policies, objects },
              )
          : isolating.length
            ? direction === 'ingress'
              ? t(
                  'Isolated for ingress by {{policies}}, but {{objects}} could also decide incoming traffic: what is allowed is unknown. The readable rules allow:',
                  { policies, objects },
                )
              : t(
                  'Isolated for egress by {{policies}}, but {{objects}} could also decide outgoing traffic: what is allowed is unknown. The readable rules allow:',
                  { policies, objects },
                )
            : direction === 'ingress'
              ? t('{{objects}} could decide incoming traffic: what is allowed is unknown.', {
                  objects,
                })
              : t('{{objects}} could decide outgoing traffic: what is allowed is unknown.', {
                  objects,
                }),
      allowed,
    };
  }
  if (!isolating.length && admin)
    return {
      direction,
      isolated: false,
      headline:
        direction === 'ingress'
          ? t(
              'No NetworkPolicy isolates ingress: the admin network policies listed above decide, in order; what none of them decides is allowed.',
            )
          : t(
              'No NetworkPolicy isolates egress: the admin network policies listed above decide, in order; what none of them decides is allowed.',
            ),
      allowed: [],
    };
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

/** "AdminNetworkPolicy tenant-isolation, rule deny-untrusted, priority 10" or an NP rule. */
export const deciding = (
  t: T,
  side: Pick<SideResult, 'policy' | 'rule' | 'priority' | 'direction'>,
): string => {
  if (side.rule?.name !== undefined)
    return side.priority !== undefined
      ? t('{{kind}} {{policy}}, rule {{rule}}, priority {{priority}}', {
          kind: side.policy!.kind,
          policy: policyName(side.policy!),
          rule: side.rule.name,
          priority: side.priority,
        })
      : t('{{kind}} {{policy}}, rule {{rule}}', {
          kind: side.policy!.kind,
          policy: policyName(side.policy!),
          rule: side.rule.name,
        });
  return t('{{kind}} {{policy}}, {{direction}} rule {{index}}', {
    kind: side.policy!.kind,
    policy: policyName(side.policy!),
    direction: side.direction,
    index: (side.rule?.index ?? 0) + 1,
  });
};

/** One side of a decision in a sentence: "ingress of … : denied by …". */
export const sideText = (t: T, side: SideResult): string => {
  const where = sideWhere(t, side);
  const dir = side.direction === 'ingress' ? t('ingress') : t('egress');
  if (side.verdict === 'Unknown')
    return t('{{where}}, {{direction}}: unknown: {{reason}}', {
      where,
      direction: dir,
      reason: side.unknownReason ? messageText(t, side.unknownReason) : t('unreadable input'),
    });
  if (side.reason === 'no-policy')
    return t('{{where}}, {{direction}}: allowed, no policy decides', { where, direction: dir });
  if (side.reason === 'rule' && side.policy)
    return side.verdict === 'Allowed'
      ? t('{{where}}, {{direction}}: allowed by {{deciding}}', {
          where,
          direction: dir,
          deciding: deciding(t, side),
        })
      : t('{{where}}, {{direction}}: denied by {{deciding}}', {
          where,
          direction: dir,
          deciding: deciding(t, side),
        });
  return t('{{where}}, {{direction}}: denied, isolated by {{policies}} and no rule allows it', {
    where,
    direction: dir,
    policies: side.isolatedBy.map(policyName).join(', '),
  });
};

/** The verdict as one sentence starting with "Allowed", "Denied" or "Unknown". */
export const verdictText = (t: T, r: EvalResult): string => {
  if (r.verdict === 'Unknown') {
    const side = r.decidedBy === 'peer' && r.peer ? r.peer : r.self;
    return t('Unknown: {{reason}}', {
      reason: side.unknownReason ? messageText(t, side.unknownReason) : t('unreadable input'),
    });
  }
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
  const denier = r.decidedBy === 'peer' && r.peer ? r.peer : r.self;
  if (denier.reason === 'rule' && denier.policy)
    return denier === r.self
      ? t('Denied by {{deciding}}.', { deciding: deciding(t, denier) })
      : t('Denied: the other end ({{where}}) is denied by {{deciding}}.', {
          where: sideWhere(t, denier),
          deciding: deciding(t, denier),
        });
  if (!denier.isolatedBy.length)
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

const adminPeerText = (t: T, peer: AdminPeer): string => {
  switch (peer.kind) {
    case 'networks':
      return peer.texts.join(', ');
    case 'nodes':
      return selectorText(peer.nodeSelector)
        ? t('nodes with {{selector}}', { selector: selectorText(peer.nodeSelector) })
        : t('every node');
    case 'namespaces':
      return selectorText(peer.namespaceSelector)
        ? t('namespaces with {{selector}}', { selector: selectorText(peer.namespaceSelector) })
        : t('every namespace');
    case 'pods': {
      const pods = selectorText(peer.podSelector)
        ? t('pods and VMs with {{selector}}', { selector: selectorText(peer.podSelector) })
        : t('every pod and VM');
      return selectorText(peer.namespaceSelector)
        ? t('{{pods}} in namespaces with {{selector}}', {
            pods,
            selector: selectorText(peer.namespaceSelector),
          })
        : t('{{pods}} in every namespace', { pods });
    }
    default:
      return t('an invalid peer ({{reason}})', { reason: messageText(t, peer.reason) });
  }
};

/** An admin policy's rules in order, e.g. "ingress deny-untrusted: Deny from …; …". */
export const adminRulesText = (t: T, p: AdminPolicy): string =>
  (['ingress', 'egress'] as const)
    .flatMap((d) =>
      p.rules[d].map((r) =>
        t('{{direction}} {{rule}}: {{action}} {{preposition}} {{peers}} ({{ports}})', {
          direction: d === 'ingress' ? t('ingress') : t('egress'),
          rule: r.name,
          action: r.action,
          preposition: d === 'ingress' ? t('from') : t('to'),
          peers: r.peers.map((x) => adminPeerText(t, x)).join(t(' or ')),
          ports:
            r.ports === null ? t('all traffic') : r.ports.map((x) => portText(t, x)).join(', '),
        }),
      ),
    )
    .join('; ');
