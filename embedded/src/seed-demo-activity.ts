import type { Logger } from '@kinerja/logger';

import { Gateway, login } from './demo-activity.client';
import { PREDIKATS } from './demo-activity.templates';
import { ACTIVITY, AgencyActivity } from './demo-agency.script';
import { closeYear, openYears } from './demo-skp.script';
import { Counters } from './demo-team';

/**
 * The first start's demo activity: a finished previous year and a current year in progress, made
 * the way users make them — HR admins, employees and supervisors logging in and calling the
 * gateway's public GraphQL API — so every rule, audit row and event of the services runs for real
 * (nothing is written to a database directly).
 *
 * In every agency (ACTIVITY in demo-agency.script.ts), HR opens the previous and the current year,
 * quarterly, and the four staff of its Dinas Pendidikan go through the year: the demo
 * supervisor's two (`employee.<agency>` and a colleague) and the two of the other head of division:
 *
 * - each head of division records a planning dialogue with their staff for both years (the demo employee
 *   acknowledges theirs); each writes an SKP of 2 MAIN results and 1 ADDITIONAL (one indicator
 *   each) and submits it; their head of division approves them;
 * - each reports the four quarters with a link to the evidence (marked late: reported today);
 * - the demo employee's colleague's 360° of last year (HR adds the other team as peers) is answered
 *   by the supervisor, three peers and themselves and closed; this year's 360° of the demo
 *   supervisor is opened by HR, two raters have answered and the demo employee's request waits;
 * - HR rates the unit; the heads of division finalize the annual assessments, the five predikat spread
 *   over the agencies so that each unit's curve matches its rating, except one justified break
 *   (Sawahlunto, as the agency's WARN setting asks); HR grants a bonus recommendation for each
 *   SANGAT_BAIK, coaching for BUTUH_PERBAIKAN, a discipline referral for KURANG and SANGAT_KURANG,
 *   and closes the year;
 * - development assigns a programme per gap from performance's event; HR records Komunikasi
 *   Efektif as passed (certificate) and starts the others; the heads of division record the follow-up
 *   dialogue each poor rating made due;
 * - the current year: the demo supervisor drafts their SKP (a DRAFT with two RHKs), the staff's
 *   RHKs cascade from it; the demo employee's SKP is APPROVED, their colleague's SUBMITTED,
 *   waiting for the demo supervisor (in the other team, one of each).
 *
 * The citizen answers (IKM) and the selections with their hire are the services' own seeds
 * (feedback's seed-demo-satisfaction.ts, recruitment's seed-demo-selections.ts).
 * Agencies run concurrently; within one, requests are batched (aliases) where the order allows.
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
  /** Employees with a predikat of the previous year, per predikat. */
  assessments: Record<string, number>;
  justified: number;
  rewards: number;
  sanctions: number;
  dialogues: number;
  feedbackCycles: { closed: number; open: number };
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
  options: { logger?: Logger; now?: Date; agencies?: readonly string[] } = {},
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
  const activity = ACTIVITY.filter((script) => slugs.includes(script.slug) && (!options.agencies || options.agencies.includes(script.slug)));
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
    rewards: counters.rewards,
    sanctions: counters.sanctions,
    dialogues: counters.dialogues,
    feedbackCycles: counters.feedbackCycles,
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
export async function seedDemoActivityOnFirstStart(
  gatewayUrl: string,
  accounts: readonly DemoAccountRef[],
  logger: Logger,
  agencies?: readonly string[],
): Promise<void> {
  try {
    const summary = await seedDemoActivity(gatewayUrl, accounts, { logger, ...(agencies ? { agencies } : {}) });
    const assessed = PREDIKATS.map((predikat) => `${summary.assessments[predikat] ?? 0} ${predikat}`).join(', ');
    process.stdout.write(
      `Demo activity (${(summary.milliseconds / 1000).toFixed(1)} s): ${summary.previousYear} closed and ${summary.currentYear} open in every agency; ` +
        `${summary.previousYear} assessed in ${summary.activity.join(', ')}\n` +
        `  employees with a ${summary.previousYear} predikat: ${assessed} (${summary.justified} curve break justified); ` +
        `${summary.rewards} rewards, ${summary.sanctions} sanctions, ${summary.assignments} trainings assigned, ${summary.certificates} certificates; ` +
        `${summary.feedbackCycles.closed} closed and ${summary.feedbackCycles.open} open 360° cycles, ${summary.dialogues} dialogues\n`,
    );
  } catch (error) {
    logger.error({ err: error }, 'demo activity not seeded');
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`Demo activity not seeded: ${message} (details in the log; "npm start -- --fresh" tries again)\n`);
  }
}
