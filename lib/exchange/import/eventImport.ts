// events.csv import: rows are checked with the event form's schema; the place
// must exist (by code, else by name: import places.csv first); the source is
// matched by URL and created when missing, as the figures import does. An event
// is a duplicate (skipped) when one with the same day and title exists.
import { z } from 'zod';
import { eventInputSchema } from '@/lib/events/eventInput';
import { dayString, httpUrl, optionalText } from '@/lib/validation/fields';
import { TEXT_LIMITS, toDay } from '@/lib/vocabulary';
import { EVENT_COLUMNS } from '../columns';
import type { ImportTx } from './runImport';
import { runRecordImport, type CellReader, type FailRow, type ParsedRow, type RecordImportOptions, type RecordResource, type WrittenBy } from './runRecordImport';

const sourceSchema = z.object({
  url: httpUrl,
  title: optionalText(TEXT_LIMITS.sourceTitle),
  publisher: optionalText(TEXT_LIMITS.publisher),
  publishedAt: z.preprocess((v) => (v === null ? undefined : v), dayString.optional()),
});

export interface EventRow {
  event: z.output<typeof eventInputSchema>;
  placeCode: string | null;
  placeName: string | null;
  source: z.output<typeof sourceSchema> | null;
}

const EVENT_FIELDS: Record<string, string> = { date: 'date', endDate: 'end_date', title: 'title', description: 'description' };
const SOURCE_FIELDS: Record<string, string> = { url: 'source_url', title: 'source_title', publisher: 'publisher', publishedAt: 'published_at' };

function parseEvent(cell: CellReader, fail: FailRow): EventRow | null {
  const event = eventInputSchema.safeParse({ date: cell('date') ?? '', endDate: cell('end_date') ?? '', title: cell('title') ?? '', description: cell('description') });
  if (!event.success) {
    for (const issue of event.error.issues) {
      const column = EVENT_FIELDS[String(issue.path[0])] ?? null;
      fail(column, `${column ?? 'row'}: ${issue.message}`);
    }
  }
  const sourceCells = { url: cell('source_url'), title: cell('source_title'), publisher: cell('publisher'), publishedAt: cell('published_at') };
  let source: EventRow['source'] = null;
  if (Object.values(sourceCells).some((v) => v !== null)) {
    if (sourceCells.url === null) {
      fail('source_url', 'source_url is required when the event names a source: the address of the report that dates it.');
    } else {
      const parsed = sourceSchema.safeParse(sourceCells);
      if (parsed.success) source = parsed.data;
      else for (const issue of parsed.error.issues) fail(SOURCE_FIELDS[String(issue.path[0])] ?? null, `${SOURCE_FIELDS[String(issue.path[0])] ?? 'row'}: ${issue.message}`);
    }
  }
  if (!event.success) return null;
  return { event: event.data, placeCode: cell('place_code'), placeName: cell('place'), source };
}

const day = (d: Date | string) => (typeof d === 'string' ? d : toDay(d));

async function placeIds(tx: ImportTx, rows: ParsedRow<EventRow>[]) {
  const codes = [...new Set(rows.map((r) => r.value.placeCode).filter((c): c is string => !!c))];
  const names = [...new Set(rows.map((r) => r.value.placeName?.toLowerCase()).filter((n): n is string => !!n))];
  const found = await tx<{ id: number; code: string | null; name: string }[]>`
    SELECT id, code, lower(name) AS name FROM place WHERE code = ANY(${codes}) OR lower(name) = ANY(${names}) ORDER BY id`;
  const byCode = new Map(found.filter((p) => p.code).map((p) => [p.code!, p.id]));
  const byName = new Map<string, number>();
  for (const p of found) if (!byName.has(p.name)) byName.set(p.name, p.id);
  return { byCode, byName };
}

/** Publishers and sources the events name, created when missing; returns source ids by URL. */
async function sourceIds(tx: ImportTx, rows: ParsedRow<EventRow>[]): Promise<Map<string, number>> {
  const sources = new Map<string, NonNullable<EventRow['source']>>();
  for (const r of rows) if (r.value.source && !sources.has(r.value.source.url)) sources.set(r.value.source.url, r.value.source);
  if (sources.size === 0) return new Map();
  const list = [...sources.values()];
  const publishers = [...new Set(list.map((s) => s.publisher).filter((p): p is string => !!p))];
  await tx`INSERT INTO organization (name, "updatedAt") SELECT unnest(${publishers}::text[]), now() ON CONFLICT (name) DO NOTHING`;
  await tx`
    INSERT INTO source (title, url, "publisherId", "publishedAt", "updatedAt")
    SELECT x.title, x.url, o.id, x.published::date, now()
    FROM unnest(${list.map((s) => s.title ?? s.url)}::text[], ${list.map((s) => s.url)}::text[], ${list.map((s) => s.publisher)}::text[],
      ${list.map((s) => (s.publishedAt ? day(s.publishedAt) : null))}::text[]) AS x(title, url, publisher, published)
    LEFT JOIN organization o ON o.name = x.publisher
    ON CONFLICT (url) DO NOTHING`;
  const found = await tx<{ id: number; url: string }[]>`SELECT id, url FROM source WHERE url = ANY(${[...sources.keys()]})`;
  return new Map(found.map((s) => [s.url, s.id]));
}

async function writeEvents(tx: ImportTx, rows: ParsedRow<EventRow>[], fail: (row: number, column: string | null, message: string) => void, { userId, fileName }: WrittenBy) {
  const places = await placeIds(tx, rows);
  const resolved: Array<{ r: ParsedRow<EventRow>; placeId: number | null }> = [];
  for (const r of rows) {
    const { placeCode, placeName } = r.value;
    let placeId: number | null = null;
    if (placeCode || placeName) {
      placeId = (placeCode ? places.byCode.get(placeCode) : places.byName.get(placeName!.toLowerCase())) ?? null;
      if (placeId === null) {
        const [column, ref] = placeCode ? ['place_code', placeCode] : ['place', placeName!];
        fail(r.row, column, `No place has the ${column === 'place' ? 'name' : 'code'} "${ref}". Import places.csv first, or leave ${column} empty.`);
        continue;
      }
    }
    resolved.push({ r, placeId });
  }
  const sources = await sourceIds(tx, rows);

  const keys = resolved.map(({ r }) => `${day(r.value.event.date)}|${r.value.event.title.toLowerCase()}`);
  const existing = await tx<{ key: string }[]>`
    SELECT to_char(date, 'YYYY-MM-DD') || '|' || lower(title) AS key FROM event WHERE to_char(date, 'YYYY-MM-DD') || '|' || lower(title) = ANY(${keys})`;
  const seen = new Set(existing.map((e) => e.key));
  let newRows = 0;
  let duplicate = 0;
  for (const [i, { r, placeId }] of resolved.entries()) {
    if (seen.has(keys[i])) {
      duplicate++;
      continue;
    }
    seen.add(keys[i]);
    const e = r.value.event;
    const sourceId = r.value.source ? (sources.get(r.value.source.url) ?? null) : null;
    const after = { date: day(e.date), endDate: e.endDate ? day(e.endDate) : null, title: e.title, description: e.description, placeId, sourceId };
    await tx`
      WITH created AS (
        INSERT INTO event (date, "endDate", title, description, "placeId", "sourceId", "updatedAt")
        VALUES (${after.date}::date, ${after.endDate}::date, ${e.title}, ${e.description}, ${placeId}, ${sourceId}, now())
        RETURNING id)
      INSERT INTO audit_log ("entityType", "entityId", action, after, reason, "userId")
      SELECT 'event', created.id::text, 'IMPORT', ${tx.json(after)}, ${`Imported from ${fileName}`}, ${userId} FROM created`;
    newRows++;
  }
  return { newRows, duplicate };
}

export const EVENT_RESOURCE: RecordResource<EventRow> = {
  columns: EVENT_COLUMNS,
  required: ['date', 'title'],
  parse: parseEvent,
  write: writeEvents,
};

export function runEventImport(body: AsyncIterable<Uint8Array>, options: RecordImportOptions) {
  return runRecordImport(EVENT_RESOURCE, body, options);
}
