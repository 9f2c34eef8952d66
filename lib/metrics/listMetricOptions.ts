// The metrics a reader can choose on the overview and in the table: those not
// retired, in the order the overview draws them, with their labels.
import { sql } from '@/lib/db/sql';

export interface MetricOption { key: string; label: string; unit: string; kind: 'STOCK' | 'FLOW' }

export async function listMetricOptions(): Promise<MetricOption[]> {
  return sql<MetricOption[]>`SELECT key, label, unit, kind FROM metric WHERE "retiredAt" IS NULL ORDER BY id`;
}
