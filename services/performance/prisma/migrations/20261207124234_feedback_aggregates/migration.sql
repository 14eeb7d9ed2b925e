-- CreateTable
CREATE TABLE "feedback_aggregate" (
    "cycle_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "values" JSONB NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_aggregate_pkey" PRIMARY KEY ("cycle_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "feedback_aggregate_event_id_key" ON "feedback_aggregate"("event_id");

-- CreateIndex
CREATE INDEX "feedback_aggregate_employee_id_period_id_idx" ON "feedback_aggregate"("employee_id", "period_id");

