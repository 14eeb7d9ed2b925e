-- DropIndex
DROP INDEX "training_assignment_agency_id_status_idx";

-- CreateIndex
CREATE INDEX "training_assignment_agency_id_status_created_at_id_idx" ON "training_assignment"("agency_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "training_assignment_agency_id_created_at_id_idx" ON "training_assignment"("agency_id", "created_at", "id");

