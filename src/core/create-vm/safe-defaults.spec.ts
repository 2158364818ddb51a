/**
 * @jest-environment node
 */
import * as fc from 'fast-check';
import type { ClusterUserDefinedNetwork, Namespace, UserDefinedNetwork } from '../k8s/types';
import { DEMO_FILES, loadDemo, ofKind } from './__fixtures__/demo';
import {
  bindingErrors,
  bindingWarnings,
  chooseBinding,
  defaultPlan,
  generateVM,
  hasPrimaryUdn,
  networkOptionsFor,
  planErrors,
  PLAN_MESSAGES as M,
  validatePlan,
  type BindingName,
  type PlanInterface,
  type VMPlan,
} from './index';

const ctx = { target: '4.20' as const, passt: 'none' as const };
const LABEL = 'k8s.ovn.org/primary-user-defined-network';
const ns = (name: string, labels?: Record<string, string>): Namespace => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(labels ? { labels } : {}) },
});

describe('Create VM starts with the NIC KubeVirt would give the VM', () => {
  it('is the pod network with masquerade, not "no NIC and autoattachPodInterface: false"', () => {
    const plan: VMPlan = {
      ...defaultPlan('shop'),
      name: 'web',
      boot: { kind: 'containerDisk', image: 'quay.io/containerdisks/fedora:41' },
    };
    const vm = generateVM(plan);
    const tmpl = vm.spec!.template!.spec!;
    expect(tmpl.domain.devices.interfaces).toEqual([
      { name: 'default', masquerade: {}, model: 'virtio' },
    ]);
    expect(tmpl.networks).toEqual([{ name: 'default', pod: {} }]);
    expect(tmpl.domain.devices.autoattachPodInterface).toBeUndefined();
    expect(
      validatePlan(plan, {
        binding: ctx,
        networks: networkOptionsFor({ namespace: 'shop', nads: [] }),
      }),
    ).toEqual([]);
  });

  const primaryUdn = loadDemo('02-vm-primary-udn-l2bridge.yaml').find(
    (o) => o.kind === 'UserDefinedNetwork',
  ) as UserDefinedNetwork;

  it.each<[string, Parameters<typeof networkOptionsFor>[0]]>([
    [
      'a primary UDN in the namespace',
      {
        namespace: 'shop',
        nads: [],
        udns: [{ ...primaryUdn, metadata: { name: 'p', namespace: 'shop' } }],
      },
    ],
    [
      'a CUDN selecting the namespace',
      {
        namespace: 'shop',
        namespaceObject: ns('shop', { tier: 'web', [LABEL]: '' }),
        nads: [],
        cudns: [
          {
            apiVersion: 'k8s.ovn.org/v1',
            kind: 'ClusterUserDefinedNetwork',
            metadata: { name: 'c' },
            spec: {
              namespaceSelector: { matchLabels: { tier: 'web' } },
              network: {
                topology: 'Layer2',
                layer2: { role: 'Primary', subnets: ['10.9.0.0/16'] },
              },
            },
          } as ClusterUserDefinedNetwork,
        ],
      },
    ],
    [
      'only the namespace label (the UDN not readable or not there yet)',
      { namespace: 'shop', namespaceObject: ns('shop', { [LABEL]: '' }), nads: [] },
    ],
  ])('uses l2bridge on %s', (_label, input) => {
    expect(hasPrimaryUdn(input)).toBe(true);
    const pod = networkOptionsFor(input)[0];
    expect(pod.flavor).toBe('primary-udn');
    expect(chooseBinding(pod, ctx).binding).toBe('l2bridge');
  });

  it('keeps masquerade on a namespace without any of them', () => {
    const input = { namespace: 'shop', namespaceObject: ns('shop', { tier: 'web' }), nads: [] };
    expect(hasPrimaryUdn(input)).toBe(false);
    expect(chooseBinding(networkOptionsFor(input)[0], ctx).binding).toBe('masquerade');
  });

  it('offers passt only with evidence that the cluster enables it', () => {
    const pod = networkOptionsFor({
      namespace: 'shop',
      namespaceObject: ns('shop', { [LABEL]: '' }),
      nads: [],
    })[0];
    expect(chooseBinding(pod, ctx).alternatives).toEqual(['l2bridge']);
    expect(chooseBinding(pod, { target: '4.20', passt: 'plugin' }).alternatives).toEqual([
      'l2bridge',
      'passt',
    ]);
  });

  it.each(DEMO_FILES)('%s: every real VM NIC gets its real binding from chooseBinding', (file) => {
    const objs = loadDemo(file);
    for (const vm of ofKind(objs, 'VirtualMachine')) {
      const namespace = vm.metadata?.namespace ?? '';
      const input = {
        namespace,
        namespaceObject: ofKind<Namespace>(objs, 'Namespace').find(
          (n) => n.metadata?.name === namespace,
        ),
        nads: ofKind(objs, 'NetworkAttachmentDefinition'),
        udns: ofKind<UserDefinedNetwork>(objs, 'UserDefinedNetwork'),
      };
      const pod = networkOptionsFor(input)[0];
      const podIface = (
        vm as {
          spec: {
            template: {
              spec: {
                domain: { devices: { interfaces: Array<Record<string, unknown>> } };
                networks: Array<{ name: string; pod?: object }>;
              };
            };
          };
        }
      ).spec.template.spec;
      const podNet = podIface.networks.find((n) => n.pod);
      if (!podNet) continue;
      const iface = podIface.domain.devices.interfaces.find((i) => i.name === podNet.name)!;
      const real = iface.masquerade ? 'masquerade' : (iface.binding as { name: string }).name;
      expect({ vm: vm.metadata?.name, binding: chooseBinding(pod, ctx).binding }).toEqual({
        vm: vm.metadata?.name,
        binding: real,
      });
    }
  });
});

describe('masquerade off the pod network is a hard stop, as in KubeVirt admission', () => {
  const secondary: PlanInterface = {
    name: 'nic-1',
    network: { kind: 'multus', namespace: 'shop', name: 'vlan-9' },
    binding: 'masquerade',
    model: 'virtio',
    linkState: 'up',
  };
  const options = [
    ...networkOptionsFor({ namespace: 'shop', nads: [] }),
    {
      id: 'shop/vlan-9',
      network: secondary.network,
      flavor: 'bridge' as const,
      source: 'nad' as const,
      hasIpam: false,
      subnets: [],
    },
  ];

  it('is an error on the binding, not a warning', () => {
    const plan: VMPlan = {
      ...defaultPlan('shop'),
      name: 'web',
      boot: { kind: 'containerDisk', image: 'fedora' },
      interfaces: [secondary],
    };
    expect(
      planErrors(validatePlan(plan, { binding: ctx, networks: options })).map(
        (i) => `${i.field} ${i.message}`,
      ),
    ).toEqual([`interfaces[0].binding ${M.masqueradeOffPod}`]);
  });

  it('holds for every binding on every kind of network', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BindingName>(
          'masquerade',
          'bridge',
          'sriov',
          'l2bridge',
          'passt',
          'passtBinding',
        ),
        fc.boolean(),
        (binding, onPod) => {
          const network = onPod ? ({ kind: 'pod' } as const) : secondary.network;
          const errors = bindingErrors(network, binding).map((m) => m.message);
          expect(errors.includes(M.masqueradeOffPod)).toBe(binding === 'masquerade' && !onPod);
          // Never said twice: the warnings do not repeat the hard stop.
          const option = onPod ? options[0] : options[1];
          expect(bindingWarnings(option, binding, ctx).map((m) => m.message)).not.toContain(
            M.masqueradeOffPod,
          );
        },
      ),
    );
  });
});
