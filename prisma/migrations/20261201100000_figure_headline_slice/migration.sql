-- CreateTable
CREATE TABLE "figure_headline_slice" (
    "metricId" INTEGER NOT NULL,
    "slice" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "figureId" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" "Qualifier" NOT NULL,
    "claims" INTEGER NOT NULL,
    "figureIds" INTEGER[],
    "sumValue" BIGINT,
    "sumLow" BIGINT,
    "sumHigh" BIGINT,
    "sumQualifiers" "Qualifier"[],
    "sumFigureIds" INTEGER[],
    "sumFigureRanks" INTEGER[],

    CONSTRAINT "figure_headline_slice_pkey" PRIMARY KEY ("metricId","slice","day")
);


-- ─── Hand-written: slice headlines (docs/architecture.md, "Slice headlines") ───
-- A series filtered by qualifier or publisher ranked every matching claim live:
-- qualifier=RANGE on the million's evacuees ranks 100,000 claims (250–350 ms), one
-- publisher's 5% of them 80–180 ms (docs/performance.md, issue 16). Neither filter
-- is on the place key, so figure_headline and figure_headline_pair cannot answer
-- them. figure_headline_slice keeps, per (metric, slice, day), the across-places
-- row that figure_headline keeps for all claims, computed by the same rule over the
-- slice's claims only: 'qualifier:<Q>' (one row set per qualifier) and
-- 'publisher:<organization id>' (per publisher; sources without one are in no
-- publisher slice). A series with one qualifier, or one publisher, and no other
-- filter but dates reads it as it reads figure_headline (lib/figures/listSeriesPoints.ts).
-- Rows are current only (a vintage stays live).

-- The shared rule gains a partition: claims are ranked within (m, d, slot, slice),
-- where `slice` is an integer SQL expression over the claims relation `x` (default 0,
-- one partition: figure_headline and the history call it as before). The rule itself
-- is unchanged (20261127100000), and so is rule 2's result (its join now in an
-- order that cannot square the day's keys); its output gains the slice column. An integer, not
-- the table's text key: sorting and hashing text under the database's collation
-- doubled the slice refresh's time.
DROP FUNCTION figure_headline_rows_sql(text);
CREATE FUNCTION figure_headline_rows_sql(claims text, slice text DEFAULT '0') RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
  WITH RECURSIVE c0 AS (
    SELECT f.id, f.m, f.d, f.slot, f.slot_end, f.slice, coalesce(f."originId", f."destinationId", 0) AS p,
           f.low, f.high, f.qualifier,
           CASE f.qualifier WHEN 'RANGE' THEN (f.low + f.high + 1) / 2 WHEN 'AT_MOST' THEN f.high ELSE f.low END AS value,
           -- Rule 1: what may stand for the day across places.
           (mt.kind = 'FLOW' OR f."destinationId" IS NULL) AS in_total,
           mt.kind = 'FLOW' AS flow,
           row_number() OVER (PARTITION BY f.m, f.d, f.slot, f.slice, coalesce(f."originId", f."destinationId", 0)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_place,
           row_number() OVER (PARTITION BY f.m, f.d, f.slot, f.slice, (mt.kind = 'FLOW' OR f."destinationId" IS NULL)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_all
      FROM (SELECT x.*, (%2$s)::int AS slice FROM %1$s x) f
      JOIN source s ON s.id = f."sourceId"
      JOIN metric mt ON mt.id = f.m
  ), keys AS (
    SELECT DISTINCT m, d, slot, slice, p FROM c0 WHERE flow AND p <> 0
  ), up (p, a) AS (
    -- Every place in play with each of its ancestors.
    SELECT pl.id, pl."parentId" FROM place pl WHERE pl.id IN (SELECT keys.p FROM keys) AND pl."parentId" IS NOT NULL
    UNION
    SELECT up.p, pl."parentId" FROM up JOIN place pl ON pl.id = up.a WHERE pl."parentId" IS NOT NULL
  ), key_up AS MATERIALIZED (
    -- Each flow key with each of its ancestors. Materialized, so the join below
    -- matches on all five columns: its row estimates come from an estimate of the
    -- claims that can be off 70-fold, and with them PostgreSQL joined the day's keys
    -- with themselves first (keys² rows: 2.6 million for 200 days of the million's
    -- evacuees, over a second of a bulk publish).
    SELECT keys.m, keys.d, keys.slot, keys.slice, keys.p, up.a FROM keys JOIN up ON up.p = keys.p
  ), part AS (
    -- Rule 2: a flow key with a claimed ancestor on the same day.
    SELECT DISTINCT ku.m, ku.d, ku.slot, ku.slice, ku.p FROM key_up ku
      JOIN keys k2 ON k2.m = ku.m AND k2.d = ku.d AND k2.slot = ku.slot AND k2.slice = ku.slice AND k2.p = ku.a
  ), c AS (
    SELECT c0.*, (part.p IS NOT NULL) AS is_part,
           -- Parts sort after every place that is added, so the ids of a point list the added claims first.
           c0.rank_place + CASE WHEN part.p IS NOT NULL THEN 100000 ELSE 0 END AS sum_rank
      FROM c0 LEFT JOIN part ON part.m = c0.m AND part.d = c0.d AND part.slot = c0.slot AND part.slice = c0.slice AND part.p = c0.p
  )
  SELECT m, p, d, slot, slice, min(slot_end) AS slot_end,
         min(id) FILTER (WHERE rank_place = 1) AS "figureId", min(value) FILTER (WHERE rank_place = 1) AS value,
         min(low) FILTER (WHERE rank_place = 1) AS low, min(high) FILTER (WHERE rank_place = 1) AS high,
         min(qualifier::text) FILTER (WHERE rank_place = 1)::"Qualifier" AS qualifier,
         count(*)::int AS claims, array_agg(id ORDER BY rank_place) FILTER (WHERE rank_place <= 50) AS "figureIds",
         NULL::bigint AS "sumValue", NULL::bigint AS "sumLow", NULL::bigint AS "sumHigh", NULL::"Qualifier"[] AS "sumQualifiers",
         NULL::int[] AS "sumFigureIds", NULL::int[] AS "sumFigureRanks"
    FROM c GROUP BY m, d, slot, slice, p
  UNION ALL
  SELECT m, -1, d, slot, slice, min(slot_end),
         min(id) FILTER (WHERE in_total AND rank_all = 1), min(value) FILTER (WHERE in_total AND rank_all = 1),
         min(low) FILTER (WHERE in_total AND rank_all = 1), min(high) FILTER (WHERE in_total AND rank_all = 1),
         min(qualifier::text) FILTER (WHERE in_total AND rank_all = 1)::"Qualifier",
         count(*) FILTER (WHERE in_total)::int, array_agg(id ORDER BY rank_all) FILTER (WHERE in_total AND rank_all <= 50),
         sum(value) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint, sum(low) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint,
         sum(high) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint,
         array_agg(DISTINCT qualifier) FILTER (WHERE rank_place = 1 AND NOT is_part),
         (array_agg(id ORDER BY sum_rank, id DESC) FILTER (WHERE rank_place <= 50))[1:50],
         (array_agg(sum_rank::int ORDER BY sum_rank, id DESC) FILTER (WHERE rank_place <= 50))[1:50]
    FROM c GROUP BY m, d, slot, slice
  -- A stock day with only per-destination claims has no total.
  HAVING count(*) FILTER (WHERE in_total) > 0$q$, claims, slice)
$f$;

-- The slice rows of the given (metric, day) pairs, from the current published claims:
-- each claim once in its qualifier's slice and once in its publisher's (ranked under
-- the integer -n for the n-th qualifier, or the publisher's id, then written as the
-- text key). Only the
-- across-places rows (p = -1) are kept: no filter that a slice answers names a place.
-- Caller holds figure_headline_lock for the pairs (figure_headline_refresh does).
-- work_mem: a bulk publish ranks each touched day's claims twice here; at the
-- default 4 MB its sorts spilled to disk.
CREATE FUNCTION figure_headline_slice_refresh(metric_ids INTEGER[], days DATE[]) RETURNS void
LANGUAGE plpgsql SET work_mem = '32MB' AS $$
BEGIN
  DELETE FROM figure_headline_slice h
   USING (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)) k
   WHERE h."metricId" = k.m AND h.day = k.d;

  EXECUTE format($q$
    INSERT INTO figure_headline_slice ("metricId", slice, day, "figureId", value, low, high, qualifier, claims, "figureIds",
                                       "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks")
    SELECT m, CASE WHEN slice < 0 THEN 'qualifier:' || (enum_range(NULL::"Qualifier"))[-slice] ELSE 'publisher:' || slice END,
           d, "figureId", value, low, high, qualifier, claims, "figureIds",
           "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks"
      FROM (%s) r WHERE p = -1$q$, figure_headline_rows_sql($c$(
        SELECT f.id, f."metricId" AS m, f."asOf" AS d, '-infinity'::timestamp AS slot, NULL::timestamp AS slot_end,
               f."originId", f."destinationId", f.low, f.high, f.qualifier, f."updatedAt", f."sourceId", k.slice_of
          FROM figure f
          JOIN source ps ON ps.id = f."sourceId"
         CROSS JOIN LATERAL (VALUES (-array_position(enum_range(NULL::"Qualifier"), f.qualifier)), (ps."publisherId")) AS k(slice_of)
         WHERE f.status = 'PUBLISHED' AND k.slice_of IS NOT NULL
           AND (f."metricId", f."asOf") IN (SELECT DISTINCT u.m, u.d FROM unnest($1::int[], $2::date[]) AS u(m, d)))$c$, 'x.slice_of'))
    USING metric_ids, days;
END;
$$;

-- figure_headline_refresh (20261128100000) keeps the slice rows too, in the same
-- transaction and under the same locks: every trigger that re-ranks a day (figure
-- writes, source rank, place moves) re-ranks its slices.
CREATE OR REPLACE FUNCTION figure_headline_refresh(metric_ids INTEGER[], days DATE[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(metric_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM figure_headline_lock(metric_ids, days);

  DELETE FROM figure_headline h
   USING (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)) k
   WHERE h."metricId" = k.m AND h.day = k.d;

  EXECUTE format($q$
    INSERT INTO figure_headline ("metricId", "placeKey", day, "figureId", value, low, high, qualifier, claims, "figureIds",
                                 "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks")
    SELECT m, p, d, "figureId", value, low, high, qualifier, claims, "figureIds",
           "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks"
      FROM (%s) r$q$, figure_headline_rows_sql($c$(
        SELECT f.id, f."metricId" AS m, f."asOf" AS d, '-infinity'::timestamp AS slot, NULL::timestamp AS slot_end,
               f."originId", f."destinationId", f.low, f.high, f.qualifier, f."updatedAt", f."sourceId"
          FROM figure f
         WHERE f.status = 'PUBLISHED'
           AND (f."metricId", f."asOf") IN (SELECT DISTINCT u.m, u.d FROM unnest($1::int[], $2::date[]) AS u(m, d)))$c$))
    USING metric_ids, days;

  PERFORM figure_headline_pair_refresh(metric_ids, days);
  PERFORM figure_headline_slice_refresh(metric_ids, days);
END;
$$;

-- A source moved to another publisher (an edit, or its organization deleted: the
-- foreign key sets it to NULL) moves its claims between publisher slices; nothing
-- else ranks differently, so only the slices of its figures' days are rebuilt.
-- A change of rank (preferred, publishedAt) rebuilds everything as before
-- (20261129100000, unchanged apart from this).
CREATE OR REPLACE FUNCTION figure_headline_on_source_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ranked INTEGER[];
  moved INTEGER[];
  ms INTEGER[];
  ds DATE[];
BEGIN
  SELECT array_agg(n.id) FILTER (WHERE n.preferred IS DISTINCT FROM o.preferred OR n."publishedAt" IS DISTINCT FROM o."publishedAt"),
         array_agg(n.id) FILTER (WHERE n."publisherId" IS DISTINCT FROM o."publisherId")
    INTO ranked, moved
    FROM new_sources n JOIN old_sources o ON o.id = n.id;
  IF ranked IS NULL AND moved IS NULL THEN
    RETURN NULL;
  END IF;
  ranked := coalesce(ranked, '{}');
  moved := coalesce(moved, '{}');
  SELECT array_agg(k.m), array_agg(k.d) INTO ms, ds
    FROM (SELECT f."metricId" AS m, f."asOf" AS d FROM figure f
           WHERE f.status = 'PUBLISHED' AND (f."sourceId" = ANY (ranked) OR f."sourceId" = ANY (moved))
          UNION
          SELECT v."metricId", v."asOf" FROM figure_version v WHERE v.status = 'PUBLISHED' AND v."sourceId" = ANY (ranked)) k;
  PERFORM figure_headline_lock(ms, ds);
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f WHERE f.status = 'PUBLISHED' AND f."sourceId" = ANY (ranked)) k;
  PERFORM figure_headline_history_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT v."metricId" AS m, v."asOf" AS d
             FROM figure_version v WHERE v.status = 'PUBLISHED' AND v."sourceId" = ANY (ranked)) k;
  PERFORM figure_headline_slice_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f WHERE f.status = 'PUBLISHED' AND f."sourceId" = ANY (moved) AND NOT f."sourceId" = ANY (ranked)) k;
  RETURN NULL;
END;
$$;

-- figure_headline's TRUNCATE trigger (20261122005700) empties it with DELETE; the
-- slice rows go with it (DELETE: the TRUNCATE that fired this may list this table).
CREATE FUNCTION figure_headline_slice_on_figure_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM figure_headline_slice;
  RETURN NULL;
END;
$$;

CREATE TRIGGER figure_headline_slice_truncate AFTER TRUNCATE ON figure
  FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_slice_on_figure_truncate();

-- Backfill: every day with a published claim.
SELECT figure_headline_slice_refresh(array_agg(k.m), array_agg(k.d))
  FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k;

ANALYZE figure_headline_slice;
