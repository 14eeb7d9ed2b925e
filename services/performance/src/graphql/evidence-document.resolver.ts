import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { UploadEvidence } from '../application/upload-evidence.command';
import type { EvidenceDocument } from '../domain/evidence-document';
import { actorOf, type PerformanceContext } from './context';
import { UploadEvidenceInput } from './inputs';
import { EvidenceDocumentType } from './types';

/** Served by this subgraph, not through the gateway: GET /evidence/<id> with the bearer token. */
export const EVIDENCE_DOWNLOAD_PREFIX = '/evidence/';

@Resolver(() => EvidenceDocumentType)
export class EvidenceDocumentResolver {
  constructor(private readonly uploadEvidenceCommand: UploadEvidence) {}

  @Mutation(() => EvidenceDocumentType, {
    description: 'The employee attaches a PDF, PNG or JPEG to a reported realization (bukti dukung); the type is read from the content',
  })
  uploadEvidence(@Arg('input') input: UploadEvidenceInput, @Ctx() context: PerformanceContext): Promise<EvidenceDocument> {
    return this.uploadEvidenceCommand.execute(actorOf(context), {
      realizationId: input.realizationId ?? null,
      indicatorId: input.indicatorId ?? null,
      periodId: input.periodId ?? null,
      fileName: input.fileName,
      contentBase64: input.contentBase64,
    });
  }

  @FieldResolver(() => String, {
    description: "The document's path on the performance subgraph; send the bearer token (the employee, the supervisor, HR, auditors)",
  })
  downloadPath(@Root() document: EvidenceDocument): string {
    return `${EVIDENCE_DOWNLOAD_PREFIX}${document.id}`;
  }
}
