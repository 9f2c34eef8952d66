'use client';
// The interactive chart for one metric. Stocks: a line of point estimates, a
// shaded low–high band for ranges, "≥"/"≤" markers for bounds, log or linear.
// Flows: bars per bucket with an optional cumulative line. Events are numbered
// vertical lines, listed under the chart. A legend names every mark drawn.
//
// Pointer: hovering shows a point's claims; a click opens its headline figure.
// Touch: a tap pins the point's claims under the chart (inside the viewport, off
// the plot); a second tap on the same point opens its figure. Keyboard: the chart
// is one tab stop, arrow keys move between points, Enter opens the figure.
import { useRouter } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import {
  Area, Bar, CartesianGrid, ComposedChart, ErrorBar, LabelList, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis,
  useActiveTooltipDataPoints,
} from 'recharts';
import { figureHref, type ChartPoint } from '@/lib/figures/chartData';
import type { Interval } from '@/lib/vocabulary';
import { CHART_COLOURS, ChartLegend, EVENT_LABEL_SPACING, legendItems, staggerRows, type ChartEventMark } from './chartMarks';
import { ChartActions } from './ChartActions';
import { PointClaims } from './PointClaims';
import { toDay } from '@/lib/vocabulary/dates';

export type { ChartEventMark };

export interface SeriesChartProps {
  id: string;
  title: string;
  kind: 'STOCK' | 'FLOW';
  unit: string;
  interval: Interval;
  points: ChartPoint[];
  events: ChartEventMark[];
  domain: [number, number];
  /** Small multiples: no controls, no event marks, a shared value axis up to yMax. */
  small?: boolean;
  yMax?: number;
  /** Units as the heading gives them: "running total, people". */
  units?: string;
  /** More buttons for the chart's toolbar (e.g. "Cite this view"). */
  actions?: ReactNode;
  /** The instant a snapshot or vintage view shows: tooltips and figure links read that state. */
  vintage?: string;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const DAY = 86_400_000;
const AXIS_WIDTH = 56;
const MARGIN = { right: 16, bottom: 8, left: 8 };
const PLOT_LEFT = MARGIN.left + AXIS_WIDTH;
const PLOT_RIGHT = MARGIN.right;
/** Room either side of the first and last bucket so no bar or marker reaches over an axis. */
const EDGE: Record<Interval, number> = { day: DAY, week: 5 * DAY, month: 20 * DAY };

function HoverTooltip({ active, payload, unit, hidden, vintage }: { active?: boolean; payload?: ReadonlyArray<{ payload?: ChartPoint }>; unit: string; hidden: boolean; vintage?: string }) {
  const point = payload?.[0]?.payload;
  if (hidden || !active || !point) return null;
  return (
    <div className="chart-tooltip" role="status">
      <PointClaims point={point} unit={unit} hint="click to open the headline figure" vintage={vintage} />
    </div>
  );
}

/** Keeps the point the chart's tooltip is on (mouse or arrow keys) for Enter. */
function ActivePointTracker({ into }: { into: { current: ChartPoint | undefined } }) {
  const active = useActiveTooltipDataPoints<ChartPoint>();
  into.current = active?.[0];
  return null;
}

function BoundMarker(props: { cx?: number; cy?: number; payload?: ChartPoint }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload?.marker) return <g />;
  return (
    <g>
      <circle cx={cx} cy={cy} r={9} fill="#fff" stroke={CHART_COLOURS.bound} strokeDasharray="2 2" />
      <text x={cx} y={cy + 4} textAnchor="middle" fontSize={12} fontWeight={700} fill={CHART_COLOURS.bound}>{payload.marker}</text>
    </g>
  );
}

/** "≥"/"≤" above a bar, upright and in the bar's colour. */
function BarMarker(props: { x?: number | string; y?: number | string; width?: number | string; value?: unknown }) {
  const x = Number(props.x), y = Number(props.y), width = Number(props.width);
  if (!props.value || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  return <text x={x + width / 2} y={y - 5} textAnchor="middle" fontSize={13} fontWeight={700} fill={CHART_COLOURS.bound}>{String(props.value)}</text>;
}

function EventNumber({ viewBox, n, row }: { viewBox?: { x?: number; y?: number }; n: number; row: number }) {
  // Above the plot, in the top margin the rows make room for: nothing is drawn over a mark.
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) - 12 - row * EVENT_LABEL_SPACING;
  return (
    <g className="chart-event-number">
      <circle cx={x} cy={y} r={8.5} fill="#fff" stroke={CHART_COLOURS.event} />
      <text x={x} y={y + 4} textAnchor="middle" fontSize={10} fontWeight={700} fill={CHART_COLOURS.event}>{n}</text>
    </g>
  );
}

export function SeriesChart({ id, title, kind, unit, interval, points, events: allEvents, domain, small = false, yMax, units, actions, vintage }: SeriesChartProps) {
  const events = small ? [] : allEvents;
  const router = useRouter();
  const [log, setLog] = useState(false);
  const [cumulative, setCumulative] = useState(false);
  const [touch, setTouch] = useState(false);
  const [pinned, setPinned] = useState<number | null>(null);
  const [width, setWidth] = useState(640);
  const active = useRef<ChartPoint | undefined>(undefined);
  const chartRef = useRef<HTMLDivElement>(null);
  const openPoint = (point: ChartPoint | undefined) => {
    if (point?.figureIds[0]) router.push(figureHref(point.figureIds[0], vintage));
  };
  // Mouse: Recharts knows the hovered point when the click comes.
  const onChartClick = (index: unknown) => {
    if (touch) return;
    const i = typeof index === 'number' ? index : typeof index === 'string' ? Number(index) : NaN;
    openPoint(points[i]);
  };
  // Touch: no hover came first, so the tapped point is the one nearest the tap in time.
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const isTouch = e.pointerType === 'touch';
    setTouch(isTouch);
    if (!isTouch || points.length === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const left = PLOT_LEFT, right = box.width - PLOT_RIGHT - (cumulative ? AXIS_WIDTH : 0);
    const time = xDomain[0] + ((e.clientX - box.left - left) / Math.max(1, right - left)) * (xDomain[1] - xDomain[0]);
    const i = points.reduce((best, p, j) => (Math.abs(p.time - time) < Math.abs(points[best].time - time) ? j : best), 0);
    if (pinned === i) openPoint(points[i]);
    else setPinned(i);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && active.current) {
      e.preventDefault();
      openPoint(active.current);
    }
  };
  const pad = EDGE[interval];
  const xDomain: [number, number] = [domain[0] - pad, domain[1] + pad];
  const rows = staggerRows(events.map((e) => e.time), xDomain, Math.max(100, width - 80));
  // The plot keeps its height; the box grows by the rows of event numbers above it.
  const topMargin = 12 + (Math.max(-1, ...rows) + 1) * EVENT_LABEL_SPACING;
  const legend = legendItems(kind, unit, points, events, cumulative);
  const pinnedPoint = pinned === null ? undefined : points[pinned];
  return (
    <div className="series-chart" data-testid={`chart-${id}`} data-points={points.length} ref={chartRef}>
      <ChartActions id={id} title={title} units={units ?? unit} points={points} legend={legend} chartRef={chartRef} vintage={vintage} events={events.map((e, i) => `${i + 1}. ${toDay(e.time)} ${e.title}`)}>
        {actions}
      </ChartActions>
      {!small && <div className="chart-controls">
        {kind === 'STOCK' ? (
          <button type="button" aria-pressed={log} onClick={() => setLog(!log)}>Log scale</button>
        ) : (
          <button type="button" aria-pressed={cumulative} onClick={() => setCumulative(!cumulative)}>Cumulative line</button>
        )}
      </div>}
      <div className={small ? 'chart-box chart-box-small' : 'chart-box'} style={{ height: `calc(var(--chart-height) + ${topMargin}px)` }} onPointerUp={onPointerUp} onKeyDown={onKeyDown}>
        <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
          <ComposedChart
            data={points}
            margin={{ top: topMargin, ...MARGIN }}
            onClick={(state) => onChartClick(state.activeTooltipIndex)}
            accessibilityLayer
            role="group"
            title={`${title}. ${points.length} points; arrow keys move between them, Enter opens a point's headline figure.`}
          >
            <ActivePointTracker into={active} />
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" type="number" scale="time" domain={xDomain} tickFormatter={toDay} minTickGap={24} allowDataOverflow />
            <YAxis yAxisId="v" padding={{ top: 12, bottom: 12 }} scale={log ? 'log' : 'auto'} domain={log ? ['auto', 'auto'] : [0, yMax ?? 'auto']} allowDataOverflow={false} tickFormatter={(v: number) => compact.format(v)} width={AXIS_WIDTH} />
            {cumulative && <YAxis yAxisId="c" orientation="right" tickFormatter={(v: number) => compact.format(v)} width={AXIS_WIDTH} />}
            <Tooltip content={<HoverTooltip unit={unit} hidden={touch} vintage={vintage} />} wrapperStyle={{ pointerEvents: 'none', zIndex: 2 }} />
            {kind === 'STOCK' ? (
              <>
                <Area yAxisId="v" dataKey="band" stroke="none" fill={CHART_COLOURS.band} fillOpacity={0.6} isAnimationActive={false} name="Range (low–high)" connectNulls={false} />
                <Line yAxisId="v" dataKey="line" stroke={CHART_COLOURS.line} strokeWidth={2} connectNulls isAnimationActive={false} name="Headline value" dot={{ r: 4, fill: '#fff' }}>
                  {/* A lone range has no neighbour to shade towards, so it also gets a low–high whisker. */}
                  <ErrorBar dataKey="spread" width={10} stroke={CHART_COLOURS.whisker} strokeWidth={6} direction="y" />
                </Line>
                <Scatter yAxisId="v" dataKey="bound" shape={<BoundMarker />} isAnimationActive={false} name="Bound (≥ at least, ≤ at most)" />
              </>
            ) : (
              <>
                <Bar yAxisId="v" dataKey="value" fill={CHART_COLOURS.bar} maxBarSize={28} isAnimationActive={false} name={unit}>
                  <LabelList dataKey="marker" content={<BarMarker />} />
                </Bar>
                {cumulative && <Line yAxisId="c" dataKey="cumulative" stroke={CHART_COLOURS.cumulative} strokeDasharray="5 3" strokeWidth={2} isAnimationActive={false} name="Cumulative" dot={false} />}
              </>
            )}
            {events.map((e, i) => (
              <ReferenceLine key={`${e.time}-${e.title}`} yAxisId="v" x={e.time} stroke={CHART_COLOURS.event} strokeDasharray="4 4" label={<EventNumber n={i + 1} row={rows[i]} />} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend items={legend} hidden={small} />
      {events.length > 0 && (
        <details className="chart-events">
          <summary>Events {events.length === 1 ? '1' : `1–${events.length}`} on this chart</summary>
          <ol>
            {events.map((e) => <li key={`${e.time}-${e.title}`}><time dateTime={toDay(e.time)}>{toDay(e.time)}</time> {e.title}</li>)}
          </ol>
        </details>
      )}
      {touch && pinnedPoint && (
        <div className="chart-pinned" role="status">
          <PointClaims point={pinnedPoint} unit={unit} hint="tap the point again to open its headline figure" vintage={vintage} />
          <p className="chart-pinned-actions">
            <a href={figureHref(pinnedPoint.figureIds[0], vintage)}>Open the headline figure</a>
            <button type="button" className="button-link-inline" onClick={() => setPinned(null)}>Close</button>
          </p>
        </div>
      )}
    </div>
  );
}
