import { type FieldProblem, ValidationError } from '@kinerja/errors';

import { type DistributionEnforcement } from './curve-enforcement.rule';
import { type Cadence, WIB_UTC_OFFSET_HOURS } from './period.rule';
import { DEFAULT_WORK_RESULT_POLICY, validateWorkResultPolicy, type WorkResultPolicy } from './work-result-rating.rule';

/** What each agency chooses where the regulation lets it (DOMAIN.md: "keep every number configurable"). */
export interface PerformanceSettings {
  agencyId: string;
  cadence: Cadence;
  fillInDays: number;
  /** WIB +7, WITA +8, WIT +9: a fill-in deadline is a day in the agency's own time zone. */
  utcOffsetHours: number;
  distributionEnforcement: DistributionEnforcement;
  minJustificationLength: number;
  workResultPolicy: WorkResultPolicy;
  /** Deadline reminders go out this many days before each deadline (issue 17); 0 = on the day. */
  reminderDaysBefore: number[];
}

export const DEFAULT_REMINDER_DAYS_BEFORE = [7, 1];

export function defaultSettings(agencyId: string): PerformanceSettings {
  return {
    agencyId,
    cadence: 'QUARTERLY',
    fillInDays: 10,
    utcOffsetHours: WIB_UTC_OFFSET_HOURS,
    distributionEnforcement: 'WARN',
    minJustificationLength: 30,
    workResultPolicy: { ...DEFAULT_WORK_RESULT_POLICY },
    reminderDaysBefore: [...DEFAULT_REMINDER_DAYS_BEFORE],
  };
}

export function validateSettings(settings: PerformanceSettings): PerformanceSettings {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(settings.fillInDays) || settings.fillInDays < 0 || settings.fillInDays > 90) {
    problems.push({ field: 'fillInDays', message: 'must be a whole number of days from 0 to 90' });
  }
  if (![7, 8, 9].includes(settings.utcOffsetHours)) problems.push({ field: 'utcOffsetHours', message: 'must be 7 (WIB), 8 (WITA) or 9 (WIT)' });
  if (!Number.isInteger(settings.minJustificationLength) || settings.minJustificationLength < 1 || settings.minJustificationLength > 2000) {
    problems.push({ field: 'minJustificationLength', message: 'must be from 1 to 2000 characters' });
  }
  const days = settings.reminderDaysBefore;
  if (days.length > 5 || days.some((day) => !Number.isInteger(day) || day < 0 || day > 60) || new Set(days).size !== days.length) {
    problems.push({ field: 'reminderDaysBefore', message: 'must be at most 5 different whole numbers of days from 0 to 60' });
  }
  try {
    validateWorkResultPolicy(settings.workResultPolicy);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.under('workResultPolicy').problems);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return settings;
}
