// A snapshot's frozen data as the API sends it: the snapshot, then its series
// (a chart) or its figures (a table, up to MAX_LIMIT rows, oldest day first).
import { toJson } from '@/lib/http/respond';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { listFigures, MAX_LIMIT } from '@/lib/figures/listFigures';
import { getSnapshot, snapshotSelection } from './snapshots';

export async function getSnapshotData(id: string): Promise<string> {
  const snapshot = await getSnapshot(id);
  const { filters, interval, metric } = await snapshotSelection(snapshot);
  const data =
    snapshot.view === 'chart'
      ? await getSeriesJson({ metric: metric!, filters, interval: interval ?? 'day' })
      : toJson(await listFigures(filters, { sort: 'asOf', limit: MAX_LIMIT }));
  return `{"snapshot":${toJson({ ...snapshot, url: `/s/${snapshot.id}` })},"data":${data}}`;
}
