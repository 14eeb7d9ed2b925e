-- CreateTable
CREATE TABLE "employee_search_key" (
    "employee_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "employee_search_key_pkey" PRIMARY KEY ("employee_id","key")
);

-- CreateTable
CREATE TABLE "employee_name_word" (
    "agency_id" UUID NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "employee_name_word_pkey" PRIMARY KEY ("agency_id","word")
);

-- CreateIndex
CREATE INDEX "employee_search_key_agency_id_key_name_employee_id_idx" ON "employee_search_key"("agency_id", "key", "name", "employee_id");

-- AddForeignKey
ALTER TABLE "employee_search_key" ADD CONSTRAINT "employee_search_key_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The words a name search finds an employee by: the distinct lower-case words of the name, split at
-- spaces, that are not all digits (a term with no letter is a NIP search, or is read without them).
CREATE FUNCTION "employee_name_words"("name" TEXT) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT lower("part") FROM regexp_split_to_table("name", ' ') AS "part" WHERE "part" <> '' AND "part" !~ '^[0-9]+$'
$$;

-- An employee's search keys: the name's words and the NIP's prefixes of 4, 6 and 8 digits (a NIP
-- key is all digits, a word never is).
CREATE FUNCTION "employee_search_keys"("name" TEXT, "nip" TEXT) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT "word" FROM employee_name_words("name") AS "word"
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
  INSERT INTO "employee_name_word" ("agency_id", "word")
    SELECT DISTINCT n."agency_id", w."word" FROM "new_rows" n CROSS JOIN LATERAL employee_name_words(n."name") AS w("word")
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
  INSERT INTO "employee_name_word" ("agency_id", "word")
    SELECT DISTINCT n."agency_id", w."word" FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
    CROSS JOIN LATERAL employee_name_words(n."name") AS w("word")
    WHERE (o."name", o."agency_id") IS DISTINCT FROM (n."name", n."agency_id")
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "employee_search_keys_inserted" AFTER INSERT ON "employee"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_inserted"();
CREATE TRIGGER "employee_search_keys_updated" AFTER UPDATE ON "employee"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "employee_search_keys_updated"();

-- The keys and words of the employees already there.
INSERT INTO "employee_search_key" ("employee_id", "agency_id", "key", "name")
  SELECT e."id", e."agency_id", k."key", e."name" FROM "employee" e CROSS JOIN LATERAL employee_search_keys(e."name", e."nip") AS k("key");
INSERT INTO "employee_name_word" ("agency_id", "word")
  SELECT DISTINCT e."agency_id", w."word" FROM "employee" e CROSS JOIN LATERAL employee_name_words(e."name") AS w("word");
