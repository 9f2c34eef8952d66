-- ─── Fast public reads and HTTP caching (issue 16) ──────────────────────────

-- Keyset pages of the figure list: each sort is (column, id) after one status,
-- so an index scan yields rows in page order and stops after LIMIT rows.
CREATE INDEX "figure_status_asOf_id_idx" ON "figure"("status", "asOf", "id");
CREATE INDEX "figure_status_low_id_idx" ON "figure"("status", "low", "id");
CREATE INDEX "figure_status_updatedAt_id_idx" ON "figure"("status", "updatedAt", "id");

-- Trigram search for `q` (an ILIKE '%…%' on the quote). pg_trgm is a contrib
-- extension shipped by Debian's postgresql-contrib and by embedded-postgres; it is
-- trusted, so the database owner may create it. Where it is missing, the search
-- still works (a sequential scan) and a notice says why it is slow.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX IF NOT EXISTS "figure_quote_trgm_idx" ON "figure" USING gin ("quote" gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "source_title_trgm_idx" ON "source" USING gin ("title" gin_trgm_ops);
  ELSE
    RAISE NOTICE 'pg_trgm is not available on this server: search (q) will scan every quote. Install postgresql-contrib and run CREATE EXTENSION pg_trgm.';
  END IF;
END $$;

-- The data version: one row, bumped by a statement trigger in the same
-- transaction as every write to a table that public reads show. A rolled-back
-- write rolls the bump back too. ETags are made from it (lib/http/dataVersion.ts).
CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_version_one_row" CHECK ("id" = 1)
);
INSERT INTO "data_version" ("id") VALUES (1);

CREATE FUNCTION data_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- One row lock per writing transaction: concurrent writers queue here until
  -- commit, which is what makes the version order the commit order.
  -- An upsert, so a TRUNCATE of every table (tests, bench:data --reset) cannot lose the row.
  INSERT INTO data_version (id, version, "changedAt") VALUES (1, 2, clock_timestamp())
    ON CONFLICT (id) DO UPDATE SET version = data_version.version + 1, "changedAt" = clock_timestamp();
  RETURN NULL;
END $$;

CREATE TRIGGER data_version_figure AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON figure
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_organization AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_place AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON place
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_metric AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metric
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_event AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
