import type { UnitRating } from './vocabulary';

/** Predikat kinerja organisasi of a unit for an annual period: sets its head's work result and its curve. */
export interface UnitRatingRecord {
  id: string;
  agencyId: string;
  orgUnitId: string;
  periodId: string;
  rating: UnitRating;
  setAt: Date;
}
