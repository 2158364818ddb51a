/**
 * The matrix cell text goes through the plugin's translation catalog, the composite "partly
 * allowed, partly unknown" text included (it was English whatever the language).
 */
import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import {
  allConns,
  describe as describeConns,
  noConns,
  portConns,
} from '../../core/policy/conn-set';
import ja from '../../../locales/ja/plugin__vm-networking-console-plugin.json';
import { cellMessage, cellWords, type Matrix } from '../../core/policy/matrix';
import { POLICY_MESSAGES as M } from '../../core/policy/messages';
import { ConnectivityMatrix } from './ConnectivityMatrix';

const NS = 'plugin__vm-networking-console-plugin';
const allowed = portConns('TCP', [[80, 80]]);
const unknown = portConns('TCP', [[443, 443]]);

const matrix: Matrix = {
  networkId: 'pod',
  namespace: 'a',
  peers: [
    { id: 'a/x[Pod] eth0', kind: 'interface' },
    { id: 'a/y[Pod] eth0', kind: 'interface' },
  ],
  cells: [
    {
      from: 'a/x[Pod] eth0',
      to: 'a/y[Pod] eth0',
      conns: allowed,
      unknown,
      text: 'TCP 80',
      words: cellWords(allowed, unknown),
      message: cellMessage(allowed, unknown),
    },
    {
      from: 'a/y[Pod] eth0',
      to: 'a/x[Pod] eth0',
      conns: allowed,
      unknown: noConns(),
      text: 'TCP 80',
      words: cellWords(allowed, noConns()),
      message: cellMessage(allowed, noConns()),
    },
  ],
};

describe('ConnectivityMatrix cell text', () => {
  afterEach(async () => {
    await act(async () => {
      await i18next.changeLanguage('en');
    });
  });

  it('a partly unknown cell is one keyed message, with both parts as params', () => {
    expect(cellMessage(allowed, unknown)).toEqual({
      message: M.cellPartlyUnknown,
      params: { allowed: 'TCP 80', unknown: 'TCP 443' },
    });
    expect(cellWords(allowed, unknown)).toBe('TCP 80; unknown: TCP 443');
  });

  it('renders the partly unknown cell from a non-English catalog', async () => {
    i18next.addResourceBundle('de', NS, {
      [M.cellPartlyUnknown]: '{{allowed}}; unbekannt: {{unknown}}',
    });
    await act(async () => {
      await i18next.changeLanguage('de');
    });
    render(<ConnectivityMatrix matrix={matrix} caption="m" dataTest="m" />);
    const cells = screen.getAllByTestId('matrix-cell');
    expect(cells[0]).toHaveTextContent('TCP 80; unbekannt: TCP 443');
    expect(cells[1]).toHaveTextContent('TCP 80');
  });

  it('whole-cell phrases ("All connections", "No connections") are in the shipped catalogs', async () => {
    const whole = [allConns(), noConns()];
    const cells = whole.map((c, i) => ({
      from: 'a/x[Pod] eth0',
      to: i ? 'a/x[Pod] eth0' : 'a/y[Pod] eth0',
      conns: c,
      unknown: noConns(),
      text: '',
      words: describeConns(c),
      message: cellMessage(c, noConns()),
    }));
    i18next.addResourceBundle('ja', NS, ja);
    await act(async () => {
      await i18next.changeLanguage('ja');
    });
    render(<ConnectivityMatrix matrix={{ ...matrix, cells }} caption="m" dataTest="m" />);
    const shown = screen.getAllByTestId('matrix-cell').map((c) => c.textContent);
    expect([...shown].sort()).toEqual(
      whole.map((c) => (ja as Record<string, string>)[describeConns(c)]).sort(),
    );
    expect(shown).not.toContain('All connections');
    expect(shown).not.toContain('No connections');
  });
});
