// PDF 1.4 written by hand: the standard Helvetica fonts need no embedding, so a document is a
// handful of objects and a cross-reference table. Nothing time- or random-dependent is written,
// so the same input always gives the same bytes.

export interface PageSize {
  width: number;
  height: number;
}

/** A4 in points. */
export const A4_PORTRAIT: PageSize = { width: 595, height: 842 };
export const A4_LANDSCAPE: PageSize = { width: 842, height: 595 };

/** The regular and the bold face, as content streams name them. */
export const FONT = { regular: 'F1', bold: 'F2' } as const;

/** Text for a PDF string in WinAnsi: the escapes PDF needs, and '?' for what Latin-1 cannot hold. */
export function pdfText(value: string): string {
  const latin1 = Array.from(value.normalize('NFC'), (char) => (char.charCodeAt(0) <= 0xff ? char : '?')).join('');
  return latin1.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[\r\n\t]/g, ' ');
}

/** Helvetica averages about half an em per character: close enough to centre and wrap text. */
export const approximateWidth = (text: string, size: number): number => text.length * size * 0.5;

/** One line of text at (x, y), the baseline, in points from the bottom left. */
export function textAt(text: string, x: number, y: number, size: number, bold = false): string {
  return `BT /${bold ? FONT.bold : FONT.regular} ${size} Tf 1 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)} Tm (${pdfText(text)}) Tj ET`;
}

/** A complete PDF file of the given pages (each a content stream) with a title in its properties. */
export function renderPdf(input: { title: string; size: PageSize; pages: readonly string[] }): Buffer {
  const { title, size, pages } = input;
  const fontsId = 3;
  const firstPageId = 5;
  const pageIds = pages.map((_, index) => firstPageId + index * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  for (const [index, content] of pages.entries()) {
    const contentId = pageIds[index]! + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /${FONT.regular} ${fontsId} 0 R /${FONT.bold} ${fontsId + 1} 0 R >> >> /Contents ${contentId} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  }
  objects.push(`<< /Title (${pdfText(title)}) /Producer (Kinerja) >>`);
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
