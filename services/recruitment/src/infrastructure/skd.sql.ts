// The SKD statements: the import's check and write, and the announcement's ranking. Set-based over
// the driver or Prisma's raw queries: a whole selection's applications in one statement each.

/**
 * An import's registration numbers ($2) against the selection ($1): only what is wrong comes back
 * (unknown, not QUALIFIED) and the watched applications ($3) the file names, not the selection's 100,000 rows.
 */
export const SKD_IMPORT_CHECK = `SELECT i.registration_number, a.id::text AS id, a.status
  FROM unnest($2::text[]) AS i(registration_number)
  LEFT JOIN application a ON a.registration_number = i.registration_number AND a.selection_id = $1::uuid
  WHERE a.id IS NULL OR a.status <> 'QUALIFIED' OR a.id = ANY($3::uuid[])`;

/**
 * One statement: the scores, each only on an application still QUALIFIED (the update stays
 * heap-only: no indexed column changes), and the summary audit rows, a group of
 * SKD_AUDIT_ROWS_PER_ENTRY applications each (column arrays: lean to build, store and relay),
 * with the scores an import overwrote (read from the same snapshot; usually none).
 */
export const SAVE_SKD_SCORES = `WITH written AS (
    UPDATE application a SET twk = i.twk, tiu = i.tiu, tkp = i.tkp, updated_at = $6::timestamptz
    FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) WITH ORDINALITY AS i(registration_number, twk, tiu, tkp, n),
         application previous
    WHERE a.registration_number = i.registration_number AND a.selection_id = $1::uuid AND a.status = 'QUALIFIED' AND previous.id = a.id
    RETURNING a.id, a.registration_number, i.n, a.twk, a.tiu, a.tkp,
              previous.twk AS previous_twk, previous.tiu AS previous_tiu, previous.tkp AS previous_tkp, previous.updated_at AS previous_updated_at
  ), audited AS (
    INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after)
    SELECT gen_random_uuid(), $7, $8, $9::uuid, 'application.skd-imported', 'Selection', $1::text,
           jsonb_build_object('overwritten', coalesce(jsonb_agg(jsonb_build_object(
             'registrationNumber', registration_number, 'twk', previous_twk, 'tiu', previous_tiu, 'tkp', previous_tkp, 'updatedAt', previous_updated_at
           ) ORDER BY n) FILTER (WHERE previous_twk IS NOT NULL), '[]'::jsonb)),
           jsonb_build_object('registrationNumbers', to_jsonb(array_agg(registration_number ORDER BY n)), 'twk', to_jsonb(array_agg(twk ORDER BY n)),
             'tiu', to_jsonb(array_agg(tiu ORDER BY n)), 'tkp', to_jsonb(array_agg(tkp ORDER BY n)), 'updatedAt', $6::timestamptz)
    FROM written GROUP BY (n - 1) / $10::int
  )
  SELECT count(*)::int AS written FROM written`;

/**
 * The selection's qualified applications, locked first: nothing changes them between the
 * ranking's read and its write. The sort of a whole selection fits in memory.
 */
export const LOCK_QUALIFIED = `SELECT set_config('work_mem', '64MB', true), (SELECT count(*) FROM (SELECT 1 FROM application WHERE selection_id = $1::uuid AND status = 'QUALIFIED' FOR UPDATE) locked)::int AS locked`;

/**
 * compareTies in SQL: total, TKP, TIU, TWK descending, the older applicant, the registration
 * number; one window over the selection (no join between materialised sets, whatever the
 * planner's estimates), one update (heap-only for those whose rank stays empty: no index
 * holds the status), and the summary audit rows.
 */
export const RANK_SKD = `WITH outcome AS (
    SELECT r.id, r.registration_number, r.previous_rank, r.rank, row_number() OVER () AS n,
           CASE WHEN r.rank IS NULL THEN 'BELOW_PASS_MARK' WHEN r.rank <= v.quota * $5 THEN 'SKB' ELSE 'OUTSIDE_SKB_CUT' END AS status
    FROM (
      SELECT a.id, a.vacancy_id, a.registration_number, a.skd_rank AS previous_rank,
             CASE WHEN a.twk IS NOT NULL AND a.twk >= $2 AND a.tiu >= $3 AND a.tkp >= $4 THEN row_number() OVER (
               PARTITION BY a.vacancy_id, (a.twk IS NOT NULL AND a.twk >= $2 AND a.tiu >= $3 AND a.tkp >= $4)
               ORDER BY a.twk + a.tiu + a.tkp DESC, a.tkp DESC, a.tiu DESC, a.twk DESC, p.birth_date COLLATE "C" ASC, a.registration_number COLLATE "C" ASC
             )::int END AS rank
      FROM application a JOIN applicant p ON p.id = a.applicant_id
      WHERE a.selection_id = $1::uuid AND a.status = 'QUALIFIED'
    ) r JOIN vacancy v ON v.id = r.vacancy_id
  ), written AS (
    UPDATE application a SET status = o.status, skd_rank = o.rank, updated_at = $6::timestamptz
    FROM outcome o WHERE a.id = o.id AND a.status = 'QUALIFIED'
    RETURNING o.*
  ), audited AS (
    INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after)
    SELECT gen_random_uuid(), $7, $8, $9::uuid, 'application.skd-announced', 'Selection', $1::text,
           jsonb_build_object('status', 'QUALIFIED', 'registrationNumbers', to_jsonb(array_agg(registration_number ORDER BY n)),
             'skdRank', to_jsonb(array_agg(previous_rank ORDER BY n))),
           jsonb_build_object('registrationNumbers', to_jsonb(array_agg(registration_number ORDER BY n)), 'status', to_jsonb(array_agg(status ORDER BY n)),
             'skdRank', to_jsonb(array_agg(rank ORDER BY n)), 'updatedAt', $6::timestamptz)
    FROM written GROUP BY (n - 1) / $10::int
  )
  SELECT count(*)::int AS changed FROM written`;
