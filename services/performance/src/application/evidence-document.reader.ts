import { assertAuthenticated, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { groupedBy } from '@kinerja/kernel';

import { canReadPerformanceOf } from '../domain/access.rule';
import type { EvidenceDocument } from '../domain/evidence-document';
import type { EmployeeCopyRepository, EvidenceStore } from '../domain/repositories';

/**
 * Reads of uploaded evidence. The list hangs below a realization, which the viewer reached through
 * a plan they may see; the download is a request of its own and decides access again, from the
 * document's employee (access.rule: the employee, the direct supervisor, the agency's HR, head and
 * auditors, the province admin).
 */
export class EvidenceDocumentReader {
  constructor(
    private readonly store: EvidenceStore,
    private readonly copies: EmployeeCopyRepository,
  ) {}

  async documentsOfRealizations(realizationIds: readonly string[]): Promise<EvidenceDocument[][]> {
    return groupedBy(realizationIds, await this.store.ofRealizations(realizationIds), (d) => d.realizationId);
  }

  async forDownload(viewer: Viewer, id: string): Promise<{ document: EvidenceDocument; content: Uint8Array }> {
    assertAuthenticated(viewer);
    const [document] = await this.store.byIds([id]);
    if (!document) throw new NotFoundError('EvidenceDocument', id);
    const [subject] = await this.copies.byIds([document.employeeId]);
    if (!subject || !canReadPerformanceOf(viewer, subject)) {
      throw new ForbiddenError("Only the employee, their direct supervisor and the agency's HR, head and auditors download this evidence");
    }
    const content = await this.store.content(document.id);
    if (!content) throw new NotFoundError('EvidenceDocument', id);
    return { document, content };
  }
}
