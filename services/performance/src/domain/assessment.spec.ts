import { ValidationError } from '@kinerja/errors';

import { type AssessmentFacts, decideAssessment, type SupervisorDecision } from './assessment';
import { CORE_VALUES, type ExpectationRating } from './vocabulary';

const facts: AssessmentFacts = {
  id: 'a1',
  agencyId: 'A',
  planId: 'p',
  periodId: 'y',
  employeeId: 'e',
  orgUnitId: 'u',
  kind: 'ANNUAL',
  assessorEmployeeId: 's',
  finalizedAt: new Date('2032-01-05T00:00:00Z'),
  proposedWorkResultRating: 'MEETS',
  workResultGaps: [],
};

const decision = (overrides: Partial<SupervisorDecision> = {}): SupervisorDecision => ({
  workResultRating: 'MEETS',
  behaviourRating: 'MEETS',
  behaviourRatings: CORE_VALUES.map((value) => ({ value, rating: 'MEETS' as ExpectationRating, note: null })),
  feedback: 'Kerja baik sepanjang tahun',
  overrideReason: null,
  justification: null,
  ...overrides,
});

const fields = (work: () => unknown): string[] => {
  try {
    work();
    return [];
  } catch (error) {
    return error instanceof ValidationError ? error.problems.map((p) => p.field) : ['?'];
  }
};

describe('decideAssessment', () => {
  it('takes the predikat from the matrix and records no override when the supervisor agrees', () => {
    const { assessment } = decideAssessment(facts, decision({ behaviourRating: 'ABOVE' }));
    expect(assessment).toMatchObject({ predikat: 'BAIK', overrideReason: null, proposedWorkResultRating: 'MEETS', proposedBehaviourRating: 'MEETS' });
  });

  it('needs a reason to decide otherwise than the proposal, and keeps it', () => {
    expect(fields(() => decideAssessment(facts, decision({ workResultRating: 'ABOVE' })))).toEqual(['input.overrideReason']);
    expect(fields(() => decideAssessment(facts, decision({ workResultRating: 'ABOVE', overrideReason: 'too short' })))).toEqual(['input.overrideReason']);
    const { assessment } = decideAssessment(
      facts,
      decision({ workResultRating: 'ABOVE', behaviourRating: 'ABOVE', overrideReason: 'Melampaui semua target utama' }),
    );
    expect(assessment).toMatchObject({ workResultRating: 'ABOVE', predikat: 'SANGAT_BAIK', overrideReason: 'Melampaui semua target utama' });
  });

  it('lists the values rated BELOW as behaviour gaps, in BerAKHLAK order', () => {
    const ratings = decision().behaviourRatings.map((r) => (r.value === 'LOYAL' || r.value === 'AKUNTABEL' ? { ...r, rating: 'BELOW' as const } : r));
    expect(decideAssessment(facts, decision({ behaviourRatings: ratings })).assessment.behaviourGaps).toEqual(['AKUNTABEL', 'LOYAL']);
  });

  it('names every bad part of the input at once', () => {
    const partial = decision({ feedback: 'ok', behaviourRatings: decision().behaviourRatings.slice(0, 6), workResultRating: 'BELOW' });
    expect(fields(() => decideAssessment(facts, partial))).toEqual(['input.behaviourRatings.KOLABORATIF', 'input.feedback', 'input.overrideReason']);
  });
});
