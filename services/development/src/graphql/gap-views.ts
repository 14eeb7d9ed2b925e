import type { Gap } from '../domain/gap-mapping.rule';
import type { TrainingGapType } from './types';

/** The gap union as one flat GraphQL type: the field of its kind is set, the others null. */
export function gapViews(gaps: readonly Gap[]): TrainingGapType[] {
  return gaps.map((gap) => ({
    kind: gap.kind,
    coreValue: gap.kind === 'CORE_VALUE' ? gap.value : null,
    workResultId: gap.kind === 'WORK_RESULT' ? gap.id : null,
    workResultTitle: gap.kind === 'WORK_RESULT' ? gap.title : null,
    predikat: gap.kind === 'OVERALL' ? gap.predikat : null,
  }));
}
