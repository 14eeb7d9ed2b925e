-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "formation" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "position_id" UUID,
    "position_title" TEXT NOT NULL,
    "need" INTEGER NOT NULL,
    "current_holders" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,
    "justification" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "review_note" TEXT,
    "proposed_by" TEXT,
    "reviewed_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "formation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selection" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "registration_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "registration_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "skd_date" TEXT,
    "skb_date" TEXT,
    "pass_twk" INTEGER NOT NULL,
    "pass_tiu" INTEGER NOT NULL,
    "pass_tkp" INTEGER NOT NULL,
    "normalisation" TEXT NOT NULL,
    "skb_maximum" DOUBLE PRECISION NOT NULL,
    "interview_weight" DOUBLE PRECISION NOT NULL,
    "skd_weight" DOUBLE PRECISION NOT NULL,
    "last_sequence" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "selection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vacancy" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "selection_id" UUID NOT NULL,
    "formation_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "min_age" INTEGER NOT NULL,
    "max_age" INTEGER NOT NULL,
    "documents" TEXT[],
    "quota" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applicant" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "nik" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applicant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "selection_id" UUID NOT NULL,
    "vacancy_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "registration_number" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verification_note" TEXT,
    "twk" INTEGER,
    "tiu" INTEGER,
    "tkp" INTEGER,
    "skd_rank" INTEGER,
    "skb_score" DOUBLE PRECISION,
    "interview_at" TIMESTAMPTZ(3),
    "interview_link" TEXT,
    "interview_score" DOUBLE PRECISION,
    "final_score" DOUBLE PRECISION,
    "final_rank" INTEGER,
    "nip" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "selection_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "announced_at" TIMESTAMPTZ(3) NOT NULL,
    "objection_closes_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "selection_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "response" TEXT,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_member" (
    "selection_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "conflict_application_ids" TEXT[],
    "appointed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "committee_member_pkey" PRIMARY KEY ("selection_id","user_id")
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
CREATE INDEX "formation_agency_id_created_at_idx" ON "formation"("agency_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "selection_agency_id_code_key" ON "selection"("agency_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "vacancy_formation_id_key" ON "vacancy"("formation_id");

-- CreateIndex
CREATE INDEX "vacancy_published_at_id_idx" ON "vacancy"("published_at", "id");

-- CreateIndex
CREATE INDEX "vacancy_agency_id_published_at_idx" ON "vacancy"("agency_id", "published_at");

-- CreateIndex
CREATE INDEX "vacancy_selection_id_idx" ON "vacancy"("selection_id");

-- CreateIndex
CREATE UNIQUE INDEX "applicant_user_id_key" ON "applicant"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "applicant_nik_key" ON "applicant"("nik");

-- CreateIndex
CREATE UNIQUE INDEX "application_registration_number_key" ON "application"("registration_number");

-- CreateIndex
CREATE UNIQUE INDEX "application_nip_key" ON "application"("nip");

-- CreateIndex
CREATE INDEX "application_vacancy_id_status_idx" ON "application"("vacancy_id", "status");

-- CreateIndex
CREATE INDEX "application_selection_id_status_idx" ON "application"("selection_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "application_applicant_id_selection_id_key" ON "application"("applicant_id", "selection_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_applicant_id_idempotency_key_key" ON "application"("applicant_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "announcement_selection_id_stage_key" ON "announcement"("selection_id", "stage");

-- CreateIndex
CREATE INDEX "objection_selection_id_stage_status_idx" ON "objection"("selection_id", "stage", "status");

-- CreateIndex
CREATE UNIQUE INDEX "objection_application_id_stage_key" ON "objection"("application_id", "stage");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_agency_id_occurred_at_idx" ON "audit_log"("agency_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_selection_id_fkey" FOREIGN KEY ("selection_id") REFERENCES "selection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_formation_id_fkey" FOREIGN KEY ("formation_id") REFERENCES "formation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_vacancy_id_fkey" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_selection_id_fkey" FOREIGN KEY ("selection_id") REFERENCES "selection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

