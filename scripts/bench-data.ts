// `npm run bench:data -- --figures 1000000 --database-url postgresql://…/corridor_bench`
// Fills a database you name with synthetic figures for benchmarks. Everything
// it creates is labelled synthetic. Rows are generated inside PostgreSQL with
// set-based INSERT … SELECT over generate_series: one statement per table, no
// row-by-row round trips.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabase, describeDatabaseUrl } from '../lib/db/admin';
import { migrate } from '../lib/db/migrate';

const { values } = parseArgs({
  options: {
    figures: { type: 'string', default: '1000000' },
    'database-url': { type: 'string' },
    reset: { type: 'boolean', default: false },
    seed: { type: 'string', default: '0.42' },
  },
});

const say = (l: string) => console.log(`[bench:data] ${l}`);
const die = (l: string): never => {
  console.error(`[bench:data] error: ${l}`);
  process.exit(1);
};

const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
if (!url) die('name the database: --database-url postgresql://postgres@127.0.0.1:5432/corridor_bench');
const figures = Number(values.figures);
if (!Number.isInteger(figures) || figures < 1 || figures > 50_000_000) die('--figures must be a whole number between 1 and 50,000,000');
const seed = Number(values.seed);
if (!(seed >= -1 && seed <= 1)) die('--seed must be between -1 and 1');

async function ensureDatabase(target: string) {
  const u = new URL(target);
  const name = u.pathname.slice(1);
  const server = new URL(target);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  await c.end();
  if (!exists) {
    say(`creating database ${name}`);
    await createDatabase(server.toString(), name);
  }
}

const OBLASTS = ['Cherkasy', 'Chernihiv', 'Chernivtsi', 'Dnipropetrovsk', 'Donetsk', 'Ivano-Frankivsk', 'Kharkiv', 'Kherson', 'Khmelnytskyi', 'Kirovohrad', 'Kyiv', 'Luhansk', 'Lviv', 'Mykolaiv', 'Odesa', 'Poltava', 'Rivne', 'Sumy', 'Ternopil', 'Vinnytsia', 'Volyn', 'Zakarpattia', 'Zaporizhzhia', 'Zhytomyr'];

async function main() {
  await ensureDatabase(url!);
  await migrate(url!, { log: say });
  const c = new pg.Client({ connectionString: url! });
  await c.connect();
  try {
    const existing = Number((await c.query('SELECT count(*) AS n FROM figure')).rows[0].n);
    if (existing > 0 && !values.reset) die(`${describeDatabaseUrl(url!)} already holds ${existing} figures; add --reset to replace them`);
    const started = Date.now();
    await c.query('BEGIN');
    if (values.reset) {
      const { rows } = await c.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> '_prisma_migrations'`);
      await c.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    }
    await c.query('SELECT setseed($1)', [seed]);
    await c.query(`INSERT INTO metric (key, label, unit, kind, "hxlTag", keywords, description, "updatedAt") VALUES
      ('refugees', 'Refugees', 'people', 'STOCK', '#affected+refugees', '{refugees,fled}', 'Synthetic benchmark metric', now()),
      ('evacuees', 'Evacuees', 'people', 'FLOW', '#affected+evacuated', '{evacuated,evacuees}', 'Synthetic benchmark metric', now()),
      ('buses', 'Evacuation buses', 'vehicles', 'FLOW', '#indicator+buses+num', '{buses}', 'Synthetic benchmark metric', now())`);
    // Places: one country, 24 oblasts, 10 synthetic cities per oblast.
    await c.query(`INSERT INTO place (name, type, code, latitude, longitude, "updatedAt") VALUES ('Ukraine', 'COUNTRY', 'UKR', 48.38, 31.17, now())`);
    await c.query(
      `INSERT INTO place (name, type, "parentId", code, "updatedAt")
       SELECT o.name || ' Oblast', 'ADMIN1', 1, 'UA' || lpad(o.i::text, 2, '0'), now() FROM unnest($1::text[]) WITH ORDINALITY AS o(name, i)`,
      [OBLASTS],
    );
    await c.query(`INSERT INTO place (name, type, "parentId", "updatedAt")
      SELECT 'Synthetic city ' || o.id || '-' || g, 'CITY', o.id, now() FROM place o, generate_series(1, 10) g WHERE o.type = 'ADMIN1'`);
    await c.query(`INSERT INTO organization (name, type, "updatedAt")
      SELECT 'Synthetic publisher ' || g, (ARRAY['UN_AGENCY','GOVERNMENT','NEWS_OUTLET','NGO']::"OrganizationType"[])[1 + g % 4], now() FROM generate_series(1, 20) g`);
    await c.query(`INSERT INTO source (title, url, "publisherId", "publishedAt", "accessedAt", preferred, "updatedAt")
      SELECT 'Synthetic source ' || g, 'https://example.org/synthetic/' || g, 1 + g % 20,
             date '2022-02-24' + (g % 1000), date '2022-02-24' + (g % 1000) + 1, g % 50 = 0, now()
      FROM generate_series(1, 5000) g`);
    const placeCount = Number((await c.query('SELECT count(*) AS n FROM place')).rows[0].n);
    // Building the secondary indexes once after the load is several times
    // faster than maintaining them row by row; they are recreated as they were.
    const { rows: indexes } = await c.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'figure' AND indexname <> 'figure_pkey'`,
    );
    for (const i of indexes) await c.query(`DROP INDEX "${i.indexname}"`);
    // Figures: 40% refugees (a rising stock), 35% evacuees, 25% buses, spread
    // over 1,000 days from 24 Feb 2022; 95% published, 4% drafts, 1% retracted.
    await c.query(
      `INSERT INTO figure ("metricId", low, high, qualifier, "valueAsStated", "asOf", "periodStart", "periodEnd", "originId", "destinationId",
                           "sourceId", quote, attribution, status, "retractedReason", "publishedAt", "updatedAt")
       SELECT m, lo, CASE WHEN q = 'RANGE' THEN lo + greatest(1, lo / 20) ELSE lo END, q::"Qualifier", NULL, d,
              CASE WHEN m = 1 THEN NULL ELSE d END, CASE WHEN m = 1 THEN NULL ELSE d END,
              o, CASE WHEN m = 1 THEN NULL ELSE 1 + (g * 7) % $2 END,
              1 + (g * 13) % 5000, 'Synthetic quote ' || g || ': figure generated for benchmarks.', 'Synthetic attribution',
              s::"FigureStatus", CASE WHEN s = 'RETRACTED' THEN 'Synthetic retraction' END,
              CASE WHEN s = 'PUBLISHED' THEN now() END, now()
       FROM (
         SELECT g,
                CASE WHEN g % 20 < 8 THEN 1 WHEN g % 20 < 15 THEN 2 ELSE 3 END AS m,
                date '2022-02-24' + (g / 7) % 1000 AS d,
                CASE WHEN g % 20 < 8 THEN 1 + (g % 5) * (g % 3) ELSE 1 + (g * 31) % $2 END AS o,
                CASE WHEN g % 100 < 95 THEN 'PUBLISHED' WHEN g % 100 < 99 THEN 'DRAFT' ELSE 'RETRACTED' END AS s,
                (ARRAY['EXACT','APPROXIMATE','AT_LEAST','AT_MOST','RANGE'])[1 + g % 5] AS q,
                CASE WHEN g % 20 < 8 THEN (1000000 + ((g / 7) % 1000) * 5000 + (random() * 100000)::int)::bigint
                     WHEN g % 20 < 15 THEN (50 + random() * 5000)::bigint
                     ELSE (1 + random() * 80)::bigint END AS lo
         FROM generate_series(1, $1::int) g
       ) x`,
      [figures, placeCount],
    );
    for (const i of indexes) await c.query(i.indexdef);
    // History, as the app writes it (lib/figures/figureSnapshot.ts): every figure's
    // IMPORT revision a day ago, and for one in twenty an earlier, corrected-since value
    // two days ago. The figure_revision trigger fills figure_version from these.
    const after = (low: string) => `jsonb_build_object('metricId', f."metricId", 'qualifier', f.qualifier, 'low', (${low})::text,
      'high', (f.high - f.low + ${low})::text, 'valueAsStated', f."valueAsStated", 'asOf', to_char(f."asOf", 'YYYY-MM-DD'),
      'periodStart', to_char(f."periodStart", 'YYYY-MM-DD'), 'periodEnd', to_char(f."periodEnd", 'YYYY-MM-DD'),
      'originId', f."originId", 'destinationId', f."destinationId", 'sourceId', f."sourceId", 'quote', f.quote,
      'attribution', f.attribution, 'notes', f.notes, 'status', f.status, 'retractedReason', f."retractedReason")`;
    await c.query(`INSERT INTO figure_revision ("figureId", version, action, after, reason, "createdAt")
      SELECT f.id, 1, 'IMPORT', ${after('f.low + 1')}, 'Synthetic benchmark history', now() - interval '2 days' FROM figure f WHERE f.id % 20 = 0`);
    await c.query(`INSERT INTO figure_revision ("figureId", version, action, after, reason, "createdAt")
      SELECT f.id, 2, 'IMPORT', ${after('f.low')}, 'Synthetic benchmark history', now() - interval '1 day' FROM figure f`);
    await c.query(`INSERT INTO app_setting (key, value, "updatedAt") VALUES ('synthetic_data', $1, now())`, [JSON.stringify({ figures, generatedAt: new Date().toISOString() })]);
    await c.query('COMMIT');
    await c.query('ANALYZE');
    say(`generated ${figures.toLocaleString('en')} synthetic figures into ${describeDatabaseUrl(url!)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}

main().catch((err) => die(err instanceof Error ? err.message : String(err)));
