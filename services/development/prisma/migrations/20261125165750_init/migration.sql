-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('PNS', 'PPPK', 'CPNS');

-- CreateEnum
CREATE TYPE "EmployeeStatus" AS ENUM ('ACTIVE', 'ON_LEAVE', 'LEFT');

-- CreateEnum
CREATE TYPE "CompetencyKind" AS ENUM ('TECHNICAL', 'MANAGERIAL', 'SOCIO_CULTURAL', 'BEHAVIOURAL');

-- CreateEnum
CREATE TYPE "TrainingMode" AS ENUM ('CLASSROOM', 'E_LEARNING', 'COACHING', 'MENTORING', 'WORKSHOP', 'BLENDED');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'AWAITING_HR_CHOICE');

-- CreateEnum
CREATE TYPE "AssignmentReason" AS ENUM ('PERFORMANCE_GAP', 'SANCTION_COACHING', 'LATSAR_CPNS', 'DEVELOPMENT_PLAN', 'MANUAL');

-- CreateEnum
CREATE TYPE "TrainingResult" AS ENUM ('PASSED', 'FAILED');

-- CreateTable
CREATE TABLE "employee_copy" (
    "employee_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "position_id" UUID,
    "name" TEXT NOT NULL,
    "nip" TEXT NOT NULL,
    "employment_type" "EmploymentType" NOT NULL,
    "status" "EmployeeStatus" NOT NULL,
    "supervisor_employee_id" UUID,
    "contract_start" DATE,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employee_copy_pkey" PRIMARY KEY ("employee_id")
);

-- CreateTable
CREATE TABLE "competency" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CompetencyKind" NOT NULL,
    "description" TEXT,

    CONSTRAINT "competency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_program" (
    "id" UUID NOT NULL,
    "agency_id" UUID,
    "scope" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "jp_hours" INTEGER NOT NULL,
    "mode" "TrainingMode" NOT NULL,
    "competency_codes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_session" (
    "id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "capacity" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_assignment" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "program_id" UUID,
    "programme_code" TEXT,
    "session_id" UUID,
    "reason" "AssignmentReason" NOT NULL,
    "source_event_id" UUID,
    "dedupe_key" TEXT NOT NULL,
    "gaps" JSONB NOT NULL,
    "status" "AssignmentStatus" NOT NULL,
    "result" "TrainingResult",
    "completed_on" DATE,
    "earned_jp" INTEGER,
    "cancellation_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "assignment_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "program_title" TEXT NOT NULL,
    "jp" INTEGER NOT NULL,
    "completed_on" DATE NOT NULL,
    "holder_name" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_sequence" (
    "agency_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_sequence" INTEGER NOT NULL,

    CONSTRAINT "certificate_sequence_pkey" PRIMARY KEY ("agency_id","year")
);

-- CreateTable
CREATE TABLE "gap_programme_mapping" (
    "agency_id" UUID NOT NULL,
    "gap" TEXT NOT NULL,
    "programme_code" TEXT,

    CONSTRAINT "gap_programme_mapping_pkey" PRIMARY KEY ("agency_id","gap")
);

-- CreateTable
CREATE TABLE "pending_hire" (
    "application_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "nip" TEXT NOT NULL,
    "source_event_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_hire_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "development_plan" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "development_plan_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "employee_copy_agency_id_status_idx" ON "employee_copy"("agency_id", "status");

-- CreateIndex
CREATE INDEX "employee_copy_supervisor_employee_id_idx" ON "employee_copy"("supervisor_employee_id");

-- CreateIndex
CREATE INDEX "employee_copy_nip_idx" ON "employee_copy"("nip");

-- CreateIndex
CREATE UNIQUE INDEX "competency_code_key" ON "competency"("code");

-- CreateIndex
CREATE INDEX "training_program_agency_id_idx" ON "training_program"("agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "training_program_scope_code_key" ON "training_program"("scope", "code");

-- CreateIndex
CREATE INDEX "training_session_program_id_start_date_idx" ON "training_session"("program_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "training_assignment_dedupe_key_key" ON "training_assignment"("dedupe_key");

-- CreateIndex
CREATE INDEX "training_assignment_employee_id_status_idx" ON "training_assignment"("employee_id", "status");

-- CreateIndex
CREATE INDEX "training_assignment_agency_id_status_idx" ON "training_assignment"("agency_id", "status");

-- CreateIndex
CREATE INDEX "training_assignment_session_id_status_idx" ON "training_assignment"("session_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_number_key" ON "certificate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_assignment_id_key" ON "certificate"("assignment_id");

-- CreateIndex
CREATE INDEX "certificate_employee_id_idx" ON "certificate"("employee_id");

-- CreateIndex
CREATE INDEX "pending_hire_nip_idx" ON "pending_hire"("nip");

-- CreateIndex
CREATE INDEX "development_plan_agency_id_year_idx" ON "development_plan"("agency_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "development_plan_employee_id_year_key" ON "development_plan"("employee_id", "year");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_agency_id_occurred_at_idx" ON "audit_log"("agency_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "training_program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_assignment" ADD CONSTRAINT "training_assignment_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "training_program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_assignment" ADD CONSTRAINT "training_assignment_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "training_assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

