-- CreateTable
CREATE TABLE "agency_questionnaire" (
    "agency_id" UUID NOT NULL,
    "items" JSONB NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agency_questionnaire_pkey" PRIMARY KEY ("agency_id")
);

