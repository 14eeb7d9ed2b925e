-- AlterTable
ALTER TABLE "committee_member" DROP CONSTRAINT "committee_member_pkey",
DROP COLUMN "conflict_application_ids",
DROP COLUMN "user_id",
ADD COLUMN     "appointed_by" TEXT,
ADD COLUMN     "employee_id" UUID NOT NULL,
ADD CONSTRAINT "committee_member_pkey" PRIMARY KEY ("selection_id", "employee_id");

-- CreateTable
CREATE TABLE "committee_conflict" (
    "selection_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "committee_conflict_pkey" PRIMARY KEY ("selection_id","employee_id","application_id")
);

-- CreateTable
CREATE TABLE "committee_training" (
    "employee_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "program_title" TEXT NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "committee_training_pkey" PRIMARY KEY ("employee_id")
);

-- CreateTable
CREATE TABLE "employee_copy" (
    "employee_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employee_copy_pkey" PRIMARY KEY ("employee_id")
);

-- CreateIndex
CREATE INDEX "employee_copy_agency_id_idx" ON "employee_copy"("agency_id");

-- CreateIndex
CREATE INDEX "committee_member_employee_id_idx" ON "committee_member"("employee_id");

