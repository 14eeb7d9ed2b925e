import { ConflictError, ValidationError } from '@kinerja/errors';

import type { PasswordHasher } from '../domain/account';
import { newPasswordProblem } from '../domain/account-admin.rule';
import type { AccountRepository } from '../domain/repositories';
import type { IdGenerator } from '../domain/token-issuer';

export interface CreateProvinceAdminInput {
  email: string;
  displayName: string;
  password: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/**
 * The first province admin of an empty installation (`npm run admin:create`), who then creates
 * agencies and grants every other role through the graph. Refused once a province admin exists:
 * further admins are granted by an admin, with the grant audited under their name.
 */
export class CreateProvinceAdmin {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: CreateProvinceAdminInput): Promise<{ userId: string; email: string }> {
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim();
    const problems = [];
    if (!EMAIL.test(email)) problems.push({ field: 'email', message: 'must be an e-mail address' });
    if (displayName.length === 0 || displayName.length > 100) problems.push({ field: 'name', message: 'must be 1-100 characters' });
    const passwordProblem = newPasswordProblem('', input.password);
    if (passwordProblem) problems.push({ field: 'password', message: passwordProblem });
    if (problems.length > 0) throw new ValidationError(problems);
    if (await this.accounts.provinceAdminExists()) {
      throw new ConflictError('A province admin exists already: an admin grants PROVINCE_ADMIN to further accounts with grantRole', { field: 'email' });
    }
    const userId = this.ids.newId();
    const created = await this.accounts.createProvinceAdmin(
      { id: userId, email, displayName, passwordHash: await this.hasher.hash(input.password) },
      this.ids.newId(),
      { actorUserId: null, requestId: null },
    );
    if (!created) throw new ConflictError(`An account with the e-mail ${email} exists already`, { field: 'email' });
    return { userId, email };
  }
}
