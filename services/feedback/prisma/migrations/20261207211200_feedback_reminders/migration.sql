-- AlterTable
ALTER TABLE "agency_setting" ADD COLUMN     "reminder_days_before" INTEGER[] DEFAULT ARRAY[7, 1]::INTEGER[];

-- CreateTable
CREATE TABLE "reminder" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "recipient_employee_id" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "pending" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "days_before" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reminder_recipient_employee_id_step_deadline_days_before_key" ON "reminder"("recipient_employee_id", "step", "deadline", "days_before");
