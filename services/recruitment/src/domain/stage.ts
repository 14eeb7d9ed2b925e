/** The stages whose results are announced, in order; each opens an objection window. */
export const STAGES = ['ADMINISTRATION', 'SKD', 'FINAL'] as const;
export type Stage = (typeof STAGES)[number];

export const previousStage = (stage: Stage): Stage | null => STAGES[STAGES.indexOf(stage) - 1] ?? null;

/** A stage's published results (pengumuman). */
export interface Announcement {
  id: string;
  agencyId: string;
  selectionId: string;
  stage: Stage;
  announcedAt: Date;
  objectionClosesAt: Date;
}

export type ObjectionStatus = 'OPEN' | 'ACCEPTED' | 'REJECTED';

/** Sanggah: an applicant's objection to a stage's result, answered before the next stage. */
export interface Objection {
  id: string;
  agencyId: string;
  selectionId: string;
  applicationId: string;
  stage: Stage;
  reason: string;
  status: ObjectionStatus;
  response: string | null;
  filedAt: Date;
  answeredAt: Date | null;
}

/** What the committee works on: verification until the administrative results, then SKD, SKB, hiring. */
export type Phase = 'VERIFICATION' | 'SKD' | 'SKB' | 'HIRING';

export function currentPhase(announced: readonly Pick<Announcement, 'stage'>[]): Phase {
  const stages = new Set(announced.map((a) => a.stage));
  if (stages.has('FINAL')) return 'HIRING';
  if (stages.has('SKD')) return 'SKB';
  return stages.has('ADMINISTRATION') ? 'SKD' : 'VERIFICATION';
}
