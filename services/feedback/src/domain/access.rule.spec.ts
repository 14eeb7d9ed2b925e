import type { Viewer } from '@kinerja/auth';

import { canSeeDialoguesOf, canSeeNotesOf, canStartCycleFor, isPartyToDialogue, type ReportingLine } from './access.rule';

const agencyId = 'a0000000-0000-4000-8000-000000000001';
const otherAgency = 'a0000000-0000-4000-8000-000000000002';
const line: ReportingLine = { employeeId: 'e-staff', agencyId, supervisorEmployeeId: 'e-head', chain: ['e-head', 'e-director'] };

const employee = (employeeId: string, agency = agencyId): Viewer => ({ userId: `u-${employeeId}`, employeeId, agencyId: agency, grants: [] });
const hr = (agency: string): Viewer => ({ userId: 'u-hr', employeeId: 'e-hr', agencyId: agency, grants: [{ role: 'HR_ADMIN', agencyId: agency }] });
const auditor: Viewer = { userId: 'u-aud', employeeId: null, agencyId: null, grants: [{ role: 'AUDITOR', agencyId: null }] };
const anonymous: Viewer = { userId: null, employeeId: null, agencyId: null, grants: [] };

describe('access to an employee’s feedback', () => {
  it.each([
    ['the employee', employee('e-staff'), true, true],
    ['the direct supervisor', employee('e-head'), true, true],
    ['a supervisor further up', employee('e-director'), true, true],
    ['a colleague', employee('e-peer'), false, false],
    ["the agency's HR", hr(agencyId), false, true],
    ["another agency's HR", hr(otherAgency), false, false],
    ['an auditor', auditor, true, true],
    ['anonymous', anonymous, false, false],
  ])('%s: notes %s, dialogues %s', (_who, viewer, notes, dialogues) => {
    expect(canSeeNotesOf(viewer, line)).toBe(notes);
    expect(canSeeDialoguesOf(viewer, line)).toBe(dialogues);
  });

  it.each([
    ['the employee', employee('e-staff'), true, false],
    ['the direct supervisor', employee('e-head'), true, true],
    ['a supervisor further up', employee('e-director'), false, false],
    ["the agency's HR", hr(agencyId), false, true],
    ["another agency's HR", hr(otherAgency), false, false],
  ])('%s: party to a dialogue %s, may start a 360° cycle %s', (_who, viewer, party, start) => {
    expect(isPartyToDialogue(viewer, line)).toBe(party);
    expect(canStartCycleFor(viewer, line)).toBe(start);
  });
});
