import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { ReportRealization } from '../application/report-realization.command';
import type { EvidenceDocument } from '../domain/evidence-document';
import type { PerformancePeriod } from '../domain/period';
import { hasEvidence, type Realization } from '../domain/realization';
import { actorOf, type PerformanceContext } from './context';
import { ReportRealizationInput } from './inputs';
import { EvidenceDocumentType, PerformancePeriodType, RealizationType } from './types';

@Resolver(() => RealizationType)
export class RealizationResolver {
  constructor(private readonly reportRealizationCommand: ReportRealization) {}

  @Mutation(() => RealizationType, {
    description:
      'The employee reports a realization for a sub-period, with a link to its evidence or followed by uploadEvidence; reporting again replaces it (its link too), keeping uploaded documents',
  })
  reportRealization(@Arg('input') input: ReportRealizationInput, @Ctx() context: PerformanceContext): Promise<Realization> {
    return this.reportRealizationCommand.execute(actorOf(context), { ...input, evidenceUrl: input.evidenceUrl ?? null, note: input.note ?? null });
  }

  @FieldResolver(() => PerformancePeriodType, { nullable: true, description: 'The sub-period it was reported for' })
  period(@Root() realization: Realization, @Ctx() context: PerformanceContext): Promise<PerformancePeriod | null> {
    return context.loaders.period.load(realization.subPeriodId);
  }

  @FieldResolver(() => Boolean, {
    description: 'Neither a link nor an uploaded document backs this realization; it still counts towards the proposed rating, for the supervisor to weigh',
  })
  async evidenceMissing(@Root() realization: Realization, @Ctx() context: PerformanceContext): Promise<boolean> {
    return !hasEvidence(realization, (await context.loaders.evidenceDocuments.load(realization.id)).length);
  }

  @FieldResolver(() => [EvidenceDocumentType], { description: 'Uploaded documents (bukti dukung), oldest first' })
  evidenceDocuments(@Root() realization: Realization, @Ctx() context: PerformanceContext): Promise<EvidenceDocument[]> {
    return context.loaders.evidenceDocuments.load(realization.id);
  }
}
