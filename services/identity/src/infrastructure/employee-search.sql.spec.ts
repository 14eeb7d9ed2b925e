import { KEY_WALK, MAX_SEARCH_KEYS, nameSearchTerm, searchStatement, searchTermsStatement } from './employee-search.sql';

const agency = '7b0e4c1e-4a55-4a7e-9d8e-0b6f3c2a9d11';
const page = (search: string) => ({ agencyIds: [agency], search, first: 20 });

describe('employee search statements', () => {
  it.each([
    ['Santoso', { words: 1, term: 'Santoso' }],
    ['Budi Santoso', { words: 2, term: 'Budi Santoso' }],
    ['Ahmad Budi Santoso', { words: 2, term: 'Budi Santoso' }],
    ['karnain cari_0', { words: 2, term: 'karnain cari_0' }],
    ['Santoso 12', { words: 1, term: 'Santoso' }],
    ['Budi  Santoso', { words: 1, term: 'Santoso' }],
    ['12 34', null],
  ])('looks %j up by %j', (search, expected) => {
    expect(nameSearchTerm(search)).toEqual(expected);
  });

  it('walks the keys of a name term and of a NIP prefix of 4, 6 or 8 digits', () => {
    expect(searchTermsStatement(page('1987'))).toBeNull();
    expect(searchTermsStatement(page('Budi Santoso'))?.params.slice(0, 2)).toEqual([2, '%Budi Santoso%']);
    const terms = [{ agencyId: agency, key: 'budi santoso' }];
    expect(searchStatement(page('Budi Santoso'), terms)).toMatchObject({
      text: KEY_WALK,
      params: [[agency], ['budi santoso'], '%Budi Santoso%', null, null, null, 21],
    });
    for (const nip of ['1987', '198706', '19870612'])
      expect(searchStatement(page(nip), null)).toMatchObject({ text: KEY_WALK, params: [[agency], [nip], null, null, null, null, 21] });
  });

  it('counts, then sorts or walks the name index, when there are no keys or too many', () => {
    for (const nip of ['198', '19870', '1987061220']) expect(searchStatement(page(nip), null).text).toContain('WITH candidates');
    const many = Array.from({ length: MAX_SEARCH_KEYS + 1 }, (_, i) => ({ agencyId: agency, key: `a${i}` }));
    expect(searchStatement(page('a'), many).text).toContain('WITH candidates');
    expect(searchStatement({ ...page('1987'), agencyIds: 'all' }, null).text).toContain('WITH candidates');
  });
});
