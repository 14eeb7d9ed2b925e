import type { Viewer } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';
import { isEntityId } from '@kinerja/kernel';

import { canWorkOnSelection } from '../domain/access.rule';
import type { CommitteeMember } from '../domain/committee';
import type { Repositories } from '../domain/repositories';

/** A selection's committee, for the agency's HR and committee (and the province admin). */
export class CommitteeReader {
  constructor(private readonly repositories: Pick<Repositories, 'selections' | 'committee'>) {}

  async members(viewer: Viewer, selectionId: string): Promise<(CommitteeMember & { name: string | null; trained: boolean })[]> {
    const [selection] = isEntityId(selectionId) ? await this.repositories.selections.byIds([selectionId]) : [];
    if (!selection || !canWorkOnSelection(viewer, selection.agencyId)) throw new NotFoundError('Selection', selectionId, 'selectionId');
    return this.repositories.committee.members(selection.id);
  }
}
