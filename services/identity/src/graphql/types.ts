import type { GrantableRole, Viewer } from '@kinerja/auth';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

import type { EmployeeStatus, EmploymentType } from '../domain/employee';
import type { AgencyKind } from '../domain/organisation';
import { AgencyKindEnum, EmployeeStatusEnum, EmploymentTypeEnum, RoleEnum } from './enums';

// The object types mirror the domain objects, so resolvers return domain objects unchanged; the
// foreign keys stay undecorated and are resolved by field resolvers through dataloaders.

@ObjectType('Agency', { description: 'Instansi: a province, regency or city government' })
@Directive('@key(fields: "id")')
export class AgencyType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Short unique code, e.g. PROV-DEMO or KOTA-SAWAHLUNTO' }) code!: string;
  @Field() name!: string;
  @Field(() => AgencyKindEnum) kind!: AgencyKind;
  parentId!: string | null;
}

@ObjectType('OrgUnit', { description: 'Unit kerja: a department, bureau, division or section inside an agency' })
@Directive('@key(fields: "id")')
export class OrgUnitType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  agencyId!: string;
  parentId!: string | null;
}

@ObjectType('Position', { description: 'Jabatan: a post in a unit; it reports to its supervising position' })
@Directive('@key(fields: "id")')
export class PositionType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  agencyId!: string;
  orgUnitId!: string;
  supervisorPositionId!: string | null;
}

@ObjectType('Employee', { description: 'An ASN (Aparatur Sipil Negara): PNS, PPPK or CPNS' })
@Directive('@key(fields: "id")')
export class EmployeeType {
  @Field(() => ID) id!: string;
  @Field({ description: 'NIP: 18-digit civil-servant number' }) nip!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => EmploymentTypeEnum) employmentType!: EmploymentType;
  @Field(() => String, { nullable: true, description: 'Pangkat/golongan, e.g. Penata Muda (III/a)' }) rank!: string | null;
  @Field(() => EmployeeStatusEnum) status!: EmployeeStatus;
  agencyId!: string;
  orgUnitId!: string;
  positionId!: string | null;
}

@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('EmployeeEdge')
export class EmployeeEdgeType {
  @Field() cursor!: string;
  @Field(() => EmployeeType) node!: EmployeeType;
}

@ObjectType('EmployeeConnection')
export class EmployeeConnectionType {
  @Field(() => [EmployeeEdgeType]) edges!: EmployeeEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  /** Resolves `totalCount` (EmployeeConnectionResolver): the count runs only when the field is selected. */
  countTotal!: () => Promise<number>;
}

@ObjectType('RoleGrant')
export class RoleGrantType {
  @Field(() => RoleEnum) role!: GrantableRole;
  @Field(() => ID, { nullable: true, description: 'Null for a province-wide grant' }) agencyId!: string | null;
}

@ObjectType('AccountStatus', { description: 'Whether an account may sign in' })
export class AccountStatusType {
  @Field(() => ID) userId!: string;
  @Field({ description: 'A disabled account cannot log in or refresh; its access tokens expire within their lifetime' }) disabled!: boolean;
}

@ObjectType('Viewer', { description: 'The signed-in account' })
export class ViewerType {
  @Field(() => ID) userId!: string;
  @Field(() => [RoleGrantType]) roles!: RoleGrantType[];
  /** The viewer these fields describe (at login, not yet the caller of the request). */
  subject!: Viewer;
}

@ObjectType('PasswordResetIssued')
export class PasswordResetIssuedType {
  @Field(() => ID) userId!: string;
  @Field({ description: "One-time token for the account's holder (resetPassword); shown only here, stored only as a hash" }) token!: string;
  @Field({ description: 'The token stops working then, when used, or when a newer reset is issued' }) expiresAt!: Date;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({ description: 'Short-lived access token (JWT); send as "Authorization: Bearer <token>"' }) accessToken!: string;
  @Field() expiresAt!: Date;
  @Field({ description: 'Exchange with refreshToken(token) for a new pair; each one works once' }) refreshToken!: string;
  @Field() refreshTokenExpiresAt!: Date;
  @Field(() => ViewerType) viewer!: ViewerType;
  @Field({
    description:
      'The password was issued by HR: accessToken is good for changePassword only (anything else answers FORBIDDEN / PASSWORD_CHANGE_REQUIRED); sign in again after the change',
  })
  passwordChangeRequired!: boolean;
}
