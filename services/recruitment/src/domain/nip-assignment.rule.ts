import type { Sex } from './nik.rule';

/**
 * identity's NIP rule, built rather than parsed: `YYYYMMDD` birth date, `YYYYMM` CPNS appointment
 * month (TMT CPNS), one sex digit (1 male, 2 female), a 3-digit sequence from 001.
 */
export function nipFor(birthDate: string, appointmentMonth: string, sex: Sex, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error(`birth date ${birthDate} is not YYYY-MM-DD`);
  if (!/^\d{4}-\d{2}$/.test(appointmentMonth)) throw new Error(`appointment month ${appointmentMonth} is not YYYY-MM`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) throw new Error(`sequence ${sequence} is not 1..999`);
  return `${birthDate.replace(/-/g, '')}${appointmentMonth.replace('-', '')}${sex === 'MALE' ? '1' : '2'}${String(sequence).padStart(3, '0')}`;
}

/** The first 15 digits: the NIPs sharing them differ only in the sequence. */
export const nipPrefix = (nip: string) => nip.slice(0, 15);

/** The lowest sequence not taken among NIPs of the same prefix. */
export function nextNipSequence(taken: readonly string[]): number {
  const used = new Set(taken.map((nip) => Number(nip.slice(15))));
  for (let sequence = 1; sequence <= 999; sequence += 1) if (!used.has(sequence)) return sequence;
  throw new Error('every NIP sequence of this birth date, month and sex is taken');
}
