/**
 * @jest-environment node
 */
import { loadSharedObjects, sharedPath } from '../../../test-support/shared';
import { loadCRDsForVersion } from '../crd-oracle/load';
import { createCRDValidator } from '../crd-oracle/validator';
import { detectTargetVersion, featuresOf, targetForVersion } from '../k8s/openshift-version';
import { fieldErrorToEnglish } from '../validation/format';
import type { K8sObject, NetworkAttachmentDefinition, UserDefinedNetwork } from '../k8s/types';
import type { FieldError } from '../validation/types';
import { PRIMARY_UDN_LABEL, WizardContext } from './common';
import {
  defaultCUDNState,
  generateCUDN,
  parseBackCUDN,
  selectedNamespaces,
  validateCUDNForm,
} from './cudn';
import {
  defaultNADState,
  generateNAD,
  parseBackNAD,
  UnsupportedNADError,
  validateNADForm,
} from './nad';
import { defaultUDNState, generateUDN, parseBackUDN, validateUDNForm } from './udn';
import { defaultNetworkState, withTopology } from './network-spec';

const oracle = createCRDValidator(loadCRDsForVersion('4.20', sharedPath('crds')));
const ctx: WizardContext = { target: '4.20' };
const fields = (e: { field: string }[]) => e.map((x) => x.field);
/** The English text a view shows for the first error. */
const first = (e: FieldError[]) => fieldErrorToEnglish(e[0]);

describe('UDN wizard', () => {
  const base = {
    ...defaultUDNState('tenant'),
    name: 'primary-udn',
    subnets: [{ cidr: '10.1.1.0/24' }],
    createNamespace: true,
  };

  it('a primary Layer2 UDN comes with its labelled namespace, namespace first', () => {
    expect(validateUDNForm(base, ctx)).toEqual([]);
    const objs = generateUDN(base, ctx);
    expect(objs.map((o) => o.kind)).toEqual(['Namespace', 'UserDefinedNetwork']);
    expect(objs[0].metadata?.labels).toEqual({ [PRIMARY_UDN_LABEL]: '' });
    expect(objs[1]).toEqual({
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'primary-udn', namespace: 'tenant' },
      spec: {
        topology: 'Layer2',
        layer2: { role: 'Primary', subnets: ['10.1.1.0/24'], ipam: { lifecycle: 'Persistent' } },
      },
    });
    expect(oracle(objs[1])).toEqual([]);
  });

  it('explains the namespace label problem on an existing namespace', () => {
    const e = validateUDNForm(
      { ...base, createNamespace: false },
      { ...ctx, namespaces: [{ name: 'tenant', labels: {} }] },
    );
    expect(fields(e)).toEqual(['namespace']);
    expect(first(e)).toBe(
      `Namespace tenant was created without the label ${PRIMARY_UDN_LABEL}; it cannot be added later, so a primary network needs a new namespace.`,
    );
  });

  it('refuses overlaps with cluster ranges and other networks, host bits, and 4.19-only fields', () => {
    const e = (subnets: string[], c: WizardContext = ctx) =>
      validateUDNForm({ ...base, subnets: subnets.map((cidr) => ({ cidr })) }, c);
    expect(first(e(['10.128.4.0/24']))).toBe(
      'Subnet 10.128.4.0/24 overlaps the cluster network (10.128.0.0/14).',
    );
    expect(first(e(['172.30.0.0/24']))).toMatch(/overlaps the service network/);
    expect(first(e(['100.64.0.0/24']))).toMatch(/overlaps the OVN-Kubernetes join subnet/);
    expect(first(e(['100.65.1.0/24']))).toMatch(/overlaps this network's join subnet/);
    expect(first(e(['169.254.10.0/24']))).toMatch(/overlaps the masquerade subnet/);
    expect(first(e(['10.1.1.5/24']))).toBe(
      'Subnet "10.1.1.5/24" has host bits set; did you mean 10.1.1.0/24?',
    );
    expect(
      first(
        e(['10.1.1.0/24'], {
          ...ctx,
          otherNetworks: [{ name: 'NAD blue', subnets: ['10.1.0.0/16'] }],
        }),
      ),
    ).toBe('Subnet 10.1.1.0/24 overlaps 10.1.0.0/16 of NAD blue.');
    expect(
      first(e(['10.0.0.0/24'], { ...ctx, clusterNetworks: { clusterNetwork: ['10.0.0.0/14'] } })),
    ).toBe('Subnet 10.0.0.0/24 overlaps the cluster network (10.0.0.0/14).');
    const pre = { ...base, reservedSubnets: ['10.1.1.0/28'] };
    expect(validateUDNForm(pre, ctx)).toEqual([]);
    expect(fields(validateUDNForm(pre, { target: '4.19' }))).toEqual(['reservedSubnets']);
    expect(generateUDN(pre, { target: '4.19' })[1]).not.toHaveProperty(
      'spec.layer2.reservedSubnets',
    );
  });

  it('loads every UDN example back and regenerates it unchanged (preserved parts included)', () => {
    const files = ['primary-udn', 'secondary-udn', 'tertiary-udn', 'quaternary-udn'].map(
      (n) => `examples/demo-cni/demos/components/${n}/userdefinednetwork.yaml`,
    );
    const udns = [
      ...files.flatMap((f) => loadSharedObjects(f)),
      ...loadSharedObjects('examples/field/fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml'),
    ].filter((o) => o.kind === 'UserDefinedNetwork') as UserDefinedNetwork[];
    expect(udns.length).toBeGreaterThanOrEqual(5);
    for (const udn of udns) {
      const { state, preserved } = parseBackUDN(udn, ctx);
      const regenerated = generateUDN(state, ctx, preserved).find(
        (o) => o.kind === 'UserDefinedNetwork',
      );
      expect(regenerated).toEqual(udn);
    }
    const withFinalizer = udns.find((u) => u.metadata?.finalizers);
    expect(parseBackUDN(withFinalizer!, ctx).preserved).toHaveProperty('metadata.finalizers');
  });
});

describe('CUDN wizard', () => {
  const localnet = {
    ...defaultCUDNState(),
    name: 'localnet-1924',
    topology: 'Localnet' as const,
    role: 'Secondary' as const,
    physicalNetworkName: 'physnet-vmdata',
    vlanId: 1924,
    subnets: [{ cidr: '192.168.4.0/24' }],
    excludeSubnets: ['192.168.4.0/25'],
    persistentIPs: false,
    matchLabels: { 'vlan-1924': '' },
  };

  it('a localnet on a new OVS bridge: NNCP (keyed by the physical network) before the CUDN', () => {
    const s = {
      ...localnet,
      bridgeMapping: { ...localnet.bridgeMapping, mode: 'ovs-bridge' as const, nic: 'ens224' },
    };
    expect(validateCUDNForm(s, ctx)).toEqual([]);
    const [nncp, cudn] = generateCUDN(s, ctx);
    expect(nncp).toMatchObject({
      kind: 'NodeNetworkConfigurationPolicy',
      metadata: { name: 'physnet-vmdata-bridge-mapping' },
      spec: {
        desiredState: {
          interfaces: [
            {
              name: 'br-vmdata',
              type: 'ovs-bridge',
              bridge: {
                'allow-extra-patch-ports': true,
                options: { stp: false },
                port: [{ name: 'ens224' }],
              },
            },
          ],
          ovn: {
            'bridge-mappings': [
              { localnet: 'physnet-vmdata', bridge: 'br-vmdata', state: 'present' },
            ],
          },
        },
      },
    });
    expect(oracle(nncp)).toEqual([]);
    expect(oracle(cudn)).toEqual([]);
    expect(parseBackCUDN(cudn, ctx, nncp).state.bridgeMapping).toEqual({
      ...s.bridgeMapping,
      // Read back from a policy: the mode was chosen, and the policy selects nodes.
      modeChosen: true,
      allNodes: false,
      policyName: 'physnet-vmdata-bridge-mapping',
    });
  });

  it('says when no node maps the physical network, and refuses a selector for everything', () => {
    const e = validateCUDNForm(
      { ...localnet, matchLabels: {} },
      { ...ctx, bridgeMappings: [{ localnet: 'physnet', bridge: 'br-ex' }] },
    );
    expect(fields(e).sort()).toEqual(['bridgeMapping.mode', 'namespaceSelector']);
  });

  it('selects namespaces live and refuses system ones', () => {
    const namespaces = [
      { name: 'a', labels: { env: 'dev' } },
      { name: 'openshift-x', labels: { env: 'dev' } },
      { name: 'b' },
    ];
    expect(selectedNamespaces({ matchLabels: { env: 'dev' } }, namespaces)).toEqual([
      'a',
      'openshift-x',
    ]);
    expect(
      selectedNamespaces(
        { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] },
        namespaces,
      ),
    ).toEqual(['b']);
    const e = validateCUDNForm(
      { ...localnet, matchLabels: { env: 'dev' } },
      { ...ctx, namespaces },
    );
    expect(e.map(fieldErrorToEnglish)).toContain(
      'The selector picks system namespaces (openshift-x), which a network must not select.',
    );
  });

  it('loads every CUDN example back and regenerates it unchanged', () => {
    const files = ['localnet-1924', 'localnet-1924-dhcp', 'localnet-1926-dhcp', 'machine-net'].map(
      (n) => `examples/demo-autofs/components/${n}/clusteruserdefinednetwork.yaml`,
    );
    const cudns = [
      ...files,
      'examples/homelab-2026/manifests/config/nmstate/base/cudn-machinenet.yaml',
      'examples/field/fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml',
    ]
      .flatMap((f) => loadSharedObjects(f))
      .filter((o) => o.kind === 'ClusterUserDefinedNetwork');
    expect(cudns.length).toBeGreaterThanOrEqual(6);
    for (const cudn of cudns) {
      const { state, preserved } = parseBackCUDN(cudn, ctx);
      expect(
        generateCUDN(
          { ...state, bridgeMapping: { ...state.bridgeMapping, mode: 'existing' } },
          ctx,
          preserved,
        ).pop(),
      ).toEqual(cudn);
    }
  });
});

describe('NAD wizard', () => {
  it('Linux bridge with VLAN: config object, resourceName annotation', () => {
    const s = {
      ...defaultNADState('vm-localnet'),
      name: 'vlan-1924',
      bridgeName: 'br-1924',
      vlanMode: 'access' as const,
      vlanId: 1924,
    };
    expect(validateNADForm(s, ctx)).toEqual([]);
    const [nad] = generateNAD(s, ctx) as NetworkAttachmentDefinition[];
    expect(nad.metadata?.annotations).toEqual({
      'k8s.v1.cni.cncf.io/resourceName': 'bridge.network.kubevirt.io/br-1924',
    });
    expect(JSON.parse(nad.spec!.config!)).toEqual({
      cniVersion: '0.3.1',
      name: 'vlan-1924',
      type: 'bridge',
      bridge: 'br-1924',
      macspoofchk: true,
      vlan: 1924,
      ipam: {},
    });
    expect(fields(validateNADForm({ ...s, vlanId: 4095 }, ctx))).toEqual(['vlanId']);
    expect(fields(validateNADForm({ ...s, vlanId: 0 }, ctx))).toEqual(['vlanId']);
  });

  it('OVN localnet: NNCP keyed by the network name, not the NAD name; netAttachDefName <ns>/<name>', () => {
    const s = {
      ...defaultNADState('llm-demo'),
      name: 'localnet-nad',
      type: 'ovn-localnet' as const,
      networkName: 'localnet-cnv',
      vlanId: 10,
      bridgeMapping: { ...defaultNADState().bridgeMapping, mode: 'br-ex' as const },
    };
    expect(validateNADForm(s, ctx)).toEqual([]);
    const [nncp, nad] = generateNAD(s, ctx) as [K8sObject, NetworkAttachmentDefinition];
    expect(nncp).toMatchObject({
      spec: {
        desiredState: {
          ovn: { 'bridge-mappings': [{ localnet: 'localnet-cnv', bridge: 'br-ex' }] },
        },
      },
    });
    expect(nncp).not.toHaveProperty('spec.desiredState.interfaces');
    expect(JSON.parse(nad.spec!.config!)).toMatchObject({
      name: 'localnet-cnv',
      topology: 'localnet',
      netAttachDefName: 'llm-demo/localnet-nad',
      vlanID: 10,
    });
    expect(oracle(nncp)).toEqual([]);
  });

  it('SR-IOV writes the VLAN into the config and the resource name annotation', () => {
    const s = {
      ...defaultNADState('ns'),
      name: 'sriov-a',
      type: 'sriov' as const,
      resourceName: 'openshift.io/mlxnics',
      vlanId: 100,
    };
    expect(validateNADForm(s, ctx)).toEqual([]);
    const [nad] = generateNAD(s, ctx) as NetworkAttachmentDefinition[];
    expect(JSON.parse(nad.spec!.config!)).toMatchObject({ type: 'sriov', vlan: 100 });
    expect(nad.metadata?.annotations).toEqual({
      'k8s.v1.cni.cncf.io/resourceName': 'openshift.io/mlxnics',
    });
  });

  it('says, translatably, why a real NAD cannot be shown in the form', () => {
    const [ipvlan] = loadSharedObjects<NetworkAttachmentDefinition>(
      'examples/demo-virt/example/nad-ipvlan.yaml',
    );
    const reason = (nad: NetworkAttachmentDefinition) => {
      try {
        parseBackNAD(nad, ctx);
      } catch (e) {
        expect(e).toBeInstanceOf(UnsupportedNADError);
        return e as UnsupportedNADError;
      }
      throw new Error('parsed');
    };
    // The example carries a `#` comment inside its JSON config.
    const notJson = reason(ipvlan);
    expect(notJson.problem.message).toBe('spec.config is not JSON: {{error}}');
    expect(notJson.message).toMatch(/^spec\.config is not JSON: \S/);
    const uncommented = {
      ...ipvlan,
      spec: { config: ipvlan.spec!.config!.replace(/^\s*#.*$/m, '') },
    };
    const noWizard = reason(uncommented);
    expect(noWizard.message).toBe('CNI type "ipvlan" (topology undefined) has no wizard');
    expect(fieldErrorToEnglish(noWizard.problem)).toBe(noWizard.message);
  });

  it('loads real NADs back and regenerates the same config (conflists and unknown keys kept)', () => {
    const files = [
      'examples/demo-cni/demos/vm-localnet/vlan-1924/nad.yaml',
      'examples/demo-virt/example/nad-macvlan.yaml',
      'examples/demo-virt/networking/components/vlan-1924/linux-bridge/nad.yaml',
      'examples/demo-virt/networking/components/trunk/linux-bridge/nad.yaml',
      'examples/demo-virt/networking/components/l2-front/nad.yaml',
      'examples/field/wz-localnet-brex.nncp-nad.yaml',
      'examples/demo-virt/example/nad-1924.yaml',
    ];
    const nads = files
      .flatMap((f) => loadSharedObjects(f))
      .filter((o) => o.kind === 'NetworkAttachmentDefinition') as NetworkAttachmentDefinition[];
    expect(nads.length).toBeGreaterThanOrEqual(7);
    for (const nad of nads) {
      const { state, preserved } = parseBackNAD(nad, ctx);
      const out = generateNAD(state, ctx, preserved).pop() as NetworkAttachmentDefinition;
      // The one deliberate change: `cnv-bridge` is written as `bridge` (identical plugin; field-examples #32).
      const expected = nad.spec!.config!.replace(/"cnv-bridge"/g, '"bridge"');
      expect(JSON.parse(out.spec!.config!)).toEqual(JSON.parse(expected));
      expect(out.metadata).toEqual(
        state.namespace ? { ...nad.metadata, namespace: state.namespace } : nad.metadata,
      );
    }
  });
});

describe('OpenShift target version', () => {
  it('maps cluster versions to the CRDs they ship', () => {
    expect(targetForVersion('4.19.7')).toBe('4.19');
    expect(targetForVersion('4.21.2')).toBe('4.20');
    expect(targetForVersion('4.22.0-rc.1')).toBe('4.22');
    expect(targetForVersion('4.18.9')).toBeUndefined();
    expect(featuresOf('4.19').preconfiguredUDNAddresses).toBe(false);
    expect(featuresOf('4.20').preconfiguredUDNAddresses).toBe(true);
  });

  it('reads the running version from a ClusterVersion (history, not the upgrade target)', () => {
    const cv = {
      kind: 'ClusterVersion',
      status: {
        desired: { version: '4.22.1' },
        history: [
          { state: 'Partial', version: '4.22.1' },
          { state: 'Completed', version: '4.21.5' },
        ],
      },
    };
    expect(detectTargetVersion(cv)).toBe('4.20');
    expect(detectTargetVersion({ status: { desired: { version: '4.19.3' } } })).toBe('4.19');
  });
});

describe('withTopology', () => {
  const state = {
    ...defaultNetworkState(),
    role: 'Primary' as const,
    ipamMode: 'Disabled' as const,
    subnets: [{ cidr: '10.100.0.0/16', hostSubnet: 24 }],
    vlanId: 1924,
    excludeSubnets: ['10.100.0.1/32'],
  };

  it('gives Layer3 IPAM, no persistent IPs, and keeps the host subnets', () => {
    const s = withTopology(state, 'Layer3');
    expect(s).toMatchObject({ topology: 'Layer3', ipamMode: 'Enabled', persistentIPs: false });
    expect(s.subnets).toEqual([{ cidr: '10.100.0.0/16', hostSubnet: 24 }]);
    expect(s.vlanId).toBeUndefined();
    expect(s.excludeSubnets).toEqual([]);
  });

  it('makes a localnet secondary and keeps its VLAN and excluded subnets', () => {
    const s = withTopology(state, 'Localnet');
    expect(s).toMatchObject({ role: 'Secondary', vlanId: 1924, excludeSubnets: ['10.100.0.1/32'] });
    expect(s.subnets).toEqual([{ cidr: '10.100.0.0/16' }]);
  });

  it('keeps role and IPAM choices on Layer2', () => {
    expect(withTopology(state, 'Layer2')).toMatchObject({ role: 'Primary', ipamMode: 'Disabled' });
  });
});
