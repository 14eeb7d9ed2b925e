import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { ReportRealization } from '../application/report-realization.command';
import type { EvidenceDocument } from '../domain/evidence-document';
import type { PerformancePeriod } from '../domain/period';
import type { Realization } from '../domain/realization';
import { actorOf, type PerformanceContext } from './context';
import { ReportRealizationInput } from './inputs';
import { EvidenceDocumentType, PerformancePeriodType, RealizationType } from './types';

@Resolver(() => RealizationType)
export class RealizationResolver {
  constructor(private readonly reportRealizationCommand: ReportRealization) {}

  @Mutation(() => RealizationType, { description: 'The employee reports a realization with evidence for a sub-period; reporting again replaces it' })
  reportRealization(@Arg('input') input: ReportRealizationInput, @Ctx() context: PerformanceContext): Promise<Realization> {
    return this.reportRealizationCommand.execute(actorOf(context), { ...input, note: input.note ?? null });
  }

  @FieldResolver(() => PerformancePeriodType, { nullable: true, description: 'The sub-period it was reported for' })
  period(@Root() realization: Realization, @Ctx() context: PerformanceContext): Promise<PerformancePeriod | null> {
    return context.loaders.period.load(realization.subPeriodId);
  }

  @FieldResolver(() => [EvidenceDocumentType], { description: 'Uploaded documents (bukti dukung), oldest first' })
  evidenceDocuments(@Root() realization: Realization, @Ctx() context: PerformanceContext): Promise<EvidenceDocument[]> {
    return context.loaders.evidenceDocuments.load(realization.id);
  }
}
