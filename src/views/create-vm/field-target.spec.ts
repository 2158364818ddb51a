import fc from 'fast-check';
import { fieldTarget } from './field-target';

describe('fieldTarget: where the review sends a Create VM problem', () => {
  it.each([
    ['name', { step: 'basics', elementId: 'create-vm-name' }],
    ['boot.name', { step: 'basics', elementId: 'create-vm-datasource' }],
    ['compute.memory', { step: 'basics', elementId: 'create-vm-memory' }],
    ['interfaces', { step: 'networking' }],
    ['interfaces[2].macAddress', { step: 'networking', elementId: 'nic-2-mac', interfaceIndex: 2 }],
    ['interfaces[0].linkState', { step: 'networking', elementId: 'nic-0-link', interfaceIndex: 0 }],
    [
      'interfaces[1].binding',
      { step: 'networking', elementId: 'nic-1-binding', interfaceIndex: 1 },
    ],
    ['interfaces[1].unknownKey', { step: 'networking', interfaceIndex: 1 }],
    [
      'policies.vlan-1924.ingress[0].peers[1].cidr',
      { step: 'policies', elementId: 'policy-vlan-1924-enabled', policyInterface: 'vlan-1924' },
    ],
  ])('%s', (field, expected) => expect(fieldTarget(field)).toEqual(expected));

  it('has no target for a field no step shows, an Object property name included', () => {
    expect(fieldTarget('toString')).toBeUndefined();
    expect(fieldTarget('constructor')).toBeUndefined();
    expect(fieldTarget('')).toBeUndefined();
  });

  it('never throws, and a target always names one of the three steps', () => {
    fc.assert(
      fc.property(fc.string(), (field) => {
        const target = fieldTarget(field);
        if (target) expect(['basics', 'networking', 'policies']).toContain(target.step);
      }),
      { numRuns: 2000 },
    );
  });
});
