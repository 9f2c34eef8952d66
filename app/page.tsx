import { FigureChart, type FigurePoint } from '@/components/charts/FigureChart';
import { isDemoDataLoaded } from '@/lib/demo/loadDemoData';
import { db } from '@/lib/db/client';
import { listChartFigures } from '@/lib/figures/listChartFigures';
import { formatStatedValue, headlineValue } from '@/lib/figures/value';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [series, demo] = await Promise.all([listChartFigures(['refugees', 'evacuees', 'buses']), isDemoDataLoaded(db)]);
  return (
    <>
      {demo && <p className="demo-banner" role="note"><strong>Demo data.</strong> Figures from March 2022 reporting, loaded for demonstration; not a curated feed.</p>}
      <h1>Refugees and evacuations</h1>
      {series.map((m) => {
        const points: FigurePoint[] = m.figures.map((f) => ({
          id: f.id,
          date: f.date,
          value: Number(headlineValue({ qualifier: f.qualifier as never, low: f.low, high: f.high })),
          label: formatStatedValue({ qualifier: f.qualifier as never, low: f.low, high: f.high }, m.unit),
          sourceTitle: f.sourceTitle,
          sourceHref: f.sourceUrl ?? '#',
        }));
        return (
          <section key={m.key} className="chart-panel" aria-labelledby={`chart-${m.key}`}>
            <h2 id={`chart-${m.key}`}>{m.label}</h2>
            {points.length === 0 ? (
              <p className="muted">No published {m.label.toLowerCase()} figures yet.</p>
            ) : (
              <>
                <FigureChart points={points} unit={m.unit} />
                <ul>
                  {points.map((p) => (
                    <li key={p.id}>
                      {p.date}: {p.label} — <a href={p.sourceHref}>{p.sourceTitle}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
