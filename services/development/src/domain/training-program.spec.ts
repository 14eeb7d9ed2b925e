import { ConflictError, ValidationError } from '@kinerja/errors';

import { assertSeatAvailable, newSession, newTrainingProgram, type NewTrainingProgramInput } from './training-program';

const programme: NewTrainingProgramInput = {
  agencyId: null,
  code: 'kom-efektif',
  title: ' Komunikasi Efektif ',
  jpHours: 24,
  mode: 'CLASSROOM',
  competencyCodes: ['KOLABORATIF', 'KOLABORATIF', 'SOSKUL-KOMUNIKASI'],
};

function problemFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => p.field);
    throw error;
  }
  return [];
}

describe('newTrainingProgram', () => {
  it('normalises the code and title and drops repeated competencies', () => {
    expect(newTrainingProgram('p1', programme)).toEqual({
      id: 'p1',
      agencyId: null,
      code: 'KOM-EFEKTIF',
      title: 'Komunikasi Efektif',
      jpHours: 24,
      mode: 'CLASSROOM',
      competencyCodes: ['KOLABORATIF', 'SOSKUL-KOMUNIKASI'],
    });
  });

  it.each([
    [1, []],
    [500, []],
    [0, ['jpHours']],
    [-8, ['jpHours']],
    [501, ['jpHours']],
    [2.5, ['jpHours']],
    [Number.NaN, ['jpHours']],
  ])('%p JP gives problems %p', (jpHours, fields) => {
    expect(problemFields(() => newTrainingProgram('p1', { ...programme, jpHours }))).toEqual(fields);
  });

  it.each([
    [{ code: '' }, 'code'],
    [{ code: 'KOM EFEKTIF' }, 'code'],
    [{ title: '   ' }, 'title'],
    [{ mode: 'PODCAST' as never }, 'mode'],
    [{ competencyCodes: [] }, 'competencyCodes'],
    [{ competencyCodes: ['OK', 'not ok'] }, 'competencyCodes.1'],
  ])('%p is refused at %s', (change, field) => {
    expect(problemFields(() => newTrainingProgram('p1', { ...programme, ...change }))).toEqual([field]);
  });
});

describe('newSession', () => {
  const session = { programId: 'p1', startDate: '2026-03-02', endDate: '2026-03-04', capacity: 30 };

  it.each([
    [{}, []],
    [{ endDate: '2026-03-02' }, []],
    [{ endDate: '2026-03-01' }, ['endDate']],
    [{ startDate: '2026-02-30' }, ['startDate']],
    [{ capacity: 1 }, []],
    [{ capacity: 0 }, ['capacity']],
    [{ capacity: 2.5 }, ['capacity']],
  ])('%p gives problems %p', (change, fields) => {
    expect(problemFields(() => newSession('s1', { ...session, ...change }))).toEqual(fields);
  });
});

describe('assertSeatAvailable', () => {
  const session = newSession('s1', { programId: 'p1', startDate: '2026-03-02', endDate: '2026-03-04', capacity: 20 });

  it.each([
    [0, true],
    [19, true],
    [20, false],
    [21, false],
  ])('with %i enrolled of 20 a seat is free: %s', (enrolled, free) => {
    const check = () => assertSeatAvailable(session, enrolled);
    if (free) expect(check).not.toThrow();
    else expect(check).toThrow(ConflictError);
  });
});
