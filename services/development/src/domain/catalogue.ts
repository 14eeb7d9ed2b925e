import type { TrainingProgram } from './training-program';
import type { CompetencyKind } from './vocabulary';

/** A competency of the ASN standard a programme builds; the BerAKHLAK values are BEHAVIOURAL ones. */
export interface Competency {
  id: string;
  code: string;
  name: string;
  kind: CompetencyKind;
  description: string | null;
}

/** The catalogue key of the province-wide programmes; an agency's own use the agency id. */
export const PROVINCE_SCOPE = 'PROVINCE';

export function catalogueScopeOf(agencyId: string | null): string {
  return agencyId ?? PROVINCE_SCOPE;
}

/**
 * The programmes an agency may assign, by code: the province-wide catalogue, where the agency's
 * own programme of the same code takes the place of the province's.
 */
export function catalogueOfAgency(programmes: readonly TrainingProgram[], agencyId: string): Map<string, TrainingProgram> {
  const byCode = new Map<string, TrainingProgram>();
  for (const programme of programmes) if (programme.agencyId === null) byCode.set(programme.code, programme);
  for (const programme of programmes) if (programme.agencyId === agencyId) byCode.set(programme.code, programme);
  return byCode;
}

/** Whether a programme may be assigned to someone of the agency. */
export function isOfferedTo(programme: TrainingProgram, agencyId: string): boolean {
  return programme.agencyId === null || programme.agencyId === agencyId;
}
