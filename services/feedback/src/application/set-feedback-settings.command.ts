import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { FOLLOW_UP_DAYS_RANGE } from '../domain/follow-up.rule';
import { reminderDaysProblem } from '../domain/reminder.rule';
import type { AgencySettingsRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** HR sets the agency's follow-up window (days after a finalized assessment) and, optionally, the 360° reminder days. */
export class SetFeedbackSettings {
  constructor(private readonly settings: AgencySettingsRepository) {}

  async execute(
    actor: Actor,
    input: { agencyId: string; followUpDays: number; reminderDaysBefore?: number[] | null },
  ): Promise<{ agencyId: string; followUpDays: number; reminderDaysBefore: number[] }> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    const { min, max } = FOLLOW_UP_DAYS_RANGE;
    if (!Number.isInteger(input.followUpDays) || input.followUpDays < min || input.followUpDays > max)
      throw new ValidationError({ field: 'input.followUpDays', message: `must be a whole number of days from ${min} to ${max}` });
    const reminderDays = input.reminderDaysBefore ?? undefined;
    const problem = reminderDays ? reminderDaysProblem(reminderDays) : null;
    if (problem) throw new ValidationError({ field: 'input.reminderDaysBefore', message: problem });
    await this.settings.setFollowUpDays(input.agencyId, input.followUpDays, auditContextOf(actor), reminderDays);
    return { agencyId: input.agencyId, followUpDays: input.followUpDays, reminderDaysBefore: await this.settings.reminderDaysBefore(input.agencyId) };
  }
}
