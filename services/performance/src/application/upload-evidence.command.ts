import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';

import { type EvidenceDocument, newEvidenceDocument } from '../domain/evidence-document';
import type { Clock, IdGenerator } from '../domain/ports';
import type { EvidenceStore, RealizationRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { openRealizationSlot, type RealizationSlotSources } from './realization-slot';

export interface UploadEvidenceInput {
  /** The realization, or else its indicator and sub-period. */
  realizationId: string | null;
  indicatorId: string | null;
  periodId: string | null;
  fileName: string;
  contentBase64: string;
}

/** Which realization an upload names: by its id, or by its indicator and sub-period (never both). */
function targetOf(input: UploadEvidenceInput): { realizationId: string } | { indicatorId: string; periodId: string } {
  if (input.realizationId && !input.indicatorId && !input.periodId) return { realizationId: input.realizationId };
  if (!input.realizationId && input.indicatorId && input.periodId) return { indicatorId: input.indicatorId, periodId: input.periodId };
  throw new ValidationError({ field: 'input.realizationId', message: 'give either realizationId, or indicatorId with periodId' });
}

/**
 * The employee attaches a document (PDF, PNG or JPEG) to a reported realization, under the same
 * rules as reporting it: an approved plan, an open sub-period, an assessment not yet final.
 */
export class UploadEvidence {
  constructor(
    private readonly sources: RealizationSlotSources,
    private readonly realizations: RealizationRepository,
    private readonly store: EvidenceStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    /** EVIDENCE_MAX_BYTES. */
    private readonly maxBytes: number,
  ) {}

  async execute(actor: Actor, input: UploadEvidenceInput): Promise<EvidenceDocument> {
    const target = targetOf(input);
    let slot: { indicatorId: string; periodId: string };
    if ('realizationId' in target) {
      const [named] = await this.realizations.byIds([target.realizationId]);
      if (!named) throw new NotFoundError('Realization', target.realizationId, 'input.realizationId');
      slot = { indicatorId: named.indicatorId, periodId: named.subPeriodId };
    } else {
      slot = target;
    }
    const { indicator, subPeriod, plan, subject } = await openRealizationSlot(this.sources, actor, slot, 'evidence');
    const realization = (await this.realizations.ofIndicators([indicator.id])).find((r) => r.subPeriodId === subPeriod.id);
    if (!realization) {
      throw new ConflictError('Report the realization of this indicator and sub-period first; documents are attached to it', {
        field: 'input.periodId',
      });
    }
    const { document, content } = newEvidenceDocument(
      this.ids.newId(),
      { agencyId: plan.agencyId, realizationId: realization.id, employeeId: subject.employeeId, uploadedBy: actor.viewer.userId },
      { fileName: input.fileName, contentBase64: input.contentBase64 },
      this.clock.now(),
      this.maxBytes,
    );
    await this.store.save(document, content, auditContextOf(actor));
    return document;
  }
}
