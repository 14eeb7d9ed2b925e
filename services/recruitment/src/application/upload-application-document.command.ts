import { assertAuthenticated } from '@kinerja/auth';
import { ConflictError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { type ApplicationDocument, newApplicationDocument } from '../domain/application-document';
import type { Clock, IdGenerator, Repositories } from '../domain/repositories';
import { registrationState } from '../domain/selection';
import { type Actor, auditContextOf } from './actor';

export interface UploadApplicationDocumentInput {
  applicationId: string;
  documentType: string;
  fileName: string;
  contentBase64: string;
}

/**
 * The applicant uploads a document the vacancy asks for (PDF, PNG or JPEG by its content, up to
 * DOCUMENT_MAX_BYTES) while registration is open and before verification; a new upload of the same
 * type replaces the earlier one.
 */
export class UploadApplicationDocument {
  constructor(
    private readonly repositories: Pick<Repositories, 'applicants' | 'applications' | 'selections' | 'vacancies' | 'documents'>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    /** DOCUMENT_MAX_BYTES. */
    private readonly maxBytes: number,
  ) {}

  async execute(actor: Actor, input: UploadApplicationDocumentInput): Promise<ApplicationDocument> {
    assertAuthenticated(actor.viewer);
    const field = 'input.applicationId';
    assertEntityId(input.applicationId, field);
    const [application] = await this.repositories.applications.byIds([input.applicationId]);
    const [applicant] = application ? await this.repositories.applicants.byIds([application.applicantId]) : [];
    // Only the applicant uploads; anyone else's application answers as if it did not exist.
    if (!application || applicant?.userId !== actor.viewer.userId) throw new NotFoundError('Application', input.applicationId, field);
    const [[vacancy], [selection]] = await Promise.all([
      this.repositories.vacancies.byIds([application.vacancyId]),
      this.repositories.selections.byIds([application.selectionId]),
    ]);
    if (!vacancy || !selection) throw new NotFoundError('Application', input.applicationId, field);
    const now = this.clock.now();
    if (application.status !== 'SUBMITTED')
      throw new ConflictError(`Application ${application.registrationNumber} is ${application.status}; documents are uploaded before verification`, { field });
    if (registrationState(selection, now) !== 'OPEN') throw new ConflictError('Registration for this selection has closed', { field });
    const { document, content } = newApplicationDocument(
      this.ids.newId(),
      { agencyId: application.agencyId, applicationId: application.id, uploadedBy: actor.viewer.userId },
      vacancy.documents,
      input,
      now,
      this.maxBytes,
    );
    return this.repositories.documents.save(document, content, auditContextOf(actor));
  }
}
