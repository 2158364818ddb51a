/**
 * A read-only table in PatternFly's markup and classes (the console ships the CSS). The details
 * page shows only static rows, so it does not pay for @patternfly/react-table's components.
 */
import * as React from 'react';

export interface SimpleColumn<T> {
  title: string;
  cell: (row: T) => React.ReactNode;
}

export const SimpleTable = <T,>({
  label,
  columns,
  rows,
  rowKey,
  rowTest,
}: {
  label: string;
  columns: SimpleColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowTest?: (row: T) => string;
}): React.ReactElement => (
  <table className="pf-v6-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={label}>
    <thead className="pf-v6-c-table__thead">
      <tr className="pf-v6-c-table__tr">
        {columns.map((c) => (
          <th key={c.title} className="pf-v6-c-table__th pf-m-wrap" scope="col">
            {c.title}
          </th>
        ))}
      </tr>
    </thead>
    <tbody className="pf-v6-c-table__tbody">
      {rows.map((r) => (
        <tr key={rowKey(r)} className="pf-v6-c-table__tr" data-test={rowTest?.(r)}>
          {columns.map((c) => (
            <td key={c.title} className="pf-v6-c-table__td" data-label={c.title}>
              {c.cell(r)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);
