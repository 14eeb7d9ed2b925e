export type { Actor } from '@kinerja/auth';
export { auditContextOf, auditContextOfEvent } from '@kinerja/database';
