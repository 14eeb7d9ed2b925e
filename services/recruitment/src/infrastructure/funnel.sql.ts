/**
 * The funnel of an agency's applications, per vacancy and in total (GROUPING SETS), in one
 * statement: how many reached each stage (by the status they have now: a later status means the
 * earlier stages were passed), the drop-off from the stage before (window lag over the unpivoted
 * stages), and the median days an application spent in the stage (from entering it to the
 * announcement that moved it on; hired: the FINAL announcement to the hire).
 * $1 agency, $2 vacancy or null.
 */
export const FUNNEL_SQL = `
WITH ann AS (
  SELECT selection_id,
         max(announced_at) FILTER (WHERE stage = 'ADMINISTRATION') AS adm,
         max(announced_at) FILTER (WHERE stage = 'SKD') AS skd,
         max(announced_at) FILTER (WHERE stage = 'FINAL') AS fin
  FROM announcement WHERE agency_id = $1::uuid GROUP BY selection_id
), app AS (
  SELECT a.vacancy_id, a.status, a.submitted_at, a.updated_at, ann.adm, ann.skd, ann.fin,
         a.status NOT IN ('SUBMITTED', 'NOT_QUALIFIED') AS qualified,
         a.status IN ('OUTSIDE_SKB_CUT', 'SKB', 'SELECTED', 'NOT_SELECTED', 'HIRED') AS passed_skd,
         a.status IN ('SKB', 'SELECTED', 'NOT_SELECTED', 'HIRED') AS skb,
         a.status IN ('SELECTED', 'HIRED') AS selected
  -- A withdrawn application counts for the stages it reached before withdrawing.
  FROM (SELECT vacancy_id, selection_id, agency_id, submitted_at, updated_at, coalesce(withdrawn_from, status) AS status FROM application) a LEFT JOIN ann ON ann.selection_id = a.selection_id
  WHERE a.agency_id = $1::uuid AND ($2::uuid IS NULL OR a.vacancy_id = $2::uuid)
), per AS (
  SELECT vacancy_id, GROUPING(vacancy_id) AS total,
         count(*)::int AS registered,
         count(*)::int AS submitted,
         count(*) FILTER (WHERE qualified)::int AS qualified,
         count(*) FILTER (WHERE passed_skd)::int AS passed_skd,
         count(*) FILTER (WHERE skb)::int AS skb,
         count(*) FILTER (WHERE selected)::int AS selected,
         count(*) FILTER (WHERE status = 'HIRED')::int AS hired,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM adm - submitted_at)) FILTER (WHERE adm IS NOT NULL) AS t_submitted,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM skd - adm)) FILTER (WHERE qualified AND skd IS NOT NULL) AS t_qualified,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fin - skd)) FILTER (WHERE skb AND fin IS NOT NULL) AS t_skb,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - fin)) FILTER (WHERE status = 'HIRED' AND fin IS NOT NULL) AS t_selected
  FROM app GROUP BY GROUPING SETS ((vacancy_id), ())
), stages AS (
  SELECT per.vacancy_id, per.total, s.ord, s.stage, s.n, s.seconds,
         lag(s.n) OVER (PARTITION BY per.total, per.vacancy_id ORDER BY s.ord) AS previous
  FROM per CROSS JOIN LATERAL (VALUES
    (1, 'REGISTERED', per.registered, NULL::float8),
    (2, 'SUBMITTED', per.submitted, per.t_submitted),
    (3, 'QUALIFIED', per.qualified, per.t_qualified),
    (4, 'PASSED_SKD', per.passed_skd, per.t_skb),
    (5, 'SKB', per.skb, per.t_skb),
    (6, 'SELECTED', per.selected, per.t_selected),
    (7, 'HIRED', per.hired, NULL::float8)
  ) AS s(ord, stage, n, seconds)
)
SELECT stages.vacancy_id::text AS vacancy_id, stages.total = 1 AS total, v.title, stages.stage, stages.n AS count,
       CASE WHEN stages.previous IS NULL OR stages.previous = 0 THEN NULL
            ELSE round((1 - stages.n::numeric / stages.previous), 4)::float8 END AS drop_off,
       round((stages.seconds / 86400)::numeric, 2)::float8 AS median_days
FROM stages LEFT JOIN vacancy v ON v.id = stages.vacancy_id
ORDER BY stages.total, v.published_at, stages.vacancy_id, stages.ord`;

/** Objections per vacancy and in total, by status. $1 agency, $2 vacancy or null. */
export const OBJECTIONS_SQL = `
SELECT a.vacancy_id::text AS vacancy_id, GROUPING(a.vacancy_id) = 1 AS total,
       count(o.id)::int AS filed,
       count(o.id) FILTER (WHERE o.status = 'OPEN')::int AS open,
       count(o.id) FILTER (WHERE o.status = 'ACCEPTED')::int AS accepted,
       count(o.id) FILTER (WHERE o.status = 'REJECTED')::int AS rejected
FROM objection o JOIN application a ON a.id = o.application_id
WHERE o.agency_id = $1::uuid AND ($2::uuid IS NULL OR a.vacancy_id = $2::uuid)
GROUP BY GROUPING SETS ((a.vacancy_id), ())`;

/** The answers to a selection's survey: how many, and the mean per statement. $1 selection. */
export const SURVEY_SUMMARY_SQL = `
SELECT (SELECT count(*)::int FROM survey_response WHERE selection_id = $1::uuid) AS responses,
       q.ord::int AS question, avg(q.rating)::float8 AS average
FROM survey_response r CROSS JOIN LATERAL unnest(r.ratings) WITH ORDINALITY AS q(rating, ord)
WHERE r.selection_id = $1::uuid
GROUP BY q.ord ORDER BY q.ord`;
