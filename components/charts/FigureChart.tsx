'use client';
// A time-series chart of one metric's published figures. Each point links to
// the source document that states it.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface FigurePoint {
  id: number;
  date: string;
  value: number;
  label: string;
  sourceTitle: string;
  sourceHref: string;
}

export function FigureChart({ points, unit }: { points: FigurePoint[]; unit: string }) {
  return (
    <div style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis tickFormatter={(v: number) => Intl.NumberFormat('en', { notation: 'compact' }).format(v)} />
          <Tooltip
            formatter={(_v, _n, item) => [(item.payload as FigurePoint).label, unit]}
            labelFormatter={(d) => String(d)}
          />
          <Line type="monotone" dataKey="value" stroke="#0b5cad" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
