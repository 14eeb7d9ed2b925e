import type { CalendarDate } from './calendar-date';

/** Proof of a passed training, checked by anyone with `verifyCertificate(number)`. */
export interface Certificate {
  id: string;
  number: string;
  assignmentId: string;
  agencyId: string;
  employeeId: string;
  programTitle: string;
  jp: number;
  completedOn: CalendarDate;
  holderName: string;
}

/** What the public verification answers: a yes or no and, when yes, only what the paper shows. */
export type CertificateVerification = { valid: false } | { valid: true; programTitle: string; jp: number; completedOn: CalendarDate; holderName: string };

/**
 * The agency part of a certificate number. Development never receives identity's agency codes
 * (the employee events carry only the agency id), so the number uses the id's first eight hex
 * digits: stable, of the code shape, and unique enough with the per-agency sequence behind it.
 */
export function certificateAgencyCode(agencyId: string): string {
  return agencyId.replace(/-/g, '').slice(0, 8).toUpperCase();
}
