-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "employee_nip_prefix_idx" ON "employee"("nip" text_pattern_ops);

-- CreateIndex
CREATE INDEX "employee_name_trgm_idx" ON "employee" USING GIN ("name" gin_trgm_ops);

