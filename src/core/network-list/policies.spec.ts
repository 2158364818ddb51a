import fc from 'fast-check';
import { allDemoObjects } from '../model/__fixtures__/demo';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  MultiNetworkPolicy,
  Namespace,
  NetworkAttachmentDefinition,
  NetworkOperatorConfig,
  UserDefinedNetwork,
  VirtualMachine,
} from '../k8s/types';
import { buildNetworkRows } from './index';
import { buildPolicyRows, isolationOf, launcherLabelsOf } from './policies';

const ofKind = <T extends K8sObject>(objects: K8sObject[], kind: string): T[] =>
  objects.filter((o) => o.kind === kind) as T[];

const objects = allDemoObjects();
const mnps = ofKind<MultiNetworkPolicy>(objects, 'MultiNetworkPolicy');
const vms = ofKind<VirtualMachine>(objects, 'VirtualMachine');
const operator = objects.find((o) => o.kind === 'Network') as NetworkOperatorConfig;
const rows = buildNetworkRows({
  udns: ofKind<UserDefinedNetwork>(objects, 'UserDefinedNetwork'),
  cudns: ofKind<ClusterUserDefinedNetwork>(objects, 'ClusterUserDefinedNetwork'),
  nads: ofKind<NetworkAttachmentDefinition>(objects, 'NetworkAttachmentDefinition'),
  namespaces: ofKind<Namespace>(objects, 'Namespace'),
  bridgeMappings: new Map(),
});

const summary = (p: ReturnType<typeof buildPolicyRows>[number]) => ({
  name: p.name,
  targets: p.targets.map((t) => `${t.key}:${String(t.enforced)}`),
  vms: p.selectedVms,
  ingress: p.ingress,
  egress: p.egress,
  enforcement: p.enforcement,
});

describe('MultiNetworkPolicy rows on the demo fixtures', () => {
  const policyRows = buildPolicyRows(mnps, rows, vms, operator);
  const by = (name: string) => policyRows.find((p) => p.name === name)!;

  it('names the localnet each policy targets, enforced (the operator enables MNP)', () => {
    expect(policyRows.map((p) => p.name).sort()).toEqual([
      'allow-ipblock',
      'allow-ipblock-01',
      'allow-ipblock-cnv-01',
      'allow-ipblock-cnv-02',
      'allow-ipblock-cnv-03',
      'deny-by-default',
    ]);
    for (const p of policyRows) {
      expect(p.targets.map((t) => t.key)).toEqual(['llm-demo/llm-demo-localnet-network']);
      expect(p.targets[0].row?.key).toBe(
        'NetworkAttachmentDefinition/llm-demo/llm-demo-localnet-network',
      );
      expect(p.enforcement).toBe('enforced');
    }
  });

  it('selects VMs of its namespace by template labels plus the launcher pod labels', () => {
    const llmVms = vms
      .filter((v) => v.metadata?.namespace === 'llm-demo')
      .map((v) => v.metadata?.name)
      .sort();
    expect(llmVms.length).toBeGreaterThan(0);
    // podSelector {} selects every VM of llm-demo and none elsewhere.
    expect(by('deny-by-default').selectedVms).toEqual(llmVms);
    // vm.kubevirt.io/name is added by virt-controller to the launcher pod, not in the template.
    expect(by('allow-ipblock-cnv-01').selectedVms).toEqual(['centos-stream9-gold-rabbit-80']);
    expect(by('allow-ipblock-cnv-02').selectedVms).toEqual(['centos-stream9-green-ferret-41']);
    // app: tinypod selects pods, not VMs: no VM carries it.
    expect(by('allow-ipblock').selectedVms).toEqual([]);
  });

  it('states isolation per direction as policyTypes and the rules say', () => {
    expect(summary(by('deny-by-default'))).toMatchObject({
      ingress: { isolated: true, rules: 0 },
      egress: { isolated: true, rules: 0 },
    });
    expect(summary(by('allow-ipblock'))).toMatchObject({
      ingress: { isolated: true, rules: 1 },
      egress: { isolated: false, rules: 0 },
    });
    expect(summary(by('allow-ipblock-01'))).toMatchObject({
      ingress: { isolated: false },
      egress: { isolated: true, rules: 1 },
    });
    // Without policyTypes: Ingress always, Egress only with egress rules (the API's default).
    expect(isolationOf({ podSelector: {} })).toEqual({
      ingress: { isolated: true, rules: 0 },
      egress: { isolated: false, rules: 0 },
    });
    expect(isolationOf({ podSelector: {}, egress: [{}] }).egress.isolated).toBe(true);
  });

  it('says why not enforced: MNP disabled, config unreadable, Linux bridge, network not found', () => {
    const off = { ...operator, spec: { ...operator.spec, useMultiNetworkPolicy: false } };
    const disabled = buildPolicyRows(mnps, rows, vms, off);
    expect(disabled.every((p) => p.enforcement === 'not-enforced')).toBe(true);
    expect(disabled.every((p) => p.reasons.join() === 'mnp-disabled')).toBe(true);
    const unread = buildPolicyRows(mnps, rows, vms, null);
    expect(unread.every((p) => p.enforcement === 'unknown')).toBe(true);
    expect(unread[0].reasons).toEqual(['mnp-config-unknown']);

    const aimed = (policyFor: string): MultiNetworkPolicy => ({
      ...mnps[0],
      metadata: {
        ...mnps[0].metadata,
        annotations: { 'k8s.v1.cni.cncf.io/policy-for': policyFor },
      },
    });
    const [bridge] = buildPolicyRows([aimed('demo-vm-bridge/virt-bridge')], rows, vms, operator);
    expect(bridge).toMatchObject({ enforcement: 'not-enforced', reasons: ['linux-bridge'] });
    const [both] = buildPolicyRows(
      [aimed('demo-vm-bridge/virt-bridge, llm-demo/llm-demo-localnet-network')],
      rows,
      vms,
      operator,
    );
    expect(both.enforcement).toBe('partly');
    const [missing] = buildPolicyRows([aimed('nowhere')], rows, vms, operator);
    expect(missing).toMatchObject({
      enforcement: 'unknown',
      reasons: ['network-not-found'],
      targets: [{ key: 'llm-demo/nowhere', enforced: undefined }],
    });
    const [none] = buildPolicyRows([aimed('')], rows, vms, operator);
    expect(none).toMatchObject({ enforcement: 'not-enforced', targets: [], reasons: [] });
  });

  it('an unreadable selector selects nothing and is flagged (fail closed)', () => {
    const bad: MultiNetworkPolicy = {
      ...mnps[0],
      spec: {
        podSelector: { matchExpressions: [{ key: 'a', operator: 'In' as const, values: [] }] },
      },
    };
    const [p] = buildPolicyRows([bad], rows, vms, operator);
    expect(p).toMatchObject({ selectorInvalid: true, selectedVms: [] });
  });

  it('property: a VM is selected only in the policy namespace, and only if its labels match', () => {
    const label = fc.constantFrom('app', 'tier', 'vm.kubevirt.io/name');
    const value = fc.constantFrom('web', 'db', 'centos-stream9-gold-rabbit-80');
    fc.assert(
      fc.property(
        fc.dictionary(label, value, { maxKeys: 2 }),
        fc.constantFrom(...new Set(vms.map((v) => v.metadata?.namespace ?? ''))),
        (matchLabels, namespace) => {
          const policy: MultiNetworkPolicy = {
            ...mnps[0],
            metadata: { ...mnps[0].metadata, namespace },
            spec: { podSelector: { matchLabels } },
          };
          const [p] = buildPolicyRows([policy], rows, vms, operator);
          for (const name of p.selectedVms) {
            const vm = vms.find(
              (v) => v.metadata?.name === name && v.metadata?.namespace === namespace,
            );
            expect(vm).toBeDefined();
            const labels = launcherLabelsOf(vm!);
            for (const [k, v] of Object.entries(matchLabels)) expect(labels[k]).toBe(v);
          }
        },
      ),
    );
  });
});
