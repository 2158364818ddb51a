/** @jest-environment node */
/**
 * The semantics of issue 11, each on a demo scenario built from real captures (or a real field
 * capture), each mutated only where the case needs it.
 */
import { runDiagnostics } from '../diagnostics';
import { loadSharedObjects } from '../../../test-support/shared';
import type { ClusterUserDefinedNetwork } from '../k8s/types';
import { buildNetworkingModel } from './interface-model';
import { MESSAGES } from './messages';
import { networkSummaryOf, SUMMARY_TEXT } from './network-summary';
import { demoInput, demoObjects, podOf, vmiOf } from './__fixtures__/demo';
import { wiringOf } from './wiring';

const NETWORK_STATUS = 'k8s.v1.cni.cncf.io/network-status';
const POD_NETWORKS = 'k8s.ovn.org/pod-networks';
const annotations = (input: ReturnType<typeof demoInput>) => podOf(input).metadata!.annotations!;
const editJson = (
  input: ReturnType<typeof demoInput>,
  key: string,
  edit: (v: never) => unknown,
) => {
  const a = annotations(input);
  a[key] = JSON.stringify(edit(JSON.parse(a[key]) as never));
};

describe('a VM with neither interfaces nor networks', () => {
  const strip = () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    const spec = input.vm.spec!.template!.spec!;
    delete spec.domain.devices.interfaces;
    delete spec.networks;
    return input;
  };

  it("gets KubeVirt's default pod interface, as the instance reports it", () => {
    const m = buildNetworkingModel(strip());
    expect(m.interfaces.map((r) => r.name)).toEqual(['default']);
    const [row] = m.interfaces;
    expect(row.network.kind).toBe('pod-network');
    expect(row.binding.name).toBe('masquerade');
    expect(row.evidence['binding.name']).toMatchObject({
      kind: 'field',
      object: { kind: 'VirtualMachineInstance' },
    });
  });

  it('says the binding is the cluster default (not a guess) when there is no instance', () => {
    const input = strip();
    input.vmi = null;
    input.pods = [];
    const [row] = buildNetworkingModel(input).interfaces;
    expect(row.name).toBe('default');
    expect(row.binding.source).toBe('cluster-default');
    expect(row.network.evidence.kind).toMatchObject({ rule: 'kubevirt-auto-pod-interface' });
  });

  it('has no interface when autoattachPodInterface is false', () => {
    const input = strip();
    input.vm.spec!.template!.spec!.domain.devices.autoattachPodInterface = false;
    input.vmi = null;
    expect(buildNetworkingModel(input).interfaces).toEqual([]);
  });
});

describe('primary UDN pod side (demo 02, demo-cni captures)', () => {
  it('is ovn-udn1 with ovn-udn1-nic, k6t-ovn-udn1 and tap0 even without network-status', () => {
    const input = demoInput('02-vm-primary-udn-l2bridge.yaml');
    delete annotations(input)[NETWORK_STATUS];
    const status = vmiOf(input).status!.interfaces![0] as { podInterfaceName?: string };
    delete status.podInterfaceName;
    const [row] = buildNetworkingModel(input).interfaces;
    expect(row.network.kind).toBe('primary-udn');
    expect(row.pod.interfaceName).toBe('ovn-udn1');
    expect(row.pod.devices.map((d) => d.name)).toEqual([
      'ovn-udn1',
      'ovn-udn1-nic',
      'k6t-ovn-udn1',
      'tap0',
    ]);
    expect(row.evidence['pod.interfaceName']).toMatchObject({ rule: 'ovn-primary-udn-interface' });
  });

  it("shows the pod's eth0 as the infrastructure-locked default network the guest cannot use", () => {
    const [row] = buildNetworkingModel(demoInput('02-vm-primary-udn-l2bridge.yaml')).interfaces;
    expect(row.pod.lockedDefault).toMatchObject({
      interfaceName: 'eth0',
      role: 'infrastructure-locked',
      ips: [expect.objectContaining({ address: '10.131.1.75' })],
    });
    expect(row.notes).toContainEqual({
      message: MESSAGES.lockedDefault,
      params: { interface: 'eth0' },
    });
    // eth0's address is not the guest's.
    expect(row.guest.ips.map((i) => i.address)).not.toContain('10.131.1.75');
  });

  it('takes the gateway from pod-networks gateway_ips, also when ip_addresses is null', () => {
    const input = demoInput('02-vm-primary-udn-l2bridge.yaml');
    editJson(input, POD_NETWORKS, (v: Record<string, Record<string, unknown>>) => {
      const e = v['demo-vm-primary-udn/primary-udn'];
      e.ip_addresses = null;
      delete e.ip_address;
      e.gateway_ips = ['10.1.1.254'];
      return v;
    });
    const [row] = buildNetworkingModel(input).interfaces;
    const gateway = row.binding.facts.find((f) => f.id === 'gateway');
    expect(gateway?.value).toBe('10.1.1.254');
    expect(gateway?.source).toMatchObject({
      kind: 'field',
      object: { kind: 'Pod' },
      field: expect.stringContaining('gateway_ips'),
    });
    // The address is only in the VMI status.
    expect(row.binding.facts.find((f) => f.id === 'guestAddress')).toMatchObject({
      value: '10.1.1.3',
      source: { object: { kind: 'VirtualMachineInstance' } },
    });
  });

  it("falls back to the network's gateway (first host, computed) without gateway_ips", () => {
    const input = demoInput('02-vm-primary-udn-l2bridge.yaml');
    editJson(input, POD_NETWORKS, (v: Record<string, Record<string, unknown>>) => {
      delete v['demo-vm-primary-udn/primary-udn'].gateway_ips;
      delete v['demo-vm-primary-udn/primary-udn'].gateway_ip;
      return v;
    });
    delete annotations(input)[NETWORK_STATUS];
    const [row] = buildNetworkingModel(input).interfaces;
    const gateway = row.binding.facts.find((f) => f.id === 'gateway');
    expect(gateway).toMatchObject({
      value: '10.1.1.1',
      source: { kind: 'computed', rule: 'ovn-first-host-gateway' },
    });
  });
});

describe('an unreadable Namespace: its labels decide whether a primary UDN applies', () => {
  const forbidden = { error: 'namespaces "x" is forbidden', forbidden: true } as never;

  it('is unknown, never "Pod network", when a primary UDN could apply and the pod does not tell', () => {
    const input = demoInput('02-vm-primary-udn-l2bridge.yaml');
    input.namespace = forbidden;
    delete annotations(input)[POD_NETWORKS];
    delete annotations(input)[NETWORK_STATUS];
    const [row] = buildNetworkingModel(input).interfaces;
    expect(row.network.kind).toBe('unknown');
    // Neither eth0 nor ovn-udn1 is expected on the pod side, and no cluster network fact is its.
    expect(row.pod.expectedInterface).toBeUndefined();
    expect(row.network.subnets).toEqual([]);
    expect(row.network.mtu).toBeUndefined();
    expect(row.binding.meaning).toEqual({ message: MESSAGES.bridgeUndecided });
    // "Unknown" carries its reason and what it was computed from.
    expect(row.network.evidence.kind).toEqual({
      kind: 'computed',
      rule: 'primary-network-undecided',
      from: ['Namespace demo-vm-primary-udn (not readable)', 'UserDefinedNetwork primary-udn'],
    });
    expect(row.network.undecided).toEqual(
      row.notes.find((n) => n.message === MESSAGES.primaryUndecided),
    );
    const summary = networkSummaryOf(row);
    expect(summary.status).toBe('unknown');
    expect(summary.parts[0].text).toMatchObject({ message: SUMMARY_TEXT.podOrPrimaryUdn });
    expect(row.notes).toContainEqual({
      message: MESSAGES.primaryUndecided,
      params: { namespace: 'demo-vm-primary-udn', networks: 'UserDefinedNetwork primary-udn' },
    });
  });

  it("is the primary UDN the launcher's k8s.ovn.org/pod-networks gives the primary role", () => {
    const input = demoInput('02-vm-primary-udn-l2bridge.yaml');
    input.namespace = forbidden;
    const [row] = buildNetworkingModel(input).interfaces;
    expect(row.network.kind).toBe('primary-udn');
    expect(row.network.evidence.kind).toMatchObject({
      field: expect.stringContaining('k8s.ovn.org/pod-networks'),
    });
  });

  it('is the pod network when no primary UDN or CUDN exists that could apply', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    input.namespace = forbidden;
    delete annotations(input)[POD_NETWORKS];
    // A primary CUDN that selects namespaces by name alone, not this one: ruled out unread.
    input.cudns = [
      {
        apiVersion: 'k8s.ovn.org/v1',
        kind: 'ClusterUserDefinedNetwork',
        metadata: { name: 'elsewhere' },
        spec: {
          namespaceSelector: {
            matchExpressions: [
              { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['tenant-a'] },
            ],
          },
          network: { topology: 'Layer2', layer2: { role: 'Primary', subnets: ['10.9.0.0/16'] } },
        },
      } as never,
    ];
    const [row] = buildNetworkingModel(input).interfaces;
    expect(row.network.kind).toBe('pod-network');
  });

  it("is the pod network where the launcher's pod-networks gives the default network the primary role", () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    input.namespace = forbidden;
    // A primary CUDN exists; without the Namespace's labels its selector cannot be matched.
    const udn = demoObjects('02-vm-primary-udn-l2bridge.yaml').find(
      (o) => o.kind === 'UserDefinedNetwork',
    ) as unknown as { spec: { layer2: unknown } };
    input.cudns = [
      {
        apiVersion: 'k8s.ovn.org/v1',
        kind: 'ClusterUserDefinedNetwork',
        metadata: { name: 'tenant-primary' },
        spec: {
          namespaceSelector: { matchLabels: { tenant: 'blue' } },
          network: { topology: 'Layer2', layer2: udn.spec.layer2 },
        },
      } as never,
    ];
    const [row] = buildNetworkingModel(input).interfaces;
    expect(row.network.kind).toBe('pod-network');
    expect(row.network.evidence.kind).toMatchObject({
      field: expect.stringContaining('k8s.ovn.org/pod-networks][default].role'),
    });
    // Without that annotation the same VM's network is unknown.
    delete annotations(input)[POD_NETWORKS];
    expect(buildNetworkingModel(input).interfaces[0].network.kind).toBe('unknown');
  });
});

describe('a stopped VM (no instance, no pod) says no sentence with a blank in it', () => {
  const files = [
    '01-vm-pod-masquerade.yaml',
    '02-vm-primary-udn-l2bridge.yaml',
    '03-vm-primary-plus-secondary-udn.yaml',
    '04-vm-localnet-vlan1924.yaml',
    '05-vm-linux-bridge-vlan33.yaml',
  ];
  it.each(files)('%s', (file) => {
    for (const bindingName of [undefined, 'bridge']) {
      const input = demoInput(file);
      input.vmi = null;
      input.pods = [];
      if (bindingName)
        for (const i of input.vm.spec!.template!.spec!.domain!.devices!.interfaces ?? []) {
          const iface = i as unknown as Record<string, unknown>;
          for (const k of ['masquerade', 'bridge', 'binding', 'sriov']) delete iface[k];
          iface.bridge = {};
        }
      for (const row of buildNetworkingModel(input).interfaces) {
        for (const m of [row.binding.meaning, ...row.notes]) {
          for (const v of Object.values(m.params ?? {})) expect(String(v).trim()).not.toBe('');
        }
      }
    }
  });
});

describe('IP sources', () => {
  it('names only what the VMI status infoSource names; without it "reported by the instance"', () => {
    const input = demoInput('04-vm-localnet-vlan1924.yaml');
    const [withSource] = buildNetworkingModel(input).interfaces;
    expect(withSource.guest.ips[0]).toMatchObject({
      source: 'guest-agent',
      evidence: { infoSource: 'domain, guest-agent, multus-status' },
    });
    for (const s of vmiOf(input).status!.interfaces!)
      delete (s as { infoSource?: string }).infoSource;
    const m = buildNetworkingModel(input);
    expect(m.interfaces.flatMap((r) => r.guest.ips.map((i) => i.source))).not.toContain(
      'guest-agent',
    );
    expect(m.interfaces[1].guest.ips.map((i) => [i.address, i.source])).toEqual([
      ['192.168.4.71', 'instance'],
    ]);
  });

  it('reads the guest agent connection from the AgentConnected condition only', () => {
    const input = demoInput('04-vm-localnet-vlan1924.yaml');
    expect(buildNetworkingModel(input).guestAgentConnected).toBe(true);
    vmiOf(input).status!.conditions = vmiOf(input).status!.conditions!.filter(
      (c) => c.type !== 'AgentConnected',
    );
    // Addresses with infoSource guest-agent do not make the agent connected.
    expect(buildNetworkingModel(input).guestAgentConnected).toBe(false);
  });
});

describe('masquerade: what the guest itself sees', () => {
  it('is 10.0.2.2/24 behind 10.0.2.1, NATed to the pod IP, computed from KubeVirt defaults', () => {
    const [row] = buildNetworkingModel(demoInput('01-vm-pod-masquerade.yaml')).interfaces;
    const facts = Object.fromEntries(row.binding.facts.map((f) => [f.id, f]));
    expect(facts.guestAddress).toMatchObject({
      value: '10.0.2.2/24',
      source: { kind: 'computed', rule: 'kubevirt-masquerade' },
    });
    expect(facts.guestGateway.value).toBe('10.0.2.1');
    expect(facts.podIP).toMatchObject({ value: '10.131.1.97', source: { kind: 'field' } });
    expect(facts.guestAddressV6).toBeUndefined();
  });

  it('adds fd10:0:2::2/120 behind fd10:0:2::1 when the pod has IPv6', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    editJson(input, NETWORK_STATUS, (v: { ips: string[] }[]) => {
      v[0].ips.push('fd02:0:0:3::5a');
      return v;
    });
    const [row] = buildNetworkingModel(input).interfaces;
    const facts = Object.fromEntries(row.binding.facts.map((f) => [f.id, f.value]));
    expect(facts.guestAddressV6).toBe('fd10:0:2::2/120');
    expect(facts.guestGatewayV6).toBe('fd10:0:2::1');
    expect(row.binding.meaning.message).toBe(MESSAGES.masqueradeDualStack);
  });
});

describe('cluster network type', () => {
  it('is read from networks.config.openshift.io/cluster status.networkType', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    input.clusterNetwork = {
      apiVersion: 'config.openshift.io/v1',
      kind: 'Network',
      metadata: { name: 'cluster' },
      status: { networkType: 'Calico' },
    };
    const m = buildNetworkingModel(input);
    expect(m.clusterNetwork).toMatchObject({
      type: 'Calico',
      ovnKubernetes: false,
      source: { kind: 'field', object: { group: 'config.openshift.io', name: 'cluster' } },
    });
  });

  it("falls back to the launcher's OVN annotation, and is unknown without any evidence", () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    delete input.clusterNetwork;
    delete input.networkConfig;
    expect(buildNetworkingModel(input).clusterNetwork).toMatchObject({
      type: 'OVNKubernetes',
      source: { kind: 'computed', rule: 'ovn-annotation-present' },
    });
    delete annotations(input)[POD_NETWORKS];
    expect(buildNetworkingModel(input).clusterNetwork).toEqual({});
  });
});

describe('wiring of the pod network follows the cluster network type', () => {
  const podNode = (input: ReturnType<typeof demoInput>) =>
    wiringOf(buildNetworkingModel(input)).find((l) => l.interfaceName === 'default')!.nodes[4];

  it('draws br-int/br-ex only on OVN-Kubernetes, names another CNI, and says unknown without evidence', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    expect(podNode(input).lines).toEqual(['br-int', 'br-ex']);
    input.clusterNetwork = {
      apiVersion: 'config.openshift.io/v1',
      kind: 'Network',
      metadata: { name: 'cluster' },
      status: { networkType: 'Calico' },
    };
    expect(podNode(input)).toMatchObject({
      title: { params: { type: 'Calico' } },
      lines: [],
    });
    delete input.clusterNetwork;
    delete input.networkConfig;
    delete annotations(input)[POD_NETWORKS];
    expect(podNode(input)).toMatchObject({ status: 'unknown', lines: [] });
  });
});

describe('run state', () => {
  it('is "starting" for a VM that should run and has no instance yet', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    input.vmi = null;
    input.pods = [];
    expect(input.vm.spec!.runStrategy).toBe('RerunOnFailure');
    const m = buildNetworkingModel(input);
    expect(m.state).toBe('starting');
    expect(m.stateMessages[0].message).toBe(MESSAGES.stateStarting);
    expect(m.stateEvidence).toContainEqual(expect.objectContaining({ field: 'spec.runStrategy' }));
  });

  it('is "starting" while the instance is Scheduling, and "stopped" when Halted', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    vmiOf(input).status!.phase = 'Scheduling';
    expect(buildNetworkingModel(input).state).toBe('starting');
    const halted = demoInput('01-vm-pod-masquerade.yaml');
    halted.vmi = null;
    halted.vm.spec!.runStrategy = 'Halted';
    (halted.vm.status as { printableStatus?: string }).printableStatus = 'Stopped';
    expect(buildNetworkingModel(halted).state).toBe('stopped');
  });

  it('reads the older spec.running', () => {
    const input = demoInput('01-vm-pod-masquerade.yaml');
    input.vmi = null;
    delete input.vm.spec!.runStrategy;
    input.vm.spec!.running = true;
    delete (input.vm.status as { printableStatus?: string }).printableStatus;
    expect(buildNetworkingModel(input).state).toBe('starting');
    input.vm.spec!.running = false;
    expect(buildNetworkingModel(input).state).toBe('stopped');
  });
});

describe('SR-IOV', () => {
  const sriovInput = () => {
    const input = demoInput('05-vm-linux-bridge-vlan33.yaml');
    const iface = input.vm.spec!.template!.spec!.domain.devices.interfaces![1] as unknown as Record<
      string,
      unknown
    >;
    delete iface.bridge;
    delete iface.model;
    iface.sriov = {};
    editJson(input, NETWORK_STATUS, (v: Record<string, unknown>[]) => {
      v[1]['device-info'] = {
        type: 'pci',
        version: '1.1.0',
        pci: { 'pci-address': '0000:3b:02.4', 'pf-pci-address': '0000:3b:00.0' },
      };
      return v;
    });
    return input;
  };

  it('has no emulated model and shows the VF PCI address from network-status device-info', () => {
    const row = buildNetworkingModel(sriovInput()).interfaces[1];
    expect(row.binding.name).toBe('sriov');
    expect(row.guest.model).toEqual({ defaulted: false, passthrough: true });
    expect(row.pod.deviceInfo).toMatchObject({ type: 'pci', pciAddress: '0000:3b:02.4' });
    expect(row.evidence['pod.deviceInfo']).toMatchObject({
      field: expect.stringContaining('device-info'),
    });
  });

  it('says MultiNetworkPolicy is not enforced on the VF, in the row and in diagnostics', () => {
    const m = buildNetworkingModel(sriovInput());
    expect(m.interfaces[1].notes.map((n) => n.message)).toContain(MESSAGES.sriovNoPolicy);
    expect(runDiagnostics(m).map((f) => [f.ruleId, f.interface])).toContainEqual([
      'sriov-policy-not-enforced',
      'nic-add1',
    ]);
  });
});

describe('hot-plug only with evidence', () => {
  it('a running VMI whose status lacks the NIC is "not reported", not a hot-plug', () => {
    const input = demoInput('04-vm-localnet-vlan1924.yaml');
    vmiOf(input).status!.interfaces = vmiOf(input).status!.interfaces!.slice(0, 1);
    const row = buildNetworkingModel(input).interfaces[1];
    expect(row.guest.hotplug).toBeUndefined();
    expect(row.guest.statusReported).toBe(false);
    expect(row.notes.map((n) => n.message)).toContain(MESSAGES.notReported);
  });

  it('in the VM spec but not the VMI spec: waiting, for a restart when RestartRequired', () => {
    const input = demoInput('04-vm-localnet-vlan1924.yaml');
    const devices = vmiOf(input).spec!.domain.devices;
    devices.interfaces = devices.interfaces!.slice(0, 1);
    expect(buildNetworkingModel(input).interfaces[1].guest.hotplug).toBe('pending-migration');
    input.vm.status!.conditions = [
      ...(input.vm.status!.conditions ?? []),
      { type: 'RestartRequired', status: 'True' },
    ] as never;
    const row = buildNetworkingModel(input).interfaces[1];
    expect(row.guest.hotplug).toBe('pending-restart');
    expect(row.evidence['guest.hotplug']).toMatchObject({
      field: expect.stringContaining('RestartRequired'),
    });
  });
});

describe('a missing NAD with its real cause', () => {
  const fosdem = () =>
    loadSharedObjects('examples/field/fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml');

  it('names the CUDN of that name whose selector does not select the namespace, with the selector', () => {
    const objs = fosdem();
    const cudn = objs.find(
      (o) => o.kind === 'ClusterUserDefinedNetwork',
    ) as ClusterUserDefinedNetwork;
    const input = demoInput('05-vm-linux-bridge-vlan33.yaml');
    input.vm.spec!.template!.spec!.networks![1].multus!.networkName = cudn.metadata!.name!;
    input.cudns = [cudn];
    const m = buildNetworkingModel(input);
    const row = m.interfaces[1];
    expect(row.network.kind).toBe('missing');
    expect(row.network.missingCause).toEqual({
      kind: 'cudn-not-selecting',
      cudn: expect.objectContaining({ name: 'happy-tenant' }),
      selector: cudn.spec!.namespaceSelector,
    });
    expect(row.notes.map((n) => n.message)).toContain(MESSAGES.missingCauseCudn);
    const finding = runDiagnostics(m).find((f) => f.ruleId === 'nad-missing')!;
    expect(JSON.stringify(finding.fix)).toContain('red-namespace');
  });

  it('names a UDN of that name in another namespace', () => {
    const udnObjs = demoObjects('03-vm-primary-plus-secondary-udn.yaml');
    const input = demoInput('05-vm-linux-bridge-vlan33.yaml');
    input.vm.spec!.template!.spec!.networks![1].multus!.networkName = 'secondary-udn';
    input.udns = [
      ...((input.udns as never[]) ?? []),
      ...(udnObjs.filter((o) => o.kind === 'UserDefinedNetwork') as never[]),
    ];
    const row = buildNetworkingModel(input).interfaces[1];
    expect(row.network.missingCause).toEqual({
      kind: 'udn-in-other-namespace',
      udns: [
        expect.objectContaining({ namespace: 'demo-vm-secondary-udn', name: 'secondary-udn' }),
      ],
    });
  });
});

describe('partial data', () => {
  it('lists an unreadable input once (problems), not again as a state message', () => {
    const input = demoInput('04-vm-localnet-vlan1924.yaml');
    input.nodeNetworkStates = { error: 'forbidden', forbidden: true };
    const m = buildNetworkingModel(input);
    expect(m.problems).toEqual([
      { resource: 'NodeNetworkState', error: 'forbidden', forbidden: true },
    ]);
    expect(m.stateMessages.filter((s) => s.message === MESSAGES.forbidden)).toEqual([]);
  });
});

describe('bad data never breaks the model (triggers seen on real clusters)', () => {
  const base = () => demoInput('04-vm-localnet-vlan1924.yaml');
  const cases: [string, (i: ReturnType<typeof base>) => void][] = [
    [
      'pod-networks ip_addresses a string',
      (i) =>
        editJson(i, POD_NETWORKS, (v: Record<string, Record<string, unknown>>) => {
          v.default.ip_addresses = '10.131.0.84/23';
          return v;
        }),
    ],
    [
      'network-status ips a string',
      (i) =>
        editJson(i, NETWORK_STATUS, (v: Record<string, unknown>[]) => {
          v[0].ips = '10.131.0.84';
          return v;
        }),
    ],
    [
      'network-status ips [null]',
      (i) =>
        editJson(i, NETWORK_STATUS, (v: Record<string, unknown>[]) => {
          v[0].ips = [null];
          return v;
        }),
    ],
    ['network-status a JSON object', (i) => (annotations(i)[NETWORK_STATUS] = '{"name":"x"}')],
    ['network-status null', (i) => (annotations(i)[NETWORK_STATUS] = 'null')],
    [
      'NNCP bridge-mappings an object',
      (i) => {
        const nncp = (
          i.nncps as { spec: { desiredState: { ovn: Record<string, unknown> } } }[]
        ).find((n) => n.spec.desiredState.ovn)!;
        nncp.spec.desiredState.ovn['bridge-mappings'] = { localnet: 'x', bridge: 'y' };
      },
    ],
    [
      'NodeNetworkState with null entries',
      (i) =>
        (i.nodeNetworkStates = [
          {
            kind: 'NodeNetworkState',
            metadata: { name: 'other-node' },
            status: { currentState: { interfaces: [null], ovn: { 'bridge-mappings': [null] } } },
          } as never,
        ]),
    ],
  ];
  it.each(cases)('%s: rows built, the bad object reported with its raw value', (_, mutate) => {
    const input = base();
    mutate(input);
    const m = buildNetworkingModel(input);
    expect(m.interfaces.map((r) => r.name)).toEqual(['default', 'nic-vlan-1924']);
    expect(m.dataProblems.length).toBeGreaterThan(0);
    expect(m.dataProblems[0]).toEqual(
      expect.objectContaining({ object: expect.objectContaining({ kind: expect.any(String) }) }),
    );
    expect(m.dataProblems.every((p) => p.raw !== undefined)).toBe(true);
    expect(() => runDiagnostics(m)).not.toThrow();
  });

  it('one bad NNCP takes away only its own mapping', () => {
    const input = base();
    const bad = JSON.parse(JSON.stringify((input.nncps as never[])[0])) as {
      metadata: { name: string };
      spec: { desiredState: Record<string, unknown> };
    };
    bad.metadata.name = 'broken';
    bad.spec.desiredState = { ovn: { 'bridge-mappings': { localnet: 'x' } } };
    input.nncps = [...(input.nncps as never[]), bad as never];
    const row = buildNetworkingModel(input).interfaces[1];
    expect(row.network.bridge).toBe('br-vmdata');
    expect(buildNetworkingModel(input).dataProblems).toEqual([
      expect.objectContaining({
        object: expect.objectContaining({ name: 'broken' }),
        field: 'spec.desiredState.ovn.bridge-mappings',
      }),
    ]);
  });
});
