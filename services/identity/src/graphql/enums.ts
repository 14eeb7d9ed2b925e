import { GRANTABLE_ROLES } from '@kinerja/auth';
import { registerEnumType } from 'type-graphql';

import { EMPLOYEE_STATUSES, EMPLOYMENT_TYPES } from '../domain/employee';
import { AGENCY_KINDS } from '../domain/organisation';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const AgencyKindEnum = asEnum(AGENCY_KINDS);
export const EmploymentTypeEnum = asEnum(EMPLOYMENT_TYPES);
export const EmployeeStatusEnum = asEnum(EMPLOYEE_STATUSES);
export const RoleEnum = asEnum(GRANTABLE_ROLES);

registerEnumType(AgencyKindEnum, { name: 'AgencyKind', description: 'Kind of government: provinsi, kabupaten (regency) or kota (city)' });
registerEnumType(EmploymentTypeEnum, {
  name: 'EmploymentType',
  description: 'PNS (career civil servant), PPPK (contract civil servant) or CPNS (PNS candidate in probation)',
});
registerEnumType(EmployeeStatusEnum, { name: 'EmployeeStatus' });
registerEnumType(RoleEnum, { name: 'Role', description: 'Roles granted to an account; employee and supervisor follow from the reporting line' });
