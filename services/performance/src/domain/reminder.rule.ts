import { dueThreshold } from '@kinerja/kernel';

/** What a deadline reminder asks of its recipient (issue 17); feedback sends FEEDBACK_RESPONSE. */
export type ReminderStep = 'PLAN_SUBMISSION' | 'REALIZATION_REPORT' | 'ASSESSMENT_FINALIZATION';

/** A reminder to claim: the unique key is (recipient, step, subject, deadline, daysBefore). */
export interface DueReminder {
  recipientEmployeeId: string;
  step: ReminderStep;
  /** The period whose deadline it is. */
  subjectId: string;
  deadline: string;
  daysBefore: number;
  /** 1 for a plan; indicators without a realization; assessments of direct reports not finalized. */
  pending: number;
}

/** What the schedule needs to know of one agency, read as it is now. Periods are those still open. */
export interface ReminderFacts {
  /** The annual periods (parentId null) and their sub-periods, open ones only. */
  periods: readonly { id: string; parentId: string | null; fillInDeadline: string }[];
  /** Active employees of the agency with their direct supervisor. */
  employees: readonly { employeeId: string; supervisorEmployeeId: string | null }[];
  /** Plans of the open years, with their number of indicators. */
  plans: readonly { id: string; periodId: string; employeeId: string; status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED'; indicators: number }[];
  /** Realizations reported, per plan and sub-period. */
  realized: readonly { planId: string; subPeriodId: string; count: number }[];
  /** Finalized assessments, per plan and period (a sub-period or the year). */
  assessed: readonly { planId: string; periodId: string }[];
}

/** The days-before rule shared with feedback's 360° reminders (`@kinerja/kernel`). */
export { dueThreshold };

/**
 * A year's plan is due by the first fill-in deadline of its sub-periods: the first realizations
 * need an approved plan (the regulation sets no date of its own; the year's deadline without sub-periods).
 */
export function planDeadline(annual: { id: string; fillInDeadline: string }, periods: ReminderFacts['periods']): string {
  const deadlines = periods.filter((period) => period.parentId === annual.id).map((period) => period.fillInDeadline);
  return deadlines.length > 0 ? deadlines.reduce((a, b) => (a < b ? a : b)) : annual.fillInDeadline;
}

/**
 * Who still has something to do, and is due a reminder today (rule of issue 17):
 * - the plan of an active employee not submitted (none yet, a draft, or returned): the employee,
 *   by the plan deadline (`planDeadline`);
 * - an approved plan's indicators without a realization in a sub-period: the employee, by the
 *   sub-period's fill-in deadline;
 * - the assessment of a sub-period or the year not finalized for an approved plan: the direct
 *   supervisor, one reminder for all their reports, by the period's fill-in deadline.
 * A submitted plan has nothing for its employee to do (approving it is not a dated step).
 */
export function remindersDue(today: string, daysBefore: readonly number[], facts: ReminderFacts): DueReminder[] {
  const due: DueReminder[] = [];
  const byId = new Map(facts.periods.map((period) => [period.id, period]));
  const supervisorOf = new Map(facts.employees.map((employee) => [employee.employeeId, employee.supervisorEmployeeId]));
  const realized = new Map(facts.realized.map((row) => [`${row.planId}/${row.subPeriodId}`, row.count]));
  const assessed = new Set(facts.assessed.map((row) => `${row.planId}/${row.periodId}`));
  const assessments = new Map<string, DueReminder>();
  const push = (reminder: Omit<DueReminder, 'daysBefore'>): void => {
    const threshold = dueThreshold(today, reminder.deadline, daysBefore);
    if (threshold !== null) due.push({ ...reminder, daysBefore: threshold });
  };

  for (const annual of facts.periods.filter((period) => period.parentId === null)) {
    const deadline = planDeadline(annual, facts.periods);
    const plans = new Map(facts.plans.filter((plan) => plan.periodId === annual.id).map((plan) => [plan.employeeId, plan]));
    for (const employee of facts.employees) {
      const plan = plans.get(employee.employeeId);
      if (!plan || plan.status === 'DRAFT' || plan.status === 'RETURNED') {
        push({ recipientEmployeeId: employee.employeeId, step: 'PLAN_SUBMISSION', subjectId: annual.id, deadline, pending: 1 });
      }
    }
    const subPeriods = facts.periods.filter((period) => period.parentId === annual.id);
    for (const plan of plans.values()) {
      if (plan.status !== 'APPROVED' || !supervisorOf.has(plan.employeeId)) continue;
      for (const sub of subPeriods) {
        const missing = plan.indicators - (realized.get(`${plan.id}/${sub.id}`) ?? 0);
        if (missing > 0)
          push({ recipientEmployeeId: plan.employeeId, step: 'REALIZATION_REPORT', subjectId: sub.id, deadline: sub.fillInDeadline, pending: missing });
      }
      const supervisor = supervisorOf.get(plan.employeeId);
      if (!supervisor) continue;
      for (const period of [...subPeriods, annual]) {
        if (assessed.has(`${plan.id}/${period.id}`)) continue;
        const key = `${supervisor}/${period.id}`;
        const known = assessments.get(key);
        if (known) known.pending += 1;
        else
          assessments.set(key, {
            recipientEmployeeId: supervisor,
            step: 'ASSESSMENT_FINALIZATION',
            subjectId: period.id,
            deadline: byId.get(period.id)?.fillInDeadline ?? annual.fillInDeadline,
            daysBefore: 0,
            pending: 1,
          });
      }
    }
  }
  for (const reminder of assessments.values()) push(reminder);
  return due;
}
