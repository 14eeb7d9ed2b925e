-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "deadline" DATE NOT NULL,
    "days_before" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_outbox" (
    "id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_employee_id_created_at_id_idx" ON "notification"("employee_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "mail_outbox_sent_at_created_at_idx" ON "mail_outbox"("sent_at", "created_at");
