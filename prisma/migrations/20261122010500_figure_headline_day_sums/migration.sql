
-- AlterTable
ALTER TABLE "figure_headline" ADD COLUMN     "sumFigureIds" INTEGER[],
ADD COLUMN     "sumFigureRanks" INTEGER[],
ADD COLUMN     "sumHigh" BIGINT,
ADD COLUMN     "sumLow" BIGINT,
ADD COLUMN     "sumQualifiers" "Qualifier"[],
ADD COLUMN     "sumValue" BIGINT;

-- ─── Hand-written: the day's flow totals on each placeKey -1 row ─────────────
-- A flow sums one headline per (day, place); keeping that sum per day lets a
-- year of flow points read ~365 rows instead of every (day, place) row.
-- Same function as 20261122005700_figure_headline, plus the sum* columns.
CREATE OR REPLACE FUNCTION figure_headline_refresh(metric_ids INTEGER[], days DATE[]) RETURNS void
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

  INSERT INTO figure_headline ("metricId", "placeKey", day, "figureId", value, low, high, qualifier, claims, "figureIds",
                               "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks")
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
         count(*)::int, array_agg(id ORDER BY rank_place) FILTER (WHERE rank_place <= 50),
         NULL::bigint, NULL::bigint, NULL::bigint, NULL::"Qualifier"[], NULL::int[], NULL::int[]
    FROM c GROUP BY m, d, p
  UNION ALL
  SELECT m, -1, d,
         min(id) FILTER (WHERE rank_all = 1), min(value) FILTER (WHERE rank_all = 1),
         min(low) FILTER (WHERE rank_all = 1), min(high) FILTER (WHERE rank_all = 1),
         min(qualifier::text) FILTER (WHERE rank_all = 1)::"Qualifier",
         count(*)::int, array_agg(id ORDER BY rank_all) FILTER (WHERE rank_all <= 50),
         sum(value) FILTER (WHERE rank_place = 1)::bigint, sum(low) FILTER (WHERE rank_place = 1)::bigint,
         sum(high) FILTER (WHERE rank_place = 1)::bigint,
         array_agg(DISTINCT qualifier) FILTER (WHERE rank_place = 1),
         (array_agg(id ORDER BY rank_place, id DESC) FILTER (WHERE rank_place <= 50))[1:50],
         (array_agg(rank_place::int ORDER BY rank_place, id DESC) FILTER (WHERE rank_place <= 50))[1:50]
    FROM c GROUP BY m, d;
END;
$$;

-- Backfill the new columns.
SELECT figure_headline_refresh(array_agg(k.m), array_agg(k.d))
  FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k;
