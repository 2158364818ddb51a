/**
 * "Check traffic" on the seed 004 fixtures (gold-rabbit's localnet interface, phase 3): a field's
 * error shows only once the field has been left, goes as soon as the value is right, and what the
 * user typed is kept; the answer follows the fields but is only asked with good input.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as fc from 'fast-check';
import * as path from 'path';
import type { K8sObject } from '../../core/k8s/types';
import { readManifests } from '../../core/manifests/read-dir';
import { PolicyAnalysis } from '../../core/policy/analysis';
import { parseIp } from '../../core/policy/ip';
import { CheckTraffic } from './CheckTraffic';

const FIXTURES = path.resolve(__dirname, '../../core/policy/__fixtures__/seed-004');
const PHASES = ['base', 'phase-1-deny-all', 'phase-2-allow-some', 'phase-3-cnv'];
const GOLD = 'llm-demo/centos-stream9-gold-rabbit-80[VirtualMachine]';

const objects: K8sObject[] = readManifests(...PHASES.map((p) => path.join(FIXTURES, p))).objects;
const analysis = new PolicyAnalysis(objects);
const endpoint = analysis.findEndpoint(GOLD)!;
const iface = endpoint.interfaces.find((i) => i.networkId !== 'pod') ?? endpoint.interfaces[0];

const renderCheck = () =>
  render(<CheckTraffic analysis={analysis} endpoint={endpoint} iface={iface} />);

const ipField = () => screen.getByLabelText('Peer IP address') as HTMLInputElement;
const portField = () => screen.getByLabelText('Port') as HTMLInputElement;
const ipError = () => screen.queryByTestId('policy-check-ip-error');
const portError = () => screen.queryByTestId('policy-check-port-error');
const verdict = () => screen.queryByTestId('policy-verdict');
/** The analysis was asked: either a verdict or the analysis's own refusal of the question. */
const answered = () => verdict() ?? screen.queryByTestId('policy-check-error');

const choosePeer = (match: RegExp | string) => {
  const select = screen.getByLabelText('Peer');
  const option = within(select)
    .getAllByRole('option')
    .find((o) =>
      typeof match === 'string'
        ? (o as HTMLOptionElement).value === match
        : match.test(o.textContent ?? ''),
    ) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
};

/** Types one keystroke at a time (a change event per prefix, as the browser sends them). */
const typeInto = (field: () => HTMLInputElement, text: string, each?: () => void) => {
  for (const ch of text) {
    fireEvent.change(field(), { target: { value: field().value + ch } });
    each?.();
  }
};

describe('CheckTraffic: errors on blur', () => {
  it('shows no error for "10.1" until the field is left, then says so', async () => {
    renderCheck();
    await userEvent.type(ipField(), '10.1');
    expect(ipError()).toBeNull();
    expect(ipField()).toHaveAttribute('aria-invalid', 'false');
    // Not a question the analysis can answer yet: no verdict either.
    expect(verdict()).toBeNull();
    await userEvent.tab();
    expect(ipError()).toHaveTextContent('"10.1" is not an IPv4 or IPv6 address.');
    expect(ipField()).toHaveAttribute('aria-invalid', 'true');
    expect(ipField()).toHaveValue('10.1');
  });

  it('clears the error as the address is completed, and answers without a blur', async () => {
    renderCheck();
    await userEvent.type(ipField(), '10.1');
    await userEvent.tab();
    expect(ipError()).not.toBeNull();
    // Back in the field: still wrong on the way ("10.1.", "10.1.2"), the error stays ...
    await userEvent.type(ipField(), '.2');
    expect(ipError()).toHaveTextContent('"10.1.2" is not an IPv4 or IPv6 address.');
    // ... and goes the moment the address is whole, with the answer, still in the field.
    await userEvent.type(ipField(), '.3');
    expect(ipField()).toHaveFocus();
    expect(ipError()).toBeNull();
    expect(ipField()).toHaveAttribute('aria-invalid', 'false');
    // allow-ipblock-cnv-01 lets gold-rabbit out to 0.0.0.0/0 except its own subnet.
    expect(verdict()).toHaveTextContent(/^Allowed by .*allow-ipblock-cnv-01/);
    // Left with a good value, then edited again: wrong on the way, but no error until the
    // field is left (the answer goes, though: it is not asked with bad input).
    await userEvent.tab();
    await userEvent.click(ipField());
    await userEvent.type(ipField(), '{Backspace}{Backspace}');
    expect(ipField()).toHaveValue('10.1.2');
    expect(ipError()).toBeNull();
    expect(verdict()).toBeNull();
    await userEvent.type(ipField(), 'x');
    expect(ipError()).toBeNull();
    await userEvent.tab();
    expect(ipError()).toHaveTextContent('"10.1.2x"');
  });

  it('keeps the typed address (and its error) when the peer switches to an interface and back', async () => {
    renderCheck();
    await userEvent.type(ipField(), '192.168.77.1');
    expect(verdict()).toHaveTextContent(/^Allowed/);
    choosePeer(/^tinypod-02 \(Pod\)/);
    expect(screen.queryByLabelText('Peer IP address')).toBeNull();
    expect(verdict()).toHaveTextContent(/^Denied/);
    choosePeer('__ip__');
    expect(ipField()).toHaveValue('192.168.77.1');
    expect(verdict()).toHaveTextContent(/^Allowed/);

    // A wrong address that was left keeps its (true) error across the switch.
    await userEvent.clear(ipField());
    await userEvent.type(ipField(), '192.168.77');
    await userEvent.tab();
    expect(ipError()).not.toBeNull();
    choosePeer(/^tinypod-02 \(Pod\)/);
    expect(ipError()).toBeNull();
    expect(verdict()).toHaveTextContent(/^Denied/);
    choosePeer('__ip__');
    expect(ipField()).toHaveValue('192.168.77');
    expect(ipError()).toHaveTextContent('"192.168.77"');
    expect(verdict()).toBeNull();
  });

  it('says port "0" is out of range only once the port field is left', async () => {
    renderCheck();
    await userEvent.type(ipField(), '192.168.77.1');
    fireEvent.change(screen.getByLabelText('Protocol'), { target: { value: 'TCP' } });
    await userEvent.type(portField(), '0');
    expect(portError()).toBeNull();
    expect(portField()).toHaveAttribute('aria-invalid', 'false');
    // Bad input never reaches the analysis, shown or not.
    expect(verdict()).toBeNull();
    await userEvent.tab();
    expect(portError()).toHaveTextContent('Port must be a number from 1 to 65535.');
    expect(portField()).toHaveValue('0');
    await userEvent.clear(portField());
    await userEvent.type(portField(), '22');
    expect(portError()).toBeNull();
    expect(verdict()).toHaveTextContent(/^Allowed/);
    // Left with a good port, then edited to a bad one: no error until it is left again.
    await userEvent.tab();
    await userEvent.type(portField(), 'x');
    expect(portField()).toHaveValue('22x');
    expect(portError()).toBeNull();
    await userEvent.tab();
    expect(portError()).not.toBeNull();
  });

  it('keeps the typed port while ICMP (no port) is chosen, and brings it back', async () => {
    renderCheck();
    await userEvent.type(ipField(), '192.168.77.1');
    const protocol = screen.getByLabelText('Protocol');
    fireEvent.change(protocol, { target: { value: 'UDP' } });
    await userEvent.type(portField(), '53');
    fireEvent.change(protocol, { target: { value: '' } });
    // ICMP has no port: the disabled field shows none rather than a port the answer ignores.
    expect(portField()).toBeDisabled();
    expect(portField()).toHaveValue('');
    fireEvent.change(protocol, { target: { value: 'UDP' } });
    expect(portField()).toHaveValue('53');
  });
});

describe('CheckTraffic: properties', () => {
  afterEach(cleanup);

  it('typing any address one keystroke at a time shows no error on the way, and answers at the end', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        fc.pre(!!parseIp(address));
        cleanup();
        renderCheck();
        typeInto(ipField, address, () => expect(ipError()).toBeNull());
        expect(answered()).not.toBeNull();
        fireEvent.blur(ipField());
        expect(ipError()).toBeNull();
      }),
      { numRuns: 20 },
    );
  });

  it('over any edits and blurs: never an error for an address, never a new one without a blur', () => {
    type Step = { type: string } | { erase: number } | 'blur';
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constantFrom('1', '0', '.', ':', 'a', 'x', ' ', '255', '192.168.77.', '::').map((t) => ({
        type: t,
      })),
      fc.integer({ min: 1, max: 4 }).map((n) => ({ erase: n })),
      fc.constant('blur' as const),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        cleanup();
        renderCheck();
        for (const s of steps) {
          const before = ipError() !== null;
          if (s === 'blur') fireEvent.blur(ipField());
          else {
            const v = ipField().value;
            const next = 'type' in s ? v + s.type : v.slice(0, Math.max(0, v.length - s.erase));
            fireEvent.change(ipField(), { target: { value: next } });
          }
          const value = ipField().value;
          const wrong = value.trim() !== '' && !parseIp(value.trim());
          const shown = ipError() !== null;
          // Never an error that is not true.
          if (!wrong) expect(shown).toBe(false);
          // Leaving the field says what is wrong with it.
          if (s === 'blur') expect(shown).toBe(wrong);
          // Typing never brings up an error that was not already showing.
          else if (!before) expect(shown).toBe(false);
          // The analysis is asked exactly when the input is good.
          expect(answered() !== null).toBe(value.trim() !== '' && !wrong);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('after a blur, an error shows exactly for what is not an address, and the analysis is asked exactly for what is', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.ipV4(),
      fc.ipV6(),
      // Prefixes of addresses: what a user has typed when they leave the field too early.
      fc.ipV4().chain((a) => fc.nat(a.length).map((n) => a.slice(0, n))),
    );
    fc.assert(
      fc.property(text, (typed) => {
        cleanup();
        renderCheck();
        fireEvent.change(ipField(), { target: { value: typed } });
        expect(ipError()).toBeNull();
        fireEvent.blur(ipField());
        const wrong = typed.trim() !== '' && !parseIp(typed.trim());
        expect(ipError() !== null).toBe(wrong);
        expect(ipField()).toHaveAttribute('aria-invalid', String(wrong));
        expect(answered() !== null).toBe(typed.trim() !== '' && !wrong);
        // The text stays as typed either way.
        expect(ipField()).toHaveValue(typed.replace(/[\r\n]/g, ''));
      }),
      { numRuns: 60 },
    );
  });
});
