-- DropIndex
DROP INDEX "application_vacancy_id_status_idx";

-- DropIndex
DROP INDEX "application_selection_id_status_idx";

-- CreateIndex
CREATE INDEX "application_selection_id_idx" ON "application"("selection_id");

-- (processed_event_processed_at_idx exists since 20261207181246_processed_event_retention_index;
-- the previous migration's schema snapshot lacked it.)


-- Room on every page for a new version of its rows: an SKD import (scores) and an announcement
-- (status; the ranks of those who passed) rewrite a whole selection, and with free space on the
-- page and no indexed column changed, PostgreSQL updates a row heap-only (HOT), without an insert
-- into each of the table's indexes. Applies to pages written from now on.
ALTER TABLE "application" SET (fillfactor = 50);
