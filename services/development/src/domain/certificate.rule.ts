import { type FieldProblem } from '@kinerja/errors';

import { isCode, throwIfAny } from './validation';

/*
 * Certificate numbers: KNJ/<agency code>/<year>/<6-digit sequence>-<random part>-<check character>,
 * e.g. KNJ/KAB-SIULAK/2026/000042-7QX4M-A. They are read off paper and typed into the public
 * `verifyCertificate` query, so a check character catches a typo before any lookup. The random
 * part (5 letters or digits, 36^5 ≈ 60 million) keeps the numbers from being enumerated: knowing
 * one certificate tells nothing about the next. Numbers issued before it (no random part) still verify.
 */

const PREFIX = 'KNJ';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^KNJ\/([A-Z0-9][A-Z0-9._-]{0,31})\/(\d{4})\/(\d{6})(?:-([0-9A-Z]{5}))?-([0-9A-Z])$/;
const MAX_SEQUENCE = 999_999;
export const RANDOM_PART_LENGTH = 5;
const RANDOM_PART = /^[0-9A-Z]{5}$/;

/** A fresh random part from a source of random integers in [0, 36) (crypto.randomInt in production). */
export function randomPart(randomIndex: (size: number) => number): string {
  return Array.from({ length: RANDOM_PART_LENGTH }, () => ALPHANUMERIC.charAt(randomIndex(ALPHANUMERIC.length))).join('');
}

/**
 * ISO/IEC 7064 MOD 37,36 (the hybrid system GRid uses): one letter or digit that changes whenever
 * any single letter or digit of the number is mistyped. Separators are fixed by the format and
 * skipped; an agency code with a wrong separator fails the lookup instead.
 */
export function checkCharacter(payload: string): string {
  let product = 36;
  for (const char of payload) {
    const value = ALPHANUMERIC.indexOf(char);
    if (value < 0) continue;
    const sum = (product + value) % 36 || 36;
    product = (sum * 2) % 37;
  }
  return ALPHANUMERIC.charAt((37 - product) % 36);
}

export interface CertificateNumberParts {
  agencyCode: string;
  year: number;
  /** Counts per agency and year, from 1. */
  sequence: number;
  /** Five letters or digits drawn at random; absent only on numbers issued before it existed. */
  random?: string;
}

export function certificateNumber(parts: CertificateNumberParts): string {
  const problems: FieldProblem[] = [];
  const agencyCode = parts.agencyCode.trim().toUpperCase();
  if (!isCode(agencyCode)) problems.push({ field: 'agencyCode', message: 'must be an agency code' });
  if (!Number.isInteger(parts.year) || parts.year < 1900 || parts.year > 9999) problems.push({ field: 'year', message: 'must be a year YYYY' });
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_SEQUENCE) {
    problems.push({ field: 'sequence', message: `must be a whole number from 1 to ${MAX_SEQUENCE}` });
  }
  if (parts.random === undefined || !RANDOM_PART.test(parts.random)) problems.push({ field: 'random', message: 'must be 5 letters or digits' });
  throwIfAny(problems);
  const payload = `${PREFIX}/${agencyCode}/${parts.year}/${String(parts.sequence).padStart(6, '0')}-${parts.random}`;
  return `${payload}-${checkCharacter(payload)}`;
}

/**
 * The parts of a number typed by anyone, or null when it is not one of ours. Case and surrounding
 * spaces are forgiven (people retype from paper); a wrong check character is not.
 */
export function parseCertificateNumber(value: string): CertificateNumberParts | null {
  const normalised = value.trim().toUpperCase();
  const match = SHAPE.exec(normalised);
  if (!match) return null;
  const [, agencyCode = '', year = '', sequence = '', random, check = ''] = match;
  if (Number(sequence) === 0) return null;
  if (checkCharacter(normalised.slice(0, -2)) !== check) return null;
  return { agencyCode, year: Number(year), sequence: Number(sequence), ...(random === undefined ? {} : { random }) };
}

export function isWellFormedCertificateNumber(value: string): boolean {
  return parseCertificateNumber(value) !== null;
}

/**
 * The holder's name as the public verification shows it: the first letter of each word, then one
 * star per remaining letter, enough for the holder to recognise, too little to harvest names.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => {
      const [first = '', ...rest] = Array.from(word);
      return first + '*'.repeat(rest.length);
    })
    .join(' ');
}
