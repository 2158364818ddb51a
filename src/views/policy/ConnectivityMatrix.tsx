import * as React from 'react';
import { matrixPeerLabel, type Matrix, type MatrixCell } from '../../core/policy/matrix';
import { useNetworkingTranslation } from '../shared/i18n';

/** A header: CIDR blocks whole, workloads by name (abbreviated, full id on hover), kind and NIC below. */
const PeerHeader: React.FC<{ id: string }> = ({ id }) => {
  const l = matrixPeerLabel(id);
  return (
    <span title={l.full}>
      {l.name}
      {l.detail && (
        <>
          <br />
          <small>{l.detail}</small>
        </>
      )}
    </span>
  );
};

const NOWRAP: React.CSSProperties = { whiteSpace: 'nowrap' };

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
  // The cell's keyed message; its params (plain words of each part) are translated too.
  const words = ({ message: { message, params } }: MatrixCell) =>
    params
      ? t(message, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, t(String(v))])))
      : t(message);
  return (
    // Scrolls inside itself: a wide namespace never makes the page scroll sideways.
    <div
      // width 0 + min-width 100%: as wide as its container, whatever the table's width.
      style={{ overflowX: 'auto', width: 0, minWidth: '100%' }}
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="pf-v6-c-table pf-m-compact" data-test={dataTest}>
        <caption className="pf-v6-c-table__caption">{caption}</caption>
        <thead className="pf-v6-c-table__thead">
          <tr className="pf-v6-c-table__tr">
            <th scope="col" className="pf-v6-c-table__th">
              {t('From \\ To')}
            </th>
            {matrix.peers.map((p) => (
              <th key={p.id} scope="col" className="pf-v6-c-table__th" style={NOWRAP}>
                <PeerHeader id={p.id} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="pf-v6-c-table__tbody">
          {matrix.peers.map((from) => (
            <tr key={from.id} className="pf-v6-c-table__tr">
              <th scope="row" className="pf-v6-c-table__th" style={NOWRAP}>
                <PeerHeader id={from.id} />
              </th>
              {matrix.peers.map((to) => {
                const c = cells.get(`${from.id}\n${to.id}`);
                if (!c)
                  return (
                    <td key={to.id} className="pf-v6-c-table__td" style={NOWRAP}>
                      —
                    </td>
                  );
                const old = before.get(`${from.id}\n${to.id}`);
                const changed = !!compare && (!old || old.words !== c.words);
                return (
                  <td
                    key={to.id}
                    data-test="matrix-cell"
                    data-from={from.id}
                    data-to={to.id}
                    data-changed={changed ? 'true' : undefined}
                    style={changed ? { ...NOWRAP, fontWeight: 'bold' } : NOWRAP}
                  >
                    {words(c)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
