import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';

import type { DistributionEnforcement } from '../domain/curve-enforcement.rule';
import type { Cadence } from '../domain/period.rule';
import type { SettingsRepository } from '../domain/repositories';
import { type PerformanceSettings, validateSettings } from '../domain/settings';
import type { WorkResultPolicy } from '../domain/work-result-rating.rule';
import { type Actor, auditContextOf } from './actor';

/** Only what is given changes; the rest keeps the agency's current (or default) value. */
export interface SetPerformanceSettingsInput {
  agencyId: string;
  cadence?: Cadence | undefined;
  fillInDays?: number | undefined;
  utcOffsetHours?: number | undefined;
  distributionEnforcement?: DistributionEnforcement | undefined;
  minJustificationLength?: number | undefined;
  workResultPolicy?: Partial<WorkResultPolicy> | undefined;
  reminderDaysBefore?: number[] | undefined;
}

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;

export class SetPerformanceSettings {
  constructor(private readonly settings: SettingsRepository) {}

  async execute(actor: Actor, input: SetPerformanceSettingsInput): Promise<PerformanceSettings> {
    assertCanManageAgency(actor.viewer, input.agencyId);
    const before = await this.settings.ofAgency(input.agencyId);
    const { workResultPolicy, agencyId: _agencyId, ...rest } = input;
    let after: PerformanceSettings;
    try {
      after = validateSettings({ ...before, ...defined(rest), workResultPolicy: { ...before.workResultPolicy, ...defined(workResultPolicy ?? {}) } });
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.settings.save(before, after, auditContextOf(actor));
    return after;
  }
}
