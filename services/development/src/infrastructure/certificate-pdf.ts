import type { Certificate } from '../domain/certificate';

// A one-page certificate written as PDF 1.4 by hand: the standard Helvetica fonts need no
// embedding, so the file is a handful of objects and a cross-reference table.

const PAGE = { width: 842, height: 595 }; // A4 landscape, in points
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Text for a PDF string in WinAnsi: the escapes PDF needs, and '?' for what Latin-1 cannot hold. */
function pdfText(value: string): string {
  const latin1 = Array.from(value.normalize('NFC'), (char) => (char.charCodeAt(0) <= 0xff ? char : '?')).join('');
  return latin1.replace(/[\\()]/g, (char) => `\\${char}`);
}

export function indonesianDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** A centred line; Helvetica averages about half an em per character, close enough for a title page. */
function line(text: string, y: number, size: number, bold = false): string {
  const x = Math.max(40, (PAGE.width - text.length * size * 0.5) / 2);
  return `BT /${bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 ${x.toFixed(1)} ${y} Tm (${pdfText(text)}) Tj ET`;
}

function pageContent(certificate: Certificate): string {
  return [
    '0.2 0.3 0.5 RG 4 w 24 24 794 547 re S 1 w 34 34 774 527 re S',
    line('SERTIFIKAT', 480, 34, true),
    line('Pengembangan Kompetensi Aparatur Sipil Negara', 448, 14),
    line('diberikan kepada', 400, 13),
    line(certificate.holderName, 362, 26, true),
    line('yang telah menyelesaikan', 322, 13),
    line(certificate.programTitle, 288, 20, true),
    line(`${certificate.jp} JP (jam pelajaran) - selesai ${indonesianDate(certificate.completedOn)}`, 252, 13),
    line(`Nomor: ${certificate.number}`, 160, 12, true),
    line('Keaslian sertifikat dapat diperiksa dengan verifyCertificate(number) di Kinerja.', 136, 10),
  ].join('\n');
}

/** The certificate as a complete PDF file. */
export function renderCertificatePdf(certificate: Certificate): Buffer {
  const content = pageContent(certificate);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title (${pdfText(`Sertifikat ${certificate.number}`)}) /Producer (Kinerja) >>`,
  ];
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
