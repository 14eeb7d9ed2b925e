-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('PNS', 'PPPK', 'CPNS');

-- CreateEnum
CREATE TYPE "EmployeeStatus" AS ENUM ('ACTIVE', 'ON_LEAVE', 'LEFT');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('ANNUAL', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "DistributionEnforcement" AS ENUM ('WARN', 'BLOCK');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "WorkResultKind" AS ENUM ('MAIN', 'ADDITIONAL');

-- CreateEnum
CREATE TYPE "IndicatorAspect" AS ENUM ('QUANTITY', 'QUALITY', 'TIME', 'COST');

-- CreateEnum
CREATE TYPE "ExpectationRating" AS ENUM ('ABOVE', 'MEETS', 'BELOW');

-- CreateEnum
CREATE TYPE "Predikat" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "CoreValue" AS ENUM ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF');

-- CreateEnum
CREATE TYPE "UnitRating" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('ANNUAL', 'PERIODIC');

-- CreateEnum
CREATE TYPE "RewardKind" AS ENUM ('CERTIFICATE', 'PERFORMANCE_BONUS_RECOMMENDATION', 'PROMOTION_RECOMMENDATION', 'BEST_TEAM');

-- CreateEnum
CREATE TYPE "SanctionKind" AS ENUM ('COACHING', 'WRITTEN_WARNING', 'DISCIPLINE_REFERRAL');

-- CreateTable
CREATE TABLE "employee_copy" (
    "employee_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "position_id" UUID,
    "supervisor_employee_id" UUID,
    "name" TEXT NOT NULL,
    "nip" TEXT NOT NULL,
    "employment_type" "EmploymentType" NOT NULL,
    "status" "EmployeeStatus" NOT NULL,
    "source_occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employee_copy_pkey" PRIMARY KEY ("employee_id")
);

-- CreateTable
CREATE TABLE "performance_settings" (
    "agency_id" UUID NOT NULL,
    "cadence" "Cadence" NOT NULL DEFAULT 'QUARTERLY',
    "fill_in_days" INTEGER NOT NULL DEFAULT 10,
    "utc_offset_hours" INTEGER NOT NULL DEFAULT 7,
    "distribution_enforcement" "DistributionEnforcement" NOT NULL DEFAULT 'WARN',
    "min_justification_length" INTEGER NOT NULL DEFAULT 30,
    "above_from_percent" DOUBLE PRECISION NOT NULL DEFAULT 110,
    "meets_from_percent" DOUBLE PRECISION NOT NULL DEFAULT 90,
    "achievement_cap_percent" DOUBLE PRECISION NOT NULL DEFAULT 120,
    "main_below_max_percent_for_meets" DOUBLE PRECISION NOT NULL DEFAULT 20,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "performance_settings_pkey" PRIMARY KEY ("agency_id")
);

-- CreateTable
CREATE TABLE "performance_period" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "parent_id" UUID,
    "kind" "PeriodKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "fill_in_deadline" DATE NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "performance_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_plan" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "return_note" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "approved_by_employee_id" UUID,
    "self_assessment_note" TEXT,
    "self_work_result_rating" "ExpectationRating",
    "self_behaviour_rating" "ExpectationRating",
    "self_assessed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "performance_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_result" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "kind" "WorkResultKind" NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "cascaded_from_work_result_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" UUID NOT NULL,
    "work_result_id" UUID NOT NULL,
    "aspect" "IndicatorAspect" NOT NULL,
    "description" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "lower_is_better" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "realization" (
    "id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "sub_period_id" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "evidence_url" TEXT NOT NULL,
    "note" TEXT,
    "late" BOOLEAN NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "realization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "kind" "AssessmentKind" NOT NULL,
    "proposed_work_result_rating" "ExpectationRating" NOT NULL,
    "work_result_rating" "ExpectationRating" NOT NULL,
    "override_reason" TEXT,
    "proposed_behaviour_rating" "ExpectationRating" NOT NULL,
    "behaviour_rating" "ExpectationRating" NOT NULL,
    "predikat" "Predikat" NOT NULL,
    "feedback" TEXT NOT NULL,
    "justification" TEXT,
    "curve_warning" BOOLEAN NOT NULL,
    "behaviour_gaps" "CoreValue"[],
    "work_result_gaps" JSONB NOT NULL,
    "assessor_employee_id" UUID NOT NULL,
    "finalized_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "behaviour_rating" (
    "assessment_id" UUID NOT NULL,
    "value" "CoreValue" NOT NULL,
    "rating" "ExpectationRating" NOT NULL,
    "note" TEXT,

    CONSTRAINT "behaviour_rating_pkey" PRIMARY KEY ("assessment_id","value")
);

-- CreateTable
CREATE TABLE "unit_rating" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "rating" "UnitRating" NOT NULL,
    "set_by" TEXT,
    "set_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reward" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "assessment_id" UUID,
    "kind" "RewardKind" NOT NULL,
    "note" TEXT NOT NULL,
    "granted_by" TEXT,
    "granted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanction" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "assessment_id" UUID,
    "kind" "SanctionKind" NOT NULL,
    "note" TEXT NOT NULL,
    "issued_by" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sanction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "development_evidence" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "plan_id" UUID,
    "assignment_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "program_title" TEXT NOT NULL,
    "jp" INTEGER NOT NULL,
    "competencies" TEXT[],
    "certificate_number" TEXT,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "development_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" TEXT,
    "request_id" TEXT,
    "agency_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id","consumer")
);

-- CreateIndex
CREATE INDEX "employee_copy_org_unit_id_idx" ON "employee_copy"("org_unit_id");

-- CreateIndex
CREATE INDEX "employee_copy_supervisor_employee_id_idx" ON "employee_copy"("supervisor_employee_id");

-- CreateIndex
CREATE INDEX "performance_period_parent_id_idx" ON "performance_period"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "performance_period_agency_id_year_kind_index_key" ON "performance_period"("agency_id", "year", "kind", "index");

-- CreateIndex
CREATE INDEX "performance_plan_employee_id_idx" ON "performance_plan"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "performance_plan_period_id_employee_id_key" ON "performance_plan"("period_id", "employee_id");

-- CreateIndex
CREATE INDEX "work_result_plan_id_idx" ON "work_result"("plan_id");

-- CreateIndex
CREATE INDEX "work_result_cascaded_from_work_result_id_idx" ON "work_result"("cascaded_from_work_result_id");

-- CreateIndex
CREATE INDEX "indicator_work_result_id_idx" ON "indicator"("work_result_id");

-- CreateIndex
CREATE INDEX "realization_plan_id_idx" ON "realization"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "realization_indicator_id_sub_period_id_key" ON "realization"("indicator_id", "sub_period_id");

-- CreateIndex
CREATE INDEX "assessment_employee_id_finalized_at_idx" ON "assessment"("employee_id", "finalized_at");

-- CreateIndex
CREATE INDEX "assessment_period_id_org_unit_id_idx" ON "assessment"("period_id", "org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_plan_id_period_id_key" ON "assessment"("plan_id", "period_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_rating_org_unit_id_period_id_key" ON "unit_rating"("org_unit_id", "period_id");

-- CreateIndex
CREATE INDEX "reward_employee_id_idx" ON "reward"("employee_id");

-- CreateIndex
CREATE INDEX "sanction_employee_id_idx" ON "sanction"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "development_evidence_event_id_key" ON "development_evidence"("event_id");

-- CreateIndex
CREATE INDEX "development_evidence_employee_id_completed_at_idx" ON "development_evidence"("employee_id", "completed_at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_agency_id_occurred_at_idx" ON "audit_log"("agency_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "performance_period" ADD CONSTRAINT "performance_period_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "performance_period"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_plan" ADD CONSTRAINT "performance_plan_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "performance_period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_result" ADD CONSTRAINT "work_result_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "performance_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_result" ADD CONSTRAINT "work_result_cascaded_from_work_result_id_fkey" FOREIGN KEY ("cascaded_from_work_result_id") REFERENCES "work_result"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_work_result_id_fkey" FOREIGN KEY ("work_result_id") REFERENCES "work_result"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "realization" ADD CONSTRAINT "realization_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "performance_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "behaviour_rating" ADD CONSTRAINT "behaviour_rating_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

