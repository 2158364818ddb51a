import * as React from 'react';
import type { Matrix, MatrixCell } from '../../core/policy/matrix';
import { useNetworkingTranslation } from '../shared/i18n';

const short = (id: string) => id.replace(/^[^/]+\//, '');

/**
 * A connectivity matrix as a table: one row per source, one column per destination, what is
 * allowed in each cell. With `compare`, cells that differ from it are marked (before/after).
 */
export const ConnectivityMatrix: React.FC<{
  matrix: Matrix;
  compare?: Matrix;
  caption: string;
  dataTest: string;
}> = ({ matrix, compare, caption, dataTest }) => {
  const { t } = useNetworkingTranslation();
  const cells = React.useMemo(
    () => new Map(matrix.cells.map((c) => [`${c.from}\n${c.to}`, c])),
    [matrix],
  );
  const before = React.useMemo(
    () => new Map((compare?.cells ?? []).map((c) => [`${c.from}\n${c.to}`, c])),
    [compare],
  );
  const words = (c: MatrixCell) => t(c.words);
  return (
    <table className="pf-v6-c-table pf-m-compact pf-m-grid-md" data-test={dataTest}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('From \\ To')}</th>
          {matrix.peers.map((p) => (
            <th key={p.id} scope="col" title={p.id}>
              {short(p.id)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.peers.map((from) => (
          <tr key={from.id}>
            <th scope="row" title={from.id}>
              {short(from.id)}
            </th>
            {matrix.peers.map((to) => {
              const c = cells.get(`${from.id}\n${to.id}`);
              if (!c) return <td key={to.id}>—</td>;
              const old = before.get(`${from.id}\n${to.id}`);
              const changed = !!compare && (!old || old.words !== c.words);
              return (
                <td
                  key={to.id}
                  data-test="matrix-cell"
                  data-from={from.id}
                  data-to={to.id}
                  data-changed={changed ? 'true' : undefined}
                  style={changed ? { fontWeight: 'bold' } : undefined}
                >
                  {words(c)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
