/**
 * The policy section of an interface on the seed 004 fixtures
 * (src/core/policy/__fixtures__/seed-004, from ../shared/seeds/004_562b92179e324ec7.txt): the
 * verdicts "Check traffic" shows are the ones the seed's ping tests observed.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as path from 'path';
import {
  __setMockResources,
  __watched,
} from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import type { K8sObject, NetworkOperatorConfig, VirtualMachine } from '../../core/k8s/types';
import { readManifests } from '../../core/manifests/read-dir';
import type { InterfaceRow } from '../../core/model/types';
import { readManifestFile } from '../../../test-support/manifests';
import NetworkingTab from '../networking-tab/NetworkingTab';
import InterfacePolicies from './InterfacePolicies';

const FIXTURES = path.resolve(__dirname, '../../core/policy/__fixtures__/seed-004');
const PHASES = ['base', 'phase-1-deny-all', 'phase-2-allow-some', 'phase-3-cnv'];
const objectsAt = (phase: number): K8sObject[] =>
  readManifests(...PHASES.slice(0, phase + 1).map((p) => path.join(FIXTURES, p))).objects;

const NS = 'llm-demo';
const GOLD = 'centos-stream9-gold-rabbit-80';
const GREEN = 'centos-stream9-green-ferret-41';
const NAD = 'llm-demo/llm-demo-localnet-network';

const rowOf = (vm: string, objects: K8sObject[]): InterfaceRow => {
  const v = objects.find(
    (o) => o.kind === 'VirtualMachine' && o.metadata?.name === vm,
  ) as VirtualMachine;
  const name = v.spec!.template!.spec!.domain!.devices!.interfaces![0].name;
  return { name, network: { nadKey: NAD } } as unknown as InterfaceRow;
};

const renderSection = (
  vm: string,
  phase = 3,
  extra: (objs: K8sObject[]) => K8sObject[] = (o) => o,
) => {
  const objects = extra(objectsAt(phase));
  __setMockResources(objects as never);
  render(<InterfacePolicies row={rowOf(vm, objects)} namespace={NS} vmName={vm} />);
};

const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Fills Check traffic by label and returns the verdict text. */
const check = (q: {
  direction: 'egress' | 'ingress';
  ip?: string;
  peer?: RegExp;
  protocol?: string;
  port?: string;
}) => {
  choose('Direction', q.direction);
  if (q.peer) {
    const option = within(screen.getByLabelText('Peer'))
      .getAllByRole('option')
      .find((o) => q.peer!.test(o.textContent ?? '')) as HTMLOptionElement;
    choose('Peer', option.value);
  } else {
    choose('Peer', '__ip__');
    choose('Peer IP address', q.ip!);
  }
  choose('Protocol', q.protocol ?? '');
  if (q.protocol) choose('Port', q.port ?? '');
  return screen.getByTestId('policy-verdict').textContent ?? '';
};

describe('InterfacePolicies on seed 004', () => {
  it('watches only the VM namespace, the Namespace and the operator config by name', () => {
    renderSection(GOLD);
    const keys = [...__watched.keys()];
    // Pods and VMs only in llm-demo: never a cluster-wide list.
    for (const kind of [
      'Pod',
      'VirtualMachine',
      'VirtualMachineInstance',
      'MultiNetworkPolicy',
      'NetworkPolicy',
    ])
      expect(keys.filter((k) => k.startsWith(`${kind}/`))).toEqual([`${kind}/${NS}/?{}`]);
    expect(keys).toContain(`Namespace/*/${NS}?{}`);
    expect(keys).toContain('Network/*/cluster?{}');
    // The only cluster-wide lists are of the cluster-scoped admin policies (never of pods).
    expect(keys.filter((k) => k.includes('/*/?')).sort()).toEqual([
      'AdminNetworkPolicy/*/?{}',
      'BaselineAdminNetworkPolicy/*/?{}',
      'ClusterNetworkPolicy/*/?{}',
    ]);
  });

  it('names the kind of policy, the selecting policies and the isolation in plain words', () => {
    renderSection(GOLD);
    expect(screen.getByTestId('policy-kind')).toHaveTextContent('MultiNetworkPolicy');
    expect(screen.getByTestId('policy-kind')).toHaveTextContent(NAD);
    const selecting = screen.getByTestId('policy-selecting');
    const links = within(selecting).getAllByRole('link');
    expect(
      links
        .filter((a) => a.getAttribute('data-kind') === 'MultiNetworkPolicy')
        .map((a) => a.textContent),
    ).toEqual(['allow-ipblock-cnv-01', 'deny-by-default']);
    expect(within(selecting).getAllByRole('link', { name: 'Edit' })[0]).toHaveAttribute(
      'href',
      '/vm-networking/ns/llm-demo/edit/mnp/allow-ipblock-cnv-01',
    );
    expect(screen.getByTestId('policy-new-mnp')).toHaveAttribute(
      'href',
      `/vm-networking/ns/llm-demo/new/mnp?network=llm-demo-localnet-network&vm=${GOLD}`,
    );
    // allow-ipblock-cnv-01: in from 192.168.77.1/32 and .92/32.
    const ingress = screen.getByTestId('policy-ingress-summary');
    expect(ingress).toHaveTextContent(
      'Isolated for ingress by allow-ipblock-cnv-01, deny-by-default',
    );
    expect(ingress).toHaveTextContent(
      'from 192.168.77.1/32, or from 192.168.77.92/32: all traffic (every protocol and port, ping included) (allow-ipblock-cnv-01)',
    );
    // Out to 0.0.0.0/0 except the subnet, then the gateway and .92 explicitly.
    const egress = screen.getByTestId('policy-egress-summary');
    // Each peer apart: the excepts belong to 0.0.0.0/0 only.
    expect(egress).toHaveTextContent(
      'to 0.0.0.0/0 except 192.168.77.0/24, or to 192.168.77.1/32, or to 192.168.77.92/32',
    );
  });

  it('phase 3: the verdicts of the seed pings from gold-rabbit', () => {
    renderSection(GOLD);
    // L803-807 gateway: "64 bytes from 192.168.77.1"
    expect(check({ direction: 'egress', ip: '192.168.77.1' })).toMatch(
      /^Allowed by MultiNetworkPolicy llm-demo\/allow-ipblock-cnv-01, egress rule \d/,
    );
    // L810-813: the test pod .92 (tinypod-01) → allowed, and its own policy allows it in.
    const toPod = check({ direction: 'egress', ip: '192.168.77.92' });
    expect(toPod).toMatch(/^Allowed by .*allow-ipblock-cnv-01/);
    expect(toPod).toContain('allow-ipblock-cnv-03');
    // L816-819: outside 8.8.8.8 → allowed.
    expect(check({ direction: 'egress', ip: '8.8.8.8' })).toMatch(/^Allowed/);
    // L822-826: the outside test VM .10 → 100% packet loss.
    expect(check({ direction: 'egress', ip: '192.168.77.10' })).toMatch(
      /^Denied: this interface is isolated for egress by llm-demo\/allow-ipblock-cnv-01, llm-demo\/deny-by-default/,
    );
    // L796-801: the outside test VM cannot ping in.
    expect(check({ direction: 'ingress', ip: '192.168.77.10' })).toMatch(/^Denied/);
    // L828-832: tinypod-02 (.93) → denied, picked from the list of interfaces on the network.
    expect(check({ direction: 'egress', peer: /^tinypod-02 \(Pod\) net1/ })).toMatch(/^Denied/);
    // The same pod as the IP answer: tinypod-01 picked from the list.
    expect(check({ direction: 'egress', peer: /^tinypod-01 \(Pod\)/ })).toMatch(/^Allowed/);
  });

  it('phase 3: green-ferret reaches the gateway but not gold-rabbit (L842-852)', () => {
    renderSection(GREEN);
    expect(check({ direction: 'egress', ip: '192.168.77.1' })).toMatch(
      /^Allowed by .*allow-ipblock-cnv-02/,
    );
    expect(check({ direction: 'egress', peer: new RegExp(`^${GOLD}`) })).toMatch(/^Denied/);
    // A port question: cnv-02 allows all ports to the gateway, so TCP 22 too.
    expect(check({ direction: 'egress', ip: '192.168.77.1', protocol: 'TCP', port: '22' })).toMatch(
      /^Allowed/,
    );
  });

  it('phase 0: no policy selects the interface, so everything is allowed', () => {
    renderSection(GOLD, 0);
    expect(screen.getByTestId('policy-selecting')).toHaveTextContent(
      'No policy selects this interface',
    );
    expect(check({ direction: 'egress', ip: '192.168.77.10' })).toBe(
      'Allowed: no policy selects this interface: everything is allowed.',
    );
  });

  it('phase 2: the VM is cut off by deny-by-default alone (L681)', () => {
    renderSection(GOLD, 2);
    expect(screen.getByTestId('policy-egress-summary')).toHaveTextContent(
      'Isolated for egress by deny-by-default: all outgoing traffic is denied.',
    );
    expect(check({ direction: 'egress', ip: '192.168.77.1' })).toMatch(/^Denied/);
    expect(check({ direction: 'ingress', ip: '192.168.77.92' })).toMatch(/^Denied/);
  });

  it('offers the useMultiNetworkPolicy merge patch when MultiNetworkPolicy is off', async () => {
    renderSection(GOLD, 3, (objs) =>
      objs.map((o) =>
        o.kind === 'Network' && o.metadata?.name === 'cluster'
          ? ({
              ...o,
              spec: { ...(o as NetworkOperatorConfig).spec, useMultiNetworkPolicy: false },
            } as K8sObject)
          : o,
      ),
    );
    const alert = screen.getByTestId('policy-diagnostic-mnp-disabled');
    expect(alert).toHaveTextContent('MultiNetworkPolicies have no effect');
    await waitFor(() =>
      expect(screen.getByTestId('policy-fix-yaml-mnp-disabled')).toHaveTextContent(
        'useMultiNetworkPolicy: true',
      ),
    );
    expect(screen.getByTestId('policy-fix-command-mnp-disabled')).toHaveTextContent(
      `oc patch network.operator.openshift.io cluster --type=merge -p '{"spec":{"useMultiNetworkPolicy":true}}'`,
    );
    // Not enforced: every policy is inert, so the interface is not isolated.
    expect(screen.getByTestId('policy-inert')).toHaveTextContent('deny-by-default');
    expect(check({ direction: 'egress', ip: '192.168.77.10' })).toMatch(/^Allowed/);
  });

  it('refuses a port that is not a number and an address that is not one, under the field', () => {
    renderSection(GOLD);
    check({ direction: 'egress', ip: '192.168.77.1', protocol: 'TCP', port: '22' });
    choose('Port', 'ssh');
    // Errors show once the field is left (CheckTraffic.spec.tsx checks not before).
    fireEvent.blur(screen.getByLabelText('Port'));
    expect(screen.getByTestId('policy-check-port-error')).toHaveTextContent(
      'Port must be a number',
    );
    expect(screen.queryByTestId('policy-verdict')).toBeNull();
    choose('Port', '70000');
    expect(screen.getByTestId('policy-check-port-error')).toHaveTextContent('1 to 65535');
    choose('Port', '');
    choose('Peer IP address', 'not-an-ip');
    fireEvent.blur(screen.getByLabelText('Peer IP address'));
    expect(screen.getByTestId('policy-check-ip-error')).toHaveTextContent(
      '"not-an-ip" is not an IPv4 or IPv6 address.',
    );
    // The user's text stays where they typed it.
    expect(screen.getByLabelText('Peer IP address')).toHaveValue('not-an-ip');
  });
});

describe('on the Networking tab', () => {
  const demo = (file: string) =>
    readManifestFile(path.resolve(__dirname, '../../../preview/fixtures/demo', file));

  it('loads the section lazily in the expanded row and answers the check', async () => {
    window.history.pushState(
      {},
      '',
      `/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${GOLD}/vm-networking`,
    );
    const objects = [...demo('00-cluster.yaml'), ...demo('06-localnet-multinetworkpolicies.yaml')];
    __setMockResources(objects as never);
    const vm = objects.find(
      (o) => o.kind === 'VirtualMachine' && o.metadata?.name === GOLD,
    ) as VirtualMachine;
    render(<NetworkingTab obj={vm} />);
    // Nothing of the policy section before a row is expanded (the summary's policy check loads
    // the analysis after the rows, without showing a section).
    expect(screen.queryByTestId('interface-policies-nic-yellow-duck-37')).toBeNull();
    await userEvent.click(
      within(
        within(screen.getByTestId('interface-row-nic-yellow-duck-37')).getByTestId(
          'interface-expand',
        ),
      ).getByRole('button'),
    );
    await screen.findByTestId('interface-policies-nic-yellow-duck-37');
    await screen.findByTestId('policy-selecting');
    expect(check({ direction: 'egress', ip: '192.168.77.92' })).toMatch(/^Allowed by/);
    expect(check({ direction: 'egress', ip: '192.168.77.93' })).toMatch(/^Denied/);
    window.history.pushState({}, '', '/');
  });
});
