
-- CreateIndex
CREATE INDEX "figure_updatedAt_idx" ON "figure"("updatedAt");
