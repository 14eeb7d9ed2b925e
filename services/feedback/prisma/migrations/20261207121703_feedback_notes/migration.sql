-- CreateEnum
CREATE TYPE "CoreValue" AS ENUM ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('PRAISE', 'IMPROVEMENT');

-- DropIndex
DROP INDEX "feedback_note_agency_id_created_at_idx";

-- AlterTable
ALTER TABLE "feedback_note" DROP COLUMN "title",
ADD COLUMN     "author_employee_id" UUID NOT NULL,
ADD COLUMN     "employee_id" UUID NOT NULL,
ADD COLUMN     "kind" "NoteKind" NOT NULL,
ADD COLUMN     "replied_at" TIMESTAMPTZ(3),
ADD COLUMN     "reply_text" TEXT,
ADD COLUMN     "text" TEXT NOT NULL,
ADD COLUMN     "values" "CoreValue"[];

-- CreateIndex
CREATE INDEX "feedback_note_employee_id_created_at_idx" ON "feedback_note"("employee_id", "created_at");

