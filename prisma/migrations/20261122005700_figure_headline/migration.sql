
-- CreateTable
CREATE TABLE "figure_headline" (
    "metricId" INTEGER NOT NULL,
    "placeKey" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "figureId" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" "Qualifier" NOT NULL,
    "claims" INTEGER NOT NULL,
    "figureIds" INTEGER[],

    CONSTRAINT "figure_headline_pkey" PRIMARY KEY ("metricId","day","placeKey")
);

-- ─── Hand-written: keep figure_headline right from inside PostgreSQL ─────────
-- Every writer (Prisma mutations, COPY and INSERT … SELECT imports, bench:data,
-- psql) goes through these statement-level triggers, in the writer's own
-- transaction. Each trigger collects the (metric, day) pairs its statement
-- touched from the transition tables and recomputes every headline row of
-- those pairs: one row per place plus one (placeKey -1) across places.
-- The ORDER BY below is the headline rule of lib/figures/headlineRule.ts;
-- change both together.

CREATE FUNCTION figure_headline_refresh(metric_ids INTEGER[], days DATE[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  pairs INTEGER := coalesce(cardinality(metric_ids), 0);
BEGIN
  IF pairs = 0 THEN
    RETURN;
  END IF;
  -- Two writers recomputing the same (metric, day) must not interleave, or the
  -- later one would delete rows the earlier one committed and insert rows from
  -- a snapshot that misses the earlier one's figures. Small statements lock
  -- their days (and share the metric); big ones (imports) lock whole metrics,
  -- so a million-row load takes a handful of locks. Locks are taken in key
  -- order to avoid deadlocks and held until commit.
  IF pairs > 64 THEN
    PERFORM pg_advisory_xact_lock(72617100, m)
      FROM (SELECT DISTINCT u.m FROM unnest(metric_ids) AS u(m) ORDER BY u.m) k;
  ELSE
    PERFORM pg_advisory_xact_lock_shared(72617100, m)
      FROM (SELECT DISTINCT u.m FROM unnest(metric_ids) AS u(m) ORDER BY u.m) k;
    PERFORM pg_advisory_xact_lock(72617101, hashtext(m || ':' || d))
      FROM (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d) ORDER BY 1, 2) k;
  END IF;

  DELETE FROM figure_headline h
   USING (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)) k
   WHERE h."metricId" = k.m AND h.day = k.d;

  INSERT INTO figure_headline ("metricId", "placeKey", day, "figureId", value, low, high, qualifier, claims, "figureIds")
  WITH k AS (
    SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)
  ), c AS (
    SELECT f.id, f."metricId" AS m, f."asOf" AS d, coalesce(f."originId", f."destinationId", 0) AS p,
           f.low, f.high, f.qualifier,
           CASE f.qualifier WHEN 'RANGE' THEN (f.low + f.high + 1) / 2 WHEN 'AT_MOST' THEN f.high ELSE f.low END AS value,
           row_number() OVER (PARTITION BY f."metricId", f."asOf", coalesce(f."originId", f."destinationId", 0)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_place,
           row_number() OVER (PARTITION BY f."metricId", f."asOf"
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_all
      FROM figure f
      JOIN source s ON s.id = f."sourceId"
     WHERE f.status = 'PUBLISHED' AND (f."metricId", f."asOf") IN (SELECT k.m, k.d FROM k)
  )
  SELECT m, p, d,
         min(id) FILTER (WHERE rank_place = 1), min(value) FILTER (WHERE rank_place = 1),
         min(low) FILTER (WHERE rank_place = 1), min(high) FILTER (WHERE rank_place = 1),
         min(qualifier::text) FILTER (WHERE rank_place = 1)::"Qualifier",
         count(*)::int, array_agg(id ORDER BY rank_place) FILTER (WHERE rank_place <= 50)
    FROM c GROUP BY m, d, p
  UNION ALL
  SELECT m, -1, d,
         min(id) FILTER (WHERE rank_all = 1), min(value) FILTER (WHERE rank_all = 1),
         min(low) FILTER (WHERE rank_all = 1), min(high) FILTER (WHERE rank_all = 1),
         min(qualifier::text) FILTER (WHERE rank_all = 1)::"Qualifier",
         count(*)::int, array_agg(id ORDER BY rank_all) FILTER (WHERE rank_all <= 50)
    FROM c GROUP BY m, d;
END;
$$;

CREATE FUNCTION figure_headline_on_figure_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM new_figures WHERE status = 'PUBLISHED') k;
  RETURN NULL;
END;
$$;

-- Old and new rows both count: an update can move a figure to another day or
-- metric, or take it out of (or into) the published set.
CREATE FUNCTION figure_headline_on_figure_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT "metricId" AS m, "asOf" AS d FROM old_figures WHERE status = 'PUBLISHED'
           UNION
           SELECT "metricId", "asOf" FROM new_figures WHERE status = 'PUBLISHED') k;
  RETURN NULL;
END;
$$;

CREATE FUNCTION figure_headline_on_figure_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM old_figures WHERE status = 'PUBLISHED') k;
  RETURN NULL;
END;
$$;

-- DELETE, not TRUNCATE: the TRUNCATE that fired this may list figure_headline too.
CREATE FUNCTION figure_headline_on_figure_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM figure_headline;
  RETURN NULL;
END;
$$;

-- A source's preferred flag and publishedAt decide winners among its figures' days.
CREATE FUNCTION figure_headline_on_source_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f
            WHERE f.status = 'PUBLISHED'
              AND f."sourceId" IN (SELECT n.id FROM new_sources n JOIN old_sources o ON o.id = n.id
                                    WHERE n.preferred IS DISTINCT FROM o.preferred
                                       OR n."publishedAt" IS DISTINCT FROM o."publishedAt")) k;
  RETURN NULL;
END;
$$;

-- PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER figure_headline_insert AFTER INSERT ON figure
  REFERENCING NEW TABLE AS new_figures FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_on_figure_insert();
CREATE TRIGGER figure_headline_update AFTER UPDATE ON figure
  REFERENCING OLD TABLE AS old_figures NEW TABLE AS new_figures FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_on_figure_update();
CREATE TRIGGER figure_headline_delete AFTER DELETE ON figure
  REFERENCING OLD TABLE AS old_figures FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_on_figure_delete();
CREATE TRIGGER figure_headline_truncate AFTER TRUNCATE ON figure
  FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_on_figure_truncate();
CREATE TRIGGER figure_headline_source_update AFTER UPDATE ON source
  REFERENCING OLD TABLE AS old_sources NEW TABLE AS new_sources FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_on_source_update();

-- Backfill from the figures already stored.
SELECT figure_headline_refresh(array_agg(k.m), array_agg(k.d))
  FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k;
