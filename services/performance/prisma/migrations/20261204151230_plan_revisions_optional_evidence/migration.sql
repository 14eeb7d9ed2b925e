-- CreateEnum
CREATE TYPE "PlanActor" AS ENUM ('EMPLOYEE', 'SUPERVISOR');

-- AlterTable
ALTER TABLE "realization" ALTER COLUMN "evidence_url" DROP NOT NULL;

-- CreateTable
CREATE TABLE "plan_revision" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "revised_by_employee_id" UUID NOT NULL,
    "revised_as" "PlanActor" NOT NULL,
    "revised_at" TIMESTAMPTZ(3) NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "plan_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_revision_plan_id_sequence_key" ON "plan_revision"("plan_id", "sequence");

-- AddForeignKey
ALTER TABLE "plan_revision" ADD CONSTRAINT "plan_revision_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "performance_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

