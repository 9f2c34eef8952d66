// What a chart draws, named once: the colours of each mark, the legend entries
// for the marks a chart actually shows, and where event numbers sit so that no
// two labels overlap. The on-screen legend (HTML) and the downloaded image (SVG)
// both draw from legendItems(), so they cannot disagree.
import type { ChartPoint } from '@/lib/figures/chartData';

export const CHART_COLOURS = {
  line: '#0b5cad',
  band: '#9ec5ef',
  whisker: '#5b8fd0',
  bar: '#0b5cad',
  cumulative: '#b35c00',
  event: '#6e4a00',
  bound: '#0b5cad',
} as const;

export interface ChartEventMark { time: number; title: string }

export type LegendSwatch = 'line' | 'band' | 'bound' | 'bar' | 'cumulative' | 'event';

export interface LegendItem { key: LegendSwatch; label: string }

/** One entry per kind of mark the chart draws for these points, in drawing order. */
export function legendItems(kind: 'STOCK' | 'FLOW', unit: string, points: readonly ChartPoint[], events: readonly ChartEventMark[], cumulative: boolean): LegendItem[] {
  const items: LegendItem[] = [];
  if (kind === 'STOCK') {
    if (points.some((p) => p.line !== null)) items.push({ key: 'line', label: 'Headline value (running total)' });
    if (points.some((p) => p.band !== null)) items.push({ key: 'band', label: 'Range stated by the source (low–high)' });
  } else {
    items.push({ key: 'bar', label: `${unit[0]?.toUpperCase() ?? ''}${unit.slice(1)} in the period (headline claims summed)` });
    if (cumulative) items.push({ key: 'cumulative', label: 'Cumulative total (right axis)' });
  }
  if (points.some((p) => p.marker === '≥')) items.push({ key: 'bound', label: '≥ at least: the source gives a lower bound' });
  if (points.some((p) => p.marker === '≤')) items.push({ key: 'bound', label: '≤ at most: the source gives an upper bound' });
  if (events.length > 0) items.push({ key: 'event', label: 'Event, numbered as in the list of events' });
  return items;
}

/** A small drawing of the mark, 24×14, for the HTML legend and the exported SVG alike. */
export function LegendSwatchShape({ swatch, label }: { swatch: LegendSwatch; label?: string }) {
  switch (swatch) {
    case 'line':
      return <><line x1={0} y1={7} x2={24} y2={7} stroke={CHART_COLOURS.line} strokeWidth={2} /><circle cx={12} cy={7} r={3.5} fill="#fff" stroke={CHART_COLOURS.line} strokeWidth={2} /></>;
    case 'band':
      return <rect x={0} y={2} width={24} height={10} fill={CHART_COLOURS.band} fillOpacity={0.6} />;
    case 'bar':
      return <rect x={7} y={1} width={10} height={13} fill={CHART_COLOURS.bar} />;
    case 'cumulative':
      return <line x1={0} y1={7} x2={24} y2={7} stroke={CHART_COLOURS.cumulative} strokeWidth={2} strokeDasharray="5 3" />;
    case 'bound':
      return <><circle cx={12} cy={7} r={6.5} fill="#fff" stroke={CHART_COLOURS.bound} strokeDasharray="2 2" /><text x={12} y={10.5} textAnchor="middle" fontSize={10} fontWeight={700} fill={CHART_COLOURS.bound}>{label?.startsWith('≤') ? '≤' : '≥'}</text></>;
    case 'event':
      return <><line x1={12} y1={0} x2={12} y2={14} stroke={CHART_COLOURS.event} strokeDasharray="3 2" /><circle cx={12} cy={6} r={5.5} fill="#fff" stroke={CHART_COLOURS.event} /></>;
  }
}

/** `hidden` keeps the legend in the page (for image downloads) where a shared legend shows it already. */
export function ChartLegend({ items, hidden = false }: { items: readonly LegendItem[]; hidden?: boolean }) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend" hidden={hidden}>
      {items.map((item) => (
        <li key={item.label}>
          <svg width={24} height={14} viewBox="0 0 24 14" aria-hidden="true" focusable="false"><LegendSwatchShape swatch={item.key} label={item.label} /></svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Diameter of an event's number label plus a gap, in pixels. */
export const EVENT_LABEL_SPACING = 19;

/**
 * A row for each event's number label: a label closer than EVENT_LABEL_SPACING
 * pixels to the previous label in a row moves to the next row, so labels never
 * overlap however the events bunch up. `width` is the plot's width in pixels.
 */
export function staggerRows(times: readonly number[], domain: readonly [number, number], width: number): number[] {
  const span = Math.max(1, domain[1] - domain[0]);
  const lastInRow: number[] = [];
  return times.map((t) => {
    const x = ((t - domain[0]) / span) * width;
    let row = lastInRow.findIndex((last) => Math.abs(x - last) >= EVENT_LABEL_SPACING);
    if (row === -1) row = lastInRow.length;
    lastInRow[row] = x;
    return row;
  });
}
