// Reads for the admin figure pages: the figure list, the review queue, one figure for the form,
// its revision history, and the options the form's pickers offer.
import { db } from '@/lib/db/client';
import type { FigureStatus } from '@/lib/db/client';
import { FIGURE_ROW_SELECT } from './figureSnapshot';
import { toDay } from '@/lib/vocabulary';

export const ADMIN_PAGE_SIZE = 50;

/** What a figure row in the admin lists names: the metric with its unit and the two places. */
const ROW_NAMES = {
  metric: { select: { label: true, unit: true } },
  origin: { select: { name: true } },
  destination: { select: { name: true } },
} as const;

export async function listAdminFigures(filter: { status?: FigureStatus; page?: number }) {
  const page = Math.max(1, filter.page ?? 1);
  const where = filter.status ? { status: filter.status } : {};
  const [rows, total, counts] = await Promise.all([
    db.figure.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        qualifier: true,
        low: true,
        high: true,
        valueAsStated: true,
        asOf: true,
        quote: true,
        updatedAt: true,
        ...ROW_NAMES,
        source: { select: { id: true, title: true, url: true } },
        updatedBy: { select: { name: true, email: true } },
      },
    }),
    db.figure.count({ where }),
    db.figure.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  return { rows, total, page, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<FigureStatus, number>> };
}

/** How many drafts wait for review, for the header. */
export function countDrafts(): Promise<number> {
  return db.figure.count({ where: { status: 'DRAFT' } });
}

export const REVIEW_QUEUE_SIZE = 100;

/** The review queue: drafts oldest first (of one source, if given), each with what a reviewer checks side by side. */
export async function listReviewQueue(filter: { sourceId?: number } = {}) {
  const where = { status: 'DRAFT' as const, ...(filter.sourceId ? { sourceId: filter.sourceId } : {}) };
  const [rows, total] = await Promise.all([
    db.figure.findMany({
      where,
      // Ids grow with creation, so this is oldest first, read through the (status, id) index.
      orderBy: { id: 'asc' },
      take: REVIEW_QUEUE_SIZE,
      select: {
        id: true,
        version: true,
        ...FIGURE_ROW_SELECT,
        createdAt: true,
        createdById: true,
        updatedById: true,
        ...ROW_NAMES,
        source: { select: { id: true, title: true, url: true, publishedAt: true, publisher: { select: { name: true } } } },
        updatedBy: { select: { name: true } },
      },
    }),
    db.figure.count({ where }),
  ]);
  return { rows, total };
}
export type ReviewQueueRow = Awaited<ReturnType<typeof listReviewQueue>>['rows'][number];

export async function getFigureForEdit(id: number) {
  return db.figure.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      ...FIGURE_ROW_SELECT,
      createdById: true,
      updatedById: true,
      publishedAt: true,
      source: { select: { title: true, url: true } },
      updatedBy: { select: { name: true, email: true } },
    },
  });
}

export async function listFigureHistory(figureId: number) {
  return db.figureRevision.findMany({
    where: { figureId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, action: true, before: true, after: true, reason: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
}

const SOURCE_OPTION = { id: true, title: true, url: true, publishedAt: true, publisher: { select: { name: true } } } as const;

/**
 * What the figure form picks from: metrics, places, and the 2,000 most recently
 * published sources, plus the figure's own source when it is older than those (an
 * edit form must show the source it has).
 */
export async function figureFormOptions(keep: { sourceId?: number | null } = {}) {
  const [metrics, places, sources] = await Promise.all([
    db.metric.findMany({ where: { retiredAt: null }, orderBy: { label: 'asc' }, select: { id: true, label: true, unit: true, kind: true } }),
    db.place.findMany({ where: { retiredAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, code: true, type: true } }),
    db.source.findMany({
      where: { retiredAt: null },
      orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
      take: 2_000,
      select: SOURCE_OPTION,
    }),
  ]);
  if (keep.sourceId && !sources.some((s) => s.id === keep.sourceId)) {
    const own = await db.source.findUnique({ where: { id: keep.sourceId }, select: SOURCE_OPTION });
    if (own) sources.push(own);
  }
  return {
    metrics,
    places,
    sources: sources.map((s) => ({ id: s.id, title: s.title, url: s.url, publisher: s.publisher?.name ?? null, publishedAt: (s.publishedAt ? toDay(s.publishedAt) : null) })),
  };
}
export type FigureFormOptions = Awaited<ReturnType<typeof figureFormOptions>>;
