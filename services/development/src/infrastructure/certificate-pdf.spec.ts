import { renderCertificatePdf } from './certificate-pdf';

const certificate = {
  id: 'c1',
  number: 'KNJ/1A2B3C4D/2026/000042-K',
  assignmentId: 'a1',
  agencyId: 'ag1',
  employeeId: 'e1',
  programTitle: 'Komunikasi Efektif (Kolaboratif)',
  jp: 16,
  completedOn: '2026-03-04',
  holderName: 'Ni Luh Putu Ayu Ṡari',
};

describe('renderCertificatePdf', () => {
  const pdf = renderCertificatePdf(certificate).toString('latin1');

  it('is a complete PDF whose cross-reference table points at each object', () => {
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
  });

  it('declares the exact length of its page content', () => {
    const match = /<< \/Length (\d+) >>\nstream\n/.exec(pdf);
    const start = (match?.index ?? 0) + (match?.[0].length ?? 0);
    expect(pdf.slice(start + Number(match?.[1]), start + Number(match?.[1]) + 10)).toBe('\nendstream');
  });

  it('prints the holder, the programme with its parentheses escaped, the JP, the date and the number', () => {
    expect(pdf).toContain('(Ni Luh Putu Ayu ?ari)');
    expect(pdf).toContain('(Komunikasi Efektif \\(Kolaboratif\\))');
    expect(pdf).toContain('16 JP (jam pelajaran)'.replace(/[()]/g, (c) => `\\${c}`));
    expect(pdf).toContain('4 Maret 2026');
    expect(pdf).toContain('Nomor: KNJ/1A2B3C4D/2026/000042-K');
  });
});
