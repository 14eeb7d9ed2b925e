import { randomInt } from 'node:crypto';

import { ValidationError } from '@kinerja/errors';

import { certificateNumber, checkCharacter, isWellFormedCertificateNumber, maskName, parseCertificateNumber, randomPart } from './certificate.rule';

/** The field a ValidationError names; any other outcome fails the comparison. */
function refusedAt(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? error.field : error;
  }
  return 'accepted';
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('checkCharacter', () => {
  it('matches the ISO/IEC 7064 MOD 37,36 example of GRid', () => {
    expect(checkCharacter('A12425GABC1234002')).toBe('M');
  });
});

describe('certificateNumber', () => {
  it.each([
    [
      { agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42, random: '7QX4M' },
      `KNJ/KAB-SIULAK/2026/000042-7QX4M-${checkCharacter('KNJ/KAB-SIULAK/2026/000042-7QX4M')}`,
    ],
    [
      { agencyCode: 'prov-demo', year: 2025, sequence: 1, random: '00000' },
      `KNJ/PROV-DEMO/2025/000001-00000-${checkCharacter('KNJ/PROV-DEMO/2025/000001-00000')}`,
    ],
    [
      { agencyCode: 'KOTA-SAWAHLUNTO', year: 2026, sequence: 123456, random: 'ZZZZZ' },
      `KNJ/KOTA-SAWAHLUNTO/2026/123456-ZZZZZ-${checkCharacter('KNJ/KOTA-SAWAHLUNTO/2026/123456-ZZZZZ')}`,
    ],
  ])('%p → %s', (parts, expected) => {
    expect(certificateNumber(parts)).toBe(expected);
    expect(parseCertificateNumber(expected)).toEqual({ ...parts, agencyCode: parts.agencyCode.toUpperCase() });
  });

  it('gives two certificates with the same sequence different numbers: the next one cannot be guessed from one', () => {
    const draws = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    let next = 0;
    const randomIndex = () => draws[next++ % draws.length] as number;
    const first = certificateNumber({ agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42, random: randomPart(randomIndex) });
    const second = certificateNumber({ agencyCode: 'KAB-SIULAK', year: 2026, sequence: 43, random: randomPart(randomIndex) });
    expect(first).toMatch(/^KNJ\/KAB-SIULAK\/2026\/000042-31415-[0-9A-Z]$/);
    expect(second).toMatch(/^KNJ\/KAB-SIULAK\/2026\/000043-92653-[0-9A-Z]$/);
    // The neighbour of a known number, with the random part kept, is not a valid number.
    expect(isWellFormedCertificateNumber(`KNJ/KAB-SIULAK/2026/000043-31415-${first.slice(-1)}`)).toBe(false);
  });

  it('draws the random part from the whole alphabet with crypto-grade randomness', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomPart(randomInt)));
    expect(seen.size).toBe(200);
    for (const part of seen) expect(part).toMatch(/^[0-9A-Z]{5}$/);
  });

  it.each([
    [{ sequence: 0 }, 'sequence'],
    [{ sequence: 1_000_000 }, 'sequence'],
    [{ sequence: 1.5 }, 'sequence'],
    [{ year: 999 }, 'year'],
    [{ agencyCode: 'KAB/SIULAK' }, 'agencyCode'],
    [{ agencyCode: '' }, 'agencyCode'],
    [{ random: undefined }, 'random'],
    [{ random: 'abcde' }, 'random'],
    [{ random: 'ABCD' }, 'random'],
    [{ random: 'AB-DE' }, 'random'],
  ])('%p is refused at %s', (change, field) => {
    expect(refusedAt(() => certificateNumber({ agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42, random: 'K7P2Q', ...change }))).toBe(field);
  });

  it('allows the last sequence of the year', () => {
    expect(isWellFormedCertificateNumber(certificateNumber({ agencyCode: 'SETDA', year: 2026, sequence: 999_999, random: 'ZZZZZ' }))).toBe(true);
  });
});

describe('parseCertificateNumber', () => {
  it.each([
    ['KNJ/KAB-SIULAK/2026/000042-K', { agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42 }],
    ['  knj/kab-siulak/2026/000042-k ', { agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42 }],
    [
      `KNJ/KAB-SIULAK/2026/000042-7QX4M-${checkCharacter('KNJ/KAB-SIULAK/2026/000042-7QX4M')}`,
      { agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42, random: '7QX4M' },
    ],
    [`KNJ/KAB-SIULAK/2026/000042-7QX4N-${checkCharacter('KNJ/KAB-SIULAK/2026/000042-7QX4M')}`, null], // random part mistyped
    [`KNJ/KAB-SIULAK/2026/000042-7QX4-${checkCharacter('KNJ/KAB-SIULAK/2026/000042-7QX4')}`, null], // random part too short
    ['KNJ/KAB-SIULAK/2026/000042-L', null], // wrong check character
    ['KNJ/KAB-SIULAK/2026/000043-K', null], // one digit mistyped
    ['KNJ/KAB-SIULAC/2026/000042-K', null], // one letter mistyped
    ['KNJ/KAB-SIULAK/2062/000042-K', null], // two digits swapped
    ['KNJ/KAB-SIULAK/2026/000024-K', null], // two digits swapped
    ['KNJ/KAB-SIULAK/2026/42-K', null],
    ['KNJ/KAB-SIULAK/2026/000042', null],
    ['KNJ/KAB-SIULAK/2026/000000-' + checkCharacter('KNJ/KAB-SIULAK/2026/000000'), null],
    ['XYZ/KAB-SIULAK/2026/000042-K', null],
    ['', null],
    ["' OR 1=1 --", null],
  ])('%s → %p', (value, expected) => {
    expect(parseCertificateNumber(value)).toEqual(expected);
    expect(isWellFormedCertificateNumber(value)).toBe(expected !== null);
  });

  it.each([
    'KNJ/KAB-SIULAK/2026/000042-K',
    'KNJ/PROV-DEMO/2025/000001-A',
    certificateNumber({ agencyCode: 'KOTA-SAWAHLUNTO', year: 2026, sequence: 123456, random: '7QX4M' }),
  ])('catches every one-character typo of a letter or digit in %s', (valid) => {
    const accepted: string[] = [];
    Array.from(valid).forEach((original, index) => {
      if (!ALPHANUMERIC.includes(original)) return;
      for (const typo of ALPHANUMERIC) {
        const mistyped = valid.slice(0, index) + typo + valid.slice(index + 1);
        if (typo !== original && isWellFormedCertificateNumber(mistyped)) accepted.push(mistyped);
      }
    });
    expect(accepted).toEqual([]);
  });
});

describe('maskName', () => {
  it.each([
    ['Budi Santoso Wijaya', 'B*** S****** W*****'],
    ['  Siti   Nurhaliza ', 'S*** N********'],
    ['Ahmad', 'A****'],
    ['I Gusti Ayu Putu', 'I G**** A** P***'],
    ['Ma’ruf Amin', 'M***** A***'],
    ['Ñoman Éka', 'Ñ**** É**'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
