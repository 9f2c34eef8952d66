-- The figure list's value sort under a place, origin, destination or publisher filter
-- walks one index per key (lib/figures/listFigures.ts, keyWalks): (key, status, low, id).
-- The source one replaces the plain sourceId index (same leading column).


-- DropIndex
DROP INDEX "figure_sourceId_idx";

-- CreateIndex
CREATE INDEX "figure_originId_status_low_id_idx" ON "figure"("originId", "status", "low", "id");

-- CreateIndex
CREATE INDEX "figure_destinationId_status_low_id_idx" ON "figure"("destinationId", "status", "low", "id");

-- CreateIndex
CREATE INDEX "figure_sourceId_status_low_id_idx" ON "figure"("sourceId", "status", "low", "id");
