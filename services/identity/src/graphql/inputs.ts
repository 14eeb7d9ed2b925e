import type { GrantableRole } from '@kinerja/auth';
import { Field, ID, InputType } from 'type-graphql';

import type { EmploymentType } from '../domain/employee';
import type { AgencyKind } from '../domain/organisation';
import { AgencyKindEnum, EmploymentTypeEnum, RoleEnum } from './enums';

@InputType()
export class LoginInput {
  @Field(() => String, { nullable: true, description: 'Log in by NIP…' }) nip?: string | null;
  @Field(() => String, { nullable: true, description: '…or by e-mail' }) email?: string | null;
  @Field() password!: string;
}

@InputType()
export class CreateAgencyInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AgencyKindEnum) kind!: AgencyKind;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
}

@InputType()
export class CreateOrgUnitInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field() code!: string;
  @Field() name!: string;
}

@InputType()
export class CreatePositionInput {
  @Field(() => ID) orgUnitId!: string;
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) supervisorPositionId?: string | null;
}

@InputType()
export class RegisterEmployeeInput {
  @Field() nip!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => EmploymentTypeEnum) employmentType!: EmploymentType;
  @Field(() => String, { nullable: true }) rank?: string | null;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID, { nullable: true }) positionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Creates a login for the employee (at least 10 characters)' }) initialPassword?: string | null;
}

@InputType()
export class TransferEmployeeInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID, { nullable: true }) positionId?: string | null;
}

@InputType()
export class ChangePasswordInput {
  @Field() oldPassword!: string;
  @Field({ description: '10-200 characters, different from the current one' }) newPassword!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token of the reset link HR issued (issuePasswordReset)' }) token!: string;
  @Field({ description: '10-200 characters' }) newPassword!: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID) userId!: string;
  @Field(() => RoleEnum) role!: GrantableRole;
  @Field(() => ID, { nullable: true }) agencyId?: string | null;
}

@InputType()
export class EmployeeFilterInput {
  @Field(() => ID, { nullable: true }) agencyId?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the name, or the start of the NIP' }) search?: string | null;
}

@InputType()
export class RecordEmployeeLeftInput {
  @Field(() => ID) employeeId!: string;
  @Field({ description: 'Why: pensiun, resignation, dismissal, death …' }) reason!: string;
}
