import { ValidationError } from '@kinerja/errors';

import { buildSubPeriods, type Cadence, type PeriodStatus } from './period.rule';

export const PERIOD_KINDS = ['ANNUAL', 'MONTHLY', 'QUARTERLY'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The annual period of an agency (`parentId` null) or one of its monthly or quarterly sub-periods. */
export interface PerformancePeriod {
  id: string;
  agencyId: string;
  parentId: string | null;
  kind: PeriodKind;
  year: number;
  /** 0 for the year, 1–12 or 1–4 for a sub-period. */
  index: number;
  startDate: string;
  endDate: string;
  fillInDeadline: string;
  status: PeriodStatus;
}

export interface NewAnnualPeriodInput {
  agencyId: string;
  year: number;
  cadence: Cadence;
  fillInDays: number;
}

/** The year and its sub-periods (rule 4); the year's own deadline is that of its last sub-period. */
export function newAnnualPeriod(newId: () => string, input: NewAnnualPeriodInput): { annual: PerformancePeriod; subPeriods: PerformancePeriod[] } {
  let parts;
  try {
    parts = buildSubPeriods(input);
  } catch (error) {
    throw error instanceof ValidationError ? error.under('input') : error;
  }
  const last = parts[parts.length - 1];
  const annual: PerformancePeriod = {
    id: newId(),
    agencyId: input.agencyId,
    parentId: null,
    kind: 'ANNUAL',
    year: input.year,
    index: 0,
    startDate: `${input.year}-01-01`,
    endDate: `${input.year}-12-31`,
    fillInDeadline: last?.fillInDeadline ?? `${input.year}-12-31`,
    status: 'OPEN',
  };
  const subPeriods = parts.map((part): PerformancePeriod => ({
    id: newId(),
    agencyId: input.agencyId,
    parentId: annual.id,
    kind: input.cadence,
    year: input.year,
    index: part.index,
    startDate: part.start,
    endDate: part.end,
    fillInDeadline: part.fillInDeadline,
    status: 'OPEN',
  }));
  return { annual, subPeriods };
}

/** A sub-period is closed when it or its year is: closing the year closes everything in it. */
export function effectiveStatus(period: PerformancePeriod, annual: PerformancePeriod | null): PeriodStatus {
  return period.status === 'CLOSED' || annual?.status === 'CLOSED' ? 'CLOSED' : 'OPEN';
}
