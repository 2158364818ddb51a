/**
 * @jest-environment node
 */
import * as fc from 'fast-check';
import { loadSharedObjects } from '../../../test-support/shared';
import type { VirtualMachine, VirtualMachineInstance } from '../k8s/types';
import { specInterfacesOf } from '../kubevirt/vm-spec';
import { DEMO_FILES, loadDemo, ofKind } from '../create-vm/__fixtures__/demo';
import { interfaceOf, networkOf } from '../create-vm/generate';
import type { PlanInterface } from '../create-vm/types';
import { applyJsonPatch as applyPatch, PatchError as PatchFailed } from '../k8s/json-patch';
import {
  attachPatch,
  detachModeOf,
  detachPatch,
  HOTPLUG_MESSAGES,
  hotplugExpectation,
  interfacesOf,
  networksOf,
  PatchPlanError,
} from './index';

const demo = DEMO_FILES.flatMap(loadDemo);
const demoVMs = ofKind<VirtualMachine>(demo, 'VirtualMachine');
const vmiOf = (vm: VirtualMachine) =>
  ofKind<VirtualMachineInstance>(demo, 'VirtualMachineInstance').find(
    (v) =>
      v.metadata?.name === vm.metadata?.name && v.metadata?.namespace === vm.metadata?.namespace,
  );
const byName = (name: string) => demoVMs.find((v) => v.metadata?.name === name)!;
const fieldVM = loadSharedObjects<VirtualMachine>(
  'examples',
  'field',
  'wz-localnet-brex.vm.yaml',
).find((o) => o.kind === 'VirtualMachine')!;
const allVMs = [...demoVMs, fieldVM];

const nic = (name: string, nad = 'extra'): PlanInterface => ({
  name,
  network: { kind: 'multus', namespace: 'whatever', name: nad },
  binding: 'bridge',
  model: 'virtio',
  linkState: 'up',
});
const request = (vm: VirtualMachine, p: PlanInterface) => ({
  iface: interfaceOf(p),
  network: networkOf(p, vm.metadata?.namespace ?? ''),
});
const withoutNics = (vm: VirtualMachine) => {
  const c = JSON.parse(JSON.stringify(vm)) as VirtualMachine;
  delete c.spec!.template!.spec!.domain!.devices!.interfaces;
  delete c.spec!.template!.spec!.networks;
  return c;
};

describe('attachPatch', () => {
  it.each(allVMs.map((v) => [v.metadata?.name, v] as const))(
    '%s: the patched VM has the new NIC and network appended, nothing else changed',
    (_n, vm) => {
      const p = nic('added-1');
      const after = applyPatch(vm, attachPatch(vm, request(vm, p)));
      expect(interfacesOf(after)).toEqual([...interfacesOf(vm), interfaceOf(p)]);
      expect(networksOf(after)).toEqual([...networksOf(vm), networkOf(p, vm.metadata!.namespace!)]);
      const strip = (v: VirtualMachine) => {
        const c = JSON.parse(JSON.stringify(v));
        delete c.spec.template.spec.domain.devices.interfaces;
        delete c.spec.template.spec.networks;
        return c;
      };
      expect(strip(after)).toEqual(strip(vm));
    },
  );

  it('carries tests on the uid and the exact lists it appends to', () => {
    const vm = byName('vm-localnet');
    const ops = attachPatch(vm, request(vm, nic('n')));
    expect(ops.map((o) => `${o.op} ${o.path}`)).toEqual([
      'test /metadata/uid',
      'test /spec/template/spec/domain/devices/interfaces',
      'add /spec/template/spec/domain/devices/interfaces/-',
      'test /spec/template/spec/networks',
      'add /spec/template/spec/networks/-',
    ]);
    expect(attachPatch(vm, request(vm, nic('n')), { resourceVersion: true })[1]).toEqual({
      op: 'test',
      path: '/metadata/resourceVersion',
      value: vm.metadata?.resourceVersion,
    });
  });

  it('creates the lists on a VM that has none', () => {
    const vm = withoutNics(byName('vm-pod'));
    const p = nic('only');
    const after = applyPatch(vm, attachPatch(vm, request(vm, p)));
    expect(interfacesOf(after)).toEqual([interfaceOf(p)]);
    expect(networksOf(after)).toEqual([networkOf(p, 'demo-vm-pod')]);
  });

  it('refuses to plan a NIC whose name is taken', () => {
    const vm = byName('vm-localnet');
    expect(() => attachPatch(vm, request(vm, nic('nic-vlan-1924')))).toThrow(PatchPlanError);
  });

  it('is refused when the VM changed underneath, and applies over unrelated changes', () => {
    const vm = byName('vm-secondary-udn');
    const ops = attachPatch(vm, request(vm, nic('n')));
    const concurrent = JSON.parse(JSON.stringify(vm)) as VirtualMachine;
    concurrent.spec!.template!.spec!.domain!.devices!.interfaces!.push({
      name: 'theirs',
      bridge: {},
    });
    concurrent.spec!.template!.spec!.networks!.push({
      name: 'theirs',
      multus: { networkName: 'x' },
    });
    expect(() => applyPatch(concurrent, ops)).toThrow(PatchFailed);
    const edited = JSON.parse(JSON.stringify(vm)) as VirtualMachine;
    edited.spec!.template!.spec!.domain!.devices!.interfaces![1].model = 'e1000e';
    expect(() => applyPatch(edited, ops)).toThrow(PatchFailed);
    const recreated = { ...vm, metadata: { ...vm.metadata, uid: 'another' } };
    expect(() => applyPatch(recreated, ops)).toThrow(PatchFailed);
    const labelled = {
      ...vm,
      metadata: { ...vm.metadata, labels: { team: 'a' }, resourceVersion: '999' },
    };
    expect(applyPatch(labelled, ops).metadata?.labels).toEqual({ team: 'a' });
    expect(() =>
      applyPatch(labelled, attachPatch(vm, request(vm, nic('n')), { resourceVersion: true })),
    ).toThrow(PatchFailed);
  });
});

describe('detachPatch', () => {
  it('marks a bridge NIC of a running VM absent and leaves the rest', () => {
    const vm = byName('vm-localnet');
    expect(detachModeOf(vm, 'nic-vlan-1924', true)).toBe('absent');
    const after = applyPatch(vm, detachPatch(vm, 'nic-vlan-1924', { running: true }));
    expect(interfacesOf(after)[1]).toEqual({ ...interfacesOf(vm)[1], state: 'absent' });
    expect(networksOf(after)).toEqual(networksOf(vm));
  });

  it('removes the interface and its network otherwise', () => {
    const vm = byName('vm-localnet');
    for (const [name, running] of [
      ['nic-vlan-1924', false],
      ['default', true],
    ] as const) {
      const after = applyPatch(vm, detachPatch(vm, name, { running }));
      expect(interfacesOf(after).map((i) => i.name)).toEqual(
        interfacesOf(vm)
          .filter((i) => i.name !== name)
          .map((i) => i.name),
      );
      expect(networksOf(after).map((n) => n.name)).toEqual(
        networksOf(vm)
          .filter((n) => n.name !== name)
          .map((n) => n.name),
      );
    }
    // l2bridge on the primary UDN is not hot-unpluggable: removed, for the next start.
    expect(detachModeOf(byName('vm-secondary-udn'), 'default', true)).toBe('remove');
  });

  it('keeps a VM whose last NIC goes without one (no automatic pod NIC)', () => {
    const vm = byName('vm-primary-udn');
    const after = applyPatch(vm, detachPatch(vm, 'default', { running: false }));
    expect(interfacesOf(after)).toEqual([]);
    expect(after.spec?.template?.spec?.domain?.devices?.autoattachPodInterface).toBe(false);
  });

  it('is refused when the lists changed underneath', () => {
    const vm = byName('vm-localnet');
    const reordered = JSON.parse(JSON.stringify(vm)) as VirtualMachine;
    reordered.spec!.template!.spec!.domain!.devices!.interfaces!.reverse();
    reordered.spec!.template!.spec!.networks!.reverse();
    expect(() => applyPatch(reordered, detachPatch(vm, 'default', { running: false }))).toThrow(
      PatchFailed,
    );
    expect(() =>
      applyPatch(reordered, detachPatch(vm, 'nic-vlan-1924', { running: true })),
    ).toThrow(PatchFailed);
  });

  it('round-trips with attach on every demo VM and random sequences', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allVMs),
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        (vm0, steps) => {
          let vm = vm0;
          let n = 0;
          const expected = interfacesOf(vm).map((i) => i.name);
          for (const [attach, pick, running] of steps) {
            const names = interfacesOf(vm).map((i) => i.name);
            if (attach || !names.length) {
              const p = nic(`p-${n++}`, `nad-${n}`);
              vm = applyPatch(vm, attachPatch(vm, request(vm, p)));
              expected.push(p.name);
            } else {
              const name = names[pick % names.length];
              const mode = detachModeOf(vm, name, running);
              vm = applyPatch(vm, detachPatch(vm, name, { running }));
              if (mode === 'remove') expected.splice(expected.indexOf(name), 1);
              else expect(specInterfacesOf(vm).find((s) => s.name === name)?.state).toBe('absent');
            }
            expect(interfacesOf(vm).map((i) => i.name)).toEqual(expected);
            // Every interface keeps its network, and no network is left without its interface.
            expect(
              networksOf(vm)
                .map((x) => x.name)
                .sort(),
            ).toEqual([...expected].sort());
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('hotplugExpectation', () => {
  const iface = interfaceOf(nic('n'));
  it('hot-plugs a bridge NIC into a running, migratable VM through a migration KubeVirt starts', () => {
    const vm = byName('vm-localnet');
    const e = hotplugExpectation(vm, vmiOf(vm), iface, false);
    expect(e).toMatchObject({ kind: 'live', viaMigration: true });
    expect(e.message.message).toBe(HOTPLUG_MESSAGES.liveAttach);
    expect(
      hotplugExpectation(vm, vmiOf(vm), { ...iface, bridge: undefined, sriov: {} }, false).kind,
    ).toBe('live');
  });

  it('needs a restart for a VM that cannot live-migrate, and says why', () => {
    const vm = byName('centos-stream9-gold-rabbit-80');
    const e = hotplugExpectation(vm, vmiOf(vm), iface, false);
    expect(e.kind).toBe('restart');
    expect(e.message).toEqual({
      message: HOTPLUG_MESSAGES.restartNotMigratable,
      params: {
        reason: expect.stringContaining('PVC centos-stream9-gold-rabbit-80 is not shared'),
      },
    });
  });

  it('needs a restart for other bindings, the pod network and the Stage rollout', () => {
    const vm = byName('vm-pod');
    const vmi = vmiOf(vm);
    expect(hotplugExpectation(vm, vmi, { name: 'x', masquerade: {} }, true).message.message).toBe(
      HOTPLUG_MESSAGES.restartPodNetwork,
    );
    expect(
      hotplugExpectation(vm, vmi, { name: 'x', binding: { name: 'l2bridge' } }, false).message,
    ).toEqual({
      message: HOTPLUG_MESSAGES.restartBinding,
      params: { binding: 'l2bridge' },
    });
    expect(hotplugExpectation(vm, vmi, iface, false, { rolloutStrategy: 'Stage' }).kind).toBe(
      'restart',
    );
  });

  it('waits for the next start on a stopped VM', () => {
    expect(hotplugExpectation(byName('vm-pod'), undefined, iface, false).kind).toBe('next-start');
  });
});
