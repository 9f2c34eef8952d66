
-- CreateTable
CREATE TABLE "figure_headline_pair" (
    "metricId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "originKey" INTEGER NOT NULL,
    "destinationKey" INTEGER NOT NULL,
    "figureId" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" "Qualifier" NOT NULL,
    "claims" INTEGER NOT NULL,
    "figureIds" INTEGER[],
    "figureRanks" INTEGER[],

    CONSTRAINT "figure_headline_pair_pkey" PRIMARY KEY ("metricId","day","originKey","destinationKey")
);

-- ─── Hand-written: pair headlines (docs/architecture.md, "Pair headlines") ────
-- A series filtered by place, origin or destination ranked every matching claim
-- live (~0.6–0.7 s for place=UKR on the million; docs/performance.md): a place
-- filter passes a claim when its origin OR destination is in the tree, so of the
-- claims sharing a figure_headline place key some pass and some do not. Every such
-- filter, and rule 1's scope, is a predicate on the (origin, destination) pair, so
-- rows per pair decompose them exactly: the series merges the passing pairs' rows
-- (lib/figures/listSeriesPoints.ts, listPairPoints).
-- figureRanks: each listed claim's rank among all the day's published claims of the
-- metric under the headline rule. The rule is a total order (its last key is the
-- id), so the order of any subset of claims is the order of their day ranks: the
-- best of several pairs is the one whose headline has the lowest rank, and their
-- lists merge by rank. The rows hold nothing derived from the place tree (rule 2
-- is applied when reading), so a place move changes none of them.
-- Caller holds figure_headline_lock for the pairs (figure_headline_refresh does).
-- The ORDER BY is the headline rule of lib/figures/headlineRule.ts, as in
-- figure_headline_rows_sql (20261127100000); change all three together.
CREATE FUNCTION figure_headline_pair_refresh(metric_ids INTEGER[], days DATE[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM figure_headline_pair h
   USING (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)) k
   WHERE h."metricId" = k.m AND h.day = k.d;

  INSERT INTO figure_headline_pair ("metricId", day, "originKey", "destinationKey", "figureId", value, low, high, qualifier,
                                    claims, "figureIds", "figureRanks")
  WITH c0 AS (
    SELECT f.id, f."metricId" AS m, f."asOf" AS d, coalesce(f."originId", 0) AS o, coalesce(f."destinationId", 0) AS t,
           f.low, f.high, f.qualifier,
           CASE f.qualifier WHEN 'RANGE' THEN (f.low + f.high + 1) / 2 WHEN 'AT_MOST' THEN f.high ELSE f.low END AS value,
           row_number() OVER (PARTITION BY f."metricId", f."asOf"
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC)::int AS day_rank
      FROM figure f
      JOIN source s ON s.id = f."sourceId"
     WHERE f.status = 'PUBLISHED'
       AND (f."metricId", f."asOf") IN (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d))
  ), c AS (
    SELECT c0.*, row_number() OVER (PARTITION BY m, d, o, t ORDER BY day_rank) AS pair_rank FROM c0
  )
  SELECT m, d, o, t,
         min(id) FILTER (WHERE pair_rank = 1), min(value) FILTER (WHERE pair_rank = 1),
         min(low) FILTER (WHERE pair_rank = 1), min(high) FILTER (WHERE pair_rank = 1),
         min(qualifier::text) FILTER (WHERE pair_rank = 1)::"Qualifier",
         count(*)::int,
         array_agg(id ORDER BY day_rank) FILTER (WHERE pair_rank <= 50),
         array_agg(day_rank ORDER BY day_rank) FILTER (WHERE pair_rank <= 50)
    FROM c GROUP BY m, d, o, t;
END;
$$;

-- figure_headline_refresh (20261127100000) keeps the pair rows too: every trigger
-- that re-ranks a figure_headline day (figure writes, source rank, place moves)
-- re-ranks its pairs in the same transaction, under the same locks.
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
END;
$$;

-- figure_headline's TRUNCATE trigger (20261122005700) empties it with DELETE; the
-- pair rows go with it. DELETE, not TRUNCATE: the TRUNCATE that fired this may list
-- figure_headline_pair too.
CREATE FUNCTION figure_headline_pair_on_figure_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM figure_headline_pair;
  RETURN NULL;
END;
$$;

CREATE TRIGGER figure_headline_pair_truncate AFTER TRUNCATE ON figure
  FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_pair_on_figure_truncate();

-- Backfill: every day with a published claim.
SELECT figure_headline_pair_refresh(array_agg(k.m), array_agg(k.d))
  FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k;

-- Statistics for the series' first reads (they join the rows by day and place).
ANALYZE figure_headline_pair;
