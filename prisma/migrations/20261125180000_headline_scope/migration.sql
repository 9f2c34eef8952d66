-- ─── Hand-written: the headline rule's scope (no schema change) ───────────────
-- Two rules join the headline rule (lib/figures/headlineRule.ts; docs/architecture.md):
-- 1. A running total (STOCK) that names a destination counts people in that
--    destination ("refugees in Poland"); it is not a total for its origin. The
--    across-places headline (placeKey -1) of a stock therefore ranks only claims
--    without a destination, so a per-country count never stands in for the total.
-- 2. A count per period (FLOW) for a place is part of any count for a place that
--    contains it on the same day: a national total of evacuees already includes
--    Sumy's. The day's sum adds only places with no claimed ancestor that day.
-- Same function as 20261122010500_figure_headline_day_sums otherwise; both rules
-- are mirrored by the live query (lib/figures/listSeriesPoints.ts).
CREATE OR REPLACE FUNCTION figure_headline_refresh(metric_ids INTEGER[], days DATE[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  pairs INTEGER := coalesce(cardinality(metric_ids), 0);
BEGIN
  IF pairs = 0 THEN
    RETURN;
  END IF;
  -- See 20261122010500: per-day locks for small statements, per-metric for big ones.
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
  WITH RECURSIVE k AS (
    SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)
  ), c0 AS (
    SELECT f.id, f."metricId" AS m, f."asOf" AS d, coalesce(f."originId", f."destinationId", 0) AS p,
           f.low, f.high, f.qualifier,
           CASE f.qualifier WHEN 'RANGE' THEN (f.low + f.high + 1) / 2 WHEN 'AT_MOST' THEN f.high ELSE f.low END AS value,
           -- Rule 1: what may stand for the day across places.
           (mt.kind = 'FLOW' OR f."destinationId" IS NULL) AS in_total,
           mt.kind = 'FLOW' AS flow,
           row_number() OVER (PARTITION BY f."metricId", f."asOf", coalesce(f."originId", f."destinationId", 0)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_place,
           row_number() OVER (PARTITION BY f."metricId", f."asOf", (mt.kind = 'FLOW' OR f."destinationId" IS NULL)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_all
      FROM figure f
      JOIN source s ON s.id = f."sourceId"
      JOIN metric mt ON mt.id = f."metricId"
     WHERE f.status = 'PUBLISHED' AND (f."metricId", f."asOf") IN (SELECT k.m, k.d FROM k)
  ), keys AS (
    SELECT DISTINCT m, d, p FROM c0 WHERE flow AND p <> 0
  ), up (p, a) AS (
    -- Every place in play with each of its ancestors.
    SELECT pl.id, pl."parentId" FROM place pl WHERE pl.id IN (SELECT keys.p FROM keys) AND pl."parentId" IS NOT NULL
    UNION
    SELECT up.p, pl."parentId" FROM up JOIN place pl ON pl.id = up.a WHERE pl."parentId" IS NOT NULL
  ), part AS (
    -- Rule 2: a flow key with a claimed ancestor on the same day.
    SELECT DISTINCT keys.m, keys.d, keys.p FROM keys JOIN up ON up.p = keys.p JOIN keys k2 ON k2.m = keys.m AND k2.d = keys.d AND k2.p = up.a
  ), c AS (
    SELECT c0.*, (part.p IS NOT NULL) AS is_part,
           -- Parts sort after every place that is added, so the ids of a point list the added claims first.
           c0.rank_place + CASE WHEN part.p IS NOT NULL THEN 100000 ELSE 0 END AS sum_rank
      FROM c0 LEFT JOIN part ON part.m = c0.m AND part.d = c0.d AND part.p = c0.p
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
         min(id) FILTER (WHERE in_total AND rank_all = 1), min(value) FILTER (WHERE in_total AND rank_all = 1),
         min(low) FILTER (WHERE in_total AND rank_all = 1), min(high) FILTER (WHERE in_total AND rank_all = 1),
         min(qualifier::text) FILTER (WHERE in_total AND rank_all = 1)::"Qualifier",
         count(*) FILTER (WHERE in_total)::int, array_agg(id ORDER BY rank_all) FILTER (WHERE in_total AND rank_all <= 50),
         sum(value) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint, sum(low) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint,
         sum(high) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint,
         array_agg(DISTINCT qualifier) FILTER (WHERE rank_place = 1 AND NOT is_part),
         (array_agg(id ORDER BY sum_rank, id DESC) FILTER (WHERE rank_place <= 50))[1:50],
         (array_agg(sum_rank::int ORDER BY sum_rank, id DESC) FILTER (WHERE rank_place <= 50))[1:50]
    FROM c GROUP BY m, d
  -- A stock day with only per-destination claims has no total.
  HAVING count(*) FILTER (WHERE in_total) > 0;
END;
$$;

-- Rule 2 depends on the place tree: when a place moves (an edit or a merge), every
-- day with a flow claim for it or for a place below it is ranked again.
CREATE FUNCTION figure_headline_on_place_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (WITH RECURSIVE moved AS (
             SELECT n.id FROM new_places n JOIN old_places o ON o.id = n.id WHERE n."parentId" IS DISTINCT FROM o."parentId"
             UNION
             SELECT pl.id FROM place pl JOIN moved ON pl."parentId" = moved.id
           )
           SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f
            WHERE f.status = 'PUBLISHED' AND coalesce(f."originId", f."destinationId") IN (SELECT id FROM moved)) k;
  RETURN NULL;
END;
$$;

CREATE TRIGGER figure_headline_place_update AFTER UPDATE ON place
  REFERENCING OLD TABLE AS old_places NEW TABLE AS new_places FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_on_place_update();

-- Rank every stored day again under the new rules.
SELECT figure_headline_refresh(array_agg(k.m), array_agg(k.d))
  FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k;
