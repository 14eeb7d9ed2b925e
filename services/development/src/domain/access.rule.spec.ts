import type { Viewer } from '@kinerja/auth';
import { ANONYMOUS } from '@kinerja/auth';

import { canDownloadCertificate, canManageCatalogue, canReadAgencyReport, canSeeDevelopmentOf, canSeeProgramme, canStartTrainingOf } from './access.rule';

const viewer = (overrides: Partial<Viewer>): Viewer => ({ userId: 'u', employeeId: null, agencyId: null, grants: [], ...overrides });
const employee = { employeeId: 'e1', agencyId: 'A', supervisorEmployeeId: 's1' };

const self = viewer({ employeeId: 'e1', agencyId: 'A' });
const supervisor = viewer({ employeeId: 's1', agencyId: 'A' });
const colleague = viewer({ employeeId: 'e2', agencyId: 'A' });
const hrOfA = viewer({ employeeId: 'h1', agencyId: 'A', grants: [{ role: 'HR_ADMIN', agencyId: 'A' }] });
const hrOfB = viewer({ employeeId: 'h2', agencyId: 'B', grants: [{ role: 'HR_ADMIN', agencyId: 'B' }] });
const headOfA = viewer({ employeeId: 'k1', agencyId: 'A', grants: [{ role: 'AGENCY_HEAD', agencyId: 'A' }] });
const provinceAdmin = viewer({ grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] });
const auditor = viewer({ grants: [{ role: 'AUDITOR', agencyId: null }] });

describe('who sees and changes an employee’s development', () => {
  it.each<[string, Viewer, boolean, boolean, boolean, boolean]>([
    // who, sees trainings, starts a training, reads agency report, downloads certificate
    ['the employee', self, true, true, false, true],
    ['their supervisor', supervisor, true, true, false, false],
    ['a colleague', colleague, false, false, false, false],
    ['HR of the agency', hrOfA, true, true, true, true],
    ['HR of another agency', hrOfB, false, false, false, false],
    ['the agency head', headOfA, false, false, true, false],
    ['the province admin', provinceAdmin, true, true, true, true],
    ['an auditor', auditor, true, false, true, true],
    ['anonymous', ANONYMOUS, false, false, false, false],
  ])('%s', (_who, who, sees, starts, reports, downloads) => {
    expect(canSeeDevelopmentOf(who, employee)).toBe(sees);
    expect(canStartTrainingOf(who, employee)).toBe(starts);
    expect(canReadAgencyReport(who, 'A')).toBe(reports);
    expect(canDownloadCertificate(who, employee)).toBe(downloads);
  });

  it.each<[string, Viewer, string | null, boolean, boolean]>([
    ['any employee, province-wide programme', colleague, null, true, false],
    ['anonymous, province-wide programme', ANONYMOUS, null, false, false],
    ["HR, own agency's programme", hrOfA, 'A', true, true],
    ["HR, another agency's programme", hrOfB, 'A', false, false],
    ['HR, the province catalogue', hrOfA, null, true, false],
    ['province admin, the province catalogue', provinceAdmin, null, true, true],
  ])('catalogue: %s', (_case, who, agencyId, sees, manages) => {
    expect(canSeeProgramme(who, { agencyId })).toBe(sees);
    expect(canManageCatalogue(who, agencyId)).toBe(manages);
  });
});
