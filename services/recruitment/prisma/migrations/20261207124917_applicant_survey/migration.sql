-- CreateTable
CREATE TABLE "survey_invitation" (
    "application_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "selection_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "survey_invitation_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "survey_response" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "selection_id" UUID NOT NULL,
    "ratings" INTEGER[],
    "comment" TEXT,
    "answered_on" TEXT NOT NULL,

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "survey_invitation_token_hash_key" ON "survey_invitation"("token_hash");

-- CreateIndex
CREATE INDEX "survey_response_selection_id_idx" ON "survey_response"("selection_id");

