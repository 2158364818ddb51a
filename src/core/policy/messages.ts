/**
 * The policy core's sentences as English i18next keys with `{{param}}` placeholders (the pattern
 * of src/core/model/messages.ts): the core returns `{ message, params }`, views call
 * `t(message, params)`, the CLI renders them with `render` below.
 */
import { msg, type Message } from '../model/messages';

const t = <S extends string>(key: S): S => key;

export { msg, type Message };

export const POLICY_MESSAGES = {
  // Unreadable input (fail closed)
  badCidr: t('ipBlock cidr "{{cidr}}" is not a CIDR'),
  badShape: t('{{field}} is not {{expected}}'),
  badExcept: t('ipBlock except "{{except}}" is not a CIDR'),
  exceptOutside: t('ipBlock except "{{except}}" is not inside cidr "{{cidr}}"'),
  peerBothKinds: t('a peer sets both ipBlock and a pod or namespace selector'),
  emptyPeer: t('a peer sets none of podSelector, namespaceSelector or ipBlock'),
  namedPortIpBlock: t(
    'egress to an ipBlock with the named port "{{port}}": a name cannot be resolved outside the cluster',
  ),
  endPortBelowPort: t('endPort {{endPort}} is below port {{port}}'),
  endPortNamed: t('endPort {{endPort}} is set with the named port "{{port}}"'),
  badPort: t('port "{{port}}" is not a number from 1 to 65535 or a port name'),
  badProtocol: t('protocol "{{protocol}}" is not TCP, UDP or SCTP'),
  badNetwork: t('networks entry "{{cidr}}" is not a CIDR'),
  adminPeerShape: t('a peer must set exactly one of namespaces, pods, networks or nodes'),
  adminPortShape: t('a port must set exactly one of portNumber, namedPort or portRange'),
  adminRangeBackwards: t('portRange start {{start}} is above end {{end}}'),
  adminBadAction: t('action "{{action}}" is not Allow, Deny or Pass'),
  banpPass: t('a BaselineAdminNetworkPolicy rule cannot Pass'),
  badPriority: t('priority "{{priority}}" is not a number from 0 to 1000'),
  badSubject: t('subject must set exactly one of namespaces or pods'),
  legacyNamespaceSelector: t(
    'namespaces.namespaceSelector is the v0.1.1 form of this API; read as the namespace selector it names',
  ),
  // Objects left out because they cannot be read at all (see unreadable.ts)
  unreadableObject: t('{{kind}} {{name}} could not be read'),
  unreadableKind: t('{{name}}, an object whose kind cannot be read, could not be read'),
  // A policy kind the analysis reads but does not model (see unmodelledPolicy in unreadable.ts)
  notModelled: t('{{kind}} {{name}} is not modelled yet'),
  // Verdict explanations
  unknownVerdict: t('unknown: {{reason}}'),
  // A matrix cell partly allowed and partly unknown: both parts, in plain words (see matrix.ts)
  cellPartlyUnknown: t('{{allowed}}; unknown: {{unknown}}'),
} as const;

/** English text of a keyed message, for the CLI and for tests. */
export const render = (m: Message): string =>
  m.message.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(m.params?.[k] ?? `{{${k}}}`));
