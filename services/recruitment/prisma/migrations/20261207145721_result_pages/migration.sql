-- CreateIndex
CREATE INDEX "application_vacancy_id_skd_rank_registration_number_idx" ON "application"("vacancy_id", "skd_rank", "registration_number");

-- CreateIndex
CREATE INDEX "application_vacancy_id_final_rank_registration_number_idx" ON "application"("vacancy_id", "final_rank", "registration_number");

-- CreateIndex
CREATE INDEX "application_vacancy_id_registration_number_idx" ON "application"("vacancy_id", "registration_number");

