// The SQL of an import, run in one transaction: a temporary staging table filled
// by COPY, then set-based matching of organisations, sources and places, the
// duplicate check and the inserts of figures and their IMPORT revisions.
// Every step is one statement over all rows, so the figure table's
// statement-level headline triggers fire once per import, not once per row.
// The staging table holds the file's wide text and is written once; the ids the
// matching finds go to the narrow import_match table, because every UPDATE of
// a whole table writes a new copy of each row.

export const STAGE_COLUMNS = [
  'row', 'file_id', 'metric_id', 'low', 'high', 'qualifier', 'stated', 'as_of', 'period_start', 'period_end',
  'origin_name', 'origin_code', 'dest_name', 'dest_code', 'source_title', 'source_url', 'publisher', 'published_at',
  'quote', 'attribution', 'notes', 'retracted',
] as const;

export const CREATE_STAGE = `
  CREATE TEMP TABLE import_stage (
    row int PRIMARY KEY, file_id int, metric_id int NOT NULL, low bigint NOT NULL, high bigint NOT NULL,
    qualifier text NOT NULL, stated text, as_of date NOT NULL, period_start date, period_end date,
    origin_name text, origin_code text, dest_name text, dest_code text,
    source_title text NOT NULL, source_url text, publisher text, published_at date,
    quote text, attribution text, notes text, retracted boolean NOT NULL
  ) ON COMMIT DROP`;

// Codes follow ISO 3166 alpha-3 for countries and OCHA P-codes (UA59, UA5908, …) below.
const PLACE_TYPE = `CASE
  WHEN code ~ '^[A-Z]{3}$' THEN 'COUNTRY'
  WHEN code ~ '^[A-Z]{2}[0-9]{2}$' THEN 'ADMIN1'
  WHEN code ~ '^[A-Z]{2}[0-9]{4}$' THEN 'ADMIN2'
  WHEN code ~ '^[A-Z]{2}[0-9]{6,7}$' THEN 'ADMIN3'
  ELSE 'OTHER' END::"PlaceType"`;

const STAGED_PLACES = `(SELECT origin_name AS name, origin_code AS code FROM import_stage
  UNION ALL SELECT dest_name, dest_code FROM import_stage) x`;

export const RESOLVE_STEPS: string[] = [
  `ANALYZE import_stage`,
  `INSERT INTO organization (name, "updatedAt")
   SELECT DISTINCT publisher, now() FROM import_stage WHERE publisher IS NOT NULL
   ON CONFLICT (name) DO NOTHING`,
  // Sources with a URL are matched by URL.
  `INSERT INTO source (title, url, "publisherId", "publishedAt", "updatedAt")
   SELECT DISTINCT ON (st.source_url) st.source_title, st.source_url, o.id, st.published_at, now()
   FROM import_stage st LEFT JOIN organization o ON o.name = st.publisher
   WHERE st.source_url IS NOT NULL ORDER BY st.source_url, st.row
   ON CONFLICT (url) DO NOTHING`,
  // Sources without a URL are matched by title, publisher and published day.
  `CREATE TEMP TABLE import_source_keys ON COMMIT DROP AS
   SELECT DISTINCT source_title AS title, coalesce(publisher, '') AS publisher, coalesce(published_at, 'infinity') AS published_at
   FROM import_stage WHERE source_url IS NULL`,
  `ALTER TABLE import_source_keys ADD COLUMN id int`,
  `UPDATE import_source_keys k SET id = (
     SELECT min(s.id) FROM source s LEFT JOIN organization o ON o.id = s."publisherId"
     WHERE s.url IS NULL AND s.title = k.title AND coalesce(o.name, '') = k.publisher AND coalesce(s."publishedAt", 'infinity') = k.published_at)`,
  `WITH created AS (
     INSERT INTO source (title, "publisherId", "publishedAt", "updatedAt")
     SELECT k.title, o.id, nullif(k.published_at, 'infinity'), now()
     FROM import_source_keys k LEFT JOIN organization o ON o.name = nullif(k.publisher, '')
     WHERE k.id IS NULL
     RETURNING id, title, "publisherId", "publishedAt")
   UPDATE import_source_keys k SET id = c.id FROM created c LEFT JOIN organization o ON o.id = c."publisherId"
   WHERE k.id IS NULL AND c.title = k.title AND coalesce(o.name, '') = k.publisher AND coalesce(c."publishedAt", 'infinity') = k.published_at`,
  // Places with a code are matched by code; places without one by name (case-insensitive).
  `INSERT INTO place (name, type, code, "updatedAt")
   SELECT DISTINCT ON (code) coalesce(name, code), ${PLACE_TYPE}, code, now()
   FROM ${STAGED_PLACES} WHERE code IS NOT NULL ORDER BY code, name
   ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO place (name, type, "updatedAt")
   SELECT DISTINCT ON (lower(name)) name, 'OTHER', now() FROM ${STAGED_PLACES}
   WHERE code IS NULL AND name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM place p WHERE lower(p.name) = lower(x.name))
   ORDER BY lower(name), name`,
  `CREATE TEMP TABLE import_place_keys ON COMMIT DROP AS
   SELECT DISTINCT lower(name) AS name FROM ${STAGED_PLACES} WHERE code IS NULL AND name IS NOT NULL`,
  `ALTER TABLE import_place_keys ADD COLUMN id int`,
  `UPDATE import_place_keys k SET id = (SELECT min(p.id) FROM place p WHERE lower(p.name) = k.name)`,
  // Each row's source and place ids, in one pass.
  `CREATE TEMP TABLE import_match ON COMMIT DROP AS
   SELECT x.row, x.file_id, x.metric_id, x.as_of, x.low, x.high,
     coalesce(s.id, sk.id) AS source_id, coalesce(po.id, ko.id) AS origin_id, coalesce(pd.id, kd.id) AS dest_id,
     false AS duplicate, NULL::int AS new_id
   FROM import_stage x
     LEFT JOIN source s ON x.source_url IS NOT NULL AND s.url = x.source_url
     LEFT JOIN import_source_keys sk ON x.source_url IS NULL AND sk.title = x.source_title
       AND sk.publisher = coalesce(x.publisher, '') AND sk.published_at = coalesce(x.published_at, 'infinity')
     LEFT JOIN place po ON po.code = x.origin_code
     LEFT JOIN import_place_keys ko ON x.origin_code IS NULL AND ko.name = lower(x.origin_name)
     LEFT JOIN place pd ON pd.code = x.dest_code
     LEFT JOIN import_place_keys kd ON x.dest_code IS NULL AND kd.name = lower(x.dest_name)`,
  `ALTER TABLE import_match ADD PRIMARY KEY (row)`,
  `ANALYZE import_match`,
  // Duplicates: the export's id naming the same claim, the natural key, or an earlier row of the file.
  `UPDATE import_match st SET duplicate = true FROM figure f
   WHERE st.file_id IS NOT NULL AND f.id = st.file_id AND f."metricId" = st.metric_id AND f."sourceId" = st.source_id`,
  `UPDATE import_match st SET duplicate = true FROM figure f
   WHERE NOT st.duplicate AND f."metricId" = st.metric_id AND f."asOf" = st.as_of AND f.low = st.low AND f.high = st.high
     AND f."sourceId" = st.source_id AND coalesce(f."originId", 0) = coalesce(st.origin_id, 0)
     AND coalesce(f."destinationId", 0) = coalesce(st.dest_id, 0)`,
  `UPDATE import_match st SET duplicate = true FROM (
     SELECT row, row_number() OVER (PARTITION BY metric_id, as_of, low, high, source_id, coalesce(origin_id, 0), coalesce(dest_id, 0) ORDER BY row) AS n
     FROM import_match WHERE NOT duplicate) r
   WHERE r.row = st.row AND r.n > 1`,
];

/** Only before a commit: the ids the new figures will get. */
export const ASSIGN_ID_STEPS: string[] = [
  // New figures keep the file's id when it is free, so a round trip keeps ids;
  // of several new rows naming the same id, the first keeps it.
  `UPDATE import_match st SET new_id = st.file_id
   FROM (SELECT min(row) AS row FROM import_match WHERE NOT duplicate AND file_id IS NOT NULL GROUP BY file_id) first
   WHERE first.row = st.row AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.id = st.file_id)`,
  // The others take fresh ids above every kept one (nextval in the insert).
  `SELECT setval(pg_get_serial_sequence('figure', 'id'),
     greatest((SELECT max(id) FROM figure), (SELECT max(new_id) FROM import_match), 1))`,
];

/**
 * Inserts the new figures and their IMPORT revisions in one statement.
 * $1 status for non-retracted rows, $2 user id, $3 import run id, $4 revision reason.
 * The snapshot matches lib/figures/figureSnapshot.ts.
 */
export const INSERT_FIGURES = `
  WITH inserted AS (
    INSERT INTO figure (id, "metricId", low, high, qualifier, "valueAsStated", "asOf", "periodStart", "periodEnd",
      "originId", "destinationId", "sourceId", quote, attribution, notes, status, "retractedReason", "publishedAt", "publishedById",
      "importRunId", "createdById", "updatedById", "updatedAt")
    SELECT coalesce(m.new_id, nextval(pg_get_serial_sequence('figure', 'id'))), st.metric_id, st.low, st.high,
      st.qualifier::"Qualifier", st.stated, st.as_of, st.period_start, st.period_end,
      m.origin_id, m.dest_id, m.source_id, st.quote, st.attribution, st.notes,
      CASE WHEN st.retracted THEN 'RETRACTED' ELSE $1 END::"FigureStatus",
      CASE WHEN st.retracted THEN 'Retracted in the imported file' END,
      CASE WHEN NOT st.retracted AND $1 = 'PUBLISHED' THEN now() END,
      CASE WHEN NOT st.retracted AND $1 = 'PUBLISHED' THEN $2 END,
      $3, $2, $2, now()
    FROM import_stage st JOIN import_match m ON m.row = st.row
    WHERE NOT m.duplicate ORDER BY st.row
    RETURNING *)
  INSERT INTO figure_revision ("figureId", version, action, after, reason, "userId")
  SELECT f.id, 1, 'IMPORT', jsonb_build_object(
      'metricId', f."metricId", 'qualifier', f.qualifier, 'low', f.low::text, 'high', f.high::text,
      'valueAsStated', f."valueAsStated", 'asOf', to_char(f."asOf", 'YYYY-MM-DD'),
      'periodStart', to_char(f."periodStart", 'YYYY-MM-DD'), 'periodEnd', to_char(f."periodEnd", 'YYYY-MM-DD'),
      'originId', f."originId", 'destinationId', f."destinationId", 'sourceId', f."sourceId", 'quote', f.quote,
      'attribution', f.attribution, 'notes', f.notes, 'status', f.status, 'retractedReason', f."retractedReason"),
    $4, $2
  FROM inserted f`;
