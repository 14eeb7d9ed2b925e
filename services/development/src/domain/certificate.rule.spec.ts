import { ValidationError } from '@kinerja/errors';

import { certificateNumber, checkCharacter, isWellFormedCertificateNumber, maskName, parseCertificateNumber } from './certificate.rule';

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
    [{ agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42 }, 'KNJ/KAB-SIULAK/2026/000042-K'],
    [{ agencyCode: 'prov-demo', year: 2025, sequence: 1 }, 'KNJ/PROV-DEMO/2025/000001-A'],
    [{ agencyCode: 'KOTA-SAWAHLUNTO', year: 2026, sequence: 123456 }, 'KNJ/KOTA-SAWAHLUNTO/2026/123456-H'],
  ])('%p → %s', (parts, expected) => {
    expect(certificateNumber(parts)).toBe(expected);
  });

  it.each([
    [{ sequence: 0 }, 'sequence'],
    [{ sequence: 1_000_000 }, 'sequence'],
    [{ sequence: 1.5 }, 'sequence'],
    [{ year: 999 }, 'year'],
    [{ agencyCode: 'KAB/SIULAK' }, 'agencyCode'],
    [{ agencyCode: '' }, 'agencyCode'],
  ])('%p is refused at %s', (change, field) => {
    expect(refusedAt(() => certificateNumber({ agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42, ...change }))).toBe(field);
  });

  it('allows the last sequence of the year', () => {
    expect(isWellFormedCertificateNumber(certificateNumber({ agencyCode: 'SETDA', year: 2026, sequence: 999_999 }))).toBe(true);
  });
});

describe('parseCertificateNumber', () => {
  it.each([
    ['KNJ/KAB-SIULAK/2026/000042-K', { agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42 }],
    ['  knj/kab-siulak/2026/000042-k ', { agencyCode: 'KAB-SIULAK', year: 2026, sequence: 42 }],
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

  it.each(['KNJ/KAB-SIULAK/2026/000042-K', 'KNJ/PROV-DEMO/2025/000001-A', 'KNJ/KOTA-SAWAHLUNTO/2026/123456-H'])(
    'catches every one-character typo of a letter or digit in %s',
    (valid) => {
      const accepted: string[] = [];
      Array.from(valid).forEach((original, index) => {
        if (!ALPHANUMERIC.includes(original)) return;
        for (const typo of ALPHANUMERIC) {
          const mistyped = valid.slice(0, index) + typo + valid.slice(index + 1);
          if (typo !== original && isWellFormedCertificateNumber(mistyped)) accepted.push(mistyped);
        }
      });
      expect(accepted).toEqual([]);
    },
  );
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
