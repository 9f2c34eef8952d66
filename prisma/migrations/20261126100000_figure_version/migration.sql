-- CreateTable
CREATE TABLE "figure_version" (
    "id" BIGSERIAL NOT NULL,
    "revisionId" BIGINT,
    "figureId" INTEGER NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "metricId" INTEGER NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" "Qualifier" NOT NULL,
    "valueAsStated" TEXT,
    "asOf" DATE NOT NULL,
    "periodStart" DATE,
    "periodEnd" DATE,
    "originId" INTEGER,
    "destinationId" INTEGER,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "attribution" TEXT,
    "notes" TEXT,
    "status" "FigureStatus" NOT NULL,
    "retractedReason" TEXT,

    CONSTRAINT "figure_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshot" (
    "id" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "vintage" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "figure_version_revisionId_key" ON "figure_version"("revisionId");

-- CreateIndex
CREATE INDEX "figure_version_metricId_asOf_idx" ON "figure_version"("metricId", "asOf");

-- CreateIndex
CREATE INDEX "figure_version_figureId_validFrom_idx" ON "figure_version"("figureId", "validFrom");

-- CreateIndex
CREATE INDEX "snapshot_view_query_vintage_idx" ON "snapshot"("view", "query", "vintage");

-- AddForeignKey
ALTER TABLE "figure_version" ADD CONSTRAINT "figure_version_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "figure_revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── figure_version from figure_revision (docs/architecture.md, "Vintages") ───
-- Each revision's `after` (lib/figures/figureSnapshot.ts) is the figure's whole
-- state from the revision's instant until the next revision of that figure.
-- Intervals are half open, [validFrom, validTo): revisions written in one
-- transaction share an instant, so all but the last of them hold for no time.

-- The statement that inserts the states the revisions in table `revisions` give
-- (figure_revision, or a trigger's transition table of new rows), each valid
-- until the next one of its figure among them. Text, so that the trigger can
-- run it over its transition table (EXECUTE sees it; a called function does not).
CREATE FUNCTION figure_version_insert_sql(revisions text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO figure_version ("revisionId", "figureId", "validFrom", "validTo", "metricId", low, high, qualifier,
      "valueAsStated", "asOf", "periodStart", "periodEnd", "originId", "destinationId", "sourceId", quote, attribution,
      notes, status, "retractedReason")
    SELECT r.id, r."figureId", r."createdAt",
           lead(r."createdAt") OVER (PARTITION BY r."figureId" ORDER BY r."createdAt", r.id),
           (r.after->>'metricId')::int, (r.after->>'low')::bigint, (r.after->>'high')::bigint,
           (r.after->>'qualifier')::"Qualifier", r.after->>'valueAsStated', (r.after->>'asOf')::date,
           (r.after->>'periodStart')::date, (r.after->>'periodEnd')::date, (r.after->>'originId')::int,
           (r.after->>'destinationId')::int, (r.after->>'sourceId')::int, r.after->>'quote', r.after->>'attribution',
           r.after->>'notes', (r.after->>'status')::"FigureStatus", r.after->>'retractedReason'
    FROM %I r WHERE r.after IS NOT NULL AND r.after ? 'status'$q$, revisions)
$f$;

CREATE FUNCTION figure_version_on_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The new revisions end each figure's open state (at the first new one).
  UPDATE figure_version v SET "validTo" = greatest(v."validFrom", n.first_at)
  FROM (SELECT "figureId", min("createdAt") AS first_at FROM new_revisions
        WHERE after IS NOT NULL AND after ? 'status' GROUP BY "figureId") n
  WHERE v."figureId" = n."figureId" AND v."validTo" IS NULL;
  EXECUTE figure_version_insert_sql('new_revisions');
  RETURN NULL;
END $$;

CREATE TRIGGER figure_version_on_revisions AFTER INSERT ON figure_revision
  REFERENCING NEW TABLE AS new_revisions FOR EACH STATEMENT EXECUTE FUNCTION figure_version_on_revisions();

-- Backfill: every revision so far, then figures that have none (their current
-- row, valid from their creation: nothing older is known about them).
DO $$ BEGIN EXECUTE figure_version_insert_sql('figure_revision'); END $$;
INSERT INTO figure_version ("figureId", "validFrom", "metricId", low, high, qualifier, "valueAsStated", "asOf",
  "periodStart", "periodEnd", "originId", "destinationId", "sourceId", quote, attribution, notes, status, "retractedReason")
SELECT f.id, f."createdAt", f."metricId", f.low, f.high, f.qualifier, f."valueAsStated", f."asOf", f."periodStart",
       f."periodEnd", f."originId", f."destinationId", f."sourceId", f.quote, f.attribution, f.notes, f.status, f."retractedReason"
FROM figure f WHERE NOT EXISTS (SELECT 1 FROM figure_revision r WHERE r."figureId" = f.id);

-- Snapshots ask whether any revision falls between two instants.
CREATE INDEX "figure_revision_createdAt_idx" ON "figure_revision"("createdAt");
