-- ─── Hand-written: one lock set per source or place trigger (no schema change) ───
-- figure_headline_on_source_update and figure_headline_on_place_update (last defined
-- in 20261127100000_figure_headline_history) re-rank two sets of days: those of the
-- current figures (figure_headline, and the pair rows through it) and those of every
-- state in figure_version (the history). Each refresh takes its advisory locks in
-- sorted order, but one after the other the two sets are not in order, and the second,
-- larger set can cross figure_headline_lock's 64-pair threshold and ask for the
-- exclusive per-metric lock while holding the shared one. Against a concurrent figure
-- edit on the same metric either can deadlock. So each trigger now locks the union of
-- both sets first, in one call (one order, one mode); the refreshes' own calls then
-- find their locks already held.
CREATE OR REPLACE FUNCTION figure_headline_on_source_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ranked INTEGER[];
  ms INTEGER[];
  ds DATE[];
BEGIN
  SELECT array_agg(n.id) INTO ranked
    FROM new_sources n JOIN old_sources o ON o.id = n.id
   WHERE n.preferred IS DISTINCT FROM o.preferred OR n."publishedAt" IS DISTINCT FROM o."publishedAt";
  IF ranked IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(k.m), array_agg(k.d) INTO ms, ds
    FROM (SELECT f."metricId" AS m, f."asOf" AS d FROM figure f WHERE f.status = 'PUBLISHED' AND f."sourceId" = ANY (ranked)
          UNION
          SELECT v."metricId", v."asOf" FROM figure_version v WHERE v.status = 'PUBLISHED' AND v."sourceId" = ANY (ranked)) k;
  PERFORM figure_headline_lock(ms, ds);
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
  ms INTEGER[];
  ds DATE[];
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
  SELECT array_agg(k.m), array_agg(k.d) INTO ms, ds
    FROM (SELECT f."metricId" AS m, f."asOf" AS d FROM figure f
           WHERE f.status = 'PUBLISHED' AND coalesce(f."originId", f."destinationId") = ANY (moved)
          UNION
          SELECT v."metricId", v."asOf" FROM figure_version v
           WHERE v.status = 'PUBLISHED' AND coalesce(v."originId", v."destinationId") = ANY (moved)) k;
  PERFORM figure_headline_lock(ms, ds);
  PERFORM figure_headline_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT f."metricId" AS m, f."asOf" AS d
             FROM figure f WHERE f.status = 'PUBLISHED' AND coalesce(f."originId", f."destinationId") = ANY (moved)) k;
  PERFORM figure_headline_history_refresh(array_agg(k.m), array_agg(k.d))
     FROM (SELECT DISTINCT v."metricId" AS m, v."asOf" AS d
             FROM figure_version v WHERE v.status = 'PUBLISHED' AND coalesce(v."originId", v."destinationId") = ANY (moved)) k;
  RETURN NULL;
END;
$$;
