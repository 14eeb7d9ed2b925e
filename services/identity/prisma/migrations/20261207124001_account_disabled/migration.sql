-- AlterTable
ALTER TABLE "user_account" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);

