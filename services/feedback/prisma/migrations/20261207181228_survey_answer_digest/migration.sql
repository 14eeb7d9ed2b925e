-- AlterTable
ALTER TABLE "survey_token" ADD COLUMN     "answer_digest" TEXT;

