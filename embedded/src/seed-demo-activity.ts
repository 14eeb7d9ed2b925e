import type { Logger } from '@kinerja/logger';

import { Gateway, login } from './demo-activity.client';
import { ACTIVITY, AgencyActivity, closeYear, Counters, openYears } from './demo-agency.script';

/**
 * The first start's demo activity: a finished previous year and a current year in progress, made
 * the way users make them — HR admins, employees and supervisors logging in and calling the
 * gateway's public GraphQL API — so every rule, audit row and event of the services runs for real
 * (nothing is written to a database directly).
 *
 * Every agency: HR opens the previous and the current year, quarterly. In the agencies of
 * ACTIVITY (Siulak, the README's example), the demo supervisor's team of Dinas Pendidikan —
 * `employee.<agency>` (Analis Kurikulum) and a colleague (Pengawas Sekolah) — goes through the year:
 *
 * - each writes an SKP of 2 MAIN results and 1 ADDITIONAL (one indicator each) and submits it;
 *   the demo supervisor approves both;
 * - each reports the four quarters with a link to the evidence (marked late: reported today);
 * - HR rates the unit BAIK; the demo supervisor finalizes the annual assessments: the colleague
 *   BUTUH_PERBAIKAN (a MAIN result and Kolaboratif BELOW), the demo employee BAIK; the unit's
 *   curve holds (at most 70% BAIK, at least one BUTUH_PERBAIKAN), and a finalization that would
 *   break it is justified, as the agency's WARN setting asks; HR closes the year;
 * - development assigns a programme per gap from performance's event (Komunikasi Efektif,
 *   Perencanaan Kinerja); HR records the first as passed (certificate) and starts the second;
 * - the current year: the demo supervisor drafts their SKP (a DRAFT with two RHKs), the staff's
 *   RHKs cascade from it; the demo employee's SKP is APPROVED, the colleague's SUBMITTED, waiting
 *   for the demo supervisor.
 *
 * It is kept this small because each mutation costs the embedded databases 15–25 ms and the whole
 * seeding, including the wait for identity's first employee snapshots, must stay within about 4 s.
 */

const WIB_OFFSET_MS = 7 * 3_600_000;

export interface DemoAccountRef {
  role: string;
  login: string;
}

export interface DemoActivitySummary {
  /** Agencies whose HR opened the two years. */
  agencies: string[];
  /** Agencies whose demo team went through the previous year (the rest only have the periods). */
  activity: string[];
  previousYear: number;
  currentYear: number;
  plans: number;
  realizations: number;
  assessments: Record<string, number>;
  justified: number;
  assignments: number;
  certificates: number;
  milliseconds: number;
}
/** `<slug>` of every `hr.<slug>@…` account: one per agency. */
function agencySlugs(accounts: readonly DemoAccountRef[]): string[] {
  return accounts.flatMap((account) => {
    const slug = account.role === 'HR_ADMIN' ? /^hr\.([^@]+)@/.exec(account.login)?.[1] : undefined;
    return slug ? [slug] : [];
  });
}

/**
 * Seeds the demo activity through the gateway at `gatewayUrl`, for the agencies of `accounts`
 * (identity's seeded demo accounts). Call it once, on the first start, after the gateway is up.
 */
export async function seedDemoActivity(
  gatewayUrl: string,
  accounts: readonly DemoAccountRef[],
  options: { logger?: Logger; now?: Date } = {},
): Promise<DemoActivitySummary> {
  const startedAt = Date.now();
  const now = options.now ?? new Date();
  // The agencies' year is the calendar year in WIB; a completion date may not be in the future in UTC.
  const current = new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear();
  const years = { previous: current - 1, current };
  const today = now.toISOString().slice(0, 10);
  const gateway = new Gateway(gatewayUrl);
  const counters = new Counters();
  const slugs = agencySlugs(accounts);
  const activity = ACTIVITY.filter((script) => slugs.includes(script.slug));
  const periodsOnly = slugs.filter((slug) => !activity.some((script) => script.slug === slug));
  const runs = activity.map((script) => new AgencyActivity(gateway, counters, script, years, today));
  // The other agencies' HR log in after the activity's people: a login takes ~0.1 s of a core (scrypt).
  const loggedIn = Promise.all(runs.map((run) => run.loggedIn));
  await Promise.all([
    ...runs.map((run) => run.run()),
    ...periodsOnly.map(async (slug) => {
      await loggedIn;
      const hr = await login(gateway, { email: `hr.${slug}@kinerja.demo` });
      const [previous] = await openYears(gateway, hr, [years.previous, years.current]);
      // Nobody was assessed there: the year is over all the same.
      if (previous) await closeYear(gateway, hr, previous);
    }),
  ]);
  const summary: DemoActivitySummary = {
    agencies: slugs,
    activity: activity.map((script) => script.slug),
    previousYear: years.previous,
    currentYear: years.current,
    plans: counters.plans,
    realizations: counters.realizations,
    assessments: counters.assessments,
    justified: counters.justified,
    assignments: counters.assignments,
    certificates: counters.certificates,
    milliseconds: Date.now() - startedAt,
  };
  options.logger?.info(summary, 'demo activity seeded');
  return summary;
}

/**
 * main.ts's call on the first start: seeds and says so in one line. The demo activity is a
 * convenience, so a failure is logged and named but does not stop the start.
 */
export async function seedDemoActivityOnFirstStart(gatewayUrl: string, accounts: readonly DemoAccountRef[], logger: Logger): Promise<void> {
  try {
    const summary = await seedDemoActivity(gatewayUrl, accounts, { logger });
    process.stdout.write(
      `Demo activity (${(summary.milliseconds / 1000).toFixed(1)} s): ${summary.previousYear} closed and ${summary.currentYear} open in every agency; ` +
        `${summary.previousYear} assessed in ${summary.activity.join(', ')}\n`,
    );
  } catch (error) {
    logger.error({ err: error }, 'demo activity not seeded');
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`Demo activity not seeded: ${message} (details in the log; "npm start -- --fresh" tries again)\n`);
  }
}
