import { PageLayout, renderPdf } from '@kinerja/pdf';

import type { OfficialDocumentContent } from '../domain/official-document';

/** Draws a document in the annex's order on A4 pages; the same content always gives the same bytes. */
export function renderOfficialDocumentPdf(content: OfficialDocumentContent): Buffer {
  const layout = new PageLayout();
  for (const [index, line] of content.heading.entries()) layout.centred(line, index === 0 ? 14 : 10, index === 0);
  for (const section of content.sections) {
    layout.heading(section.title, 10);
    if (section.fields) layout.fields(section.fields);
    if (section.table) layout.table(section.table.columns, section.table.rows);
    if (section.paragraph !== undefined) layout.paragraph(section.paragraph);
  }
  layout.signatures(content.signatures);
  return renderPdf({ title: content.title, size: layout.size, pages: layout.contents() });
}
