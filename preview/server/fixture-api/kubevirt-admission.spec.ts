/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- VMs read from YAML are untyped */
import * as fc from 'fast-check';
import * as path from 'path';
import { loadSharedObjects } from '../../../test-support/shared';
import {
  defaultPlan,
  generateVM,
  PLAN_MESSAGES,
  validatePlan,
  type BindingName,
  type PlanNetwork,
  type VMPlan,
} from '../../../src/core/create-vm';
import { FixtureApi } from './api';
import { kubevirtAdmission, networkCauses, parseMacLength, VM_WEBHOOK } from './kubevirt-admission';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');
const FIELD_FILES = [
  'kv-localnet-vlan.nads-vms.yaml',
  'epheo-localnet-brex.nad-vm-mnp.yaml',
  'wz-localnet-brex.vm.yaml',
  'kv-localnet-ipam.nad-vm.yaml',
  'kv-linuxbridge-vlan100-dualstack.nad-vm-status.yaml',
  'fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml',
  'kv-layer2-secondary-plus-masquerade.nad-vm.yaml',
];

const realVMs = (): any[] => {
  const api = new FixtureApi();
  api.seedFromDir(DEMO);
  const demo = (
    api.route('GET', new URL('/apis/kubevirt.io/v1/virtualmachines', 'http://x')).body as any
  ).items;
  const field = FIELD_FILES.flatMap((f) => loadSharedObjects('examples', 'field', f)).filter(
    (o) => o.kind === 'VirtualMachine',
  );
  return [...demo, ...field];
};

const vmOf = (interfaces: any[], networks: any[]) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm', namespace: 'demo-vm-pod' },
  spec: {
    runStrategy: 'Halted',
    template: { spec: { domain: { devices: { interfaces } }, networks } },
  },
});

const messages = (interfaces: any[], networks: any[]) =>
  networkCauses(vmOf(interfaces, networks).spec.template.spec).map(
    (c) => `${c.reason} ${c.field}: ${c.message}`,
  );

const IF = 'spec.template.spec.domain.devices.interfaces';
const NET = 'spec.template.spec.networks';

describe('KubeVirt network admission (as pkg/network/admitter)', () => {
  it.each(realVMs().map((vm) => [`${vm.metadata.namespace}/${vm.metadata.name}`, vm]))(
    'lets the real VM %s through',
    (_name, vm) => {
      expect(networkCauses(vm.spec.template.spec)).toEqual([]);
    },
  );

  it('refuses masquerade off the pod network', () => {
    expect(
      messages([{ name: 'nic', masquerade: {} }], [{ name: 'nic', multus: { networkName: 'x' } }]),
    ).toEqual([
      `FieldValueInvalid ${IF}[0].name: Masquerade interface only implemented with pod network`,
    ]);
  });

  it('refuses an interface without a network and a network without an interface', () => {
    expect(
      messages([{ name: 'a', bridge: {} }], [{ name: 'b', multus: { networkName: 'x' } }]),
    ).toEqual([
      `FieldValueRequired ${NET}[0].name: ${NET}[0].name 'b' not found.`,
      `FieldValueInvalid ${IF}[0].name: ${IF}[0].name 'a' not found.`,
    ]);
  });

  it('refuses two pod networks and duplicate names', () => {
    expect(
      messages(
        [
          { name: 'a', masquerade: {} },
          { name: 'a', masquerade: {} },
        ],
        [
          { name: 'a', pod: {} },
          { name: 'a', pod: {} },
        ],
      ),
    ).toEqual([
      `FieldValueDuplicate spec.template.spec.interfaces: more than one interface is connected to a pod network in spec.template.spec.interfaces`,
      `FieldValueDuplicate ${NET}[1].name: Network with name "a" already exists, every network must have a unique name`,
      `FieldValueDuplicate ${IF}[1].name: Only one interface can be connected to one specific network`,
    ]);
  });

  it('refuses bad MAC addresses, models, names and a network without a type', () => {
    expect(
      messages(
        [
          { name: 'a', bridge: {}, macAddress: '02:00:00:00:00' },
          { name: 'b', bridge: {}, macAddress: '02:00:00:00:00:00:00:01' },
          { name: 'c.d', bridge: {}, model: 'virtio-net' },
          { name: 'e', masquerade: {}, macAddress: '02:00:00:00:00:00' },
        ],
        [
          { name: 'a', multus: { networkName: 'x' } },
          { name: 'b', multus: { networkName: '' } },
          { name: 'c.d' },
          { name: 'e', pod: {} },
        ],
      ),
    ).toEqual([
      `FieldValueRequired ${NET}[2]: should have a network type`,
      `FieldValueRequired ${NET}[1]: CNI delegating plugin must have a networkName`,
      `FieldValueInvalid ${IF}[3].macAddress: The requested MAC address is reserved for the in-pod bridge. Please choose another one.`,
      `FieldValueInvalid ${IF}[0].macAddress: interface ${IF}[0].name has malformed MAC address (02:00:00:00:00).`,
      `FieldValueInvalid ${IF}[1].macAddress: interface ${IF}[1].name has MAC address (02:00:00:00:00:00:00:01) that is too long.`,
      `FieldValueInvalid ${IF}[2].name: Network interface name can only contain alphabetical characters, numbers, dashes (-) or underscores (_)`,
      `FieldValueNotSupported ${IF}[2].model: interface ${IF}[2].name uses model virtio-net that is not supported.`,
    ]);
  });

  it('reads MAC addresses as Go net.ParseMAC does', () => {
    expect(parseMacLength('02:00:0a:02:02:03')).toBe(6);
    expect(parseMacLength('02-00-0A-02-02-03')).toBe(6);
    expect(parseMacLength('0200.0a02.0203')).toBe(6);
    expect(parseMacLength('02:00-0a:02:02:03')).toBeUndefined();
    expect(parseMacLength('02:00:0a:02:02:0g')).toBeUndefined();
    expect(parseMacLength('02:00:0a:02:02:03:04:05')).toBe(8);
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 6, maxLength: 6 }),
        fc.constantFrom(':', '-'),
        (b, sep) =>
          expect(
            parseMacLength(Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(sep)),
          ).toBe(6),
      ),
    );
  });

  it('refuses every real VM once a secondary NIC is switched to masquerade', () => {
    const withSecondary = realVMs().filter((vm) =>
      vm.spec.template.spec.networks?.some((n: any) => n.multus),
    );
    expect(withSecondary.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.constantFrom(...withSecondary), fc.nat(), (vm, k) => {
        const copy = JSON.parse(JSON.stringify(vm));
        const spec = copy.spec.template.spec;
        const secondary = spec.networks.filter((n: any) => n.multus);
        const name = secondary[k % secondary.length].name;
        const at = spec.domain.devices.interfaces.findIndex((i: any) => i.name === name);
        const { bridge: _b, sriov: _s, binding: _p, ...rest } = spec.domain.devices.interfaces[at];
        spec.domain.devices.interfaces[at] = { ...rest, masquerade: {} };
        expect(networkCauses(spec).map((c) => c.field)).toContain(`${IF}[${at}].name`);
      }),
    );
  });
});

describe('the fixture API refuses what the webhook refuses', () => {
  const VMS = '/apis/kubevirt.io/v1/namespaces/demo-vm-localnet/virtualmachines';
  const call = (api: FixtureApi, method: string, p: string, body: unknown, type?: string) => {
    try {
      return api.route(method, new URL(p, 'http://x'), JSON.stringify(body), type);
    } catch (e) {
      return { code: (e as any).code, body: (e as any).toStatus() };
    }
  };

  it('on create, with the apiserver wrapping the webhook message', () => {
    const api = new FixtureApi();
    api.seedFromDir(DEMO);
    const vm = {
      ...vmOf([{ name: 'nic', masquerade: {} }], [{ name: 'nic', multus: { networkName: 'x' } }]),
      metadata: { name: 'bad', namespace: 'demo-vm-localnet' },
    };
    const r = call(api, 'POST', VMS, vm);
    expect(r.code).toBe(422);
    expect(r.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      message: `admission webhook "${VM_WEBHOOK}" denied the request: Masquerade interface only implemented with pod network`,
      details: {
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: `${IF}[0].name`,
            message: 'Masquerade interface only implemented with pod network',
          },
        ],
      },
    });
    expect(call(api, 'GET', `${VMS}/bad`, undefined).code).toBe(404);
  });

  it('on a JSON patch of an existing VM, which stays as it was', () => {
    const api = new FixtureApi();
    api.seedFromDir(DEMO);
    const r = call(
      api,
      'PATCH',
      `${VMS}/vm-localnet`,
      [{ op: 'remove', path: '/spec/template/spec/networks/1' }],
      'application/json-patch+json',
    );
    expect(r.code).toBe(422);
    expect(r.body.message).toBe(
      `admission webhook "${VM_WEBHOOK}" denied the request: ${IF}[1].name 'nic-vlan-1924' not found.`,
    );
    const vm = call(api, 'GET', `${VMS}/vm-localnet`, undefined).body as any;
    expect(vm.spec.template.spec.networks).toHaveLength(2);
  });

  it('only for VirtualMachines', () => {
    expect(
      kubevirtAdmission(
        { group: 'kubevirt.io', kind: 'VirtualMachineInstance' } as never,
        vmOf([{ name: 'a', masquerade: {} }], []),
      ),
    ).toBeUndefined();
  });
});

describe('Create VM and the fixture API agree', () => {
  it('on masquerade: the plan has the error exactly when the admission refuses the VM it generates', () => {
    const iface = fc.record({
      network: fc.constantFrom<PlanNetwork>(
        { kind: 'pod' },
        { kind: 'multus', namespace: 'shop', name: 'vlan-9' },
      ),
      binding: fc.constantFrom<BindingName>('masquerade', 'bridge', 'sriov', 'l2bridge'),
    });
    fc.assert(
      fc.property(fc.array(iface, { minLength: 1, maxLength: 4 }), (nics) => {
        const plan: VMPlan = {
          ...defaultPlan('shop'),
          name: 'web',
          boot: { kind: 'containerDisk', image: 'quay.io/containerdisks/fedora:41' },
          interfaces: nics.map((n, i) => ({
            name: `nic-${i}`,
            network: n.network,
            binding: n.binding,
            model: 'virtio',
            linkState: 'up',
          })),
        };
        const planRefuses = validatePlan(plan, {
          binding: { target: '4.20', passt: 'none' },
          networks: [],
        })
          .filter((i) => i.message === PLAN_MESSAGES.masqueradeOffPod)
          .map((i) => Number(/interfaces\[(\d+)\]/.exec(i.field)![1]));
        const apiRefuses = networkCauses(generateVM(plan).spec!.template!.spec)
          .filter((c) => c.message === 'Masquerade interface only implemented with pod network')
          .map((c) => Number(/interfaces\[(\d+)\]/.exec(c.field ?? '')![1]));
        expect(planRefuses).toEqual(apiRefuses);
      }),
    );
  });
});
