-- CreateEnum
CREATE TYPE "DialogueKind" AS ENUM ('PLANNING', 'MONITORING', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "DialogueStatus" AS ENUM ('DUE', 'RECORDED', 'ACKNOWLEDGED');

-- CreateTable
CREATE TABLE "performance_dialogue" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "supervisor_employee_id" UUID,
    "kind" "DialogueKind" NOT NULL,
    "status" "DialogueStatus" NOT NULL,
    "date" DATE,
    "summary" TEXT,
    "agreements" TEXT,
    "recorded_by_employee_id" UUID,
    "recorded_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "due_by" DATE,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "source_event_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "performance_dialogue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency_setting" (
    "agency_id" UUID NOT NULL,
    "follow_up_days" INTEGER NOT NULL,

    CONSTRAINT "agency_setting_pkey" PRIMARY KEY ("agency_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "performance_dialogue_source_event_id_key" ON "performance_dialogue"("source_event_id");

-- CreateIndex
CREATE INDEX "performance_dialogue_employee_id_created_at_idx" ON "performance_dialogue"("employee_id", "created_at");

