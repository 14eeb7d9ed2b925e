-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EmployeeStatus" AS ENUM ('ACTIVE', 'ON_LEAVE', 'LEFT');

-- CreateTable
CREATE TABLE "employee_copy" (
    "employee_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "position_id" UUID,
    "name" TEXT NOT NULL,
    "status" "EmployeeStatus" NOT NULL,
    "supervisor_employee_id" UUID,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employee_copy_pkey" PRIMARY KEY ("employee_id")
);

-- CreateTable
CREATE TABLE "feedback_note" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_note_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "employee_copy_supervisor_employee_id_idx" ON "employee_copy"("supervisor_employee_id");

-- CreateIndex
CREATE INDEX "employee_copy_org_unit_id_idx" ON "employee_copy"("org_unit_id");

-- CreateIndex
CREATE INDEX "employee_copy_agency_id_idx" ON "employee_copy"("agency_id");

-- CreateIndex
CREATE INDEX "feedback_note_agency_id_created_at_idx" ON "feedback_note"("agency_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_agency_id_occurred_at_idx" ON "audit_log"("agency_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

