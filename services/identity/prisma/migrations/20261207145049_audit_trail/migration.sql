-- CreateTable
CREATE TABLE "audit_trail_entry" (
    "service" TEXT NOT NULL,
    "audit_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_user_id" TEXT,
    "request_id" TEXT,
    "agency_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_trail_entry_pkey" PRIMARY KEY ("service","audit_id")
);

-- CreateIndex
CREATE INDEX "audit_trail_entry_agency_id_occurred_at_idx" ON "audit_trail_entry"("agency_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_trail_entry_entity_type_entity_id_occurred_at_idx" ON "audit_trail_entry"("entity_type", "entity_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_trail_entry_actor_user_id_occurred_at_idx" ON "audit_trail_entry"("actor_user_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_trail_entry_occurred_at_idx" ON "audit_trail_entry"("occurred_at");

