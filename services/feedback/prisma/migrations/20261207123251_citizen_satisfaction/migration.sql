-- CreateTable
CREATE TABLE "service_unit" (
    "org_unit_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "serves_public" BOOLEAN NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_unit_pkey" PRIMARY KEY ("org_unit_id")
);

-- CreateTable
CREATE TABLE "survey_token" (
    "token_hash" TEXT NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "spent_at" TIMESTAMPTZ(3),

    CONSTRAINT "survey_token_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "satisfaction_aggregate" (
    "org_unit_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "agency_id" UUID NOT NULL,
    "responses" INTEGER NOT NULL,
    "requirements" INTEGER NOT NULL,
    "procedure" INTEGER NOT NULL,
    "service_time" INTEGER NOT NULL,
    "cost" INTEGER NOT NULL,
    "product" INTEGER NOT NULL,
    "staff_competence" INTEGER NOT NULL,
    "staff_behaviour" INTEGER NOT NULL,
    "complaint_handling" INTEGER NOT NULL,
    "facilities" INTEGER NOT NULL,

    CONSTRAINT "satisfaction_aggregate_pkey" PRIMARY KEY ("org_unit_id","month")
);

-- CreateTable
CREATE TABLE "citizen_comment" (
    "id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "citizen_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_unit_agency_id_idx" ON "service_unit"("agency_id");

-- CreateIndex
CREATE INDEX "survey_token_expires_at_idx" ON "survey_token"("expires_at");

-- CreateIndex
CREATE INDEX "citizen_comment_org_unit_id_created_at_idx" ON "citizen_comment"("org_unit_id", "created_at");

