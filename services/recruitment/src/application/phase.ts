import { ConflictError } from '@kinerja/errors';

import type { SelectionRepository } from '../domain/repositories';
import { currentPhase, type Phase } from '../domain/stage';

/** Refuses work of another phase: no SKD score before the administrative results, none after the SKD ones. */
export async function assertPhase(selections: SelectionRepository, selectionId: string, expected: Phase, action: string): Promise<void> {
  const phase = currentPhase(await selections.announcements(selectionId));
  if (phase !== expected) throw new ConflictError(`${action} belongs to the ${expected} phase; the selection is in the ${phase} phase`, { phase });
}
