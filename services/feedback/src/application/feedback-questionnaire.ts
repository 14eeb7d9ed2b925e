import { assertAuthenticated, assertCanManageAgency, canReadAgency } from '@kinerja/auth';
import { ForbiddenError, ValidationError } from '@kinerja/errors';
import { assertEntityId, type Clock } from '@kinerja/kernel';

import { DEFAULT_QUESTIONNAIRE, parseQuestionnaire, type QuestionnaireItem } from '../domain/questionnaire';
import type { QuestionnaireRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** An agency's 360° questionnaire, and whether it is the seeded default. */
export interface AgencyQuestionnaire {
  agencyId: string;
  isDefault: boolean;
  items: QuestionnaireItem[];
}

/** The questionnaire a new cycle of the agency takes: its own, or the seeded default. */
export async function questionnaireOf(questionnaires: QuestionnaireRepository, agencyId: string): Promise<AgencyQuestionnaire> {
  const own = await questionnaires.ofAgency(agencyId);
  return own ? { agencyId, isDefault: false, items: own } : { agencyId, isDefault: true, items: DEFAULT_QUESTIONNAIRE.map((item) => ({ ...item })) };
}

/** Anyone of the agency reads its questionnaire (raters see it in their requests anyway), HR, auditors and the province admin too. */
export class ReadFeedbackQuestionnaire {
  constructor(private readonly questionnaires: QuestionnaireRepository) {}

  async execute(actor: Actor, agencyId: string): Promise<AgencyQuestionnaire> {
    assertAuthenticated(actor.viewer);
    assertEntityId(agencyId, 'agencyId');
    if (!canReadAgency(actor.viewer, agencyId)) throw new ForbiddenError("An agency's 360° questionnaire is read by its own people");
    return questionnaireOf(this.questionnaires, agencyId);
  }
}

/** HR sets the agency's 360° questionnaire; cycles opened from now on take it, open and closed ones keep theirs. */
export class SetFeedbackQuestionnaire {
  constructor(
    private readonly questionnaires: QuestionnaireRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { agencyId: string; items: readonly { code: string; value: string; text: string }[] }): Promise<AgencyQuestionnaire> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    let items: QuestionnaireItem[];
    try {
      items = parseQuestionnaire(input.items);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.questionnaires.set(input.agencyId, items, this.clock.now(), auditContextOf(actor));
    return { agencyId: input.agencyId, isDefault: false, items };
  }
}
