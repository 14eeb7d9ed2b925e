import { parseNik } from './nik.rule';

const TODAY = '2027-03-15';

describe('parseNik', () => {
  it.each([
    // nik, region, birth date, sex
    ['3273021708950001', '327302', '1995-08-17', 'MALE'],
    ['3273025708950002', '327302', '1995-08-17', 'FEMALE'],
    ['1101014101000001', '110101', '2000-01-01', 'FEMALE'],
    ['9601017112990123', '960101', '1999-12-31', 'FEMALE'],
    ['3171010103270001', '317101', '2027-03-01', 'MALE'],
    ['3171010104270001', '317101', '1927-04-01', 'MALE'],
    ['3273 0217 0895 0001', '327302', '1995-08-17', 'MALE'],
  ])('%s: region %s, born %s, %s', (nik, regionCode, birthDate, sex) => {
    expect(parseNik(nik, TODAY)).toEqual({ ok: true, value: { regionCode, birthDate, sex, serial: nik.replace(/\s/g, '').slice(12) } });
  });

  it.each([
    ['too short', '327302170895001', ['nik']],
    ['letters', '32730217089500a1', ['nik']],
    ['17 digits', '32730217089500011', ['nik']],
    ['an unknown province', '9973021708950001', ['nik.region']],
    ['province 20', '2073021708950001', ['nik.region']],
    ['regency 00', '3200021708950001', ['nik.region']],
    ['district 00', '3273001708950001', ['nik.region']],
    ['day 00', '3273020008950001', ['nik.birthDate']],
    ['day 32 (neither sex)', '3273023208950001', ['nik.birthDate']],
    ['day 40 (a woman born on the 0th)', '3273024008950001', ['nik.birthDate']],
    ['day 72 (a woman born on the 32nd)', '3273027208950001', ['nik.birthDate']],
    ['30 February', '3273023002950001', ['nik.birthDate']],
    ['month 13', '3273021713950001', ['nik.birthDate']],
    ['29 February of a common year', '3273022902950001', ['nik.birthDate']],
    ['serial 0000', '3273021708950000', ['nik.serial']],
    ['several parts at once', '9900004013990000', ['nik.region', 'nik.birthDate', 'nik.serial']],
  ])('refuses %s, naming the part', (_case, nik, fields) => {
    const result = parseNik(nik, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.field)).toEqual(fields);
  });

  it('accepts 29 February of a leap year, and reads a year after today as the last century', () => {
    expect(parseNik('3273022902960001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1996-02-29' } });
    expect(parseNik('3273021604270001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1927-04-16' } });
  });
});
