-- A place, origin or destination filter on a series reads the metric's passing pairs
-- (lib/figures/listSeriesPoints.ts, listPairPoints) through these, not every pair of the metric.


-- CreateIndex
CREATE INDEX "figure_headline_pair_metricId_originKey_day_idx" ON "figure_headline_pair"("metricId", "originKey", "day");

-- CreateIndex
CREATE INDEX "figure_headline_pair_metricId_destinationKey_day_idx" ON "figure_headline_pair"("metricId", "destinationKey", "day");
