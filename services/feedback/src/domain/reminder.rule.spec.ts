import { feedbackRemindersDue, reminderDaysProblem } from './reminder.rule';

describe('reminderDaysProblem', () => {
  it.each([
    [[], null],
    [[7, 1], null],
    [[0], null],
    [[-1], 'must'],
    [[2, 2], 'must'],
    [[61], 'must'],
    [[1.5], 'must'],
    [[1, 2, 3, 4, 5, 6], 'must'],
  ])('%j', (days, expected) => {
    const problem = reminderDaysProblem(days);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe('feedbackRemindersDue', () => {
  const requests = [
    { raterEmployeeId: 'ani', cycleId: 'c2', dueDate: '2026-06-30' },
    { raterEmployeeId: 'ani', cycleId: 'c1', dueDate: '2026-06-30' },
    { raterEmployeeId: 'ani', cycleId: 'c3', dueDate: '2026-07-15' },
    { raterEmployeeId: 'budi', cycleId: 'c1', dueDate: '2026-06-30' },
  ];

  it.each([
    ['8 days before: nobody', '2026-06-22', []],
    [
      '7 days before: one per rater, all their requests due that day',
      '2026-06-23',
      [
        ['ani', 'c1', 7, 2],
        ['budi', 'c1', 7, 1],
      ],
    ],
    [
      '1 day before',
      '2026-06-29',
      [
        ['ani', 'c1', 1, 2],
        ['budi', 'c1', 1, 1],
      ],
    ],
    ['after the due date: only the later cycle, once its window opens', '2026-07-08', [['ani', 'c3', 7, 1]]],
  ])('%s', (_case, today, expected) => {
    expect(feedbackRemindersDue(today, [7, 1], requests).map((r) => [r.recipientEmployeeId, r.subjectId, r.daysBefore, r.pending])).toEqual(expected);
  });
});
