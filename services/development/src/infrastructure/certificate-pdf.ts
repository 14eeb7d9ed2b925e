import { indonesianDate } from '@kinerja/kernel';
import { A4_LANDSCAPE, approximateWidth, renderPdf, textAt } from '@kinerja/pdf';

import type { Certificate } from '../domain/certificate';

/** A line centred on the landscape page. */
function line(text: string, y: number, size: number, bold = false): string {
  return textAt(text, Math.max(40, (A4_LANDSCAPE.width - approximateWidth(text, size)) / 2), y, size, bold);
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

/** The certificate as a complete one-page PDF file. */
export function renderCertificatePdf(certificate: Certificate): Buffer {
  return renderPdf({ title: `Sertifikat ${certificate.number}`, size: A4_LANDSCAPE, pages: [pageContent(certificate)] });
}
