'use client';
// A chart's points as a table, for screen readers and keyboard users: closed by
// default, and built only when opened, so a year of daily points costs the page
// nothing until someone asks for it; or, with `inPage` (snapshot pages, which are
// cited and archived), rendered on the server inside the folded <details>.
import { useEffect, useRef, useState } from 'react';
import { figureHref, type ChartPoint } from '@/lib/figures/chartData';
import type { Interval } from '@/lib/vocabulary';

interface Props {
  label: string;
  interval: Interval;
  points: ChartPoint[];
  vintage?: string;
  inPage?: boolean;
}

export function ChartDataTable({ label, interval, points, vintage, inPage = false }: Props) {
  const [built, setBuilt] = useState(inPage);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page hydrated (a tap on a slow phone): build it now.
  useEffect(() => {
    if (details.current?.open) setBuilt(true);
  }, []);
  return (
    <details ref={details} className="chart-table" onToggle={(e) => setBuilt(inPage || e.currentTarget.open)}>
      <summary>Data table for {label.toLowerCase()}</summary>
      {built && (
        <table>
          <caption className="visually-hidden">{label}: headline value per {interval} with the claims behind it</caption>
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Headline value</th><th scope="col">Exact</th><th scope="col">Claims</th><th scope="col">Headline figure</th></tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <td>{p.date}</td>
                <td>{p.label}</td>
                <td className="num">{p.exact}</td>
                <td className="num">{p.claims}</td>
                <td><a href={figureHref(p.figureIds[0], vintage)}>{p.claimList[0]?.sourceTitle ?? `Figure ${p.figureIds[0]}`}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
