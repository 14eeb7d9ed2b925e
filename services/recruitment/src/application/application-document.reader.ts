import type { Viewer } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';

import type { ApplicationDocument } from '../domain/application-document';
import type { DocumentStore } from '../domain/repositories';
import type { RecruitmentReader } from './recruitment.reader';

/** Documents of applications, to whoever may read the application itself (RecruitmentReader.application). */
export class ApplicationDocumentReader {
  constructor(
    private readonly documents: DocumentStore,
    private readonly applications: RecruitmentReader,
  ) {}

  /** Of applications the caller has already been allowed to read, by application. */
  async ofApplications(applicationIds: readonly string[]): Promise<ApplicationDocument[][]> {
    const all = await this.documents.ofApplications(applicationIds);
    return applicationIds.map((id) => all.filter((d) => d.applicationId === id));
  }

  async forDownload(viewer: Viewer, id: string): Promise<{ document: ApplicationDocument; content: Uint8Array }> {
    const document = await this.documents.byId(id);
    if (!document) throw new NotFoundError('ApplicationDocument', id);
    // The applicant; HR and auditors; the selection's committee but for a declared conflict.
    await this.applications.application(viewer, document.applicationId);
    const content = await this.documents.content(id);
    if (!content) throw new NotFoundError('ApplicationDocument', id);
    return { document, content };
  }
}
