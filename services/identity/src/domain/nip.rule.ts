import type { FieldProblem } from '@kinerja/errors';

/** What an 18-digit NIP (Nomor Induk Pegawai) encodes. */
export interface ParsedNip {
  birthDate: string; // YYYY-MM-DD
  appointmentMonth: string; // YYYY-MM, the CPNS appointment (TMT CPNS)
  sex: 'MALE' | 'FEMALE';
  sequence: number;
}

export type NipResult = { ok: true; value: ParsedNip } | { ok: false; problems: FieldProblem[] };

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const MIN_APPOINTMENT_AGE = 18;

/**
 * NIP rule: `YYYYMMDD` birth date, `YYYYMM` CPNS appointment month, one sex digit (1 male,
 * 2 female), a 3-digit sequence. Names each wrong part, so a form can point at it.
 * `today` bounds the dates: nobody is born or appointed in the future.
 */
export function parseNip(raw: string, today: Date): NipResult {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(nip)) {
    return { ok: false, problems: [{ field: 'nip', message: 'must be exactly 18 digits' }] };
  }
  const problems: FieldProblem[] = [];
  const [by, bm, bd] = [Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8))];
  const [ay, am] = [Number(nip.slice(8, 12)), Number(nip.slice(12, 14))];
  const sexDigit = nip.charAt(14);
  const sequence = Number(nip.slice(15, 18));
  const currentYear = today.getUTCFullYear();

  const birthValid = by >= 1900 && isRealDate(by, bm, bd) && Date.UTC(by, bm - 1, bd) <= today.getTime();
  if (!birthValid) problems.push({ field: 'nip.birthDate', message: `digits 1-8 (${nip.slice(0, 8)}) are not a valid past birth date YYYYMMDD` });

  const appointmentInPast = ay < currentYear || (ay === currentYear && am <= today.getUTCMonth() + 1);
  if (am < 1 || am > 12 || ay < 1900 || !appointmentInPast) {
    problems.push({ field: 'nip.appointmentDate', message: `digits 9-14 (${nip.slice(8, 14)}) are not a valid past appointment month YYYYMM` });
  } else if (birthValid && (ay - by < MIN_APPOINTMENT_AGE || (ay - by === MIN_APPOINTMENT_AGE && am < bm))) {
    problems.push({ field: 'nip.appointmentDate', message: `appointment ${nip.slice(8, 14)} is before the holder's ${MIN_APPOINTMENT_AGE}th birthday` });
  }
  if (sexDigit !== '1' && sexDigit !== '2') problems.push({ field: 'nip.sex', message: `digit 15 is "${sexDigit}"; it must be 1 (male) or 2 (female)` });
  if (sequence === 0) problems.push({ field: 'nip.sequence', message: 'digits 16-18 must be a sequence from 001' });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointmentMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      sex: sexDigit === '1' ? 'MALE' : 'FEMALE',
      sequence,
    },
  };
}
