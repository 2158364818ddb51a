/**
 * The Networking tab's diagnostics. Each rule is exported by name, stays silent when the inputs it
 * needs are unknown (undefined or unreadable), and proposes a fix object where one applies.
 */
import { Models, apiVersionOf } from '../k8s/models';
import type { NetworkAttachmentDefinition } from '../k8s/types';
import { parseNadConfig, type NadConfig } from '../networks/nad-config';
import { DEFAULT_OPENSHIFT_MAPPING } from '../networks/bridge-mappings';
import { PRIMARY_UDN_NAMESPACE_LABEL } from '../networks/udn';
import { refOf } from '../model/resolve-network';
import { DIAGNOSTIC_MESSAGES as D, msg, type Message } from '../model/messages';
import type { InterfaceRow, NetworkingModel, ObjectRef } from '../model/types';
import type { DiagnosticRule, Finding, Fix, Severity } from './types';

const finding = (
  rule: { id: string; severity: Severity; explanation: string },
  message: Message,
  extra: { interface?: string; fix?: Fix; refs?: ObjectRef[]; raw?: unknown } = {},
): Finding => ({
  ruleId: rule.id,
  severity: rule.severity,
  message,
  explanation: msg(rule.explanation),
  refs: extra.refs ?? [],
  ...(extra.interface ? { interface: extra.interface } : {}),
  ...(extra.fix ? { fix: extra.fix } : {}),
  ...(extra.raw !== undefined ? { raw: extra.raw } : {}),
});

const nadOf = (
  model: NetworkingModel,
  row: InterfaceRow,
): NetworkAttachmentDefinition | undefined =>
  row.network.nadKey ? model.context.nadsByKey.get(row.network.nadKey) : undefined;

const nadKeyOf = (nad: NetworkAttachmentDefinition) =>
  `${nad.metadata?.namespace ?? ''}/${nad.metadata?.name ?? ''}`;

const nadRef = (nad: NetworkAttachmentDefinition) =>
  refOf(Models.NetworkAttachmentDefinition, nad.metadata?.name ?? '', nad.metadata?.namespace);

/** The NAD with a rewritten config, serialized as the API stores it (a JSON string). */
const nadWithConfig = (nad: NetworkAttachmentDefinition, config: Record<string, unknown>) => ({
  apiVersion: apiVersionOf(Models.NetworkAttachmentDefinition),
  kind: Models.NetworkAttachmentDefinition.kind,
  metadata: { name: nad.metadata?.name, namespace: nad.metadata?.namespace },
  spec: { config: JSON.stringify(config, null, 2) },
});

/** Rewrites the main plugin (or every plugin of a conflist) of a parsed config. */
const rewriteConfig = (
  config: NadConfig,
  edit: (plugin: Record<string, unknown>, index: number) => Record<string, unknown>,
): Record<string, unknown> => {
  const doc = JSON.parse(config.raw) as Record<string, unknown>;
  if (Array.isArray(doc.plugins)) {
    return {
      ...doc,
      plugins: (doc.plugins as Record<string, unknown>[]).map((p, i) => edit(p, i)),
    };
  }
  return edit(doc, 0);
};

/** NADs the VM's rows point at, each once. */
const referencedNads = (model: NetworkingModel) => {
  const seen = new Set<string>();
  const out: { nad: NetworkAttachmentDefinition; config: NadConfig; rows: InterfaceRow[] }[] = [];
  for (const row of model.interfaces) {
    const nad = nadOf(model, row);
    if (!nad) continue;
    const key = nadKeyOf(nad);
    if (seen.has(key)) {
      out.find((o) => nadKeyOf(o.nad) === key)!.rows.push(row);
      continue;
    }
    seen.add(key);
    out.push({ nad, config: parseNadConfig(nad), rows: [row] });
  }
  return out;
};

export const nadMissingRule: DiagnosticRule = {
  id: 'nad-missing',
  severity: 'error',
  explanation: D.nadMissingExplain,
  check: (model) =>
    model.interfaces
      .filter((r) => r.network.kind === 'missing' && r.network.nadKey)
      .map((r) => {
        const [namespace, name] = r.network.nadKey!.split('/');
        const cause = r.network.missingCause;
        const refs = [refOf(Models.NetworkAttachmentDefinition, name, namespace)];
        let fix: Fix = { message: msg(D.nadMissingFix, { namespace }) };
        if (cause?.kind === 'cudn-not-selecting') {
          refs.push(cause.cudn);
          fix = {
            message: msg(D.nadMissingCudnFix, {
              cudn: cause.cudn.name,
              selector: JSON.stringify(cause.selector ?? null),
              namespace,
            }),
          };
        } else if (cause?.kind === 'udn-in-other-namespace') {
          refs.push(...cause.udns);
          fix = {
            message: msg(D.nadMissingUdnFix, {
              udn: name,
              namespaces: cause.udns.map((u) => u.namespace ?? '').join(', '),
              namespace,
            }),
          };
        }
        return finding(
          nadMissingRule,
          msg(D.nadMissing, { interface: r.name, nad: r.network.nadKey! }),
          { interface: r.name, refs, fix },
        );
      }),
};

export const cnvBridgeRule: DiagnosticRule = {
  id: 'cnv-bridge-type',
  severity: 'warning',
  explanation: D.cnvBridgeExplain,
  check: (model) =>
    referencedNads(model)
      .filter(({ config }) => config.plugins.some((p) => p.type === 'cnv-bridge'))
      .map(({ nad, config, rows }) =>
        finding(cnvBridgeRule, msg(D.cnvBridge, { nad: nadKeyOf(nad) }), {
          interface: rows[0].name,
          refs: [nadRef(nad)],
          fix: {
            message: msg(D.cnvBridgeFix),
            yaml: nadWithConfig(
              nad,
              rewriteConfig(config, (p) =>
                p.type === 'cnv-bridge' ? { ...p, type: 'bridge' } : p,
              ),
            ),
          },
        }),
      ),
};

/** Misspellings seen in the field, per plugin: the key people write → the key the plugin reads. */
const KNOWN_RENAMES: Record<string, Record<string, string>> = {
  bridge: { macspoof: 'macspoofchk', vlanId: 'vlan', vlanID: 'vlan', vlan_id: 'vlan' },
  'ovn-k8s-cni-overlay': {
    vlan: 'vlanID',
    vlanId: 'vlanID',
    excludeSubnet: 'excludeSubnets',
    subnet: 'subnets',
  },
};

/** A renamed value is kept only when it has the shape the real key wants (a number for VLANs). */
const usableRenamedValue = (key: string, value: unknown) =>
  key === 'vlan' || key === 'vlanID' ? typeof value === 'number' : value !== undefined;

export const unknownKeysRule: DiagnosticRule = {
  id: 'nad-unknown-keys',
  severity: 'warning',
  explanation: D.unknownKeysExplain,
  check: (model) =>
    referencedNads(model).flatMap(({ nad, config, rows }) => {
      const unknown = config.plugins.flatMap((p) =>
        p.unknownKeys.map((k) => ({ k, type: p.canonicalType })),
      );
      if (!unknown.length) return [];
      const renames = unknown
        .map(({ k, type }) =>
          KNOWN_RENAMES[type]?.[k] ? `${k} → ${KNOWN_RENAMES[type][k]}` : `${k} → —`,
        )
        .join(', ');
      const fixed = rewriteConfig(config, (p, i) => {
        const plugin = config.plugins[i];
        const type = plugin?.canonicalType ?? '';
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(p)) {
          if (!plugin?.unknownKeys.includes(k)) out[k] = v;
          else {
            const to = KNOWN_RENAMES[type]?.[k];
            if (to && !(to in p) && usableRenamedValue(to, v)) out[to] = v;
          }
        }
        return out;
      });
      return [
        finding(
          unknownKeysRule,
          msg(D.unknownKeys, {
            nad: nadKeyOf(nad),
            type: config.canonicalType ?? '',
            keys: unknown.map((u) => u.k).join(', '),
          }),
          {
            interface: rows[0].name,
            refs: [nadRef(nad)],
            fix: { message: msg(D.unknownKeysFix, { renames }), yaml: nadWithConfig(nad, fixed) },
          },
        ),
      ];
    }),
};

const nncpForMapping = (localnet: string, bridge: string) => ({
  apiVersion: apiVersionOf(Models.NodeNetworkConfigurationPolicy),
  kind: Models.NodeNetworkConfigurationPolicy.kind,
  metadata: {
    name: `bridge-mapping-${localnet}`
      .toLowerCase()
      .replace(/[^a-z0-9.-]/g, '-')
      .slice(0, 253),
  },
  spec: {
    nodeSelector: { 'node-role.kubernetes.io/worker': '' },
    desiredState: { ovn: { 'bridge-mappings': [{ localnet, bridge, state: 'present' }] } },
  },
});

export const localnetMappingRule: DiagnosticRule = {
  id: 'localnet-bridge-mapping',
  severity: 'error',
  explanation: D.localnetExplain,
  check: (model) => {
    const { bridgeMappings, bridgeMappingsKnown, nodeInterfaceMtus } = model.context;
    if (!bridgeMappingsKnown) return [];
    // Without NodeNetworkState, OpenShift's built-in physnet → br-ex mapping is invisible: assume it.
    const sawNodeState =
      [...bridgeMappings.values()].some((l) => l.some((m) => m.from.kind === 'NodeNetworkState')) ||
      nodeInterfaceMtus.size > 0;
    const out: Finding[] = [];
    for (const row of model.interfaces) {
      const net = row.network;
      if (net.topology !== 'localnet' || !net.physicalNetworkName) continue;
      const network = net.physicalNetworkName;
      if (bridgeMappings.get(network)?.length) continue;
      if (!sawNodeState && network === DEFAULT_OPENSHIFT_MAPPING.localnet) continue;
      const nadName = net.nadKey?.split('/')[1];
      const underNadName = nadName && nadName !== network ? bridgeMappings.get(nadName) : undefined;
      const bridge = underNadName?.[0]?.bridge ?? DEFAULT_OPENSHIFT_MAPPING.bridge;
      out.push(
        finding(
          localnetMappingRule,
          underNadName?.length
            ? msg(D.localnetMappedByNadName, { nadName: nadName!, network })
            : msg(D.localnetNoMapping, { network, nad: net.nadKey ?? '' }),
          {
            interface: row.name,
            refs: net.refs,
            fix: {
              message: msg(D.localnetFix, { network }),
              yaml: nncpForMapping(network, bridge),
            },
          },
        ),
      );
    }
    return out;
  },
};

/**
 * The mapping check above needs NMState's objects. Without them (not installed, or not readable)
 * the summary must not read as if the check had passed: each localnet NIC gets a note saying it
 * was not checked, and how to look on a node.
 */
export const localnetMappingUncheckedRule: DiagnosticRule = {
  id: 'localnet-bridge-mapping-not-checked',
  severity: 'info',
  explanation: D.localnetUncheckedExplain,
  check: (model) =>
    model.context.bridgeMappingsKnown
      ? []
      : model.interfaces.flatMap((row) => {
          const network = row.network.physicalNetworkName;
          if (row.network.topology !== 'localnet' || !network) return [];
          return [
            finding(localnetMappingUncheckedRule, msg(D.localnetUnchecked, { network }), {
              interface: row.name,
              refs: row.network.refs,
              fix: { kind: 'check', message: msg(D.localnetUncheckedFix) },
            }),
          ];
        }),
};

export const netAttachDefNameRule: DiagnosticRule = {
  id: 'net-attach-def-name',
  severity: 'error',
  explanation: D.netAttachDefNameExplain,
  check: (model) =>
    referencedNads(model).flatMap(({ nad, config, rows }) => {
      if (config.canonicalType !== 'ovn-k8s-cni-overlay' || config.netAttachDefName === undefined)
        return [];
      const expected = nadKeyOf(nad);
      if (config.netAttachDefName === expected) return [];
      return [
        finding(
          netAttachDefNameRule,
          msg(D.netAttachDefName, { nad: expected, value: config.netAttachDefName, expected }),
          {
            interface: rows[0].name,
            refs: [nadRef(nad)],
            fix: {
              message: msg(D.netAttachDefNameFix, { expected }),
              yaml: nadWithConfig(
                nad,
                rewriteConfig(config, (p) => ({ ...p, netAttachDefName: expected })),
              ),
            },
          },
        ),
      ];
    }),
};

export const localnetConflictRule: DiagnosticRule = {
  id: 'localnet-network-conflict',
  severity: 'warning',
  explanation: D.localnetConflictExplain,
  check: (model) => {
    const out: Finding[] = [];
    const byName = new Map<string, { nad: NetworkAttachmentDefinition; config: NadConfig }[]>();
    for (const nad of model.context.allNads) {
      const config = parseNadConfig(nad);
      if (config.topology !== 'localnet' || !config.name) continue;
      const list = byName.get(config.name) ?? [];
      list.push({ nad, config });
      byName.set(config.name, list);
    }
    const reported = new Set<string>();
    for (const row of model.interfaces) {
      const name = row.network.topology === 'localnet' ? row.network.nad?.name : undefined;
      if (!name || reported.has(name)) continue;
      const group = byName.get(name) ?? [];
      for (const field of ['vlan', 'mtu'] as const) {
        if (new Set(group.map((g) => g.config[field])).size <= 1) continue;
        reported.add(name);
        out.push(
          finding(
            localnetConflictRule,
            msg(D.localnetConflict, {
              nads: group.map((g) => `${nadKeyOf(g.nad)} (${g.config[field] ?? '—'})`).join(', '),
              network: name,
              field: field === 'vlan' ? 'VLAN' : 'MTU',
            }),
            {
              interface: row.name,
              refs: group.map((g) => nadRef(g.nad)),
              fix: { message: msg(D.localnetConflictFix) },
            },
          ),
        );
      }
    }
    return out;
  },
};

export const primaryUdnLabelRule: DiagnosticRule = {
  id: 'primary-udn-namespace-label',
  severity: 'error',
  explanation: D.primaryUdnExplain,
  check: (model) => {
    const p = model.context.primary;
    if (!p || !model.context.namespaceLabels || !model.context.udnsKnown) return [];
    const ns = model.namespace;
    const nsRef = refOf(Models.Namespace, ns);
    if (p.labelled && p.networks.length === 0) {
      return [
        finding(primaryUdnLabelRule, msg(D.primaryLabelNoUdn, { namespace: ns }), {
          refs: [nsRef],
          fix: {
            message: msg(D.primaryLabelNoUdnFix),
            yaml: {
              apiVersion: apiVersionOf(Models.UserDefinedNetwork),
              kind: Models.UserDefinedNetwork.kind,
              metadata: { name: 'primary-udn', namespace: ns },
              spec: {
                topology: 'Layer2',
                layer2: {
                  role: 'Primary',
                  subnets: ['10.100.0.0/16'],
                  ipam: { lifecycle: 'Persistent' },
                },
              },
            },
          },
        }),
      ];
    }
    if (!p.labelled && p.networks.length > 0) {
      const udn = p.networks[0];
      return [
        finding(
          primaryUdnLabelRule,
          msg(D.primaryUdnNoLabel, { namespace: ns, udn: udn.metadata?.name ?? '' }),
          {
            refs: [nsRef],
            fix: {
              message: msg(D.primaryUdnNoLabelFix),
              yaml: {
                apiVersion: 'v1',
                kind: 'Namespace',
                metadata: { name: ns, labels: { [PRIMARY_UDN_NAMESPACE_LABEL]: '' } },
              },
            },
          },
        ),
      ];
    }
    return [];
  },
};

export const bindingOnPrimaryUdnRule: DiagnosticRule = {
  id: 'binding-on-primary-udn',
  severity: 'error',
  explanation: D.bindingOnPrimaryUdnExplain,
  check: (model) =>
    model.interfaces
      .filter(
        (r) =>
          (r.network.kind === 'primary-udn' || r.network.kind === 'primary-cudn') &&
          (r.binding.name === 'masquerade' || r.binding.name === 'bridge'),
      )
      .map((r) =>
        finding(
          bindingOnPrimaryUdnRule,
          msg(D.bindingOnPrimaryUdn, { interface: r.name, binding: r.binding.name }),
          {
            interface: r.name,
            refs: r.network.refs,
            fix: {
              message: msg(D.bindingOnPrimaryUdnFix, { interface: r.name }),
              yaml: {
                ...withoutBinding(r.spec.iface as unknown as Record<string, unknown>),
                binding: { name: 'l2bridge' },
              },
            },
          },
        ),
      ),
};

const withoutBinding = (iface: Record<string, unknown>) => {
  const out = { ...iface };
  for (const k of [
    'masquerade',
    'bridge',
    'sriov',
    'passtBinding',
    'macvtap',
    'slirp',
    'passt',
    'binding',
  ])
    delete out[k];
  return out;
};

export const multiplePodNetworksRule: DiagnosticRule = {
  id: 'multiple-pod-networks',
  severity: 'error',
  explanation: D.multiplePodNetworksExplain,
  check: (model) => {
    const primary = model.interfaces.filter((r) => r.primary);
    if (primary.length <= 1) return [];
    return [
      finding(
        multiplePodNetworksRule,
        msg(D.multiplePodNetworks, {
          count: primary.length,
          interfaces: primary.map((r) => r.name).join(', '),
        }),
        { interface: primary[1].name, fix: { message: msg(D.multiplePodNetworksFix) } },
      ),
    ];
  },
};

export const mtuTooLargeRule: DiagnosticRule = {
  id: 'mtu-too-large',
  severity: 'warning',
  explanation: D.mtuTooLargeExplain,
  check: (model) => {
    const out: Finding[] = [];
    const { nodeInterfaceMtus, clusterNetworkMtu } = model.context;
    for (const r of model.interfaces) {
      const mtu = r.network.mtu;
      if (mtu === undefined) continue;
      // Bridged networks (localnet, Linux bridge) ride a node bridge; overlays ride the cluster network.
      const bridged = r.network.topology === 'localnet' || r.network.canonicalType === 'bridge';
      const bridge = r.network.bridge;
      const limit = bridged
        ? bridge
          ? nodeInterfaceMtus.get(bridge)
          : undefined
        : clusterNetworkMtu;
      const what = bridged ? `${bridge} bridge` : 'cluster network';
      if (limit === undefined || mtu <= limit) continue;
      out.push(
        finding(mtuTooLargeRule, msg(D.mtuTooLarge, { interface: r.name, mtu, what, limit }), {
          interface: r.name,
          refs: r.network.refs,
          fix: { message: msg(D.mtuTooLargeFix, { limit }) },
        }),
      );
    }
    return out;
  },
};

const DEFAULT_DESTINATIONS = new Set(['0.0.0.0/0', '::/0', 'default']);

/** A gateway the secondary network hands the pod (and through the bridge, the guest). */
const secondaryGatewayOf = (r: InterfaceRow): string | undefined => {
  if (r.pod.gateways.length) return r.pod.gateways[0];
  for (const p of r.network.nad?.plugins ?? []) {
    const c = p.config;
    if (c.isDefaultGateway === true) return 'isDefaultGateway';
    const ipam = c.ipam as
      { gateway?: string; routes?: { dst?: string; gw?: string }[] } | undefined;
    const route = ipam?.routes?.find((x) => x.dst && DEFAULT_DESTINATIONS.has(x.dst));
    if (route) return route.gw ?? ipam?.gateway ?? route.dst;
  }
  return undefined;
};

export const twoDefaultRoutesRule: DiagnosticRule = {
  id: 'two-default-routes',
  severity: 'warning',
  explanation: D.twoDefaultRoutesExplain,
  check: (model) => {
    if (!model.interfaces.some((r) => r.primary)) return [];
    return model.interfaces
      .filter((r) => !r.primary)
      .flatMap((r) => {
        const gateway = secondaryGatewayOf(r);
        if (!gateway) return [];
        return [
          finding(twoDefaultRoutesRule, msg(D.twoDefaultRoutes, { interface: r.name, gateway }), {
            interface: r.name,
            refs: r.network.refs,
            fix: { message: msg(D.twoDefaultRoutesFix) },
          }),
        ];
      });
  },
};

export const guestAgentRule: DiagnosticRule = {
  id: 'guest-agent-not-connected',
  severity: 'info',
  explanation: D.guestAgentMissingExplain,
  check: (model) =>
    (model.state === 'running' || model.state === 'migrating') &&
    model.guestAgentConnected === false
      ? [
          finding(guestAgentRule, msg(D.guestAgentMissing), {
            fix: { message: msg(D.guestAgentMissingFix) },
          }),
        ]
      : [],
};

export const macMismatchRule: DiagnosticRule = {
  id: 'mac-mismatch',
  severity: 'warning',
  explanation: D.macMismatchExplain,
  check: (model) =>
    model.interfaces
      .filter(
        (r) =>
          r.guest.mac.configured &&
          r.guest.mac.reported &&
          r.guest.mac.configured !== r.guest.mac.reported,
      )
      .map((r) =>
        finding(
          macMismatchRule,
          msg(D.macMismatch, {
            interface: r.name,
            reported: r.guest.mac.reported!,
            configured: r.guest.mac.configured!,
          }),
          { interface: r.name, fix: { message: msg(D.macMismatchFix) } },
        ),
      ),
};

export const hotplugPendingRule: DiagnosticRule = {
  id: 'hotplug-pending',
  severity: 'info',
  explanation: D.hotplugPendingExplain,
  check: (model) =>
    model.interfaces
      .filter((r) => r.guest.hotplug && r.guest.hotplug !== 'absent')
      .map((r) =>
        finding(hotplugPendingRule, msg(D.hotplugPending, { interface: r.name }), {
          interface: r.name,
          fix: { message: msg(D.hotplugPendingFix) },
        }),
      ),
};

/**
 * MultiNetworkPolicy is enforced by iptables in the pod's network namespace
 * (multi-networkpolicy-iptables); a VF bound to vfio-pci is not a netdev there, it is driven by the
 * guest. OpenShift documents multi-network policies on SR-IOV for kernel NICs only, not for
 * DPDK/vfio-pci ("Configuring multi-network policy", hardware networks: about SR-IOV).
 */
export const sriovPolicyRule: DiagnosticRule = {
  id: 'sriov-policy-not-enforced',
  severity: 'warning',
  explanation: D.sriovPolicyExplain,
  check: (model) =>
    model.interfaces
      .filter((r) => r.binding.name === 'sriov')
      .map((r) =>
        finding(sriovPolicyRule, msg(D.sriovPolicy, { interface: r.name }), {
          interface: r.name,
          refs: r.network.refs,
        }),
      ),
};

/** A value of the wrong shape in an object the tab reads: that object's problem, with its raw data. */
export const badDataRule: DiagnosticRule = {
  id: 'bad-data',
  severity: 'warning',
  explanation: D.badDataExplain,
  check: (model) =>
    (model.dataProblems ?? []).map((p) =>
      finding(
        badDataRule,
        msg(D.badData, {
          kind: p.object.kind,
          name: p.object.namespace ? `${p.object.namespace}/${p.object.name}` : p.object.name,
          field: p.field,
          problem: p.problem,
        }),
        { refs: p.object.name ? [p.object] : [], raw: p.raw },
      ),
    ),
};

export const ALL_RULES: DiagnosticRule[] = [
  nadMissingRule,
  cnvBridgeRule,
  unknownKeysRule,
  localnetMappingRule,
  localnetMappingUncheckedRule,
  netAttachDefNameRule,
  localnetConflictRule,
  primaryUdnLabelRule,
  bindingOnPrimaryUdnRule,
  multiplePodNetworksRule,
  mtuTooLargeRule,
  twoDefaultRoutesRule,
  guestAgentRule,
  macMismatchRule,
  hotplugPendingRule,
  sriovPolicyRule,
  badDataRule,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every rule; a rule that throws on odd data is skipped rather than blanking the tab. */
export const runDiagnostics = (
  model: NetworkingModel,
  rules: DiagnosticRule[] = ALL_RULES,
): Finding[] =>
  rules
    .flatMap((rule) => {
      try {
        return rule.check(model);
      } catch {
        return [];
      }
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
