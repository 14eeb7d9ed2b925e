-- CreateEnum
CREATE TYPE "RaterGroup" AS ENUM ('SUPERVISOR', 'PEER', 'SUBORDINATE', 'SELF');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "feedback_cycle" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "status" "CycleStatus" NOT NULL,
    "due_date" DATE NOT NULL,
    "items" JSONB NOT NULL,
    "started_by_user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "feedback_cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_request" (
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "rater_employee_id" UUID NOT NULL,
    "group" "RaterGroup" NOT NULL,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "feedback_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_score" (
    "cycle_id" UUID NOT NULL,
    "group" "RaterGroup" NOT NULL,
    "value" "CoreValue" NOT NULL,
    "sum" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "feedback_score_pkey" PRIMARY KEY ("cycle_id","group","value")
);

-- CreateIndex
CREATE INDEX "feedback_cycle_agency_id_idx" ON "feedback_cycle"("agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_cycle_subject_id_period_id_key" ON "feedback_cycle"("subject_id", "period_id");

-- CreateIndex
CREATE INDEX "feedback_request_rater_employee_id_answered_at_idx" ON "feedback_request"("rater_employee_id", "answered_at");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_request_cycle_id_rater_employee_id_key" ON "feedback_request"("cycle_id", "rater_employee_id");

-- AddForeignKey
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "feedback_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_score" ADD CONSTRAINT "feedback_score_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "feedback_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

