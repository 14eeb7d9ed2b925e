import { dueThreshold, type ReminderFacts, remindersDue } from './reminder.rule';

describe('dueThreshold', () => {
  it.each([
    ['8 days left: nothing yet', '2026-03-02', null],
    ['7 days left: the 7-day reminder', '2026-03-03', 7],
    ['6 days left (the schedule was down yesterday): the 7-day one caught up', '2026-03-04', 7],
    ['2 days left: still the 7-day one (already claimed: sent once)', '2026-03-08', 7],
    ['1 day left: the 1-day reminder', '2026-03-09', 1],
    ['on the day: still the 1-day one', '2026-03-10', 1],
    ['the day after: nothing', '2026-03-11', null],
  ])('%s', (_case, today, expected) => {
    expect(dueThreshold(today, '2026-03-10', [7, 1])).toBe(expected);
  });

  it('with 0 among the days, a reminder on the day itself', () => {
    expect(dueThreshold('2026-03-10', '2026-03-10', [3, 0])).toBe(0);
  });
});

describe('remindersDue', () => {
  const year = { id: 'Y', parentId: null, fillInDeadline: '2027-01-10' };
  const q1 = { id: 'Q1', parentId: 'Y', fillInDeadline: '2026-04-10' };
  const q2 = { id: 'Q2', parentId: 'Y', fillInDeadline: '2026-07-10' };
  const facts: ReminderFacts = {
    periods: [year, q1, q2],
    employees: [
      { employeeId: 'boss', supervisorEmployeeId: null },
      { employeeId: 'ani', supervisorEmployeeId: 'boss' },
      { employeeId: 'budi', supervisorEmployeeId: 'boss' },
      { employeeId: 'citra', supervisorEmployeeId: 'boss' },
      { employeeId: 'dedi', supervisorEmployeeId: 'boss' },
    ],
    plans: [
      { id: 'p-ani', periodId: 'Y', employeeId: 'ani', status: 'APPROVED', indicators: 3 },
      { id: 'p-budi', periodId: 'Y', employeeId: 'budi', status: 'APPROVED', indicators: 2 },
      { id: 'p-citra', periodId: 'Y', employeeId: 'citra', status: 'SUBMITTED', indicators: 2 },
      { id: 'p-dedi', periodId: 'Y', employeeId: 'dedi', status: 'RETURNED', indicators: 1 },
    ],
    realized: [
      { planId: 'p-ani', subPeriodId: 'Q1', count: 1 },
      { planId: 'p-budi', subPeriodId: 'Q1', count: 2 },
    ],
    assessed: [{ planId: 'p-budi', periodId: 'Q1' }],
  };

  it('a week before Q1’s deadline: plans not submitted, missing realizations, the supervisor’s assessments (one for all reports)', () => {
    expect(remindersDue('2026-04-03', [7, 1], facts)).toEqual([
      { recipientEmployeeId: 'boss', step: 'PLAN_SUBMISSION', subjectId: 'Y', deadline: '2026-04-10', daysBefore: 7, pending: 1 },
      { recipientEmployeeId: 'dedi', step: 'PLAN_SUBMISSION', subjectId: 'Y', deadline: '2026-04-10', daysBefore: 7, pending: 1 },
      { recipientEmployeeId: 'ani', step: 'REALIZATION_REPORT', subjectId: 'Q1', deadline: '2026-04-10', daysBefore: 7, pending: 2 },
      { recipientEmployeeId: 'boss', step: 'ASSESSMENT_FINALIZATION', subjectId: 'Q1', deadline: '2026-04-10', daysBefore: 7, pending: 1 },
    ]);
  });

  it('nothing on a day no deadline is near', () => {
    expect(remindersDue('2026-05-01', [7, 1], facts)).toEqual([]);
  });

  it('a day before Q2’s deadline: the realizations of both approved plans, both assessments', () => {
    const due = remindersDue('2026-07-09', [7, 1], facts);
    expect(due.map((r) => [r.recipientEmployeeId, r.step, r.subjectId, r.daysBefore, r.pending])).toEqual([
      ['ani', 'REALIZATION_REPORT', 'Q2', 1, 3],
      ['budi', 'REALIZATION_REPORT', 'Q2', 1, 2],
      ['boss', 'ASSESSMENT_FINALIZATION', 'Q2', 1, 2],
    ]);
  });

  it('once the sub-periods are closed: the plans still not submitted and the year’s assessment, by the year’s deadline', () => {
    const due = remindersDue('2027-01-09', [1], { ...facts, periods: [year] });
    expect(due.filter((r) => r.step === 'PLAN_SUBMISSION').map((r) => [r.recipientEmployeeId, r.deadline])).toEqual([
      ['boss', '2027-01-10'],
      ['dedi', '2027-01-10'],
    ]);
    expect(due.filter((r) => r.step !== 'PLAN_SUBMISSION')).toEqual([
      { recipientEmployeeId: 'boss', step: 'ASSESSMENT_FINALIZATION', subjectId: 'Y', deadline: '2027-01-10', daysBefore: 1, pending: 2 },
    ]);
  });
});
