'use client';
// A chart's own toolbar: download it as SVG or PNG (title, units, legend, source
// line and retrieval date inside the picture), its points as CSV with their
// figure ids, and a link to this view of it. Other chart actions (such as
// "Cite this view") go in the same toolbar, passed as children.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { useState, type ReactNode, type RefObject } from 'react';
import { figureHref, type ChartPoint } from '@/lib/figures/chartData';
import type { LegendItem } from './chartMarks';
import { chartSvgText, download, svgToPng } from './chartImage';
import { toDay } from '@/lib/vocabulary/dates';

interface Props {
  id: string;
  title: string;
  units: string;
  points: ChartPoint[];
  legend: LegendItem[];
  events: string[];
  /** The element holding the drawn chart and its legend. */
  chartRef: RefObject<HTMLDivElement | null>;
  /** A snapshot's or vintage view's instant: the CSV's figure links open the figures as they stood then. */
  vintage?: string;
  children?: ReactNode;
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function pointsCsv(points: ChartPoint[], origin: string, vintage: string | undefined): string {
  return stringify(
    points.map((p) => [p.date, p.value, p.band?.[0] ?? p.value, p.band?.[1] ?? p.value, p.qualifier, p.label, p.claims, p.figureIds[0] ?? '', p.figureIds.join(' '), p.figureIds[0] ? `${origin}${figureHref(p.figureIds[0], vintage)}` : '']),
    { header: true, columns: ['date', 'value', 'low', 'high', 'qualifier', 'value_shown', 'claims', 'headline_figure_id', 'figure_ids', 'headline_figure_url'] },
  );
}

export function ChartActions({ id, title, units, points, legend, events, chartRef, vintage, children }: Props) {
  const [message, setMessage] = useState('');
  const filename = (ext: string) => `corridor-${id}-${toDay()}.${ext}`;
  const words = () => ({
    title,
    units,
    legend,
    events,
    source: `Source: Corridor (${location.origin}${location.pathname}${location.search}); every point is a figure cited to its report, listed by id in the chart's CSV.`,
    retrieved: `Retrieved ${stamp(new Date())}`,
  });
  const svgText = (text = words()) => {
    const box = chartRef.current;
    const svg = box?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!box || !svg) throw new Error('The chart has not been drawn yet.');
    const swatches = [...box.querySelectorAll<SVGSVGElement>('.chart-legend svg')];
    return chartSvgText(svg, swatches, text);
  };
  const run = (what: string, action: () => Promise<void> | void) => async () => {
    try {
      await action();
      setMessage(`${what} ready.`);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : `${what} failed.`);
    }
  };
  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}${location.search}#chart-${id}`;
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied.');
    } catch {
      setMessage(`Copy this link: ${url}`);
    }
  };
  return (
    <div className="chart-actions" role="toolbar" aria-label={`${title}: downloads and link`}>
      <button type="button" onClick={run('SVG', () => download(new Blob([svgText()], { type: 'image/svg+xml' }), filename('svg')))}>SVG</button>
      <button type="button" onClick={run('PNG', async () => {
        const text = words();
        download(await svgToPng(svgText(text), text), filename('png'));
      })}>PNG</button>
      <button type="button" onClick={run('CSV', () => download(new Blob([pointsCsv(points, location.origin, vintage)], { type: 'text/csv;charset=utf-8' }), filename('csv')))}>CSV</button>
      <button type="button" onClick={copyLink}>Copy link</button>
      {children}
      <span className="chart-actions-status" role="status">{message}</span>
    </div>
  );
}
