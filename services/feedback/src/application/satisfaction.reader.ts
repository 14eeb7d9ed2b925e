import type { Viewer } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { type Clock, isEntityId, todayIn } from '@kinerja/kernel';

import { type MonthRange, monthRangeOf } from '../domain/citizen-survey';
import { type IkmElement, type IkmGrade, ikmOf } from '../domain/ikm.rule';
import type { CitizenSurveyRepository } from '../domain/repositories';
import { canReadCitizenComments, isHeadOfUnit } from '../domain/service-unit.rule';

/** A service unit's index over a calendar span, from the month aggregates (the same cost with 10 or 10 million answers). */
export interface SatisfactionView {
  orgUnitId: string;
  agencyId: string;
  period: string;
  range: MonthRange;
  responses: number;
  ikm: number | null;
  grade: IkmGrade | null;
  perElement: { element: IkmElement; mean: number }[];
}

/** The period a reader names, or the current calendar year in the agency's zone; BAD_USER_INPUT when malformed. */
export function periodOrYear(period: string | null | undefined, clock: Clock): { period: string; range: MonthRange } {
  const key = period ?? todayIn(clock).slice(0, 4);
  const range = monthRangeOf(key);
  if (!range) throw new ValidationError({ field: 'period', message: 'must be a calendar year YYYY, a quarter YYYY-Qn or a month YYYY-MM' });
  return { period: key, range };
}

export class SatisfactionReader {
  constructor(
    private readonly survey: CitizenSurveyRepository,
    private readonly clock: Clock,
  ) {}

  /** `OrgUnit.satisfaction` for a batch of `unitId|period` keys: public for units serving the public, null for any other unit. */
  async satisfactionOf(keys: readonly string[]): Promise<(SatisfactionView | null)[]> {
    const parsed = keys.map((key) => {
      const [orgUnitId = '', period = ''] = key.split('|');
      return { orgUnitId, ...periodOrYear(period, this.clock) };
    });
    const unitIds = [...new Set(parsed.map((entry) => entry.orgUnitId).filter(isEntityId))];
    const units = new Map((unitIds.length > 0 ? await this.survey.serviceUnits(unitIds) : []).map((unit) => [unit.orgUnitId, unit]));
    // One statement per distinct span in the batch (a dashboard asks for one).
    const spans = new Map<string, string[]>();
    for (const entry of parsed) {
      if (!units.get(entry.orgUnitId)?.servesPublic) continue;
      const span = `${entry.range.from}|${entry.range.to}`;
      spans.set(span, [...(spans.get(span) ?? []), entry.orgUnitId]);
    }
    const sums = new Map<string, Awaited<ReturnType<CitizenSurveyRepository['sumsOf']>>>();
    for (const [span, ids] of spans) {
      const [from = '', to = ''] = span.split('|');
      sums.set(span, await this.survey.sumsOf([...new Set(ids)], from, to));
    }
    return parsed.map((entry) => {
      const unit = units.get(entry.orgUnitId);
      if (!unit?.servesPublic) return null;
      const found = sums.get(`${entry.range.from}|${entry.range.to}`)?.get(entry.orgUnitId);
      const index = found ? ikmOf(found.responses, found.sums) : null;
      return {
        orgUnitId: unit.orgUnitId,
        agencyId: unit.agencyId,
        period: entry.period,
        range: entry.range,
        responses: found?.responses ?? 0,
        ikm: index?.ikm ?? null,
        grade: index?.grade ?? null,
        perElement: index?.perElement ?? [],
      };
    });
  }

  /** The citizens' comments in the span, newest first: for the unit's head and the agency's HR, null for anyone else. */
  async commentsOf(viewer: Viewer, view: SatisfactionView, first: number): Promise<{ text: string; month: string }[] | null> {
    if (viewer.userId === null) return null;
    const own = viewer.employeeId === null ? null : await this.survey.withSupervisor(viewer.employeeId);
    const heads = own !== null && own.employee.agencyId === view.agencyId && isHeadOfUnit(own.employee, own.supervisor, view.orgUnitId);
    if (!canReadCitizenComments(viewer, view, heads)) return null;
    if (!Number.isInteger(first) || first < 1 || first > 200) throw new ValidationError({ field: 'first', message: 'must be from 1 to 200' });
    return this.survey.commentsOf(view.orgUnitId, view.range.from, view.range.to, first);
  }
}
