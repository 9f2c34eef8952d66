// places.csv import: rows are checked with the place form's schema; a place is
// a duplicate (skipped) when one with its code, or without a code its name,
// already exists or came earlier in the file. Parents are found by code, else by
// name, in the database or anywhere in the file, so rows may come in any order.
import type { z } from 'zod';
import { placeInputSchema } from '@/lib/places/placeInput';
import { PLACE_COLUMNS } from '../columns';
import type { ImportTx } from './runImport';
import { runRecordImport, type CellReader, type FailRow, type ParsedRow, type RecordImportOptions, type RecordResource, type WrittenBy } from './runRecordImport';

export interface PlaceRow {
  place: z.output<typeof placeInputSchema>;
  parentCode: string | null;
  parentName: string | null;
}

/** Schema field -> file column, for messages. */
const FIELD_COLUMNS: Record<string, string> = { name: 'name', type: 'type', code: 'code', aliases: 'aliases', latitude: 'latitude', longitude: 'longitude' };

function parsePlace(cell: CellReader, fail: FailRow): PlaceRow | null {
  const result = placeInputSchema.safeParse({
    name: cell('name') ?? '',
    type: cell('type')?.toUpperCase() ?? undefined,
    code: cell('code'),
    aliases: (cell('aliases') ?? '').split('|'),
    latitude: cell('latitude') ?? '',
    longitude: cell('longitude') ?? '',
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = FIELD_COLUMNS[String(issue.path[0])] ?? null;
      fail(column, column === 'type' ? `"${cell('type')}" is not a place type; use COUNTRY, ADMIN1, ADMIN2, ADMIN3, CITY, BORDER_CROSSING or OTHER.` : `${column ?? 'row'}: ${issue.message}`);
    }
    return null;
  }
  return { place: result.data, parentCode: cell('parent_code'), parentName: cell('parent') };
}

const nameKey = (name: string) => name.toLowerCase();

interface Known {
  byCode: Map<string, number>;
  byName: Map<string, number>;
}

async function existingPlaces(tx: ImportTx, rows: ParsedRow<PlaceRow>[]): Promise<Known> {
  const codes = [...new Set(rows.flatMap((r) => [r.value.place.code, r.value.parentCode]).filter((c): c is string => !!c))];
  const names = [...new Set(rows.flatMap((r) => [r.value.place.name, r.value.parentName]).filter((n): n is string => !!n).map(nameKey))];
  const found = await tx<{ id: number; code: string | null; name: string }[]>`
    SELECT id, code, lower(name) AS name FROM place WHERE code = ANY(${codes}) OR lower(name) = ANY(${names}) ORDER BY id`;
  const known: Known = { byCode: new Map(), byName: new Map() };
  for (const p of found) {
    if (p.code) known.byCode.set(p.code, p.id);
    if (!known.byName.has(p.name)) known.byName.set(p.name, p.id);
  }
  return known;
}

async function writePlaces(tx: ImportTx, rows: ParsedRow<PlaceRow>[], fail: (row: number, column: string | null, message: string) => void, { userId, fileName }: WrittenBy) {
  const known = await existingPlaces(tx, rows);
  // Rows that create a place, and the file's places by code and by name (for parents).
  const fresh: ParsedRow<PlaceRow>[] = [];
  const fileByCode = new Map<string, ParsedRow<PlaceRow>>();
  const fileByName = new Map<string, ParsedRow<PlaceRow>>();
  let duplicate = 0;
  for (const r of rows) {
    const { code, name } = r.value.place;
    const seen = code ? known.byCode.has(code) || fileByCode.has(code) : known.byName.has(nameKey(name)) || fileByName.has(nameKey(name));
    if (seen) {
      duplicate++;
      continue;
    }
    fresh.push(r);
    if (code) fileByCode.set(code, r);
    if (!fileByName.has(nameKey(name))) fileByName.set(nameKey(name), r);
  }

  // Each new row's parent: an existing place id, or another new row.
  const parentOf = new Map<ParsedRow<PlaceRow>, number | ParsedRow<PlaceRow>>();
  for (const r of fresh) {
    const { parentCode, parentName } = r.value;
    if (!parentCode && !parentName) continue;
    const parent = parentCode
      ? (known.byCode.get(parentCode) ?? fileByCode.get(parentCode))
      : (known.byName.get(nameKey(parentName!)) ?? fileByName.get(nameKey(parentName!)));
    if (parent === undefined) {
      const [column, ref] = parentCode ? ['parent_code', parentCode] : ['parent', parentName!];
      fail(r.row, column, `No place has the ${column === 'parent' ? 'name' : 'code'} "${ref}", in the database or in this file. Add that place (in any row) or leave ${column} empty.`);
    } else if (parent === r) {
      fail(r.row, parentCode ? 'parent_code' : 'parent', 'A place cannot be its own parent.');
    } else {
      parentOf.set(r, parent);
    }
  }
  for (const r of fresh) {
    // A chain of new rows that comes back to itself would make the hierarchy endless.
    let step = parentOf.get(r);
    for (let hops = 0; typeof step === 'object' && hops <= fresh.length; hops++) {
      if (step === r) {
        fail(r.row, 'parent_code', 'The parents form a loop; one of these places must lie in a place outside the loop.');
        break;
      }
      step = parentOf.get(step);
    }
  }

  const ids = new Map<ParsedRow<PlaceRow>, number>();
  for (const r of fresh) {
    const p = r.value.place;
    const after = { ...p, parentCode: r.value.parentCode, parentName: r.value.parentName };
    const [row] = await tx<{ id: number }[]>`
      WITH created AS (
        INSERT INTO place (name, type, code, aliases, latitude, longitude, "updatedAt")
        VALUES (${p.name}, ${p.type}::"PlaceType", ${p.code}, ${p.aliases}, ${p.latitude ?? null}, ${p.longitude ?? null}, now())
        RETURNING id)
      INSERT INTO audit_log ("entityType", "entityId", action, after, reason, "userId")
      SELECT 'place', created.id::text, 'IMPORT', ${tx.json(after)}, ${`Imported from ${fileName}`}, ${userId} FROM created
      RETURNING "entityId"::int AS id`;
    ids.set(r, row.id);
  }
  const children: number[] = [];
  const parents: number[] = [];
  for (const [r, parent] of parentOf) {
    children.push(ids.get(r)!);
    parents.push(typeof parent === 'number' ? parent : ids.get(parent)!);
  }
  if (children.length > 0) {
    await tx`UPDATE place SET "parentId" = x.parent FROM unnest(${children}::int[], ${parents}::int[]) AS x(child, parent) WHERE place.id = x.child`;
  }
  return { newRows: fresh.length, duplicate };
}

export const PLACE_RESOURCE: RecordResource<PlaceRow> = {
  columns: PLACE_COLUMNS,
  required: ['name'],
  parse: parsePlace,
  write: writePlaces,
};

export function runPlaceImport(body: AsyncIterable<Uint8Array>, options: RecordImportOptions) {
  return runRecordImport(PLACE_RESOURCE, body, options);
}
