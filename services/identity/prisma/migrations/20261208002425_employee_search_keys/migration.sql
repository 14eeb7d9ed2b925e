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



-- The terms a name search finds an employee by: the distinct lower-case words of the name, split at
-- single spaces, that are not all digits (1), and each two such words next to each other (2). A
-- term of a search with no letter is a NIP search, or is read without them. Over arrays of employees
-- (ids and names in the same order), so that a statement's rows are one set-based query, not one
-- function call each.
CREATE FUNCTION "employee_name_terms"("ids" UUID[], "names" TEXT[]) RETURNS TABLE ("employee_id" UUID, "words" INT, "term" TEXT)
LANGUAGE sql IMMUTABLE AS $$
  WITH "parts" AS (
    SELECT e."id", lower(p."part") AS "part", p."at"
    FROM unnest("ids", "names") AS e("id", "name") CROSS JOIN LATERAL regexp_split_to_table(e."name", ' ') WITH ORDINALITY AS p("part", "at")
  ), "kept" AS (
    SELECT "id", "part", "at" FROM "parts" WHERE "part" <> '' AND "part" !~ '^[0-9]+$'
  )
  SELECT "id", 1, "part" FROM "kept"
  UNION
  SELECT a."id", 2, a."part" || ' ' || b."part" FROM "kept" a JOIN "kept" b ON b."id" = a."id" AND b."at" = a."at" + 1
$$;

-- The employees' search keys: the names' terms and the NIPs' prefixes of 4, 6 and 8 digits (a NIP
-- key is all digits, a term never is).
CREATE FUNCTION "employee_search_keys"("ids" UUID[], "names" TEXT[], "nips" TEXT[]) RETURNS TABLE ("employee_id" UUID, "key" TEXT)
LANGUAGE sql IMMUTABLE AS $$
  SELECT t."employee_id", t."term" FROM employee_name_terms("ids", "names") AS t
  UNION
  SELECT e."id", left(e."nip", s."size") FROM unnest("ids", "nips") AS e("id", "nip") CROSS JOIN unnest(ARRAY[4, 6, 8]) AS s("size")
  WHERE length(e."nip") >= s."size" AND left(e."nip", s."size") ~ '^[0-9]+$'
$$;

-- Statement triggers with transition tables: a bulk INSERT of 100,000 employees writes their keys
-- in one statement, not 100,000. New terms go in in one order, so that two writers adding the same
-- new terms wait for each other instead of deadlocking.
CREATE FUNCTION "employee_search_keys_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "employee_search_key" ("employee_id", "agency_id", "key", "name")
    SELECT n."id", n."agency_id", k."key", n."name"
    FROM (SELECT array_agg("id") AS "ids", array_agg("name") AS "names", array_agg("nip") AS "nips" FROM "new_rows") a
    CROSS JOIN LATERAL employee_search_keys(a."ids", a."names", a."nips") AS k JOIN "new_rows" n ON n."id" = k."employee_id";
  INSERT INTO "employee_name_term" ("agency_id", "words", "term")
    SELECT DISTINCT n."agency_id", t."words", t."term"
    FROM (SELECT array_agg("id") AS "ids", array_agg("name") AS "names" FROM "new_rows") a
    CROSS JOIN LATERAL employee_name_terms(a."ids", a."names") AS t JOIN "new_rows" n ON n."id" = t."employee_id"
    ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- A rename, a new NIP or a transfer to another agency replaces the employee's keys; other updates
-- leave them alone.
CREATE FUNCTION "employee_search_keys_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
                 WHERE (o."name", o."nip", o."agency_id") IS DISTINCT FROM (n."name", n."nip", n."agency_id")) THEN
    RETURN NULL;
  END IF;
  DELETE FROM "employee_search_key" k USING "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    WHERE k."employee_id" = n."id" AND (o."name", o."nip", o."agency_id") IS DISTINCT FROM (n."name", n."nip", n."agency_id");
  WITH "rekeyed" AS (
    SELECT n.* FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    WHERE (o."name", o."nip", o."agency_id") IS DISTINCT FROM (n."name", n."nip", n."agency_id")
  )
  INSERT INTO "employee_search_key" ("employee_id", "agency_id", "key", "name")
    SELECT r."id", r."agency_id", k."key", r."name"
    FROM (SELECT array_agg("id") AS "ids", array_agg("name") AS "names", array_agg("nip") AS "nips" FROM "rekeyed") a
    CROSS JOIN LATERAL employee_search_keys(a."ids", a."names", a."nips") AS k JOIN "rekeyed" r ON r."id" = k."employee_id";
  WITH "renamed" AS (
    SELECT n.* FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    WHERE (o."name", o."agency_id") IS DISTINCT FROM (n."name", n."agency_id")
  )
  INSERT INTO "employee_name_term" ("agency_id", "words", "term")
    SELECT DISTINCT r."agency_id", t."words", t."term"
    FROM (SELECT array_agg("id") AS "ids", array_agg("name") AS "names" FROM "renamed") a
    CROSS JOIN LATERAL employee_name_terms(a."ids", a."names") AS t JOIN "renamed" r ON r."id" = t."employee_id"
    ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- A deleted employee's keys go with them (employee_search_key has no foreign key, see schema.prisma).
CREATE FUNCTION "employee_search_keys_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "employee_search_key" k USING "old_rows" o WHERE k."employee_id" = o."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "employee_search_keys_inserted" AFTER INSERT ON "employee"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_inserted"();
CREATE TRIGGER "employee_search_keys_updated" AFTER UPDATE ON "employee"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_updated"();
CREATE TRIGGER "employee_search_keys_deleted" AFTER DELETE ON "employee"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_deleted"();

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
  SELECT e."id", e."agency_id", k."key", e."name"
  FROM (SELECT array_agg("id") AS "ids", array_agg("name") AS "names", array_agg("nip") AS "nips" FROM "employee") a
  CROSS JOIN LATERAL employee_search_keys(a."ids", a."names", a."nips") AS k JOIN "employee" e ON e."id" = k."employee_id";
INSERT INTO "employee_name_term" ("agency_id", "words", "term")
  SELECT DISTINCT e."agency_id", t."words", t."term"
  FROM (SELECT array_agg("id") AS "ids", array_agg("name") AS "names" FROM "employee") a
  CROSS JOIN LATERAL employee_name_terms(a."ids", a."names") AS t JOIN "employee" e ON e."id" = t."employee_id";
