import type { EmployeeCopy } from './committee';
import { appointmentProblem, committeeRefusal, conflictReasonProblem, isCommitteeTraining, mayRead, readScope } from './committee.rule';

const standing = (appointed: boolean, trained: boolean, conflicts: string[] = []) => ({ appointed, trained, conflicts });

describe('committeeRefusal (who works on a selection and its applications)', () => {
  it.each([
    ['HR (a manager) without any standing', true, null, ['a'], null],
    ['a manager with a conflict on record is not the committee rule', true, standing(true, true, ['a']), ['a'], null],
    ['a member not appointed', false, standing(false, true), [], { reason: 'NOT_APPOINTED' }],
    ['no standing at all (no employee id)', false, null, [], { reason: 'NOT_APPOINTED' }],
    ['an appointed member without the training', false, standing(true, false), [], { reason: 'NOT_TRAINED' }],
    ['an untrained member with a conflict: the training is named first', false, standing(true, false, ['a']), ['a'], { reason: 'NOT_TRAINED' }],
    ['a trained member on the selection', false, standing(true, true), [], null],
    ['a trained member on an application without a conflict', false, standing(true, true, ['b']), ['a'], null],
    [
      'a trained member on the application they declared a conflict with',
      false,
      standing(true, true, ['a']),
      ['a'],
      { reason: 'CONFLICT_OF_INTEREST', applicationId: 'a' },
    ],
    [
      'an import touching one conflicted application among many',
      false,
      standing(true, true, ['c']),
      ['a', 'b', 'c'],
      { reason: 'CONFLICT_OF_INTEREST', applicationId: 'c' },
    ],
  ] as const)('%s', (_name, manager, memberStanding, applicationIds, expected) => {
    expect(committeeRefusal(manager, memberStanding, applicationIds)).toEqual(expected);
  });
});

describe('isCommitteeTraining (development.training.completed carries the title, not the code)', () => {
  it.each([
    ['Pelatihan Panitia Seleksi ASN', true],
    ['  pelatihan   panitia seleksi asn ', true],
    ['PANITIA-SELEKSI Angkatan II', true],
    ['Latsar CPNS', false],
    ['Pelatihan Panitia', false],
    ['', false],
  ])('%j → %s', (title, expected) => {
    expect(isCommitteeTraining(title)).toBe(expected);
  });

  it('takes the accepted names an agency configures', () => {
    expect(isCommitteeTraining('Diklat Tim Seleksi', ['Diklat Tim Seleksi'])).toBe(true);
    expect(isCommitteeTraining('Diklat Tim Seleksi', [''])).toBe(false);
  });
});

describe('appointmentProblem and conflictReasonProblem', () => {
  const employee = (agencyId: string, status: EmployeeCopy['status']): EmployeeCopy => ({
    employeeId: 'e',
    agencyId,
    orgUnitId: 'u',
    name: 'N',
    status,
    lastEventAt: new Date(0),
  });
  it.each([
    ['an active employee of the agency', employee('A', 'ACTIVE'), null],
    ['an employee on leave may still be appointed', employee('A', 'ON_LEAVE'), null],
    ['an employee of another agency', employee('B', 'ACTIVE'), 'is not an employee of the selection’s agency'],
    ['an employee recruitment never heard of', null, 'is not an employee of the selection’s agency'],
    ['an employee who left', employee('A', 'LEFT'), 'has left the agency'],
  ])('%s', (_name, copy, expected) => {
    expect(appointmentProblem(copy, 'A')).toBe(expected);
  });

  it.each([
    ['Saudara kandung', null],
    ['   ', 'must be 1 to 1000 characters'],
    ['x'.repeat(1001), 'must be 1 to 1000 characters'],
  ])('reason %#', (reason, expected) => {
    expect(conflictReasonProblem(reason)).toBe(expected);
  });
});

describe('what a viewer reads of a selection', () => {
  const memberOf = (appointed: boolean, conflicts: string[] = []) => ({ appointed, trained: false, conflicts });
  it.each([
    ['HR, the province admin or an auditor: everything', true, null, ['a1', 'a2'], ['a1', 'a2']],
    ['an appointed member (trained or not): all but the declared conflicts', false, memberOf(true, ['a2']), ['a1', 'a2'], ['a1']],
    ['a member of another selection: nothing', false, memberOf(false), ['a1', 'a2'], []],
    ['an employee outside the committee: nothing', false, null, ['a1'], []],
  ] as const)('%s', (_case, fullAccess, memberStanding, ids, readable) => {
    const scope = readScope(fullAccess, memberStanding);
    expect(ids.filter((id) => mayRead(scope, id))).toEqual(readable);
  });
});
