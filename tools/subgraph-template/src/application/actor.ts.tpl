export type { Actor } from '@kinerja/auth';
export { auditContextOf } from '@kinerja/database';
