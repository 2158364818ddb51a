/**
 * @jest-environment node
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fc from 'fast-check';
import { readShared } from '../../../test-support/shared';
import type {
  Namespace,
  NetworkAttachmentDefinition,
  UserDefinedNetwork,
  VirtualMachine,
} from '../k8s/types';
import { specInterfacesOf } from '../kubevirt/vm-spec';
import { buildNetworkingModel } from '../model/interface-model';
import { DEMO_FILES, loadDemo, ofKind } from './__fixtures__/demo';
import {
  bindingWarnings,
  checkMac,
  chooseBinding,
  creationOrder,
  defaultPlan,
  draftVM,
  emptyPlanned,
  generateVM,
  INTERFACE_MODELS,
  macsInUse,
  networkId,
  networkOptionsFor,
  newInterface,
  passtSupportOf,
  planErrors,
  planModelInput,
  planNetworkOptions,
  PLAN_MESSAGES as M,
  podNetworkOption,
  validatePlan,
  type BindingContext,
  type BindingName,
  type NetworkOption,
  type PlanInterface,
  type VMPlan,
} from './index';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateVM = ajv.compile(
  JSON.parse(readShared('crds', 'kubevirt.io_v1_virtualmachine.schema.json')),
);
const schemaErrors = (vm: unknown) =>
  validateVM(vm) ? [] : (validateVM.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const ctx420: BindingContext = { target: '4.20', passt: 'none' };

const demoScenario = (file: string) => {
  const objs = loadDemo(file);
  const vm = ofKind<VirtualMachine>(objs, 'VirtualMachine')[0];
  const namespace = vm?.metadata?.namespace ?? '';
  return {
    objs,
    vm,
    input: {
      namespace,
      namespaceObject: ofKind<Namespace>(objs, 'Namespace').find(
        (n) => n.metadata?.name === namespace,
      ),
      nads: ofKind<NetworkAttachmentDefinition>(objs, 'NetworkAttachmentDefinition'),
      udns: ofKind<UserDefinedNetwork>(objs, 'UserDefinedNetwork'),
    },
  };
};

describe('chooseBinding on the demo clusters', () => {
  it.each(DEMO_FILES)('%s: picks the binding each real VM uses', (file) => {
    const { objs, input } = demoScenario(file);
    const options = networkOptionsFor(input);
    for (const vm of ofKind<VirtualMachine>(objs, 'VirtualMachine')) {
      for (const si of specInterfacesOf(vm)) {
        const id =
          si.network.kind === 'pod'
            ? 'pod'
            : si.network.kind === 'multus'
              ? `${si.network.nadNamespace}/${si.network.nadName}`
              : '';
        const option = options.find((o) => o.id === id);
        expect({ iface: si.name, found: !!option }).toEqual({ iface: si.name, found: true });
        expect({ iface: si.name, binding: chooseBinding(option!, ctx420).binding }).toEqual({
          iface: si.name,
          binding: si.binding.name,
        });
        expect(bindingWarnings(option!, si.binding.name as BindingName, ctx420)).toEqual([]);
      }
    }
  });

  it('lists the primary UDN as the pod network, never as a Multus network', () => {
    const { input } = demoScenario('03-vm-primary-plus-secondary-udn.yaml');
    const options = networkOptionsFor(input);
    expect(options.map((o) => `${o.id}:${o.flavor}:${o.source}`)).toEqual([
      'pod:primary-udn:pod',
      'demo-vm-secondary-udn/secondary-udn:ovn-layer2:udn',
    ]);
  });

  it('reads localnet and Linux bridge NADs by their CNI config', () => {
    expect(networkOptionsFor(demoScenario('04-vm-localnet-vlan1924.yaml').input)[1]).toMatchObject({
      flavor: 'ovn-localnet',
      source: 'nad',
      pluginType: 'ovn-k8s-cni-overlay',
    });
    expect(
      networkOptionsFor(demoScenario('05-vm-linux-bridge-vlan33.yaml').input)[1],
    ).toMatchObject({
      flavor: 'bridge',
      hasIpam: false,
    });
  });
});

describe('binding overrides and passt', () => {
  const primary = podNetworkOption(true);
  const pod = podNetworkOption(false);
  const secondary: NetworkOption = {
    id: 'ns/l2',
    network: { kind: 'multus', namespace: 'ns', name: 'l2' },
    flavor: 'ovn-layer2',
    source: 'nad',
    hasIpam: false,
    subnets: [],
  };
  const sriov: NetworkOption = { ...secondary, id: 'ns/vf', flavor: 'sriov' };

  it.each<[string, NetworkOption, BindingName, string]>([
    ['masquerade on a primary UDN', primary, 'masquerade', M.primaryNeedsL2bridge],
    ['bridge on a primary UDN', primary, 'bridge', M.primaryNeedsL2bridge],
    ['bridge on the pod network', pod, 'bridge', M.podBridge],
    ['l2bridge on the plain pod network', pod, 'l2bridge', M.primaryOnlyBinding],
    ['l2bridge on a secondary network', secondary, 'l2bridge', M.primaryBindingSecondary],
    ['bridge on SR-IOV', sriov, 'bridge', M.sriovNeedsSriov],
    ['sriov on an overlay', secondary, 'sriov', M.sriovOnNonSriov],
    ['passt on 4.19', primary, 'passt', M.passtUnavailable],
  ])('warns about %s', (_label, option, binding, message) => {
    expect(
      bindingWarnings(option, binding, { target: '4.19', passt: 'none' }).map((m) => m.message),
    ).toContain(message);
  });

  it('offers passt next to l2bridge in the form the version has', () => {
    const hco = {
      metadata: { annotations: { 'hco.kubevirt.io/deployPasstNetworkBinding': 'true' } },
    };
    expect(passtSupportOf('4.19', hco)).toBe('none');
    expect(passtSupportOf('4.20', hco)).toBe('plugin');
    expect(passtSupportOf('4.20', undefined, ['l2bridge', 'passt'])).toBe('plugin');
    expect(passtSupportOf('4.22', hco)).toBe('core');
    expect(passtSupportOf('4.22', undefined)).toBe('none');
    const core: BindingContext = { target: '4.22', passt: 'core' };
    expect(chooseBinding(primary, core)).toMatchObject({
      binding: 'l2bridge',
      alternatives: ['l2bridge', 'passtBinding'],
    });
    expect(bindingWarnings(primary, 'passtBinding', core)).toEqual([]);
    expect(bindingWarnings(primary, 'passt', core).map((m) => m.message)).toEqual([
      M.passtWrongFlavor,
    ]);
    expect(chooseBinding(primary, { target: '4.20', passt: 'plugin' }).alternatives).toEqual([
      'l2bridge',
      'passt',
    ]);
  });

  it('writes each binding the way KubeVirt reads it back', () => {
    const plan: VMPlan = {
      ...defaultPlan('ns'),
      name: 'vm',
      boot: { kind: 'containerDisk', image: 'quay.io/containerdisks/fedora:41' },
      interfaces: (
        ['masquerade', 'bridge', 'sriov', 'l2bridge', 'passt', 'passtBinding'] as const
      ).map((binding, i) => ({
        name: `n${i}`,
        network: { kind: 'multus', namespace: 'ns', name: `n${i}` },
        binding,
        model: 'virtio',
        linkState: 'up',
      })),
    };
    const vm = generateVM(plan);
    expect(schemaErrors(vm)).toEqual([]);
    expect(specInterfacesOf(vm).map((s) => s.binding)).toEqual([
      { name: 'masquerade', source: 'core' },
      { name: 'bridge', source: 'core' },
      { name: 'sriov', source: 'core' },
      { name: 'l2bridge', source: 'plugin' },
      { name: 'passt', source: 'plugin' },
      { name: 'passt', source: 'core' },
    ]);
  });
});

describe('MAC addresses', () => {
  const demoVMs = DEMO_FILES.flatMap((f) => ofKind<VirtualMachine>(loadDemo(f), 'VirtualMachine'));
  const inUse = macsInUse(demoVMs);

  it('collects the MACs the demo VMs configure', () => {
    expect(inUse.get('02:00:0a:02:02:03')).toBe('vm-secondary-udn/secondary-udn');
    expect(inUse.get('02:86:5e:00:00:16')).toBe('vm-localnet/nic-vlan-1924');
  });

  it.each([
    ['02:00:00:aa:bb:01', [], []],
    ['02-00-00-AA-BB-01', [], []],
    ['02:00:00:aa:bb', [M.macFormat], []],
    ['02:00-00:aa:bb:01', [M.macFormat], []],
    ['03:00:00:aa:bb:01', [M.macMulticast], []],
    ['00:00:00:00:00:00', [M.macZero], []],
    ['52:54:00:12:34:56', [], []],
    ['00:1a:4a:16:01:51', [], [M.macNotLocal]],
    ['02:00:0A:02:02:03', [M.macDuplicate], []],
  ])('%s', (mac, errors, warnings) => {
    const r = checkMac(mac, inUse);
    expect(r.errors.map((m) => m.message)).toEqual(errors);
    expect(r.warnings.map((m) => m.message)).toEqual(warnings);
  });
});

describe('validatePlan', () => {
  const { input } = demoScenario('03-vm-primary-plus-secondary-udn.yaml');
  const options = networkOptionsFor(input);
  const ctx = { binding: ctx420, networks: options, existingVmNames: ['vm-secondary-udn'] };
  const base = (): VMPlan => ({
    ...defaultPlan('demo-vm-secondary-udn'),
    name: 'web-1',
    boot: { kind: 'dataSource', namespace: 'openshift-virtualization-os-images', name: 'fedora' },
    interfaces: [
      newInterface(options[0], ctx420, []),
      newInterface(options[1], ctx420, ['default']),
    ],
  });

  it('accepts a plan made from the namespace networks with the chosen bindings', () => {
    const plan = base();
    expect(plan.interfaces.map((i) => [i.name, i.binding])).toEqual([
      ['default', 'l2bridge'],
      ['nic-1', 'bridge'],
    ]);
    expect(validatePlan(plan, ctx)).toEqual([]);
  });

  it('names the field of each problem', () => {
    const plan = base();
    plan.name = 'vm-secondary-udn';
    plan.compute = { kind: 'custom', cpu: 0, memory: '2 GB' };
    plan.interfaces[0].binding = 'masquerade';
    plan.interfaces[1].name = 'default';
    plan.interfaces.push({
      name: 'nic-3',
      network: { kind: 'multus', namespace: 'demo-vm-secondary-udn', name: 'nope' },
      binding: 'bridge',
      model: 'virtio',
      linkState: 'up',
      macAddress: '02:00:0a:02:02:03',
    });
    const issues = validatePlan(plan, { ...ctx, macsInUse: macsInUse([]) });
    expect(issues.map((i) => `${i.severity} ${i.field} ${i.message}`)).toEqual([
      `error name ${M.nameTaken}`,
      `error compute.cpu ${M.cpuInvalid}`,
      `error compute.memory ${M.memoryInvalid}`,
      `warning interfaces[0].binding ${M.primaryNeedsL2bridge}`,
      `error interfaces[1].name ${M.interfaceNameDuplicate}`,
      `error interfaces[2].network ${M.networkUnknown}`,
    ]);
  });

  it('refuses a second pod network NIC, a bad image and a duplicate MAC in the plan', () => {
    const plan = base();
    plan.boot = { kind: 'containerDisk', image: 'Quay.io/Bad Image' };
    plan.interfaces.push({ ...plan.interfaces[0], name: 'second' });
    plan.interfaces[0].macAddress = '02:00:00:00:00:01';
    plan.interfaces[1].macAddress = '02-00-00-00-00-01';
    expect(planErrors(validatePlan(plan, ctx)).map((i) => `${i.field} ${i.message}`)).toEqual([
      `boot.image ${M.imageInvalid}`,
      `interfaces[1].macAddress ${M.macDuplicatePlan}`,
      `interfaces[2].network ${M.twoPodNetworks}`,
    ]);
  });
});

describe('generateVM', () => {
  const options = networkOptionsFor(demoScenario('04-vm-localnet-vlan1924.yaml').input);
  const labelArb = fc.stringMatching(/^[a-z]([a-z0-9-]{0,20}[a-z0-9])?$/);
  const ifaceArb = (i: number) =>
    fc
      .record({
        option: fc.constantFrom(...options),
        model: fc.constantFrom(...INTERFACE_MODELS),
        mac: fc.option(
          fc
            .array(fc.integer({ min: 0, max: 255 }), { minLength: 5, maxLength: 5 })
            .map((b) => ['02', ...b.map((x) => x.toString(16).padStart(2, '0'))].join(':')),
          { nil: undefined },
        ),
        down: fc.boolean(),
      })
      .map(({ option, model, mac, down }) => {
        const iface: PlanInterface = {
          ...newInterface(option, ctx420, []),
          name: `nic-${i}`,
          model,
          linkState: down ? 'down' : 'up',
          ...(mac ? { macAddress: mac } : {}),
        };
        return iface;
      });
  const planArb: fc.Arbitrary<VMPlan> = fc.record({
    name: labelArb,
    namespace: fc.constant('demo-vm-localnet'),
    boot: fc.oneof(
      fc.record({
        kind: fc.constant('dataSource' as const),
        namespace: fc.constant('openshift-virtualization-os-images'),
        name: fc.constantFrom('fedora', 'rhel9', 'centos-stream9'),
        storage: fc.constantFrom(undefined, '30Gi', '1.5Ti'),
      }),
      fc.record({
        kind: fc.constant('containerDisk' as const),
        image: fc.constantFrom(
          'quay.io/containerdisks/fedora:41',
          'registry:5000/vm/disk@sha256:' + 'a'.repeat(64),
        ),
      }),
    ),
    compute: fc.oneof(
      fc.record({
        kind: fc.constant('instancetype' as const),
        instancetype: fc.constantFrom('u1.small', 'cx1.large'),
      }),
      fc.record({
        kind: fc.constant('custom' as const),
        cpu: fc.integer({ min: 1, max: 16 }),
        memory: fc.constantFrom('2Gi', '512Mi', '4G'),
      }),
    ),
    preference: fc.constantFrom('', 'fedora', 'rhel.9'),
    runStrategy: fc.constantFrom('Always', 'Halted', 'Manual', 'RerunOnFailure'),
    interfaces: fc
      .integer({ min: 0, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ifaceArb(i)))),
  }) as fc.Arbitrary<VMPlan>;

  it('every plan the checks accept gives a VM the KubeVirt schema accepts, wired as planned', () => {
    let accepted = 0;
    fc.assert(
      fc.property(planArb, (plan) => {
        if (planErrors(validatePlan(plan, { binding: ctx420, networks: options })).length) return;
        accepted++;
        const vm = generateVM(plan);
        expect(schemaErrors(vm)).toEqual([]);
        const specs = specInterfacesOf(vm);
        expect(specs.map((s) => s.name)).toEqual(plan.interfaces.map((i) => i.name));
        specs.forEach((s, i) => {
          const p = plan.interfaces[i];
          expect(s.binding.name).toBe(p.binding);
          expect(s.macAddress).toBe(p.macAddress);
          expect(s.state).toBe(p.linkState === 'down' ? 'down' : undefined);
          expect(
            s.network.kind === 'pod'
              ? 'pod'
              : s.network.kind === 'multus'
                ? `${s.network.nadNamespace}/${s.network.nadName}`
                : '',
          ).toBe(networkId(p.network));
        });
        if (!plan.interfaces.length) {
          expect(vm.spec?.template?.spec?.domain?.devices?.autoattachPodInterface).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('the schema rejects what KubeVirt rejects (the check can fail)', () => {
    const vm = generateVM({
      ...defaultPlan('ns'),
      name: 'x',
      boot: { kind: 'containerDisk', image: 'a' },
    });
    (vm.spec!.template!.spec!.networks as unknown[]).push({ multus: {} });
    expect(schemaErrors(vm).join('\n')).toMatch(/required property 'name'/);
  });

  it('uses a cluster instance type and preference, and a DataVolume from the DataSource', () => {
    const vm = generateVM({
      ...defaultPlan('ns'),
      name: 'web',
      preference: 'fedora',
      boot: {
        kind: 'dataSource',
        namespace: 'openshift-virtualization-os-images',
        name: 'fedora',
        storage: '30Gi',
      },
    });
    expect(vm.spec).toMatchObject({
      instancetype: { kind: 'VirtualMachineClusterInstancetype', name: 'u1.medium' },
      preference: { kind: 'VirtualMachineClusterPreference', name: 'fedora' },
      dataVolumeTemplates: [
        {
          metadata: { name: 'web-rootdisk' },
          spec: {
            sourceRef: {
              kind: 'DataSource',
              name: 'fedora',
              namespace: 'openshift-virtualization-os-images',
            },
            storage: { resources: { requests: { storage: '30Gi' } } },
          },
        },
      ],
    });
    expect(vm.spec?.template?.spec?.volumes).toEqual([
      { name: 'rootdisk', dataVolume: { name: 'web-rootdisk' } },
    ]);
    expect(vm.spec?.template?.spec?.domain?.cpu).toBeUndefined();
  });
});

describe('the draft the Networking tab previews', () => {
  it('shows a plan on a new primary UDN and a new localnet NAD wired as planned', () => {
    const namespace: Namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'k8s.ovn.org/primary-user-defined-network': '' } },
    };
    const udn = loadDemo('02-vm-primary-udn-l2bridge.yaml').find(
      (o) => o.kind === 'UserDefinedNetwork',
    )!;
    const localnet = loadDemo('04-vm-localnet-vlan1924.yaml').find(
      (o) => o.kind === 'NetworkAttachmentDefinition',
    )!;
    const planned = {
      ...emptyPlanned(),
      namespace,
      networks: [
        { ...udn, metadata: { name: 'primary', namespace: 'shop' } },
        {
          ...localnet,
          metadata: { name: 'vlan-1924', namespace: 'shop' },
          spec: {
            config: (localnet as NetworkAttachmentDefinition).spec!.config!.replace(
              /demo-vm-localnet\/demo-vlan-1924/,
              'shop/vlan-1924',
            ),
          },
        },
      ],
    };
    const existing = { namespace: 'shop', nads: [] };
    const options = planNetworkOptions(existing, planned);
    expect(options.map((o) => `${o.id}:${o.flavor}:${o.source}`)).toEqual([
      'pod:primary-udn:pod',
      'shop/vlan-1924:ovn-localnet:planned',
    ]);
    const plan: VMPlan = {
      ...defaultPlan('shop'),
      name: 'web',
      boot: { kind: 'containerDisk', image: 'quay.io/containerdisks/fedora:41' },
      interfaces: [
        newInterface(options[0], ctx420, []),
        newInterface(options[1], ctx420, ['default']),
      ],
    };
    const model = buildNetworkingModel(planModelInput(plan, existing, planned));
    expect(model.state).toBe('draft');
    expect(model.createFirst).toEqual([]);
    expect(
      model.interfaces.map((r) => [r.name, r.binding.name, r.network.kind, r.network.topology]),
    ).toEqual([
      ['default', 'l2bridge', 'primary-udn', 'layer2'],
      ['nic-1', 'bridge', 'nad', 'localnet'],
    ]);
    expect(model.interfaces[1].network.vlan).toBe(1924);
    expect(draftVM(plan).metadata?.uid).toBeUndefined();
  });

  it('says what to create first when the plan uses networks that are not there', () => {
    const plan: VMPlan = {
      ...defaultPlan('shop'),
      name: 'web',
      boot: { kind: 'containerDisk', image: 'quay.io/containerdisks/fedora:41' },
      interfaces: [
        {
          name: 'default',
          network: { kind: 'pod' },
          binding: 'l2bridge',
          model: 'virtio',
          linkState: 'up',
        },
        {
          name: 'nic-1',
          network: { kind: 'multus', namespace: 'shop', name: 'vlan-9' },
          binding: 'bridge',
          model: 'virtio',
          linkState: 'up',
        },
      ],
    };
    const model = buildNetworkingModel({
      ...planModelInput(plan, { namespace: 'shop', nads: [] }, emptyPlanned()),
      udns: [],
    });
    expect(model.createFirst.map((r) => `${r.kind} ${r.namespace}/${r.name}`)).toEqual([
      'UserDefinedNetwork shop/primary-udn',
      'NetworkAttachmentDefinition shop/vlan-9',
    ]);
  });

  it('creates the namespace first, then networks, mappings, the VM and its policies', () => {
    const o = (kind: string, name: string) => ({ kind, metadata: { name } });
    expect(
      creationOrder([
        o('MultiNetworkPolicy', 'p'),
        o('VirtualMachine', 'vm'),
        o('NodeNetworkConfigurationPolicy', 'm'),
        o('NetworkAttachmentDefinition', 'a'),
        o('UserDefinedNetwork', 'u'),
        o('Namespace', 'ns'),
      ]).map((x) => x.kind),
    ).toEqual([
      'Namespace',
      'NetworkAttachmentDefinition',
      'UserDefinedNetwork',
      'NodeNetworkConfigurationPolicy',
      'VirtualMachine',
      'MultiNetworkPolicy',
    ]);
  });
});
