// Published events inside a date range, drawn as labelled markers on every chart.
import { sql } from '@/lib/db/sql';

export interface ChartEvent { id: number; date: string; title: string; description: string | null }

export async function listChartEvents(from: string, to: string): Promise<ChartEvent[]> {
  return sql<ChartEvent[]>`
    SELECT id, to_char(date, 'YYYY-MM-DD') AS date, title, description FROM event
    WHERE status = 'PUBLISHED' AND date BETWEEN ${from}::date AND ${to}::date
    ORDER BY date, id`;
}
