/** @jest-environment node */
import { loadSharedObjects, readShared } from '../../../test-support/shared';
import type {
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  UserDefinedNetwork,
  VirtualMachine,
  VirtualMachineInstance,
} from '../k8s/types';
import { buildNetworkingModel } from '../model/interface-model';
import { DIAGNOSTIC_MESSAGES as D } from '../model/messages';
import type { NetworkingInput } from '../model/types';
import {
  clone,
  fosdemGreenInput,
  layer2SecondaryInput,
  wzInput,
} from '../model/__fixtures__/field';
import * as rules from './rules';
import type { DiagnosticRule } from './types';

const ex = (...p: string[]) => loadSharedObjects('examples', ...p);
const ofKind = <T extends K8sObject>(objs: K8sObject[], kind: string) =>
  objs.filter((o) => o.kind === kind) as T[];
const run = (rule: DiagnosticRule, input: NetworkingInput) =>
  rule.check(buildNetworkingModel(input));

/** The kubevirt.io blog VM "vma" (masquerade + bridge NIC) pointed at a given NAD. */
const vmaWith = (nad: NetworkAttachmentDefinition, namespace = 'default'): NetworkingInput => {
  const objs = ex('field/kv-linuxbridge-vlan100-dualstack.nad-vm-status.yaml');
  const vm = clone(ofKind<VirtualMachine>(objs, 'VirtualMachine')[0]);
  vm.metadata = { ...vm.metadata, namespace, uid: 'u' };
  vm.spec!.template!.spec!.networks![1].multus!.networkName = `${nad.metadata!.namespace ?? namespace}/${nad.metadata!.name}`;
  return {
    vm,
    vmi: null,
    nads: [nad],
    udns: [],
    cudns: [],
    namespace: { metadata: { name: namespace } },
  };
};
const bridgeNad = () =>
  ofKind<NetworkAttachmentDefinition>(
    ex('field/kv-linuxbridge-vlan100-dualstack.nad-vm-status.yaml'),
    'NetworkAttachmentDefinition',
  )[0];
const cnvBridgeNad = () =>
  ex(
    'demo-virt/networking/components/vlan-1924/linux-bridge/nad.yaml',
  )[0] as NetworkAttachmentDefinition;
const trunkNad = () =>
  ex(
    'demo-virt/demos/vgt/components/trunk/linux-bridge/nad.yaml',
  )[0] as NetworkAttachmentDefinition;

/** wz's VM pointed at another localnet NAD. */
const wzWith = (
  nads: NetworkAttachmentDefinition[],
  networkName: string,
  extra: Partial<NetworkingInput> = {},
): NetworkingInput => {
  const input = wzInput();
  input.vm = clone(input.vm);
  input.vm.spec!.template!.spec!.networks![0].multus!.networkName = networkName;
  input.vmi = null;
  return { ...input, nads, ...extra };
};
const demoCniLocalnetNad = (namespace: string) => {
  const nad = clone(
    ex('demo-cni/demos/vm-localnet/vlan-1924/nad.yaml')[0],
  ) as NetworkAttachmentDefinition;
  nad.metadata!.namespace = namespace;
  return nad;
};

describe('nad-missing', () => {
  it('fires when the referenced NAD is absent from a readable list', () => {
    const f = run(rules.nadMissingRule, { ...wzInput(), nads: [] });
    expect(f).toHaveLength(1);
    expect(f[0].message).toEqual({
      message: D.nadMissing,
      params: { interface: 'nic-yellow-duck-37', nad: 'llm-demo/llm-demo-localnet-network' },
    });
  });
  it('stays silent when the NAD exists, or when NADs could not be read', () => {
    expect(run(rules.nadMissingRule, wzInput())).toEqual([]);
    expect(
      run(rules.nadMissingRule, { ...wzInput(), nads: { error: 'forbidden', forbidden: true } }),
    ).toEqual([]);
  });
});

describe('cnv-bridge-type', () => {
  it('fires on the demo-virt vlan-1924 NAD and proposes type bridge', () => {
    const [f] = run(rules.cnvBridgeRule, vmaWith(cnvBridgeNad()));
    expect(f.ruleId).toBe('cnv-bridge-type');
    const config = JSON.parse((f.fix!.yaml!.spec as { config: string }).config);
    expect(config).toMatchObject({ type: 'bridge', bridge: 'br-vmdata', vlan: 1924 });
  });
  it('stays silent on a bridge + tuning conflist', () => {
    expect(run(rules.cnvBridgeRule, vmaWith(bridgeNad()))).toEqual([]);
  });
});

describe('nad-unknown-keys', () => {
  it('fires on macspoof/vlanId in the demo-virt trunk NAD and renames macspoof', () => {
    const [f] = run(rules.unknownKeysRule, vmaWith(trunkNad()));
    expect(f.message.params?.keys).toBe('macspoof, netAttachDefName, vlanId');
    const config = JSON.parse((f.fix!.yaml!.spec as { config: string }).config);
    expect(config.macspoofchk).toBe(false);
    expect(config).not.toHaveProperty('macspoof');
    expect(config).not.toHaveProperty('vlanId');
  });
  it('stays silent on a NAD with only known keys', () => {
    expect(run(rules.unknownKeysRule, vmaWith(cnvBridgeNad()))).toEqual([]);
  });
});

describe('localnet-bridge-mapping', () => {
  const epheoNad = () =>
    ofKind<NetworkAttachmentDefinition>(
      ex('field/epheo-localnet-brex.nad-vm-mnp.yaml'),
      'NetworkAttachmentDefinition',
    )[0];
  const physnetNncp = () =>
    ex('demo-autofs/components/physnet-mapping/nncp.yaml') as NodeNetworkConfigurationPolicy[];
  it('fires for epheo br-ex-network, which no NNCP maps', () => {
    const [f] = run(
      rules.localnetMappingRule,
      wzWith([epheoNad()], 'default/br-ex-network', { nncps: physnetNncp() }),
    );
    expect(f.message.message).toBe(D.localnetNoMapping);
    expect(f.fix!.yaml).toMatchObject({
      kind: 'NodeNetworkConfigurationPolicy',
      spec: { desiredState: { ovn: { 'bridge-mappings': [{ localnet: 'br-ex-network' }] } } },
    });
  });
  it('fires with the NAD-name variant when the mapping uses the NAD object name', () => {
    const input = wzInput();
    const nncp = clone((input.nncps as NodeNetworkConfigurationPolicy[])[0]);
    nncp.spec!.desiredState!.ovn!['bridge-mappings']![0].localnet = 'llm-demo-localnet-network';
    const [f] = run(rules.localnetMappingRule, { ...input, nncps: [nncp] });
    expect(f.message).toEqual({
      message: D.localnetMappedByNadName,
      params: { nadName: 'llm-demo-localnet-network', network: 'localnet-cnv' },
    });
    expect(f.fix!.yaml).toMatchObject({
      spec: {
        desiredState: {
          ovn: { 'bridge-mappings': [{ localnet: 'localnet-cnv', bridge: 'br-ex' }] },
        },
      },
    });
  });
  it('stays silent for wz, whose NNCP maps the config name localnet-cnv', () => {
    expect(run(rules.localnetMappingRule, wzInput())).toEqual([]);
  });
});

describe('localnet-bridge-mapping-not-checked', () => {
  it('notes each localnet NIC as not checked when neither NNCPs nor NodeNetworkStates were read', () => {
    const input = { ...wzInput(), nncps: undefined, nodeNetworkStates: undefined };
    // The mapping rule cannot run: it must not read as passed.
    expect(run(rules.localnetMappingRule, input)).toEqual([]);
    const found = run(rules.localnetMappingUncheckedRule, input);
    expect(found.map((f) => [f.severity, f.interface, f.message])).toEqual([
      [
        'info',
        wzInput().vm.spec!.template!.spec!.networks![0].name,
        { message: D.localnetUnchecked, params: { network: 'localnet-cnv' } },
      ],
    ]);
    expect(found[0].fix).toEqual({ kind: 'check', message: { message: D.localnetUncheckedFix } });
  });
  it('stays silent when either list was read, with or without a mapping', () => {
    expect(run(rules.localnetMappingUncheckedRule, wzInput())).toEqual([]);
    expect(
      run(rules.localnetMappingUncheckedRule, {
        ...wzInput(),
        nncps: [],
        nodeNetworkStates: undefined,
      }),
    ).toEqual([]);
  });
});

describe('net-attach-def-name', () => {
  it('fires when the demo-cni NAD is copied to another namespace', () => {
    const [f] = run(
      rules.netAttachDefNameRule,
      wzWith([demoCniLocalnetNad('llm-demo')], 'demo-vlan-1924'),
    );
    expect(f.message.params).toMatchObject({
      value: 'demo-vm-localnet/demo-vlan-1924',
      expected: 'llm-demo/demo-vlan-1924',
    });
    expect(JSON.parse((f.fix!.yaml!.spec as { config: string }).config).netAttachDefName).toBe(
      'llm-demo/demo-vlan-1924',
    );
  });
  it('stays silent in the namespace the NAD names', () => {
    expect(
      run(
        rules.netAttachDefNameRule,
        wzWith([demoCniLocalnetNad('demo-vm-localnet')], 'demo-vm-localnet/demo-vlan-1924'),
      ),
    ).toEqual([]);
  });
});

describe('localnet-network-conflict', () => {
  it('fires when two NADs share a localnet name with different VLANs', () => {
    const other = demoCniLocalnetNad('other');
    other.spec!.config = other.spec!.config!.replace('1924,', '1925,');
    const [f] = run(
      rules.localnetConflictRule,
      wzWith([demoCniLocalnetNad('llm-demo'), other], 'demo-vlan-1924'),
    );
    expect(f.message.params).toMatchObject({ network: 'demo-vlan-1924', field: 'VLAN' });
    expect(f.refs).toHaveLength(2);
  });
  it('stays silent for tenantred/tenantblue, distinct names on one bridge', () => {
    const nads = ofKind<NetworkAttachmentDefinition>(
      ex('field/kv-localnet-vlan.nads-vms.yaml'),
      'NetworkAttachmentDefinition',
    ).map((n) => ({ ...n, metadata: { ...n.metadata, namespace: 'default' } }));
    expect(run(rules.localnetConflictRule, wzWith(nads, 'default/tenantred'))).toEqual([]);
  });
});

describe('primary-udn-namespace-label', () => {
  const demoNs = () => ex('demo-cni/demos/vm-secondary-udn/namespace.yaml')[0] as Namespace;
  const primaryUdn = () => {
    const u = clone(
      ex('demo-cni/demos/components/primary-udn/userdefinednetwork.yaml')[0],
    ) as UserDefinedNetwork;
    u.metadata!.namespace = 'demo-vm-secondary-udn';
    return u;
  };
  const input = (ns: Namespace, udns: UserDefinedNetwork[]): NetworkingInput => {
    const vm = clone(fosdemGreenInput().vm);
    vm.metadata!.namespace = ns.metadata!.name;
    return { vm, vmi: null, nads: [], udns, cudns: [], namespace: ns };
  };
  it('fires when the labelled demo-cni namespace has no primary UDN', () => {
    const [f] = run(rules.primaryUdnLabelRule, input(demoNs(), []));
    expect(f.message.message).toBe(D.primaryLabelNoUdn);
    expect(f.fix!.yaml).toMatchObject({
      kind: 'UserDefinedNetwork',
      spec: { layer2: { role: 'Primary' } },
    });
  });
  it('fires when the primary UDN exists but the namespace lacks the label', () => {
    const ns = clone(demoNs());
    delete ns.metadata!.labels;
    const [f] = run(rules.primaryUdnLabelRule, input(ns, [primaryUdn()]));
    expect(f.message.message).toBe(D.primaryUdnNoLabel);
  });
  it('stays silent with both the label and the primary UDN', () => {
    expect(run(rules.primaryUdnLabelRule, input(demoNs(), [primaryUdn()]))).toEqual([]);
  });
});

describe('binding-on-primary-udn', () => {
  it('fires when the FOSDEM VM uses masquerade on its primary UDN, proposing l2bridge', () => {
    const i = fosdemGreenInput();
    const iface = i.vm.spec!.template!.spec!.domain.devices.interfaces![0] as unknown as Record<
      string,
      unknown
    >;
    delete iface.binding;
    iface.masquerade = {};
    const [f] = run(rules.bindingOnPrimaryUdnRule, i);
    expect(f.fix!.yaml).toEqual({ name: 'isolated-namespace', binding: { name: 'l2bridge' } });
  });
  it('stays silent with l2bridge', () => {
    expect(run(rules.bindingOnPrimaryUdnRule, fosdemGreenInput())).toEqual([]);
  });
});

describe('multiple-pod-networks', () => {
  it('fires with two pod networks', () => {
    const i = layer2SecondaryInput();
    i.vm.spec!.template!.spec!.networks![1] = { name: 'flatl2-overlay', pod: {} };
    expect(run(rules.multiplePodNetworksRule, i)[0].message.params).toMatchObject({ count: 2 });
  });
  it('stays silent with one', () => {
    expect(run(rules.multiplePodNetworksRule, layer2SecondaryInput())).toEqual([]);
  });
});

describe('mtu-too-large', () => {
  const vlan1926 = () =>
    ofKind<NetworkAttachmentDefinition>(
      ex('demo-autofs/components/localnet-1924-dhcp/test-mappings.yaml'),
      'NetworkAttachmentDefinition',
    )[0];
  const nns = () => ex('ovn-recon/test/fixtures/nns/primary-cudn-vrf.json') as NodeNetworkState[];
  it('fires when a localnet NAD on physnet (br-ex, MTU 1500 in NodeNetworkState) asks for 9000', () => {
    const nad = clone(vlan1926());
    nad.spec!.config = nad.spec!.config!.replace('"mtu": 1500', '"mtu": 9000');
    const [f] = run(
      rules.mtuTooLargeRule,
      wzWith([nad], 'test-localnet/vlan-1926', { nncps: [], nodeNetworkStates: nns() }),
    );
    expect(f.message.params).toMatchObject({ mtu: 9000, limit: 1500, what: 'br-ex bridge' });
  });
  it('stays silent at 1500', () => {
    expect(
      run(
        rules.mtuTooLargeRule,
        wzWith([vlan1926()], 'test-localnet/vlan-1926', { nncps: [], nodeNetworkStates: nns() }),
      ),
    ).toEqual([]);
  });
});

describe('two-default-routes', () => {
  it('fires when the secondary bridge NAD routes 0.0.0.0/0 next to the masquerade NIC', () => {
    const nad = clone(bridgeNad());
    const config = JSON.parse(nad.spec!.config!);
    config.plugins[0].ipam = { type: 'static', routes: [{ dst: '0.0.0.0/0', gw: '10.200.0.254' }] };
    nad.spec!.config = JSON.stringify(config);
    const [f] = run(rules.twoDefaultRoutesRule, vmaWith(nad));
    expect(f.message.params).toMatchObject({ interface: 'br0-100', gateway: '10.200.0.254' });
  });
  it('stays silent with the L2-only ipam {}', () => {
    expect(run(rules.twoDefaultRoutesRule, vmaWith(bridgeNad()))).toEqual([]);
  });
});

describe('guest-agent-not-connected', () => {
  it('fires when AgentConnected is not true on a running VMI', () => {
    const i = wzInput();
    (i.vmi as VirtualMachineInstance).status!.conditions = [];
    expect(run(rules.guestAgentRule, i)).toHaveLength(1);
  });
  it('stays silent with the agent connected', () => {
    expect(run(rules.guestAgentRule, wzInput())).toEqual([]);
  });
});

describe('mac-mismatch', () => {
  it('fires when the VMI reports another MAC than the spec asks', () => {
    const i = wzInput();
    (i.vmi as VirtualMachineInstance).status!.interfaces![0].mac = '02:00:a3:00:00:99';
    expect(run(rules.macMismatchRule, i)[0].message.params).toMatchObject({
      configured: '02:00:a3:00:00:01',
      reported: '02:00:a3:00:00:99',
    });
  });
  it('stays silent when they agree', () => {
    expect(run(rules.macMismatchRule, wzInput())).toEqual([]);
  });
});

describe('hotplug-pending', () => {
  it('fires for the docs hot-plugged bridge NIC not yet in the instance spec', () => {
    const i = layer2SecondaryInput();
    const status = JSON.parse(
      readShared('examples/field/ocpdocs-hotplug-bridge.vmi-status-interfaces.json'),
    );
    const vmSpec = i.vm.spec!.template!.spec!;
    vmSpec.domain.devices.interfaces![1].name = 'bridge-interface';
    vmSpec.networks![1].name = 'bridge-interface';
    const vmi = i.vmi as VirtualMachineInstance;
    vmi.spec!.domain.devices.interfaces = vmi.spec!.domain.devices.interfaces!.slice(0, 1);
    vmi.status!.interfaces = status.slice(0, 1);
    const [f] = run(rules.hotplugPendingRule, i);
    expect(f.interface).toBe('bridge-interface');
  });
  it('stays silent once the NIC is in the instance and its status', () => {
    expect(run(rules.hotplugPendingRule, layer2SecondaryInput())).toEqual([]);
  });
});

describe('runDiagnostics', () => {
  it('covers every exported rule and orders errors first', () => {
    const exported = Object.values(rules).filter(
      (v): v is DiagnosticRule => typeof v === 'object' && v !== null && 'check' in v,
    );
    expect(new Set(rules.ALL_RULES)).toEqual(new Set(exported));
    const findings = rules.runDiagnostics(buildNetworkingModel({ ...wzInput(), nads: [] }));
    expect(findings[0].severity).toBe('error');
  });
});
