import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { FOLLOW_UP_DAYS_RANGE } from '../domain/follow-up.rule';
import type { AgencySettingsRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** HR sets the agency's follow-up window (days after a finalized assessment). */
export class SetFeedbackSettings {
  constructor(private readonly settings: AgencySettingsRepository) {}

  async execute(actor: Actor, input: { agencyId: string; followUpDays: number }): Promise<{ agencyId: string; followUpDays: number }> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    const { min, max } = FOLLOW_UP_DAYS_RANGE;
    if (!Number.isInteger(input.followUpDays) || input.followUpDays < min || input.followUpDays > max)
      throw new ValidationError({ field: 'input.followUpDays', message: `must be a whole number of days from ${min} to ${max}` });
    await this.settings.setFollowUpDays(input.agencyId, input.followUpDays, auditContextOf(actor));
    return input;
  }
}
