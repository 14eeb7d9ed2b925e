import 'reflect-metadata';

import { join } from 'node:path';

import { AUDIT_EVENT_TYPES } from '@kinerja/events';
import { sendJson } from '@kinerja/http-server';
import { defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';
import { createLocalJWKSet } from 'jose';

import { ChangePassword } from './application/change-password.command';
import { CreateAgency } from './application/create-agency.command';
import { createEmployeeWhenApplicantHired, IDENTITY_CONSUMER } from './application/create-employee-when-applicant-hired.handler';
import { CreateOrgUnit } from './application/create-org-unit.command';
import { CreatePosition } from './application/create-position.command';
import { GrantRole } from './application/grant-role.command';
import { IdentityReader } from './application/identity.reader';
import { EmployeeImports } from './application/import-employees.command';
import { IssuePasswordReset } from './application/issue-password-reset.command';
import { keepAuditTrailEntry } from './application/keep-audit-trail.handler';
import { Login } from './application/login.command';
import { Logout } from './application/logout.command';
import { REMINDER_EVENT_TYPES } from './application/notify-when-reminder-due.handler';
import { publishEmployeeSnapshots } from './application/publish-employee-snapshots.command';
import { ReadAuditTrail } from './application/read-audit-trail.query';
import { RecordEmployeeLeft } from './application/record-employee-left.command';
import { RefreshSession } from './application/refresh-session.command';
import { RegisterEmployee } from './application/register-employee.command';
import { ResetPassword } from './application/reset-password.command';
import { RevokeRole } from './application/revoke-role.command';
import { SessionIssuer } from './application/session-issuer';
import { SetAccountDisabled } from './application/set-account-disabled.command';
import { SetPositionSupervisor } from './application/set-position-supervisor.command';
import { TransferEmployee } from './application/transfer-employee.command';
import type { EmployeeRepository, OrganisationRepository } from './domain/repositories';
import { type IdentityConfig, identityEnvSchema } from './env';
import { AgencyResolver } from './graphql/agency.resolver';
import { AuditTrailResolver } from './graphql/audit-trail.resolver';
import { AuthResolver } from './graphql/auth.resolver';
import { createLoaders, type IdentityContext } from './graphql/context';
import { EmployeeResolver } from './graphql/employee.resolver';
import { EmployeeConnectionResolver } from './graphql/employee-connection.resolver';
import { EmployeeImportResolver } from './graphql/employee-import.resolver';
import { EmployeeNotificationsResolver, NotificationResolver } from './graphql/notification.resolver';
import { OrgUnitResolver } from './graphql/org-unit.resolver';
import { PositionResolver } from './graphql/position.resolver';
import { ViewerResolver } from './graphql/viewer.resolver';
import { JoseTokenIssuer } from './infrastructure/jose-token-issuer';
import { PrismaAccountRepository } from './infrastructure/prisma-account.repository';
import { PrismaAuditTrailRepository } from './infrastructure/prisma-audit-trail.repository';
import { createPrismaClient, type IdentityPrisma } from './infrastructure/prisma-client';
import { PrismaEmployeeRepository } from './infrastructure/prisma-employee.repository';
import { PrismaEmployeeImportRepository } from './infrastructure/prisma-employee-import.repository';
import { PrismaOrganisationRepository } from './infrastructure/prisma-organisation.repository';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password-hasher';
import { loadSigningKeys } from './infrastructure/signing-key.store';
import { readSpreadsheet } from './infrastructure/spreadsheet/read-spreadsheet';
import { wireReminders } from './reminders.wiring';
import { seedDemoData } from './seed/seed-demo-data';

export const JWKS_PATH = '/.well-known/jwks.json';

/** The largest employee file an import takes (a national export of ~10,000 employees is ~1.5 MB as CSV). */
export const EMPLOYEE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const EMPLOYEE_IMPORT_MAX_BASE64 = Math.ceil((EMPLOYEE_IMPORT_MAX_BYTES * 4) / 3) + 4;

export interface IdentityWiring extends ServiceWiring<IdentityContext> {
  reader: IdentityReader;
  tokens: JoseTokenIssuer;
  organisation: OrganisationRepository;
  employees: EmployeeRepository;
  imports: EmployeeImports;
}

export const identityModule = defineService({
  name: 'identity',
  defaultPort: 4001,
  envSchema: identityEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: IDENTITY_CONSUMER,
  consumes: ['recruitment.applicant.hired', ...AUDIT_EVENT_TYPES, ...REMINDER_EVENT_TYPES],
  resolvers: [
    AgencyResolver,
    OrgUnitResolver,
    PositionResolver,
    EmployeeResolver,
    EmployeeConnectionResolver,
    AuthResolver,
    ViewerResolver,
    AuditTrailResolver,
    NotificationResolver,
    EmployeeNotificationsResolver,
    EmployeeImportResolver,
  ],
  // An employee file travels base64-encoded (4/3 of its size) inside the JSON body.
  maxBodyBytes: () => EMPLOYEE_IMPORT_MAX_BASE64 + 64 * 1024,
  longTextInputs: () => ({ 'StartEmployeeImportInput.contentBase64': EMPLOYEE_IMPORT_MAX_BASE64 }),
  createPrisma: createPrismaClient,

  async wire({ config, prisma, database, clock, ids, logger, notifyOutbox }): Promise<IdentityWiring> {
    const organisation = new PrismaOrganisationRepository(prisma, database.sql);
    const employees = new PrismaEmployeeRepository(prisma, database.sql, notifyOutbox);
    const accounts = new PrismaAccountRepository(prisma, ids.newId);
    const hasher = new ScryptPasswordHasher();
    const signingKeys = await loadSigningKeys(prisma, config);
    const tokens = new JoseTokenIssuer(
      signingKeys.current,
      { issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE, ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS },
      clock,
      signingKeys.previous,
    );
    const sessions = new SessionIssuer(accounts, tokens, ids, clock, config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const reader = new IdentityReader(organisation, employees);
    const trail = new PrismaAuditTrailRepository(prisma);
    const keepAudit = keepAuditTrailEntry({ trail });
    const reminders = wireReminders({ config, prisma, ids, clock, logger });
    const imports = new EmployeeImports(
      new PrismaEmployeeImportRepository(prisma, database.sql, notifyOutbox),
      organisation,
      readSpreadsheet,
      ids,
      clock,
      logger,
    );
    return {
      resolvers: [
        new AgencyResolver(reader, new CreateAgency(organisation, ids)),
        new OrgUnitResolver(reader, new CreateOrgUnit(organisation, ids)),
        new PositionResolver(new CreatePosition(organisation, ids), new SetPositionSupervisor(organisation)),
        new EmployeeResolver(
          reader,
          new RegisterEmployee(organisation, employees, hasher, ids, clock),
          new TransferEmployee(organisation, employees),
          new RecordEmployeeLeft(organisation, employees, clock),
        ),
        new AuthResolver(
          new Login(accounts, hasher, sessions, clock),
          new RefreshSession(accounts, sessions, clock),
          new Logout(accounts, clock),
          new GrantRole(accounts, organisation),
          new RevokeRole(accounts, organisation),
          new SetAccountDisabled(accounts, clock),
          new ChangePassword(accounts, hasher, clock),
          new IssuePasswordReset(accounts, ids, clock),
          new ResetPassword(accounts, hasher, clock),
        ),
        new EmployeeConnectionResolver(),
        new ViewerResolver(reader),
        new AuditTrailResolver(new ReadAuditTrail(trail)),
        ...reminders.resolvers,
        new EmployeeImportResolver(imports),
      ],
      references: {
        Agency: (ref, context) => context.loaders.agency.load(ref.id),
        OrgUnit: (ref, context) => context.loaders.orgUnit.load(ref.id),
        Position: (ref, context) => context.loaders.position.load(ref.id),
        Employee: (ref, context) => context.loaders.employee.load(ref.id),
      },
      handlers: {
        'recruitment.applicant.hired': createEmployeeWhenApplicantHired({ organisation, employees, ids, clock, logger }),
        ...Object.fromEntries(AUDIT_EVENT_TYPES.map((type) => [type, keepAudit])),
        ...reminders.handlers,
      },
      jobs: reminders.jobs,
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, base) }),
      // identity verifies with its own keys, no round trip to its own JWKS.
      verifierKeys: createLocalJWKSet(tokens.jwks()),
      routes: () => ({ [JWKS_PATH]: (_req, res) => sendJson(res, 200, tokens.jwks(), { 'cache-control': 'public, max-age=300' }) }),
      reader,
      tokens,
      organisation,
      employees,
      imports,
    };
  },

  // The demo province, for the embedded mode and local servers.
  async seed(service) {
    if (service.config.SEED_DEMO_DATA !== 'auto') return null;
    const demoAccounts = await seedDemoData(service.prisma, new ScryptPasswordHasher());
    if (!demoAccounts) return null;
    // The seed writes rows directly; the snapshots let the other services build their copies.
    const published = await publishEmployeeSnapshots(service.wiring.organisation, service.wiring.employees);
    return { summary: { accounts: demoAccounts.length, published }, demoAccounts };
  },
});

export type IdentityService = RunningService<IdentityConfig, IdentityPrisma, IdentityWiring>;
