import { ValidationError } from '@kinerja/errors';

import { effectiveStatus, newAnnualPeriod } from './period';

let n = 0;
const ids = () => `id-${(n += 1)}`;

describe('annual periods', () => {
  it('builds the year with its sub-periods; the year is due with its last sub-period', () => {
    const { annual, subPeriods } = newAnnualPeriod(ids, { agencyId: 'A', year: 2031, cadence: 'MONTHLY', fillInDays: 5 });
    expect(annual).toMatchObject({ kind: 'ANNUAL', index: 0, startDate: '2031-01-01', endDate: '2031-12-31', fillInDeadline: '2032-01-05', parentId: null });
    expect(subPeriods).toHaveLength(12);
    expect(subPeriods[1]).toMatchObject({ kind: 'MONTHLY', index: 2, startDate: '2031-02-01', endDate: '2031-02-28', parentId: annual.id });
  });

  it('names the bad input under `input`', () => {
    try {
      newAnnualPeriod(ids, { agencyId: 'A', year: 1999, cadence: 'QUARTERLY', fillInDays: 10 });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('input.year');
    }
  });

  it('closes a sub-period with its year', () => {
    const { annual, subPeriods } = newAnnualPeriod(ids, { agencyId: 'A', year: 2031, cadence: 'QUARTERLY', fillInDays: 10 });
    expect(effectiveStatus(subPeriods[0]!, annual)).toBe('OPEN');
    expect(effectiveStatus(subPeriods[0]!, { ...annual, status: 'CLOSED' })).toBe('CLOSED');
    expect(effectiveStatus({ ...subPeriods[0]!, status: 'CLOSED' }, annual)).toBe('CLOSED');
  });
});
