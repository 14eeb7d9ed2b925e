import { randomUUID } from 'node:crypto';

import { PROVINCE_SCOPE } from '../domain/catalogue';
import { newTrainingProgram } from '../domain/training-program';
import type { DevelopmentPrisma } from '../infrastructure/prisma-client';
import { DEFAULT_COMPETENCIES, DEFAULT_PROGRAMMES } from './default-catalogue';

/**
 * Loads the default competencies and province-wide programmes. Idempotent: what exists (by code)
 * is left as it is, so an edited programme is never overwritten; returns how many rows were added.
 */
export async function seedDefaultCatalogue(prisma: DevelopmentPrisma): Promise<number> {
  const programmes = DEFAULT_PROGRAMMES.map((programme) => newTrainingProgram(randomUUID(), { ...programme, agencyId: null }));
  const [competencies, added] = await prisma.$transaction([
    prisma.competency.createMany({ data: DEFAULT_COMPETENCIES.map((competency) => ({ ...competency, id: randomUUID() })), skipDuplicates: true }),
    prisma.trainingProgram.createMany({ data: programmes.map((programme) => ({ ...programme, scope: PROVINCE_SCOPE })), skipDuplicates: true }),
  ]);
  return competencies.count + added.count;
}
