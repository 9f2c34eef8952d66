// /embed/s/<id>: a chart snapshot alone, for an iframe. It never changes.
import { notFound } from 'next/navigation';
import { EmbedChart } from '@/components/snapshots/EmbedChart';
import { toTime } from '@/lib/figures/chartData';
import { formatInstant } from '@/lib/figures/formatDay';
import { orNotFound } from '@/lib/http/orNotFound';
import { loadSnapshotView } from '@/lib/snapshots/loadSnapshotView';

export const dynamic = 'force-dynamic';

export default async function EmbedSnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { snapshot, chart } = await orNotFound(loadSnapshotView(id));
  if (!chart) notFound(); // only charts embed; a table snapshot is cited by its page
  return (
    <EmbedChart
      series={chart.series}
      events={chart.events.map((e) => ({ time: toTime(e.date), title: e.title }))}
      domain={[toTime(chart.from), toTime(chart.to)]}
      sourceLine={`Corridor snapshot ${snapshot.id}: data as published on ${formatInstant(snapshot.vintage)}.`}
      live={false}
      openHref={`/s/${snapshot.id}`}
      vintage={snapshot.vintage}
    />
  );
}
