import { catalogueOfAgency, isOfferedTo } from './catalogue';
import type { TrainingProgram } from './training-program';

const programme = (id: string, agencyId: string | null, code: string): TrainingProgram => ({
  id,
  agencyId,
  code,
  title: code,
  jpHours: 8,
  mode: 'WORKSHOP',
  competencyCodes: ['KOMPETEN'],
});

describe('an agency’s catalogue', () => {
  const programmes = [
    programme('p1', null, 'KOM-EFEKTIF'),
    programme('p2', null, 'PELAYANAN-PRIMA'),
    programme('a1', 'A', 'KOM-EFEKTIF'),
    programme('b1', 'B', 'KHUSUS'),
  ];

  it("offers the province-wide programmes, its own in place of the province's of the same code, and no other agency's", () => {
    const catalogue = catalogueOfAgency(programmes, 'A');
    expect(Object.fromEntries([...catalogue].map(([code, p]) => [code, p.id]))).toEqual({ 'KOM-EFEKTIF': 'a1', 'PELAYANAN-PRIMA': 'p2' });
  });

  it.each([
    ['p1', 'A', true],
    ['a1', 'A', true],
    ['b1', 'A', false],
  ])('%s is offered to %s: %s', (id, agencyId, offered) => {
    expect(isOfferedTo(programmes.find((p) => p.id === id) as TrainingProgram, agencyId)).toBe(offered);
  });
});
