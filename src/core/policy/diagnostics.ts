/**
 * Cluster facts that change what the policies do, each with the fix as data (a patch or an object
 * to create) so a view or the CLI can offer it.
 */
import { Models } from '../k8s/models';
import type { K8sObject, MultiNetworkPolicy } from '../k8s/types';
import type { PolicyAnalysis } from './analysis';
import { policyLabel, type PolicyRef } from './policies';
import { isBlocking } from './admin-policies';
import { msg, render, type Message } from './messages';
import { isRecord } from '../pod/parse-result';

const t = <S extends string>(key: S): S => key;
const D = {
  unreadable: t('{{kind}} {{policy}} {{rule}}: {{problem}}; traffic it could match is unknown'),
  unreadablePolicy: t('{{kind}} {{policy}}: {{problem}}; traffic it could decide is unknown'),
  notAnalysed: t(
    '{{kind}} {{name}} is not analysed ({{why}}); answers do not take it into account',
  ),
  fixNotAnalysed: t(
    'The analysis cannot tell what it decides: read its rules yourself ({{command}})',
  ),
  notAnalysedUnknown: t(
    '{{kind}} {{name}} is not analysed ({{why}}); answers it could decide are unknown',
  ),
  fixInput: t('Correct the field so that the API server accepts it'),
  unreadableObject: t(
    '{{kind}} {{name}} could not be read (its kind, name, namespace, labels or annotations are not text): it is left out, so answers that depend on it may be wrong',
  ),
  unreadableNamespace: t(
    '{{kind}} {{name}} could not be read (its kind, name, namespace, labels or annotations are not text): answers that depend on namespace selectors matching its labels are unknown until it is fixed',
  ),
  unreadableInNamespace: t(
    '{{kind}} {{name}} could not be read (its kind, name, namespace, labels or annotations are not text): answers for endpoints in namespace {{namespace}} are unknown until it is fixed',
  ),
  unreadableInNamespaceSecondary: t(
    '{{kind}} {{name}} could not be read (its kind, name, namespace, labels or annotations are not text): answers for endpoints in namespace {{namespace}} on secondary networks are unknown until it is fixed',
  ),
  unreadableEverywhere: t(
    '{{kind}} {{name}} could not be read (its kind, name, namespace, labels or annotations are not text): answers for endpoints in every namespace it could apply to are unknown until it is fixed',
  ),
  unreadableNoEffect: t(
    '{{kind}} {{name}} could not be read (its kind, name, namespace, labels or annotations are not text): it is left out, and no answer changes: MultiNetworkPolicy is disabled in the cluster, so it would have no effect',
  ),
  unreadableKindObject: t(
    'An object {{name}} could not be read (its kind is not text): answers for endpoints in every namespace are unknown until it is fixed',
  ),
  mnpDisabled: t(
    '{{number}} MultiNetworkPolicies have no effect: network.operator.openshift.io/cluster does not set spec.useMultiNetworkPolicy: true',
  ),
  mnpUnknown: t(
    'MultiNetworkPolicies are assumed enforced; the input has no network.operator.openshift.io/cluster to confirm spec.useMultiNetworkPolicy: true',
  ),
  policyForMissing: t(
    '{{policy}} has no k8s.v1.cni.cncf.io/policy-for annotation: OVN-Kubernetes ignores it',
  ),
  policyForUnknown: t(
    '{{policy}}: policy-for names {{nad}}, which does not exist; that part of the policy silently does nothing',
  ),
  ipamless: t(
    '{{policy}} uses podSelector/namespaceSelector peers on {{network}}, a network without IPAM: OVN-Kubernetes rejects the policy ("IPAM-less networks can only have ipBlock peers")',
  ),
  linuxBridge: t(
    '{{policy}} targets {{network}}, a Linux bridge network: OpenShift does not support MultiNetworkPolicy there, so it is not enforced',
  ),
  dhcpOut: t(
    '{{endpoint}} interface {{interface}} gets its address by DHCP, but the policies on {{network}} block DHCP requests (UDP 67 out)',
  ),
  dhcpIn: t(
    '{{endpoint}} interface {{interface}} gets its address by DHCP, but the policies on {{network}} block DHCP replies (UDP 68 in)',
  ),
  dhcpBoth: t(
    '{{endpoint}} interface {{interface}} gets its address by DHCP, but the policies on {{network}} block DHCP requests (UDP 67 out) and DHCP replies (UDP 68 in)',
  ),
  fixEnableMnp: t('Enable MultiNetworkPolicy in the cluster network operator'),
  fixPolicyFor: t(
    'Name the NetworkAttachmentDefinitions the policy is for in k8s.v1.cni.cncf.io/policy-for',
  ),
  fixPolicyForEntry: t(
    'Correct the policy-for entry "{{entry}}" to an existing NetworkAttachmentDefinition',
  ),
  fixIpBlock: t(
    'Replace the selector peers by ipBlock peers with the addresses of those VMs and pods',
  ),
  fixOvnNetwork: t(
    'Use an OVN-Kubernetes localnet or layer2 secondary network to filter this traffic',
  ),
  fixDhcp: t('Allow DHCP (UDP 67 out, UDP 68 in) for this VM on this network'),
};

/** A diagnostic's sentence: keyed for the views, rendered in English for the CLI and matching. */
const said = (key: string, params: Record<string, string | number>) => {
  const keyed = msg(key, params);
  return { message: render(keyed), keyed };
};

/** `oc get` for one object, by its resource and group, as a person would type it. */
const getCommand = (o: K8sObject): string => {
  const model = Object.values(Models).find(
    (m) => m.kind === o.kind && (o.apiVersion ?? '').split('/')[0] === m.group,
  );
  const resource = model ? `${model.plural}.${model.group}` : (o.kind ?? '').toLowerCase();
  const ns = o.metadata?.namespace ? ` -n ${o.metadata.namespace}` : '';
  return `oc get ${resource} ${o.metadata?.name ?? ''}${ns} -o yaml`;
};

/** Objects the analysis reads but does not analyse: reported, never silently dropped. */
const NOT_ANALYSED: Record<string, { group: string; why: string }> = {
  ClusterNetworkPolicy: {
    group: 'policy.networking.k8s.io',
    why: t('policy.networking.k8s.io/v1alpha2 is not modelled yet'),
  },
  EgressFirewall: { group: 'k8s.ovn.org', why: t('OVN-Kubernetes EgressFirewall is not modelled') },
};

/**
 * Why an object is read but not analysed (a kind of those APIs, not another API's kind of the same
 * name, such as Antrea's ClusterNetworkPolicy); undefined for any other object.
 */
export const notAnalysedWhy = (o: { kind?: string; apiVersion?: string }): string | undefined => {
  const entry =
    o.kind !== undefined && Object.hasOwn(NOT_ANALYSED, o.kind) ? NOT_ANALYSED[o.kind] : undefined;
  if (!entry) return undefined;
  const group = (o.apiVersion ?? `${entry.group}/`).split('/')[0];
  return group === entry.group ? entry.why : undefined;
};

export type DiagnosticCode =
  | 'mnp-disabled'
  | 'mnp-enablement-unknown'
  | 'policy-for-missing'
  | 'policy-for-unknown-nad'
  | 'ipamless-selector-peers'
  | 'linux-bridge-mnp'
  | 'dhcp-blocked'
  | 'unreadable-policy'
  | 'unreadable-object'
  | 'admin-policy-not-applied'
  | 'not-analysed';

export interface Fix {
  /** An i18next key (English); `params` fill its placeholders. */
  description: string;
  params?: Record<string, string>;
  /** A merge patch to apply to an existing object. */
  patch?: {
    apiVersion: string;
    kind: string;
    name: string;
    namespace?: string;
    type: 'merge';
    body: unknown;
  };
  /** An object to create. */
  create?: K8sObject;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The keyed form of `message` (views translate it). */
  keyed?: Message;
  subject: { kind: string; namespace?: string; name: string };
  /** Where the object came from (file of a manifest directory), when known. */
  source?: string;
  /** The rule concerned: `ingress[0]`, or an admin rule's name. */
  rule?: string;
  /** An object that could not be read, as it was given (views match it to what it affects). */
  object?: unknown;
  fix: Fix;
}

const ENABLE_MNP: Fix = {
  description: D.fixEnableMnp,
  patch: {
    apiVersion: 'operator.openshift.io/v1',
    kind: 'Network',
    name: 'cluster',
    type: 'merge',
    body: { spec: { useMultiNetworkPolicy: true } },
  },
};

const subjectOf = (ref: PolicyRef) => ({
  kind: ref.kind,
  namespace: ref.namespace,
  name: ref.name,
});

export const dhcpPolicy = (
  namespace: string,
  nads: string[],
  vmName: string,
): MultiNetworkPolicy => ({
  apiVersion: 'k8s.cni.cncf.io/v1beta1',
  kind: 'MultiNetworkPolicy',
  metadata: {
    name: `allow-dhcp-${vmName}`.slice(0, 63),
    namespace,
    annotations: { 'k8s.v1.cni.cncf.io/policy-for': nads.join(',') },
  },
  spec: {
    podSelector: { matchLabels: { 'vm.kubevirt.io/name': vmName } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ ports: [{ protocol: 'UDP', port: 68 }] }],
    egress: [{ ports: [{ protocol: 'UDP', port: 67 }] }],
  },
});

/** What an unreadable object makes unknown, as the analysis decides it (see unreadable.ts). */
const unreadableSentence = (
  analysis: PolicyAnalysis,
  o: unknown,
  kind: string,
  name: string,
): [string, Record<string, string>] => {
  const u = analysis.unreadablePolicyOf(o);
  // Its labels are what namespace selectors match on: the analysis makes those answers unknown.
  if (kind === 'Namespace') return [D.unreadableNamespace, { kind, name }];
  if (!u) return [D.unreadableObject, { kind, name }];
  if (!u.kind) return [D.unreadableKindObject, { name }];
  if (u.admin || u.baseline || u.namespace === undefined)
    return [D.unreadableEverywhere, { kind, name }];
  if (u.multiNetworkPolicy && !analysis.multiNetworkPolicyEnabled)
    return [D.unreadableNoEffect, { kind, name }];
  return [
    u.multiNetworkPolicy ? D.unreadableInNamespaceSecondary : D.unreadableInNamespace,
    { kind, name, namespace: u.namespace },
  ];
};

/** Unreadable fields of policies: file, object and rule, and what could not be read. */
export const unreadableInput = (analysis: PolicyAnalysis): Diagnostic[] => {
  const out: Diagnostic[] = [];
  const push = (
    ref: PolicyRef,
    object: K8sObject,
    rule: string | undefined,
    problem: Message,
    blocking = true,
  ) => {
    const params = {
      kind: ref.kind,
      policy: policyLabel(ref),
      rule: rule ?? '',
      problem: render(problem),
    };
    const keyed = msg(rule ? D.unreadable : D.unreadablePolicy, params);
    out.push({
      code: 'unreadable-policy',
      severity: blocking ? 'error' : 'info',
      message: blocking ? render(keyed) : `${ref.kind} ${policyLabel(ref)}: ${render(problem)}`,
      keyed,
      subject: subjectOf(ref),
      source: analysis.sourceOf(object),
      rule,
      fix: { description: D.fixInput },
    });
  };
  for (const p of analysis.policies) {
    for (const d of ['ingress', 'egress'] as const) {
      for (const r of p.rules[d]) {
        const rule = `${d}[${r.index}]`;
        for (const problem of r.problems) push(p.ref, p.object, rule, problem);
        for (const peer of r.peers ?? [])
          if (peer.kind === 'invalid') push(p.ref, p.object, rule, peer.reason);
      }
    }
  }
  for (const p of analysis.adminPolicies) {
    for (const problem of p.problems)
      push(p.ref, p.object, undefined, problem, isBlocking(problem));
    for (const d of ['ingress', 'egress'] as const) {
      for (const r of p.rules[d]) {
        const rule = `${d} rule ${r.name}`;
        for (const problem of r.problems) push(p.ref, p.object, rule, problem);
        for (const peer of r.peers)
          if (peer.kind === 'invalid') push(p.ref, p.object, rule, peer.reason);
      }
    }
  }
  // Objects left out as unreadable: said, never silently dropped, with what they make unknown.
  for (const o of analysis.skippedObjects) {
    const obj = isRecord(o) ? o : {};
    const meta = isRecord(obj.metadata) ? obj.metadata : {};
    const text = (v: unknown) => (typeof v === 'string' ? v : '?');
    const kind = text(obj.kind);
    const name = text(meta.name);
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
    const shown = namespace ? `${namespace}/${name}` : name;
    out.push({
      code: 'unreadable-object',
      severity: 'error',
      ...said(...unreadableSentence(analysis, o, kind, shown)),
      subject: { kind, namespace, name },
      source: analysis.sourceOf(o as K8sObject),
      object: o,
      fix: { description: D.fixInput },
    });
  }
  for (const o of analysis.objects) {
    const why = notAnalysedWhy(o);
    if (!why || !o.metadata?.name) continue;
    // One that could deny is not dropped: the analysis makes what it could decide unknown.
    const keyed = msg(analysis.failsClosedOn(o) ? D.notAnalysedUnknown : D.notAnalysed, {
      kind: o.kind!,
      name: o.metadata.name,
      why,
    });
    out.push({
      code: 'not-analysed',
      severity: 'warning',
      message: render(keyed),
      keyed,
      subject: { kind: o.kind!, namespace: o.metadata.namespace, name: o.metadata.name },
      source: analysis.sourceOf(o),
      object: o,
      fix: { description: D.fixNotAnalysed, params: { command: getCommand(o) } },
    });
  }
  return out;
};

export const diagnose = (analysis: PolicyAnalysis): Diagnostic[] => {
  const out: Diagnostic[] = [...unreadableInput(analysis)];
  const mnps = analysis.policies.filter((p) => p.ref.kind === 'MultiNetworkPolicy');

  if (mnps.length && analysis.multiNetworkPolicyConfigured === false) {
    out.push({
      code: 'mnp-disabled',
      severity: 'error',
      ...said(D.mnpDisabled, { number: mnps.length }),
      subject: { kind: 'Network', name: 'cluster' },
      fix: ENABLE_MNP,
    });
  } else if (mnps.length && analysis.multiNetworkPolicyConfigured === undefined) {
    out.push({
      code: 'mnp-enablement-unknown',
      severity: 'info',
      ...said(D.mnpUnknown, {}),
      subject: { kind: 'Network', name: 'cluster' },
      fix: ENABLE_MNP,
    });
  }

  for (const p of mnps) {
    if (!p.policyFor?.length) {
      out.push({
        code: 'policy-for-missing',
        severity: 'warning',
        ...said(D.policyForMissing, { policy: `${p.ref.namespace}/${p.ref.name}` }),
        subject: subjectOf(p.ref),
        fix: { description: D.fixPolicyFor },
      });
    }
    for (const t of p.policyFor ?? []) {
      if (t.networkId) continue;
      out.push({
        code: 'policy-for-unknown-nad',
        severity: 'warning',
        ...said(D.policyForUnknown, {
          policy: `${p.ref.namespace}/${p.ref.name}`,
          nad: `${t.namespace}/${t.name}`,
        }),
        subject: subjectOf(p.ref),
        fix: {
          description: D.fixPolicyForEntry,
          params: { entry: `${t.namespace}/${t.name}` },
        },
      });
    }
    for (const [networkId, reason] of analysis.inert.get(p.index) ?? []) {
      const label = analysis.network(networkId)?.label ?? networkId;
      if (reason === 'ipamless-selector-peers') {
        out.push({
          code: 'ipamless-selector-peers',
          severity: 'error',
          ...said(D.ipamless, { policy: `${p.ref.namespace}/${p.ref.name}`, network: label }),
          subject: subjectOf(p.ref),
          fix: { description: D.fixIpBlock },
        });
      } else if (reason === 'linux-bridge') {
        out.push({
          code: 'linux-bridge-mnp',
          severity: 'warning',
          ...said(D.linuxBridge, { policy: `${p.ref.namespace}/${p.ref.name}`, network: label }),
          subject: subjectOf(p.ref),
          fix: { description: D.fixOvnNetwork },
        });
      }
    }
  }

  // A guest that asks DHCP for its address, behind a policy that does not let DHCP through.
  for (const e of analysis.endpoints) {
    for (const iface of e.interfaces) {
      const net = analysis.network(iface.networkId);
      if (net?.kind !== 'secondary') continue;
      const usesDhcp =
        iface.dhcp === true ||
        (e.kind === 'VirtualMachine' &&
          net.ipam === 'no' &&
          iface.ipSource === 'none' &&
          iface.binding === 'bridge');
      // What an unreadable object could decide is unknown, not blocked: no claim either way.
      if (!usesDhcp || analysis.unreadableAffecting(iface)) continue;
      const attachment = { endpoint: e, iface };
      const out67 = analysis.connsWithAddress(attachment, 'egress', {
        text: '255.255.255.255',
        family: 4,
        n: 0xffffffffn,
      });
      const in68 = analysis
        .policiesSelecting(iface)
        .filter((p) => p.isolates.ingress)
        .flatMap((p) => p.rules.ingress);
      const ingressIsolated = analysis.policiesSelecting(iface).some((p) => p.isolates.ingress);
      const ingressOk =
        !ingressIsolated ||
        in68.some(
          (r) =>
            r.ports === null ||
            r.ports.some(
              (p) =>
                p.protocol === 'UDP' &&
                (p.kind === 'all' || (p.kind === 'range' && p.from <= 68 && p.to >= 68)),
            ),
        );
      const egressOk = out67.ports.UDP.some(([a, b]) => a <= 67 && b >= 67);
      if (egressOk && ingressOk) continue;
      out.push({
        code: 'dhcp-blocked',
        severity: 'warning',
        ...said(!egressOk && !ingressOk ? D.dhcpBoth : !egressOk ? D.dhcpOut : D.dhcpIn, {
          endpoint: e.key,
          interface: iface.name,
          network: net.label,
        }),
        subject: { kind: e.kind, namespace: e.namespace, name: e.name },
        fix: {
          description: D.fixDhcp,
          create: dhcpPolicy(
            e.namespace,
            net.nads
              .filter((n) => n.namespace === e.namespace)
              .map((n) => n.name)
              .concat(
                net.nads.some((n) => n.namespace === e.namespace)
                  ? []
                  : net.nads.map((n) => `${n.namespace}/${n.name}`),
              ),
            e.name,
          ),
        },
      });
    }
  }
  return out;
};
