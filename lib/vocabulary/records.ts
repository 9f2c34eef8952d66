// Statuses, metric kinds and chart intervals: the names the database, the API,
// the filters and the forms share.

export const FIGURE_STATUSES = ['DRAFT', 'PUBLISHED', 'RETRACTED'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
export const STATUS_LABELS: Record<FigureStatus, string> = { DRAFT: 'Draft', PUBLISHED: 'Published', RETRACTED: 'Retracted' };
/** What anyone may read; any other status is for editors and admins. */
export const PUBLIC_STATUS: FigureStatus = 'PUBLISHED';

export const METRIC_KINDS = ['STOCK', 'FLOW'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  STOCK: 'Running total',
  FLOW: 'Count per period',
};

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
export const INTERVAL_LABELS: Record<Interval, string> = { day: 'Day', week: 'Week', month: 'Month' };
