// Published figures for the home page charts, one list per metric, each with
// the citation fields a chart point links to.
import { db } from '@/lib/db/client';

export interface ChartFigure {
  id: number;
  date: string; // YYYY-MM-DD
  low: bigint;
  high: bigint;
  qualifier: string;
  quote: string | null;
  sourceTitle: string;
  sourceUrl: string | null;
  publisher: string | null;
}

export interface MetricFigures {
  key: string;
  label: string;
  unit: string;
  kind: 'STOCK' | 'FLOW';
  figures: ChartFigure[];
}

export async function listChartFigures(metricKeys: string[]): Promise<MetricFigures[]> {
  const metrics = await db.metric.findMany({
    where: { key: { in: metricKeys } },
    select: {
      key: true,
      label: true,
      unit: true,
      kind: true,
      figures: {
        where: { status: 'PUBLISHED' },
        orderBy: [{ asOf: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          asOf: true,
          low: true,
          high: true,
          qualifier: true,
          quote: true,
          source: { select: { title: true, url: true, publisher: { select: { name: true } } } },
        },
      },
    },
  });
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  return metricKeys.flatMap((key) => {
    const m = byKey.get(key);
    if (!m) return [];
    return [
      {
        key: m.key,
        label: m.label,
        unit: m.unit,
        kind: m.kind,
        figures: m.figures.map((f) => ({
          id: f.id,
          date: f.asOf.toISOString().slice(0, 10),
          low: f.low,
          high: f.high,
          qualifier: f.qualifier,
          quote: f.quote,
          sourceTitle: f.source.title,
          sourceUrl: f.source.url,
          publisher: f.source.publisher?.name ?? null,
        })),
      },
    ];
  });
}
