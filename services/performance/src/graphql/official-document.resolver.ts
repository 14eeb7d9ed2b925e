import { Arg, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';

import type { DocumentLinks, OfficialDocumentReader } from '../application/official-document.reader';
import type { OfficialDocumentKind } from '../domain/official-document';
import type { PerformancePlan } from '../domain/plan';
import { OfficialDocumentKindEnum } from './enums';
import { PerformancePlanType } from './types';

@ObjectType('DocumentLink', { description: 'A short-lived link to a PDF on the performance subgraph; it needs no token and expires in minutes' })
export class DocumentLinkType {
  @Field({ description: 'Path on the performance subgraph, signed' }) path!: string;
  @Field() expiresAt!: Date;
}

/** The plan's official documents as PDFs, for whoever may read the plan (the plan resolver decided that). */
@Resolver(() => PerformancePlanType)
export class OfficialDocumentResolver {
  constructor(
    private readonly links: DocumentLinks,
    private readonly documents: OfficialDocumentReader,
  ) {}

  @FieldResolver(() => DocumentLinkType, {
    description: 'A link to the SKP or, once the annual assessment is finalized, its evaluation document, as a PDF in the layout of the regulation',
  })
  async documentLink(@Root() plan: PerformancePlan, @Arg('kind', () => OfficialDocumentKindEnum) kind: OfficialDocumentKind): Promise<DocumentLinkType> {
    await this.documents.assertAvailable(kind, plan);
    return this.links.issue(kind, plan);
  }
}
