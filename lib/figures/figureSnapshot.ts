// The JSON a revision stores for a figure: every editable field, BigInt as text
// and days as YYYY-MM-DD, so history reads the same as the form.
import { toDay } from '@/lib/vocabulary';

export interface FigureRow {
  metricId: number;
  qualifier: string;
  low: bigint;
  high: bigint;
  valueAsStated: string | null;
  asOf: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  originId: number | null;
  destinationId: number | null;
  sourceId: number;
  quote: string | null;
  attribution: string | null;
  notes: string | null;
  status: string;
  retractedReason: string | null;
}

export type FigureSnapshot = Record<keyof FigureRow, string | number | null>;

const day = (d: Date | null) => (d ? toDay(d) : null);

export function figureSnapshot(f: FigureRow): FigureSnapshot {
  return {
    metricId: f.metricId,
    qualifier: f.qualifier,
    low: f.low.toString(),
    high: f.high.toString(),
    valueAsStated: f.valueAsStated,
    asOf: day(f.asOf),
    periodStart: day(f.periodStart),
    periodEnd: day(f.periodEnd),
    originId: f.originId,
    destinationId: f.destinationId,
    sourceId: f.sourceId,
    quote: f.quote,
    attribution: f.attribution,
    notes: f.notes,
    status: f.status,
    retractedReason: f.retractedReason,
  };
}

/** Fields whose values differ between two snapshots, with both values. */
export function diffSnapshots(before: Partial<FigureSnapshot> | null, after: Partial<FigureSnapshot> | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]) as Set<keyof FigureSnapshot>;
  return [...keys]
    .filter((k) => (before?.[k] ?? null) !== (after?.[k] ?? null))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

export const FIGURE_ROW_SELECT = {
  metricId: true,
  qualifier: true,
  low: true,
  high: true,
  valueAsStated: true,
  asOf: true,
  periodStart: true,
  periodEnd: true,
  originId: true,
  destinationId: true,
  sourceId: true,
  quote: true,
  attribution: true,
  notes: true,
  status: true,
  retractedReason: true,
} as const;
