'use client';
// The interactive chart for one metric. Stocks: a line of point estimates, a
// shaded low–high band for ranges, "≥"/"≤" markers for bounds, log or linear.
// Flows: bars per bucket with an optional cumulative line. Events are labelled
// vertical lines. Clicking a point opens its headline figure's page.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Area, Bar, CartesianGrid, ComposedChart, ErrorBar, LabelList, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { ChartPoint } from '@/lib/figures/chartData';

export interface ChartEventMark { time: number; title: string }

interface Props {
  id: string;
  kind: 'STOCK' | 'FLOW';
  unit: string;
  points: ChartPoint[];
  events: ChartEventMark[];
  domain: [number, number];
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const dayLabel = (t: number) => new Date(t).toISOString().slice(0, 10);

function ClaimsTooltip({ active, payload, unit }: { active?: boolean; payload?: ReadonlyArray<{ payload?: ChartPoint }>; unit: string }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip" role="status">
      <p><strong>{point.date}</strong>: {point.label} {unit} <span className="muted">({point.exact})</span></p>
      <p className="muted">{point.claims === 1 ? '1 claim' : `${point.claims} claims`}; click to open the headline figure</p>
      <ul>
        {point.claimList.map((c) => (
          <li key={c.id}>
            <strong>{c.headline ? 'Headline: ' : ''}“{c.stated}”</strong> — {c.sourceTitle}
            {c.publisher ? `, ${c.publisher}` : ''}
            {c.date ? `, ${c.date}` : ''}
            {c.quote && <q>{c.quote}</q>}
          </li>
        ))}
      </ul>
      {point.claims > point.claimList.length && <p className="muted">and {point.claims - point.claimList.length} more on the figure page</p>}
    </div>
  );
}

function BoundMarker(props: { cx?: number; cy?: number; payload?: ChartPoint }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload?.marker) return <g />;
  return (
    <g>
      <circle cx={cx} cy={cy} r={9} fill="#fff" stroke="#0b5cad" strokeDasharray="2 2" />
      <text x={cx} y={cy + 4} textAnchor="middle" fontSize={12} fontWeight={700} fill="#0b5cad">{payload.marker}</text>
    </g>
  );
}

export function SeriesChart({ id, kind, unit, points, events, domain }: Props) {
  const router = useRouter();
  const [log, setLog] = useState(false);
  const [cumulative, setCumulative] = useState(false);
  const open = (index: unknown) => {
    const point = typeof index === 'number' ? points[index] : typeof index === 'string' ? points[Number(index)] : undefined;
    if (point?.figureIds[0]) router.push(`/figures/${point.figureIds[0]}`);
  };
  const pad = 43_200_000; // half a day, so bars at the edges are not cut
  return (
    <div className="series-chart" data-testid={`chart-${id}`} data-points={points.length}>
      <div className="chart-controls">
        {kind === 'STOCK' ? (
          <button type="button" aria-pressed={log} onClick={() => setLog(!log)}>Log scale</button>
        ) : (
          <button type="button" aria-pressed={cumulative} onClick={() => setCumulative(!cumulative)}>Cumulative line</button>
        )}
      </div>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 24, right: 16, bottom: 8, left: 8 }} onClick={(state) => open(state.activeTooltipIndex)} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" type="number" scale="time" domain={[domain[0] - pad, domain[1] + pad]} tickFormatter={dayLabel} minTickGap={24} />
            <YAxis yAxisId="v" scale={log ? 'log' : 'auto'} domain={log ? ['auto', 'auto'] : [0, 'auto']} allowDataOverflow={false} tickFormatter={(v: number) => compact.format(v)} width={56} />
            {cumulative && <YAxis yAxisId="c" orientation="right" tickFormatter={(v: number) => compact.format(v)} width={56} />}
            <Tooltip content={<ClaimsTooltip unit={unit} />} />
            {kind === 'STOCK' ? (
              <>
                <Area yAxisId="v" dataKey="band" stroke="none" fill="#9ec5ef" fillOpacity={0.6} isAnimationActive={false} name="Range (low–high)" connectNulls={false} />
                <Line yAxisId="v" dataKey="line" stroke="#0b5cad" strokeWidth={2} connectNulls isAnimationActive={false} name="Headline value" dot={{ r: 4 }}>
                  {/* A lone range has no neighbour to shade towards, so it also gets a low–high whisker. */}
                  <ErrorBar dataKey="spread" width={10} stroke="#5b8fd0" strokeWidth={6} direction="y" />
                </Line>
                <Scatter yAxisId="v" dataKey="bound" shape={<BoundMarker />} isAnimationActive={false} name="Bound (≥ at least, ≤ at most)" />
              </>
            ) : (
              <>
                <Bar yAxisId="v" dataKey="value" fill="#0b5cad" maxBarSize={28} isAnimationActive={false} name={unit}>
                  <LabelList dataKey="marker" position="top" />
                </Bar>
                {cumulative && <Line yAxisId="c" dataKey="cumulative" stroke="#b35c00" strokeDasharray="5 3" strokeWidth={2} isAnimationActive={false} name="Cumulative" dot={false} />}
              </>
            )}
            {events.map((e, i) => (
              <ReferenceLine key={`${e.time}-${e.title}`} yAxisId="v" x={e.time} stroke="#6e4a00" strokeDasharray="4 4" label={{ value: e.title, position: i % 2 ? 'insideBottomLeft' : 'insideTopLeft', fontSize: 11, fill: '#6e4a00' }} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
