-- CreateTable
CREATE TABLE "evidence_document" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "realization_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evidence_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evidence_document_realization_id_created_at_idx" ON "evidence_document"("realization_id", "created_at");

-- AddForeignKey
ALTER TABLE "evidence_document" ADD CONSTRAINT "evidence_document_realization_id_fkey" FOREIGN KEY ("realization_id") REFERENCES "realization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

