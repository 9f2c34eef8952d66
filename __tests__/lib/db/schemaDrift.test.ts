// The migrated database must match prisma/schema.prisma exactly. The expected
// shape comes from Prisma's own schema parser (its DMMF), the actual shape from
// PostgreSQL's catalogs, so migrations and schema cannot drift apart unnoticed.
import { readFileSync } from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { db } from '@/lib/db/client';

interface DmmfField {
  name: string; dbName?: string | null; kind: 'scalar' | 'enum' | 'object'; isList: boolean; isRequired: boolean;
  type: string; nativeType: [string, string[]] | null; hasDefaultValue: boolean; default?: unknown; isUpdatedAt: boolean;
  relationFromFields?: string[]; relationToFields?: string[];
}
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfIndex { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }
interface Dmmf { datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string }[] }[]; indexes: DmmfIndex[] } }

const dmmf: Dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') })));
const models = dmmf.datamodel.models;
const table = (m: DmmfModel) => m.dbName ?? m.name;
const column = (f: DmmfField) => f.dbName ?? f.name;
const modelByName = new Map(models.map((m) => [m.name, m]));
const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.dbName ?? e.name));

function expectedType(f: DmmfField): string {
  const native = f.nativeType?.[0];
  let t: string;
  if (f.kind === 'enum') t = f.type;
  else if (native === 'Date') t = 'date';
  else if (native === 'Timestamptz') t = 'timestamptz';
  else if (native) throw new Error(`add a mapping for native type @db.${native}`);
  else t = ({ Int: 'int4', BigInt: 'int8', String: 'text', Boolean: 'bool', DateTime: 'timestamp', Float: 'float8', Json: 'jsonb', Decimal: 'numeric' } as Record<string, string>)[f.type];
  if (!t) throw new Error(`add a mapping for Prisma type ${f.type}`);
  return f.isList ? `_${t}` : t;
}

function expectedDefault(f: DmmfField): string | null {
  if (!f.hasDefaultValue || f.isUpdatedAt) return null;
  const d = f.default as { name?: string } | string | number | boolean | unknown[];
  if (Array.isArray(d)) return d.length === 0 ? `ARRAY[]::${expectedType(f).slice(1)}[]` : 'array';
  if (typeof d === 'object' && d && 'name' in d) {
    if (d.name === 'autoincrement') return 'nextval';
    if (d.name === 'now') return 'CURRENT_TIMESTAMP';
    throw new Error(`add a mapping for default ${d.name}()`);
  }
  if (f.kind === 'enum') return `'${d}'::"${f.type}"`;
  if (typeof d === 'string') return f.type === 'BigInt' ? d : `'${d}'::text`;
  return String(d);
}

type ColumnRow = { table_name: string; column_name: string; udt_name: string; is_nullable: 'YES' | 'NO'; column_default: string | null };

describe('schema.prisma and the migrated database', () => {
  let columns: ColumnRow[];
  beforeAll(async () => {
    columns = await db.$queryRaw<ColumnRow[]>`
      SELECT table_name, column_name, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
  });
  afterAll(() => db.$disconnect());

  it('have the same tables', async () => {
    const rows = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    expect(rows.map((r) => r.tablename).sort()).toEqual(models.map(table).sort());
  });

  it('have the same columns, types, nullability and defaults', () => {
    const expected = models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => ({
          column: `${table(m)}.${column(f)}`,
          type: expectedType(f),
          // Prisma creates scalar-list columns without NOT NULL.
          nullable: f.isList || !f.isRequired,
          default: expectedDefault(f),
        })),
    );
    const actual = columns.map((c) => ({
      column: `${c.table_name}.${c.column_name}`,
      type: c.udt_name,
      nullable: c.is_nullable === 'YES',
      default: c.column_default?.startsWith('nextval(') ? 'nextval' : c.column_default,
    }));
    const sort = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
    expect(actual.sort(sort)).toEqual(expected.sort(sort));
  });

  it('have the same enums and enum values', async () => {
    const rows = await db.$queryRaw<{ name: string; value: string }[]>`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`;
    const actual: Record<string, string[]> = {};
    for (const r of rows) (actual[r.name] ??= []).push(r.value);
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
    expect(enumNames.size).toBeGreaterThan(0);
  });

  it('have the same primary keys, unique constraints and indexes', async () => {
    const rows = await db.$queryRaw<{ table: string; columns: string[]; unique: boolean; primary: boolean }[]>`
      SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
             array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`;
    const kind = (r: { unique: boolean; primary: boolean }) => (r.primary ? 'id' : r.unique ? 'unique' : 'normal');
    const actual = rows.map((r) => `${r.table}(${r.columns.join(',')}) ${kind(r)}`).sort();
    const expected = dmmf.datamodel.indexes
      .map((i) => {
        const m = modelByName.get(i.model)!;
        const cols = i.fields.map((f) => column(m.fields.find((x) => x.name === f.name)!));
        return `${table(m)}(${cols.join(',')}) ${i.type}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('have the same foreign keys', async () => {
    const rows = await db.$queryRaw<{ table: string; columns: string[]; ref_table: string; ref_columns: string[] }[]>`
      SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS ref_table,
        (SELECT array_agg(attname ORDER BY ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n) AS columns,
        (SELECT array_agg(attname ORDER BY ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n) AS ref_columns
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`;
    const unquote = (s: string) => s.replace(/"/g, '');
    const actual = rows.map((r) => `${unquote(r.table)}(${r.columns.join(',')}) -> ${unquote(r.ref_table)}(${r.ref_columns.join(',')})`).sort();
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const target = modelByName.get(f.type)!;
            const from = f.relationFromFields!.map((n) => column(m.fields.find((x) => x.name === n)!));
            const to = f.relationToFields!.map((n) => column(target.fields.find((x) => x.name === n)!));
            return `${table(m)}(${from.join(',')}) -> ${table(target)}(${to.join(',')})`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
