-- CreateEnum
CREATE TYPE "EmployeeImportStatus" AS ENUM ('CHECKING', 'CHECKED', 'COMMITTING', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "employee_import" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "status" "EmployeeImportStatus" NOT NULL,
    "total_rows" INTEGER NOT NULL,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "valid_rows" INTEGER NOT NULL DEFAULT 0,
    "invalid_rows" INTEGER NOT NULL DEFAULT 0,
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "updated_count" INTEGER NOT NULL DEFAULT 0,
    "unchanged_count" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "employee_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "employee_import_agency_id_created_at_idx" ON "employee_import"("agency_id", "created_at");
