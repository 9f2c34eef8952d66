// An admin list page's body: its heading, the status line a redirect left, a table
// with one row per record, then what goes below it (usually the "New …" form).
import type { ReactNode } from 'react';

interface Props<T> {
  title: string;
  status?: string | null;
  headers: string[];
  rows: T[];
  /** One record's `<td>` cells. */
  cells: (row: T) => ReactNode;
  children?: ReactNode;
}

export function AdminList<T extends { id: number | string }>({ title, status, headers, rows, cells, children }: Props<T>) {
  return (
    <section>
      <h1>{title}</h1>
      {status && <p role="status">{status}</p>}
      <div className="table-wrap">
        <table>
          <thead><tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr></thead>
          <tbody>{rows.map((row) => <tr key={row.id}>{cells(row)}</tr>)}</tbody>
        </table>
      </div>
      {children}
    </section>
  );
}
