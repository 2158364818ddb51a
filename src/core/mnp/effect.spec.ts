/**
 * @jest-environment node
 */
import * as path from 'path';
import * as fc from 'fast-check';
import { readManifests } from '../manifests/read-dir';
import { PolicyAnalysis } from '../policy/analysis';
import { formatMessage } from '../validation/format';
import {
  applyStartingPoint,
  defaultMNPState,
  describeMNPEffect,
  generateMNP,
  STARTING_POINT_ISOLATES,
  STARTING_POINTS,
  type MNPFormState,
  type StartingPoint,
} from './index';

const english = (key: string, params?: Record<string, unknown>) =>
  params
    ? key.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (w, n: string) =>
        n in params ? String(params[n]) : w,
      )
    : key;

const NS = 'llm-demo';
const NAD = 'llm-demo-localnet-network';
const VM = 'centos-stream9-gold-rabbit-80';
const forVM = (): MNPFormState => ({
  ...defaultMNPState(NS),
  name: 'p',
  networks: [NAD],
  target: { mode: 'vms', vmNames: [VM] },
});
const seed = readManifests(path.join(__dirname, '../policy/__fixtures__/seed-004/base')).objects;

describe('egress is isolated only when the user chooses it', () => {
  it('the default policy isolates ingress only', () => {
    expect(generateMNP(forVM()).spec?.policyTypes).toEqual(['Ingress']);
    expect(generateMNP(forVM()).spec?.egress).toBeUndefined();
  });

  it('every starting point says what it isolates, and only deny-all isolates egress', () => {
    expect(STARTING_POINTS.filter((p) => STARTING_POINT_ISOLATES[p].includes('Egress'))).toEqual([
      'deny-all',
    ]);
  });

  const allowPoint = fc.constantFrom<StartingPoint>(
    'deny-ingress',
    'allow-gateway',
    'allow-dhcp',
    'allow-cidr',
    'allow-from-vm',
  );
  const ip = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `192.168.${a}.${b}`);

  it('no sequence of starting points but deny-all cuts egress (the analysis agrees)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(allowPoint, ip), { maxLength: 5 }), ip, (points, peer) => {
        let s = forVM();
        for (const [p, addr] of points) {
          s = applyStartingPoint(s, p, { gateways: [addr], cidr: `${addr}/32`, vmIp: addr });
        }
        const mnp = generateMNP(s);
        expect(mnp.spec?.policyTypes).not.toContain('Egress');
        const a = new PolicyAnalysis([...seed, mnp]);
        expect(
          a.evaluate({ endpoint: `${NS}/${VM}`, direction: 'egress', peer: { ip: peer } }).verdict,
        ).toBe('Allowed');
      }),
      { numRuns: 25 },
    );
  });

  it('deny-all isolates both, and says so', () => {
    const s = applyStartingPoint(forVM(), 'deny-all');
    expect(generateMNP(s).spec?.policyTypes).toEqual(['Ingress', 'Egress']);
  });
});

describe('describeMNPEffect', () => {
  const text = (s: MNPFormState, targets?: string[]) =>
    describeMNPEffect(s, targets).map((l) => formatMessage(english, l.message));

  it('says it per VM, network and direction, in plain words', () => {
    let s = applyStartingPoint(forVM(), 'deny-all');
    s = { ...s, target: { mode: 'vms', vmNames: ['centos-stream9-green-ferret-41'] } };
    s.ingress = [
      {
        peers: [
          {
            kind: 'ipBlock',
            cidr: '192.168.77.92/32',
            except: [],
            podLabels: {},
            namespaceLabels: {},
          },
        ],
        ports: [{ protocol: 'TCP', port: '22' }],
      },
    ];
    expect(text(s)).toEqual([
      'centos-stream9-green-ferret-41 on llm-demo/llm-demo-localnet-network: ingress only from 192.168.77.92 on TCP 22',
      'centos-stream9-green-ferret-41 on llm-demo/llm-demo-localnet-network: ALL egress blocked',
    ]);
  });

  it('an egress that is not isolated is said to be unrestricted; lists read as alternatives', () => {
    let s = applyStartingPoint(forVM(), 'allow-gateway', { gateways: ['192.168.77.1'] });
    s = applyStartingPoint(s, 'allow-dhcp');
    s.ingress.push({
      peers: [
        {
          kind: 'ipBlock',
          cidr: '0.0.0.0/0',
          except: ['192.168.77.0/24'],
          podLabels: {},
          namespaceLabels: {},
        },
        {
          kind: 'podSelector',
          cidr: '',
          except: [],
          podLabels: { app: 'web' },
          namespaceLabels: {},
        },
      ],
      ports: [
        { protocol: 'TCP', port: '8000', endPort: 8080 },
        { protocol: 'UDP', port: '' },
      ],
    });
    expect(text(s, ['a', 'b'])).toEqual([
      'a on llm-demo/llm-demo-localnet-network: ingress only from 192.168.77.1 on any port, or from any address on UDP 68, or from 0.0.0.0/0 except 192.168.77.0/24, or pods and VMs labelled app=web in this namespace on TCP 8000-8080, or every UDP port',
      'a on llm-demo/llm-demo-localnet-network: egress not restricted by this policy',
      'b on llm-demo/llm-demo-localnet-network: ingress only from 192.168.77.1 on any port, or from any address on UDP 68, or from 0.0.0.0/0 except 192.168.77.0/24, or pods and VMs labelled app=web in this namespace on TCP 8000-8080, or every UDP port',
      'b on llm-demo/llm-demo-localnet-network: egress not restricted by this policy',
    ]);
  });

  it('a rule with no peers and no ports allows the whole direction', () => {
    const s = { ...forVM(), ingress: [{ peers: [], ports: [] }] };
    expect(describeMNPEffect(s).map((l) => l.kind)).toEqual(['all-allowed', 'not-isolated']);
  });

  it('the kind agrees with the analysis for generated rules (ALL blocked really blocks)', () => {
    const a = new PolicyAnalysis([...seed, generateMNP(applyStartingPoint(forVM(), 'deny-all'))]);
    const lines = describeMNPEffect(applyStartingPoint(forVM(), 'deny-all'));
    expect(lines.map((l) => l.kind)).toEqual(['all-blocked', 'all-blocked']);
    for (const direction of ['ingress', 'egress'] as const)
      expect(
        a.evaluate({ endpoint: `${NS}/${VM}`, direction, peer: { ip: '192.168.77.50' } }).verdict,
      ).toBe('Denied');
  });
});

describe('networks where OpenShift does not enforce the policy', () => {
  it('a Linux bridge or SR-IOV network blocks Create with the reason', async () => {
    const { validateMNPForm } = await import('./index');
    const { fieldErrorToEnglish } = await import('../validation/format');
    const { mnpEnforcement } = await import('../policy/networks');
    const s = forVM();
    for (const [cniType, reason] of [
      ['cnv-bridge', 'Linux bridge network'],
      ['sriov', 'SR-IOV network'],
    ] as const) {
      const e = mnpEnforcement({ kind: 'secondary', cniType, ipam: 'yes' });
      const ctx = {
        networks: [
          {
            key: `${NS}/${NAD}`,
            hasIpam: true,
            ...(e.enforced ? {} : { notEnforced: e.reason }),
          },
        ],
      };
      const msgs = validateMNPForm(s, ctx).map(fieldErrorToEnglish);
      expect(msgs.some((m) => m.startsWith(`${NS}/${NAD}: ${reason}`))).toBe(true);
    }
  });
});
