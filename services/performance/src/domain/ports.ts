export type { Clock, IdGenerator } from '@kinerja/kernel';
