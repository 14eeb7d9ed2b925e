import type { ExpectationRating, Predikat } from './vocabulary';

/**
 * Rule 1, the predikat matrix of PermenPANRB 6/2022: rows are the work-result rating, columns the
 * behaviour rating. Behaviour BELOW always ends in KURANG or worse, because the regulation reads a
 * behaviour rating below expectation as misconduct, whatever the results.
 */
const MATRIX: Readonly<Record<ExpectationRating, Readonly<Record<ExpectationRating, Predikat>>>> = {
  ABOVE: { BELOW: 'KURANG', MEETS: 'BAIK', ABOVE: 'SANGAT_BAIK' },
  MEETS: { BELOW: 'KURANG', MEETS: 'BAIK', ABOVE: 'BAIK' },
  BELOW: { BELOW: 'SANGAT_KURANG', MEETS: 'BUTUH_PERBAIKAN', ABOVE: 'BUTUH_PERBAIKAN' },
};

export function predikatOf(workResult: ExpectationRating, behaviour: ExpectationRating): Predikat {
  return MATRIX[workResult][behaviour];
}
