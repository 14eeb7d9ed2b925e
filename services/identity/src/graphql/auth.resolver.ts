import type { RoleGrant } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { ChangePassword } from '../application/change-password.command';
import type { GrantRole } from '../application/grant-role.command';
import type { IssuePasswordReset } from '../application/issue-password-reset.command';
import type { Login } from '../application/login.command';
import type { Logout } from '../application/logout.command';
import type { RefreshSession } from '../application/refresh-session.command';
import type { ResetPassword } from '../application/reset-password.command';
import type { RevokeRole } from '../application/revoke-role.command';
import type { Session } from '../application/session-issuer';
import type { SetAccountDisabled } from '../application/set-account-disabled.command';
import { actorOf, type IdentityContext } from './context';
import { ChangePasswordInput, GrantRoleInput, LoginInput, ResetPasswordInput } from './inputs';
import { AccountStatusType, AuthPayloadType, PasswordResetIssuedType, RoleGrantType, ViewerType } from './types';

function toPayload(session: Session): AuthPayloadType {
  const { viewer } = session;
  return { ...session, viewer: { userId: viewer.userId ?? '', subject: viewer, roles: [...viewer.grants] } };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly loginCommand: Login,
    private readonly refreshCommand: RefreshSession,
    private readonly logoutCommand: Logout,
    private readonly grantRoleCommand: GrantRole,
    private readonly revokeRoleCommand: RevokeRole,
    private readonly setAccountDisabledCommand: SetAccountDisabled,
    private readonly changePasswordCommand: ChangePassword,
    private readonly issuePasswordResetCommand: IssuePasswordReset,
    private readonly resetPasswordCommand: ResetPassword,
  ) {}

  @Query(() => ViewerType, { nullable: true, description: 'The signed-in account and its roles; null when anonymous' })
  viewer(@Ctx() context: IdentityContext): ViewerType | null {
    const { viewer } = context;
    return viewer.userId ? { userId: viewer.userId, subject: viewer, roles: [...viewer.grants] } : null;
  }

  @Mutation(() => AuthPayloadType, { description: 'Log in by NIP or e-mail' })
  async login(@Arg('input') input: LoginInput, @Ctx() context: IdentityContext): Promise<AuthPayloadType> {
    const identifier = input.nip ?? input.email;
    if (!identifier || (input.nip && input.email)) throw new ValidationError({ field: 'input.nip', message: 'give either nip or email' });
    return toPayload(
      await this.loginCommand.execute({ identifier, password: input.password, clientAddress: context.clientAddress, requestId: context.requestId }),
    );
  }

  @Mutation(() => AuthPayloadType, { description: 'Rotates a refresh token: the old one stops working' })
  async refreshToken(@Arg('token') token: string): Promise<AuthPayloadType> {
    return toPayload(await this.refreshCommand.execute(token));
  }

  @Mutation(() => Boolean, { description: 'Revokes the session of this refresh token' })
  logout(@Arg('refreshToken') refreshToken: string, @Ctx() context: IdentityContext): Promise<boolean> {
    return this.logoutCommand.execute(refreshToken, context.requestId);
  }

  @Mutation(() => [RoleGrantType], { description: "The account's roles after the grant" })
  grantRole(@Arg('input') input: GrantRoleInput, @Ctx() context: IdentityContext): Promise<RoleGrant[]> {
    return this.grantRoleCommand.execute(actorOf(context), { ...input, agencyId: input.agencyId ?? null });
  }

  @Mutation(() => [RoleGrantType], {
    description: "The account's roles after the revocation (those the caller may see); effective at the holder's next refresh",
  })
  revokeRole(@Arg('input') input: GrantRoleInput, @Ctx() context: IdentityContext): Promise<RoleGrant[]> {
    return this.revokeRoleCommand.execute(actorOf(context), { ...input, agencyId: input.agencyId ?? null });
  }

  @Mutation(() => AccountStatusType, { description: 'Disables an account (the HR admin of its agency or the province admin): no login, no refresh' })
  disableAccount(@Arg('userId', () => ID) userId: string, @Ctx() context: IdentityContext): Promise<AccountStatusType> {
    return this.setAccountDisabledCommand.execute(actorOf(context), userId, true);
  }

  @Mutation(() => AccountStatusType, { description: 'Enables a disabled account again' })
  enableAccount(@Arg('userId', () => ID) userId: string, @Ctx() context: IdentityContext): Promise<AccountStatusType> {
    return this.setAccountDisabledCommand.execute(actorOf(context), userId, false);
  }

  @Mutation(() => Boolean, {
    description:
      "Changes the caller's password (audited); every refresh token of the account stops working. The one operation a password-change token (login with passwordChangeRequired) may call",
  })
  changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() context: IdentityContext): Promise<boolean> {
    return this.changePasswordCommand.execute(actorOf(context), input);
  }

  @Mutation(() => PasswordResetIssuedType, {
    description:
      'A one-time password reset for an account (the HR admin of its agency or the province admin): hand the token to the holder, who chooses the password with resetPassword; valid 24 h, a newer one voids it',
  })
  issuePasswordReset(@Arg('userId', () => ID) userId: string, @Ctx() context: IdentityContext): Promise<PasswordResetIssuedType> {
    return this.issuePasswordResetCommand.execute(actorOf(context), userId);
  }

  @Mutation(() => Boolean, {
    description:
      'Sets the password with a reset token HR issued (no sign-in needed): once per token (then UNAUTHENTICATED / INVALID_RESET_TOKEN); every refresh token of the account stops working',
  })
  resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() context: IdentityContext): Promise<boolean> {
    return this.resetPasswordCommand.execute({ ...input, clientAddress: context.clientAddress, requestId: context.requestId });
  }
}
