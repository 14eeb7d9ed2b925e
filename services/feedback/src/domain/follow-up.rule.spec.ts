import { DEFAULT_FOLLOW_UP_DAYS, followUpDue } from './follow-up.rule';
import type { Predikat } from './vocabulary';

describe('followUpDue', () => {
  it.each<[Predikat, string, number, string, boolean]>([
    ['SANGAT_BAIK', '2027-01-10', DEFAULT_FOLLOW_UP_DAYS, '2027-02-09', false],
    ['BAIK', '2027-01-10', DEFAULT_FOLLOW_UP_DAYS, '2027-02-09', false],
    ['BUTUH_PERBAIKAN', '2027-01-10', DEFAULT_FOLLOW_UP_DAYS, '2027-02-09', true],
    ['KURANG', '2027-12-20', 14, '2028-01-03', true],
    ['SANGAT_KURANG', '2028-02-28', 1, '2028-02-29', true],
  ])('%s finalized on %s, %i days → due %s, required %s', (predikat, finalizedOn, days, dueBy, required) => {
    expect(followUpDue({ finalizedOn, predikat, days })).toEqual({ dueBy, required });
  });
});
