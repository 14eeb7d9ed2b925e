export { type AuditContext, auditContextOf, auditContextOfEvent, type AuditEntry, auditRow, auditRowsInsert } from './audit';
export { DataDirectoryLockedError, lockDataDirectory } from './data-directory-lock';
export { calendarDateOf, dateColumn } from './date-columns';
export { applyMigrations, type MigrationResult, readMigrations } from './migrator';
export { type Database, DatabaseOpenError, openDatabase, type OpenDatabaseOptions } from './open-database';
export { type PrismaClientOptions, prismaClientOver } from './prisma-client';
export { isUniqueViolation } from './prisma-errors';
export { observedSqlRunner, type QueryOptions, type SqlRunner } from './sql-runner';
