// What a snapshot page or embed draws: the snapshot and its frozen view — a
// chart's series (at the snapshot's vintage, through the dashboard's readers)
// or the first rows of the table.
import { getDashboard } from '@/lib/figures/getDashboard';
import type { Series } from '@/lib/figures/getSeries';
import type { ChartEvent } from '@/lib/figures/listChartEvents';
import { listFigures } from '@/lib/figures/listFigures';
import type { Claim } from '@/lib/figures/listClaims';
import { getSnapshot, snapshotSelection, type Snapshot, type SnapshotSelection } from './snapshots';

/** Rows a table snapshot shows on its page; the full table is a link away. */
export const SNAPSHOT_TABLE_ROWS = 200;

export interface SnapshotViewData {
  snapshot: Snapshot;
  selection: SnapshotSelection;
  chart?: { series: Series; events: ChartEvent[]; from: string; to: string };
  table?: { figures: Claim[]; more: boolean };
}

export async function loadSnapshotView(id: string): Promise<SnapshotViewData> {
  const snapshot = await getSnapshot(id);
  const selection = await snapshotSelection(snapshot);
  if (snapshot.view === 'chart') {
    const dash = await getDashboard(selection.filters, selection.interval);
    const series = dash.series.find((s) => s.metric === selection.metric);
    // The metric was checked when the snapshot was made; a retired one shows empty.
    const empty: Series = { metric: selection.metric!, label: selection.metric!, unit: '', kind: 'STOCK', interval: dash.interval, points: [] };
    return { snapshot, selection, chart: { series: series ?? empty, events: dash.events, from: dash.from, to: dash.to } };
  }
  const page = await listFigures(selection.filters, { sort: 'asOf', limit: SNAPSHOT_TABLE_ROWS });
  return { snapshot, selection, table: { figures: page.figures, more: page.nextCursor !== null } };
}
