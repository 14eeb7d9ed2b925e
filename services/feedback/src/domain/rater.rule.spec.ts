import type { EmployeeCopy } from './employee-copy';
import { deriveRaters } from './rater.rule';

const copy = (employeeId: string, supervisorEmployeeId: string | null, change: Partial<EmployeeCopy> = {}): EmployeeCopy => ({
  employeeId,
  agencyId: 'a-1',
  orgUnitId: 'u-1',
  positionId: null,
  name: employeeId,
  status: 'ACTIVE',
  supervisorEmployeeId,
  lastEventAt: new Date(0),
  ...change,
});

const head = copy('head', 'director');
const subject = copy('subject', 'head');
const team = [
  copy('director', null),
  head,
  copy('peer-1', 'head'),
  copy('peer-2', 'head'),
  copy('sub-1', 'subject'),
  copy('sub-2', 'subject'),
  copy('other', 'elsewhere'),
];

describe('deriveRaters', () => {
  it.each<[string, EmployeeCopy, EmployeeCopy[], [string, string][]]>([
    [
      'a staff member with a supervisor, two peers and two subordinates',
      subject,
      team,
      [
        ['subject', 'SELF'],
        ['head', 'SUPERVISOR'],
        ['peer-1', 'PEER'],
        ['peer-2', 'PEER'],
        ['sub-1', 'SUBORDINATE'],
        ['sub-2', 'SUBORDINATE'],
      ],
    ],
    [
      'the head of the agency: no supervisor, no peers',
      copy('director', null),
      team,
      [
        ['director', 'SELF'],
        ['head', 'SUBORDINATE'],
      ],
    ],
    [
      'who has left is not asked',
      subject,
      [head, copy('peer-1', 'head', { status: 'LEFT' })],
      [
        ['subject', 'SELF'],
        ['head', 'SUPERVISOR'],
      ],
    ],
    [
      'on leave is still asked',
      subject,
      [copy('peer-1', 'head', { status: 'ON_LEAVE' })],
      [
        ['subject', 'SELF'],
        ['peer-1', 'PEER'],
      ],
    ],
    ['another agency is never asked', subject, [copy('peer-x', 'head', { agencyId: 'a-2' })], [['subject', 'SELF']]],
    [
      'the subject in the colleagues list is asked once, as SELF',
      subject,
      [subject, head],
      [
        ['subject', 'SELF'],
        ['head', 'SUPERVISOR'],
      ],
    ],
  ])('%s', (_case, who, colleagues, expected) => {
    expect(deriveRaters(who, colleagues).map((rater) => [rater.employeeId, rater.group])).toEqual(expected);
  });
});
