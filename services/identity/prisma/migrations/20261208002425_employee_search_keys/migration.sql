-- CreateTable
CREATE TABLE "employee_search_key" (
    "employee_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "employee_search_key_pkey" PRIMARY KEY ("employee_id","key")
);

-- CreateTable
CREATE TABLE "employee_name_term" (
    "agency_id" UUID NOT NULL,
    "words" INTEGER NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "employee_name_term_pkey" PRIMARY KEY ("agency_id","words","term")
);

-- CreateIndex
CREATE INDEX "employee_search_key_agency_id_key_name_employee_id_idx" ON "employee_search_key"("agency_id", "key", "name", "employee_id");

-- CreateIndex
CREATE INDEX "employee_name_term_trgm_idx" ON "employee_name_term" USING GIN ("term" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "employee_search_key" ADD CONSTRAINT "employee_search_key_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The terms a name search finds an employee by: the distinct lower-case words of the name, split at
-- single spaces, that are not all digits (1), and each two such words next to each other (2). A
-- term of a search with no letter is a NIP search, or is read without them.
CREATE FUNCTION "employee_name_terms"("name" TEXT) RETURNS TABLE ("words" INT, "term" TEXT)
LANGUAGE sql IMMUTABLE AS $$
  WITH "parts" AS (
    SELECT lower(p."part") AS "part", p."at" FROM regexp_split_to_table("name", ' ') WITH ORDINALITY AS p("part", "at")
  ), "kept" AS (
    SELECT "part", "at" FROM "parts" WHERE "part" <> '' AND "part" !~ '^[0-9]+$'
  )
  SELECT 1, "part" FROM "kept"
  UNION
  SELECT 2, a."part" || ' ' || b."part" FROM "kept" a JOIN "kept" b ON b."at" = a."at" + 1
$$;

-- An employee's search keys: the name's terms and the NIP's prefixes of 4, 6 and 8 digits (a NIP
-- key is all digits, a term never is).
CREATE FUNCTION "employee_search_keys"("name" TEXT, "nip" TEXT) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT t."term" FROM employee_name_terms("name") AS t
  UNION
  SELECT left("nip", "size") FROM unnest(ARRAY[4, 6, 8]) AS "size" WHERE length("nip") >= "size" AND left("nip", "size") ~ '^[0-9]+$'
$$;

-- Statement triggers with transition tables: a bulk INSERT of 100,000 employees writes their keys
-- in one statement, not 100,000.
CREATE FUNCTION "employee_search_keys_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "employee_search_key" ("employee_id", "agency_id", "key", "name")
    SELECT n."id", n."agency_id", k."key", n."name" FROM "new_rows" n CROSS JOIN LATERAL employee_search_keys(n."name", n."nip") AS k("key");
  INSERT INTO "employee_name_term" ("agency_id", "words", "term")
    SELECT DISTINCT n."agency_id", t."words", t."term" FROM "new_rows" n CROSS JOIN LATERAL employee_name_terms(n."name") AS t
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- A rename, a new NIP or a transfer to another agency replaces the employee's keys; other updates
-- leave them alone.
CREATE FUNCTION "employee_search_keys_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "employee_search_key" k USING "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    WHERE k."employee_id" = n."id" AND (o."name", o."nip", o."agency_id") IS DISTINCT FROM (n."name", n."nip", n."agency_id");
  INSERT INTO "employee_search_key" ("employee_id", "agency_id", "key", "name")
    SELECT n."id", n."agency_id", k."key", n."name" FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    CROSS JOIN LATERAL employee_search_keys(n."name", n."nip") AS k("key")
    WHERE (o."name", o."nip", o."agency_id") IS DISTINCT FROM (n."name", n."nip", n."agency_id");
  INSERT INTO "employee_name_term" ("agency_id", "words", "term")
    SELECT DISTINCT n."agency_id", t."words", t."term" FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    CROSS JOIN LATERAL employee_name_terms(n."name") AS t
    WHERE (o."name", o."agency_id") IS DISTINCT FROM (n."name", n."agency_id")
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "employee_search_keys_inserted" AFTER INSERT ON "employee"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_inserted"();
CREATE TRIGGER "employee_search_keys_updated" AFTER UPDATE ON "employee"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_updated"();

-- One key's first `size` rows in (name, id) order after the cursor, if any, that hold the name
-- pattern, if any, in the unit, if any: the ordered walk of (agency_id, key, name, employee_id) that
-- stops after them. Sorts and bitmap scans are off while it is planned, so that it is that walk
-- whatever the statistics say (a table just loaded has none, and would get a sort of every match).
CREATE FUNCTION "employee_search_walk"("agency" UUID, "search_key" TEXT, "pattern" TEXT, "after_name" TEXT, "after_id" UUID, "unit" UUID, "size" INT)
RETURNS TABLE ("name" TEXT, "employee_id" UUID)
LANGUAGE sql STABLE
SET enable_sort = off SET enable_bitmapscan = off
AS $$
  (SELECT k."name", k."employee_id" FROM "employee_search_key" k
    WHERE "after_name" IS NULL AND k."agency_id" = "agency" AND k."key" = "search_key"
      AND ("pattern" IS NULL OR k."name" ILIKE "pattern")
      AND ("unit" IS NULL OR EXISTS (SELECT 1 FROM "employee" u WHERE u."id" = k."employee_id" AND u."org_unit_id" = "unit"))
    ORDER BY k."name", k."employee_id" LIMIT "size")
  UNION ALL
  (SELECT k."name", k."employee_id" FROM "employee_search_key" k
    WHERE "after_name" IS NOT NULL AND k."agency_id" = "agency" AND k."key" = "search_key" AND (k."name", k."employee_id") > ("after_name", "after_id")
      AND ("pattern" IS NULL OR k."name" ILIKE "pattern")
      AND ("unit" IS NULL OR EXISTS (SELECT 1 FROM "employee" u WHERE u."id" = k."employee_id" AND u."org_unit_id" = "unit"))
    ORDER BY k."name", k."employee_id" LIMIT "size")
$$;

-- The keys and terms of the employees already there.
INSERT INTO "employee_search_key" ("employee_id", "agency_id", "key", "name")
  SELECT e."id", e."agency_id", k."key", e."name" FROM "employee" e CROSS JOIN LATERAL employee_search_keys(e."name", e."nip") AS k("key");
INSERT INTO "employee_name_term" ("agency_id", "words", "term")
  SELECT DISTINCT e."agency_id", t."words", t."term" FROM "employee" e CROSS JOIN LATERAL employee_name_terms(e."name") AS t;
