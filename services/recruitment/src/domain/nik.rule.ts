import type { FieldProblem } from '@kinerja/errors';

export type Sex = 'MALE' | 'FEMALE';

/** What a 16-digit NIK (Nomor Induk Kependudukan) encodes. */
export interface ParsedNik {
  /** Province, regency/city and district (kode wilayah), six digits. */
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  serial: string;
}

export type NikResult = { ok: true; value: ParsedNik } | { ok: false; problems: FieldProblem[] };

/** Province codes of Kemendagri's kode wilayah (Aceh 11 … the Papua provinces 91–96). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

/** Women's NIKs carry the birth day plus 40. */
const FEMALE_DAY_OFFSET = 40;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * NIK rule: six digits of region (province, regency/city, district), the birth date as DDMMYY with
 * 40 added to the day for women, and a four-digit serial from 0001. The two-digit year is read as the most
 * recent such birthday not after `today` (YYYY-MM-DD), so nobody is born in the future. Names each wrong part, so a form can point at it.
 */
export function parseNik(raw: string, today: string): NikResult {
  const nik = raw.replace(/\s+/g, '');
  if (!/^\d{16}$/.test(nik)) return { ok: false, problems: [{ field: 'nik', message: 'must be exactly 16 digits' }] };
  const problems: FieldProblem[] = [];

  const [province, regency, district] = [nik.slice(0, 2), nik.slice(2, 4), nik.slice(4, 6)];
  if (!PROVINCE_CODES.has(province) || regency === '00' || district === '00') {
    problems.push({ field: 'nik.region', message: `digits 1-6 (${nik.slice(0, 6)}) are not a region code (province, regency/city, district)` });
  }

  const encodedDay = Number(nik.slice(6, 8));
  const sex: Sex = encodedDay > FEMALE_DAY_OFFSET ? 'FEMALE' : 'MALE';
  const day = sex === 'FEMALE' ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const year = `${2000 + yy}-${pad(month)}-${pad(day)}` <= today ? 2000 + yy : 1900 + yy;
  const birthDate = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!isRealDate(year, month, day)) {
    problems.push({ field: 'nik.birthDate', message: `digits 7-12 (${nik.slice(6, 12)}) are not a birth date DDMMYY (women: day + 40)` });
  }

  const serial = nik.slice(12, 16);
  if (serial === '0000') problems.push({ field: 'nik.serial', message: 'digits 13-16 must be a serial from 0001' });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { regionCode: nik.slice(0, 6), birthDate, sex, serial } };
}
