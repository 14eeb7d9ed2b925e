import { PageLayout, wrap } from './page-layout';
import { renderPdf } from './pdf-file';

describe('wrap', () => {
  it.each([
    ['fits on one line', 'Meningkatnya kualitas layanan', 200, ['Meningkatnya kualitas layanan']],
    ['breaks between words', 'satu dua tiga empat lima', 50, ['satu dua', 'tiga empat', 'lima']],
    ['cuts a word longer than the line', 'abcdefghijklmnop', 40, ['abcdefgh', 'ijklmnop']],
    ['keeps one empty line for empty text', '', 100, ['']],
  ])('%s', (_case, text, width, expected) => {
    expect(wrap(text, width, 10)).toEqual(expected);
  });
});

describe('the PDF writer', () => {
  const document = (rows: number) => {
    const layout = new PageLayout().centred('SASARAN KINERJA PEGAWAI', 14, true);
    layout.table(
      [
        { header: 'No', share: 0.1 },
        { header: 'Rencana Hasil Kerja', share: 0.9 },
      ],
      Array.from({ length: rows }, (_, i) => [String(i + 1), `Hasil kerja ${i + 1} (dengan tanda kurung)`]),
    );
    return renderPdf({ title: 'SKP', size: layout.size, pages: layout.contents() });
  };

  it('writes the same bytes for the same input', () => {
    expect(document(5).equals(document(5))).toBe(true);
  });

  it('breaks a long table across pages, repeating its header', () => {
    const text = document(120).toString('latin1');
    const pages = Number(/\/Count (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.split('(Rencana Hasil Kerja) Tj').length - 1).toBe(pages);
    expect(text).toContain('(Hasil kerja 120 \\(dengan tanda kurung\\)) Tj');
  });

  it('points the cross-reference table at every object', () => {
    const buffer = document(3);
    const text = buffer.toString('latin1');
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
  });
});
