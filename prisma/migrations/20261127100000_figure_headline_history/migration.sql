
-- CreateTable
CREATE TABLE "figure_headline_history" (
    "metricId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
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

    CONSTRAINT "figure_headline_history_pkey" PRIMARY KEY ("metricId","day","validFrom")
);

-- CreateIndex
CREATE INDEX "figure_version_sourceId_idx" ON "figure_version"("sourceId");

-- ─── Hand-written: the headline history (docs/architecture.md, "Vintages") ───
-- A series at a vintage used to rank every claim of its range live over
-- figure_version (150× the current series on the million; docs/performance.md).
-- figure_headline_history keeps, per (metric, day), the across-places headline row
-- during each interval in which the day's published states did not change, so the
-- series reads the rows valid at the instant, as the current series reads
-- figure_headline. It is derived from figure_version alone (never from now()):
-- imports and bench:data write revisions with their own instants, and a vintage
-- read from the history must equal the live ranking over figure_version at that
-- instant. Like the live vintage path, it ranks with the current source and place
-- rows, so source and place edits rebuild it too.

-- Locks for recomputing (metric, day) pairs, as figure_headline_refresh took them
-- (20261122005700): per-day locks for small statements, per-metric for big ones,
-- in key order, until commit. Both tables' refreshes take them; they are reentrant.
CREATE FUNCTION figure_headline_lock(metric_ids INTEGER[], days DATE[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(metric_ids) > 64 THEN
    PERFORM pg_advisory_xact_lock(72617100, m)
      FROM (SELECT DISTINCT u.m FROM unnest(metric_ids) AS u(m) ORDER BY u.m) k;
  ELSE
    PERFORM pg_advisory_xact_lock_shared(72617100, m)
      FROM (SELECT DISTINCT u.m FROM unnest(metric_ids) AS u(m) ORDER BY u.m) k;
    PERFORM pg_advisory_xact_lock(72617101, hashtext(m || ':' || d))
      FROM (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d) ORDER BY 1, 2) k;
  END IF;
END;
$$;

-- The headline rule, once, for both tables: the headline rows of the claims in
-- `claims`, a relation of published claims with the columns
--   id, m (metric), d (day), slot, slot_end, "originId", "destinationId", low, high,
--   qualifier, "updatedAt", "sourceId".
-- Claims are ranked within (m, d, slot): figure_headline passes one slot
-- ('-infinity'), the history one per validity interval [slot, slot_end).
-- Rows: one per place key (p) plus p = -1 across places, with the rules of
-- 20261125180000_headline_scope. The ORDER BY is the headline rule of
-- lib/figures/headlineRule.ts; change both together. Text, like
-- figure_version_insert_sql, so each caller EXECUTEs it over its own relation.
CREATE FUNCTION figure_headline_rows_sql(claims text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
  WITH RECURSIVE c0 AS (
    SELECT f.id, f.m, f.d, f.slot, f.slot_end, coalesce(f."originId", f."destinationId", 0) AS p,
           f.low, f.high, f.qualifier,
           CASE f.qualifier WHEN 'RANGE' THEN (f.low + f.high + 1) / 2 WHEN 'AT_MOST' THEN f.high ELSE f.low END AS value,
           -- Rule 1: what may stand for the day across places.
           (mt.kind = 'FLOW' OR f."destinationId" IS NULL) AS in_total,
           mt.kind = 'FLOW' AS flow,
           row_number() OVER (PARTITION BY f.m, f.d, f.slot, coalesce(f."originId", f."destinationId", 0)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_place,
           row_number() OVER (PARTITION BY f.m, f.d, f.slot, (mt.kind = 'FLOW' OR f."destinationId" IS NULL)
                              ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank_all
      FROM %s f
      JOIN source s ON s.id = f."sourceId"
      JOIN metric mt ON mt.id = f.m
  ), keys AS (
    SELECT DISTINCT m, d, slot, p FROM c0 WHERE flow AND p <> 0
  ), up (p, a) AS (
    -- Every place in play with each of its ancestors.
    SELECT pl.id, pl."parentId" FROM place pl WHERE pl.id IN (SELECT keys.p FROM keys) AND pl."parentId" IS NOT NULL
    UNION
    SELECT up.p, pl."parentId" FROM up JOIN place pl ON pl.id = up.a WHERE pl."parentId" IS NOT NULL
  ), part AS (
    -- Rule 2: a flow key with a claimed ancestor on the same day.
    SELECT DISTINCT keys.m, keys.d, keys.slot, keys.p FROM keys JOIN up ON up.p = keys.p
      JOIN keys k2 ON k2.m = keys.m AND k2.d = keys.d AND k2.slot = keys.slot AND k2.p = up.a
  ), c AS (
    SELECT c0.*, (part.p IS NOT NULL) AS is_part,
           -- Parts sort after every place that is added, so the ids of a point list the added claims first.
           c0.rank_place + CASE WHEN part.p IS NOT NULL THEN 100000 ELSE 0 END AS sum_rank
      FROM c0 LEFT JOIN part ON part.m = c0.m AND part.d = c0.d AND part.slot = c0.slot AND part.p = c0.p
  )
  SELECT m, p, d, slot, min(slot_end) AS slot_end,
         min(id) FILTER (WHERE rank_place = 1) AS "figureId", min(value) FILTER (WHERE rank_place = 1) AS value,
         min(low) FILTER (WHERE rank_place = 1) AS low, min(high) FILTER (WHERE rank_place = 1) AS high,
         min(qualifier::text) FILTER (WHERE rank_place = 1)::"Qualifier" AS qualifier,
         count(*)::int AS claims, array_agg(id ORDER BY rank_place) FILTER (WHERE rank_place <= 50) AS "figureIds",
         NULL::bigint AS "sumValue", NULL::bigint AS "sumLow", NULL::bigint AS "sumHigh", NULL::"Qualifier"[] AS "sumQualifiers",
         NULL::int[] AS "sumFigureIds", NULL::int[] AS "sumFigureRanks"
    FROM c GROUP BY m, d, slot, p
  UNION ALL
  SELECT m, -1, d, slot, min(slot_end),
         min(id) FILTER (WHERE in_total AND rank_all = 1), min(value) FILTER (WHERE in_total AND rank_all = 1),
         min(low) FILTER (WHERE in_total AND rank_all = 1), min(high) FILTER (WHERE in_total AND rank_all = 1),
         min(qualifier::text) FILTER (WHERE in_total AND rank_all = 1)::"Qualifier",
         count(*) FILTER (WHERE in_total)::int, array_agg(id ORDER BY rank_all) FILTER (WHERE in_total AND rank_all <= 50),
         sum(value) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint, sum(low) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint,
         sum(high) FILTER (WHERE rank_place = 1 AND NOT is_part)::bigint,
         array_agg(DISTINCT qualifier) FILTER (WHERE rank_place = 1 AND NOT is_part),
         (array_agg(id ORDER BY sum_rank, id DESC) FILTER (WHERE rank_place <= 50))[1:50],
         (array_agg(sum_rank::int ORDER BY sum_rank, id DESC) FILTER (WHERE rank_place <= 50))[1:50]
    FROM c GROUP BY m, d, slot
  -- A stock day with only per-destination claims has no total.
  HAVING count(*) FILTER (WHERE in_total) > 0$q$, claims)
$f$;

-- figure_headline: the current figures, as before (20261125180000), through the shared rule.
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
END;
$$;

-- figure_headline_history: for each pair, the instants at which any of its figure
-- states began or ended cut time into intervals [slot, slot_end); the states valid
-- throughout an interval are those valid at its start, and they are ranked as the
-- live vintage query ranks them (updatedAt = the state's validFrom). An interval
-- with no published claim (before the first, or after a retraction) has no row.
-- `since`: the earliest instant at which the pairs' states changed. Rows that ended
-- before it stand (no state or instant before it changed); the intervals that reach
-- it are ranked again, including the one that now ends at it. A revision is nearly always the pairs' latest
-- instant, so a write re-ranks the last interval or two, not a day's whole history.
CREATE FUNCTION figure_headline_history_refresh(metric_ids INTEGER[], days DATE[], since TIMESTAMP(3) DEFAULT '-infinity')
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(metric_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM figure_headline_lock(metric_ids, days);

  DELETE FROM figure_headline_history h
   USING (SELECT DISTINCT u.m, u.d FROM unnest(metric_ids, days) AS u(m, d)) k
   WHERE h."metricId" = k.m AND h.day = k.d AND (h."validTo" IS NULL OR h."validTo" >= since);

  EXECUTE format($q$
    INSERT INTO figure_headline_history ("metricId", day, "validFrom", "validTo", "figureId", value, low, high, qualifier,
                                         claims, "figureIds", "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks")
    SELECT m, d, slot, slot_end, "figureId", value, low, high, qualifier, claims, "figureIds",
           "sumValue", "sumLow", "sumHigh", "sumQualifiers", "sumFigureIds", "sumFigureRanks"
      FROM (%s) r WHERE p = -1$q$, figure_headline_rows_sql($c$(
        WITH k AS (
          SELECT DISTINCT u.m, u.d FROM unnest($1::int[], $2::date[]) AS u(m, d)
        ), instants AS (
          SELECT DISTINCT v."metricId" AS m, v."asOf" AS d, t.at
            FROM figure_version v CROSS JOIN LATERAL (VALUES (v."validFrom"), (v."validTo")) AS t(at)
           WHERE (v."metricId", v."asOf") IN (SELECT k.m, k.d FROM k) AND t.at IS NOT NULL
        ), all_slots AS (
          SELECT m, d, at AS slot, lead(at) OVER (PARTITION BY m, d ORDER BY at) AS slot_end FROM instants
        ), slots AS (
          SELECT * FROM all_slots WHERE slot_end IS NULL OR slot_end >= $3
        )
        -- LATERAL … OFFSET 0 (which keeps the planner from flattening it into a join):
        -- each interval reads its day's states by index, whatever the planner guesses
        -- the number of intervals to be (it hashed all of figure_version, 400 ms for
        -- a one-figure edit on the million).
        SELECT v."figureId" AS id, sl.m, sl.d, sl.slot, sl.slot_end, v."originId", v."destinationId", v.low, v.high,
               v.qualifier, v."validFrom" AS "updatedAt", v."sourceId"
          FROM slots sl
          CROSS JOIN LATERAL (
            SELECT * FROM figure_version v
             WHERE v."metricId" = sl.m AND v."asOf" = sl.d AND v.status = 'PUBLISHED'
               AND v."validFrom" <= sl.slot AND (v."validTo" IS NULL OR v."validTo" > sl.slot)
            OFFSET 0
          ) v)$c$))
    USING metric_ids, days, since;
END;
$$;

-- figure_version's writer (20261126100000) refreshes the history of every day it
-- touched, once per statement: the days of the states it closed (a figure whose
-- asOf or metric moved leaves its old day) and of the states it inserted. One
-- refresh rather than triggers on figure_version's UPDATE and INSERT, which would
-- rank the same days twice per revision statement (a bulk import closes and opens
-- states for the same days).
CREATE OR REPLACE FUNCTION figure_version_on_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closed_m INTEGER[];
  closed_d DATE[];
  nestloop TEXT;
BEGIN
  -- The new revisions end each figure's open state (at the first new one). EXECUTE, so
  -- it is planned for this statement's sizes; and for a bulk statement without nested
  -- loops: the planner guesses ~10 rows for a transition table, and a nested loop over
  -- 50,000 open states and a million revisions (bench:data) ran for 20 minutes
  -- without ending, where a hash join takes seconds.
  IF (SELECT count(*) FROM new_revisions) > 1000 THEN
    nestloop := current_setting('enable_nestloop');
    PERFORM set_config('enable_nestloop', 'off', true);
  END IF;
  EXECUTE $u$
    WITH closed AS (
      UPDATE figure_version v SET "validTo" = greatest(v."validFrom", n.first_at)
      FROM (SELECT "figureId", min("createdAt") AS first_at FROM new_revisions
            WHERE after IS NOT NULL AND after ? 'status' GROUP BY "figureId") n
      WHERE v."figureId" = n."figureId" AND v."validTo" IS NULL
      RETURNING v."metricId", v."asOf"
    )
    SELECT array_agg("metricId"), array_agg("asOf") FROM closed$u$ INTO closed_m, closed_d;
  IF nestloop IS NOT NULL THEN
    PERFORM set_config('enable_nestloop', nestloop, true);
  END IF;
  EXECUTE figure_version_insert_sql('new_revisions');
  -- Every instant that changed is at or after the first new revision's (a closed
  -- state ends at greatest(its start, its figure's first new revision)).
  PERFORM figure_headline_history_refresh(array_agg(k.m), array_agg(k.d),
                                          (SELECT min("createdAt") FROM new_revisions))
     FROM (SELECT u.m, u.d FROM unnest(closed_m, closed_d) AS u(m, d)
           UNION
           SELECT (after->>'metricId')::int, (after->>'asOf')::date FROM new_revisions
            WHERE after IS NOT NULL AND after ? 'status') k;
  RETURN NULL;
END $$;

-- States go away only with their revision (ON DELETE CASCADE) or all at once.
CREATE FUNCTION figure_headline_history_on_version_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_headline_history_refresh(array_agg(k.m), array_agg(k.d), min(k.since))
     FROM (SELECT "metricId" AS m, "asOf" AS d, min("validFrom") AS since FROM old_versions GROUP BY 1, 2) k;
  RETURN NULL;
END;
$$;

-- DELETE, not TRUNCATE: the TRUNCATE that fired this may list the history too.
CREATE FUNCTION figure_headline_history_on_version_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM figure_headline_history;
  RETURN NULL;
END;
$$;

CREATE TRIGGER figure_headline_history_version_delete AFTER DELETE ON figure_version
  REFERENCING OLD TABLE AS old_versions FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_history_on_version_delete();
CREATE TRIGGER figure_headline_history_version_truncate AFTER TRUNCATE ON figure_version
  FOR EACH STATEMENT EXECUTE FUNCTION figure_headline_history_on_version_truncate();

-- A source's rank and the place tree count for every vintage too: the triggers
-- that re-rank figure_headline's days (20261122005700, 20261125180000) re-rank
-- the history's days, those of every state that names the source or place.
CREATE OR REPLACE FUNCTION figure_headline_on_source_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ranked INTEGER[];
BEGIN
  SELECT array_agg(n.id) INTO ranked
    FROM new_sources n JOIN old_sources o ON o.id = n.id
   WHERE n.preferred IS DISTINCT FROM o.preferred OR n."publishedAt" IS DISTINCT FROM o."publishedAt";
  IF ranked IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f WHERE f.status = 'PUBLISHED' AND f."sourceId" = ANY (ranked)) k;
  PERFORM figure_headline_history_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT v."metricId" AS m, v."asOf" AS d
             FROM figure_version v WHERE v.status = 'PUBLISHED' AND v."sourceId" = ANY (ranked)) k;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION figure_headline_on_place_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved INTEGER[];
BEGIN
  WITH RECURSIVE m AS (
    SELECT n.id FROM new_places n JOIN old_places o ON o.id = n.id WHERE n."parentId" IS DISTINCT FROM o."parentId"
    UNION
    SELECT pl.id FROM place pl JOIN m ON pl."parentId" = m.id
  )
  SELECT array_agg(id) INTO moved FROM m;
  IF moved IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f WHERE f.status = 'PUBLISHED' AND coalesce(f."originId", f."destinationId") = ANY (moved)) k;
  PERFORM figure_headline_history_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT v."metricId" AS m, v."asOf" AS d
             FROM figure_version v WHERE v.status = 'PUBLISHED' AND coalesce(v."originId", v."destinationId") = ANY (moved)) k;
  RETURN NULL;
END;
$$;

-- Backfill: every day with a figure state.
SELECT figure_headline_history_refresh(array_agg(k.m), array_agg(k.d))
  FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure_version) k;
