// Snapshots: a citable view — one chart or the figures table, with its filters —
// frozen at an instant under a short permanent id (/s/<id>). The data comes from
// the vintage readers (lib/figures/vintage.ts), so it never changes, whatever is
// edited or retracted later. Rows are only ever inserted.
//
// Who may create: anyone who may read (anonymous visitors too when PUBLIC_READ is
// on). Creating is cheap to repeat and bounded:
//   - dedupe: the same view with no figure revision since an existing snapshot of it
//     reuses that snapshot (same data, same id), so clicking twice gives one id;
//   - a limit on NEW snapshots per client (signed-in user, else IP address):
//     SNAPSHOTS_PER_HOUR an hour, counted in rate_limit like the sign-in throttle.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/AppError';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { filtersToSearchParams, type FigureFilters } from '@/lib/figures/filters';
import { getMetricByKey } from '@/lib/figures/getSeries';
import { parseIntervalParam } from '@/lib/figures/parseSeriesParams';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { PUBLIC_STATUS, type Interval } from '@/lib/vocabulary';

export const SNAPSHOT_VIEWS = ['chart', 'table'] as const;
export type SnapshotView = (typeof SNAPSHOT_VIEWS)[number];
export const SNAPSHOTS_PER_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;

/** Ids: 10 characters of a 32-letter alphabet without look-alikes (50 bits). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const SNAPSHOT_ID = /^[a-hj-km-np-z2-9]{10}$/;

export interface Snapshot {
  id: string;
  view: SnapshotView;
  /** The view's filters (and a chart's interval) as a query string, without vintage. */
  query: string;
  /** The instant the data is frozen at (ISO 8601, UTC). */
  vintage: string;
  title: string;
  createdAt: string;
}

/** What a snapshot shows, read back from its query: the filters with the vintage set. */
export interface SnapshotSelection {
  filters: FigureFilters & { vintage: string };
  interval?: Interval;
  metric?: string;
}

/** What POST /api/v1/snapshots reads (JSON or a form); the API reference is built from it. */
export const snapshotInputSchema = z.object({
  view: z
    .enum(SNAPSHOT_VIEWS, { message: `view must be one of ${SNAPSHOT_VIEWS.join(', ')}` })
    .meta({ description: 'chart: one metric as a series (the query needs exactly one metric). table: the figures table.' }),
  query: z
    .string()
    .max(2000, 'query must be at most 2,000 characters')
    .default('')
    .meta({ description: "The view's filters as a query string (metric=refugees&from=2022-03-01), a chart's interval too. A vintage in it freezes that instant, else now. Published figures only." }),
});

function newId(): string {
  return [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** The canonical query of a view: its filters (minus vintage), a chart's interval, sorted. */
function canonicalQuery(filters: FigureFilters, interval: Interval | undefined): string {
  const params = filtersToSearchParams({ ...filters, vintage: undefined });
  if (interval) params.set('interval', interval);
  params.sort();
  return params.toString();
}

function describe(filters: FigureFilters): string {
  const parts = [
    filters.from || filters.to ? `${filters.from ?? 'start'} to ${filters.to ?? 'latest'}` : null,
    filters.place && `place ${filters.place}`,
    filters.origin && `from ${filters.origin}`,
    filters.destination && `to ${filters.destination}`,
    filters.publisher && `publisher ${filters.publisher}`,
    filters.qualifier && `qualifier ${filters.qualifier.join('/')}`,
    filters.q && `search “${filters.q}”`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all published figures';
}

/** Throws TOO_MANY_REQUESTS once the client has made SNAPSHOTS_PER_HOUR new snapshots this hour. */
async function claimSnapshotSlot(client: string): Promise<void> {
  const now = BigInt(Date.now());
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${`snapshot:${client}`}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN excluded."lastRequest" - rate_limit."lastRequest" > ${BigInt(HOUR_MS)} THEN 1 ELSE rate_limit.count + 1 END,
      "lastRequest" = CASE WHEN excluded."lastRequest" - rate_limit."lastRequest" > ${BigInt(HOUR_MS)} THEN excluded."lastRequest" ELSE rate_limit."lastRequest" END
    RETURNING count`;
  if (row.count > SNAPSHOTS_PER_HOUR) {
    throw new AppError('TOO_MANY_REQUESTS', `At most ${SNAPSHOTS_PER_HOUR} new snapshots an hour; wait, or cite a snapshot you already made.`);
  }
}

// Functions, not constants: building a fragment opens the pool, which must not
// happen when the module loads (`next build` imports it without a DATABASE_URL).
const snapshotColumns = () => sql`id, view, query, to_char(vintage, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS vintage, title,
  to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;
const selectSnapshot = () => sql`SELECT ${snapshotColumns()} FROM snapshot`;

/**
 * Creates a snapshot of a view, or returns the existing one with the same data.
 * `query` is the view's query string; with a vintage in it, that instant is frozen,
 * else now. Only published figures can be frozen (a snapshot is public).
 */
export async function createSnapshot(
  input: { view: string; query?: string },
  who: { actor: Actor | null; ip: string | null },
): Promise<{ snapshot: Snapshot; created: boolean }> {
  const { view, query } = parseOrThrow(snapshotInputSchema, input);
  const params = new URLSearchParams(query);
  const filters = await readFigureFilters(params, async () => who.actor);
  if (filters.status.some((s) => s !== PUBLIC_STATUS)) {
    throw new AppError('BAD_REQUEST', 'A snapshot holds published figures only; leave status out.', 'status');
  }
  const interval = view === 'chart' ? parseIntervalParam(params) : undefined;
  let label = 'Figures';
  if (view === 'chart') {
    if (filters.metric?.length !== 1) throw new AppError('BAD_REQUEST', 'A chart snapshot needs exactly one metric, for example metric=refugees.', 'metric');
    label = (await getMetricByKey(filters.metric[0])).label;
  }
  const canonical = canonicalQuery(filters, interval);
  const vintage = filters.vintage ?? new Date().toISOString();
  // The same view with no figure revision between an earlier snapshot and this instant shows the same data.
  const [same] = await sql<Snapshot[]>`
    ${selectSnapshot()} s WHERE s.view = ${view} AND s.query = ${canonical} AND s.vintage <= ${vintage}::timestamptz AT TIME ZONE 'UTC'
      AND NOT EXISTS (SELECT 1 FROM figure_revision r WHERE r."createdAt" > s.vintage AND r."createdAt" <= ${vintage}::timestamptz AT TIME ZONE 'UTC')
    ORDER BY s.vintage DESC LIMIT 1`;
  if (same) return { snapshot: same, created: false };
  await claimSnapshotSlot(who.actor ? `user:${who.actor.userId}` : `ip:${who.ip ?? 'unknown'}`);
  const title = `${label}: ${describe(filters)}`;
  const [snapshot] = await sql<Snapshot[]>`
    WITH inserted AS (
      INSERT INTO snapshot (id, view, query, vintage, title) VALUES (${newId()}, ${view}, ${canonical}, ${vintage}::timestamptz AT TIME ZONE 'UTC', ${title})
      RETURNING *)
    SELECT ${snapshotColumns()} FROM inserted`;
  return { snapshot, created: true };
}

/** A snapshot by id; NOT_FOUND (naming id) for anything else. */
export async function getSnapshot(id: string): Promise<Snapshot> {
  const [snapshot] = SNAPSHOT_ID.test(id) ? await sql<Snapshot[]>`${selectSnapshot()} WHERE id = ${id}` : [];
  if (!snapshot) throw new AppError('NOT_FOUND', `No snapshot has id "${id}".`, 'id');
  return snapshot;
}

/** The filters (vintage set), interval and metric a snapshot shows. Its query was valid when stored. */
export async function snapshotSelection(snapshot: Snapshot): Promise<SnapshotSelection> {
  const params = new URLSearchParams(snapshot.query);
  params.set('vintage', snapshot.vintage);
  const filters = (await readFigureFilters(params, async () => null)) as SnapshotSelection['filters'];
  return { filters, interval: snapshot.view === 'chart' ? parseIntervalParam(params) : undefined, metric: filters.metric?.[0] };
}
