import { ValidationError } from '@kinerja/errors';

import {
  acceptEvidenceDocument,
  decodeEvidenceContent,
  DEFAULT_EVIDENCE_MAX_BYTES,
  detectEvidenceType,
  formatBytes,
  sanitizeFileName,
} from './evidence-document.rule';

const bytes = (...values: Array<number | string>): Uint8Array =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'latin1')] : [v])));
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0);
const TEXT = bytes('Laporan kegiatan triwulan I\n');

/** The field and message of the ValidationError `run` throws, or the result when it accepts. */
function outcome<T>(run: () => T): T | { field: string; message: string } {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.problems).toHaveLength(1);
    return { field: error.field, message: error.message };
  }
}

describe('evidence document type from the magic bytes', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf'],
    ['a PNG', PNG, 'image/png'],
    ['a JPEG (JFIF)', JPEG, 'image/jpeg'],
    ['a JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0, 'Exif'), 'image/jpeg'],
    ['plain text', TEXT, null],
    ['text that mentions %PDF later', bytes(' %PDF-1.4'), null],
    ['%PDF without the dash', bytes('%PDF1.4'), null],
    ['a truncated PNG signature', PNG.slice(0, 7), null],
    ['two JPEG bytes', JPEG.slice(0, 2), null],
    ['a GIF', bytes('GIF89a'), null],
    ['HTML', bytes('<!doctype html><script>'), null],
    ['a ZIP (docx)', bytes('PK', 3, 4), null],
    ['nothing', new Uint8Array(0), null],
  ])('%s is %p', (_name, content, type) => {
    expect(detectEvidenceType(content)).toBe(type);
  });
});

describe('evidence file names', () => {
  it.each([
    ['bukti.pdf', 'bukti.pdf'],
    ['  Laporan Triwulan I.pdf  ', 'Laporan Triwulan I.pdf'],
    ['C:\\Users\\budi\\Desktop\\foto kegiatan.jpg', 'foto kegiatan.jpg'],
    ['../../etc/passwd.png', 'passwd.png'],
    ['surat"tugas".pdf', 'surat_tugas_.pdf'],
    ['a<b>c:d|e?f*g.png', 'a_b_c_d_e_f_g.png'],
    ['tab\tand\nnewline.pdf', 'tab and newline.pdf'],
    ['zero\u200bwidth\u0000null.pdf', 'zerowidthnull.pdf'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['name.pdf...', 'name.pdf'],
    ['Bukti Dukung – Kegiatan ñ.pdf', 'Bukti Dukung – Kegiatan ñ.pdf'],
  ])('%p is stored as %p', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it.each(['', '   ', '...', 'folder/', '"*?"', '\u0000\u0001'])('%p names nothing and is refused on input.fileName', (input) => {
    expect(outcome(() => sanitizeFileName(input))).toMatchObject({ field: 'input.fileName' });
  });
});

describe('accepting an evidence document', () => {
  const MAX = 64;
  it.each([
    ['a PDF named .pdf', 'bukti.pdf', PDF, { fileName: 'bukti.pdf', contentType: 'application/pdf' }],
    ['a PDF named .PDF', 'BUKTI.PDF', PDF, { fileName: 'BUKTI.PDF', contentType: 'application/pdf' }],
    ['a PNG named .png', 'foto.png', PNG, { fileName: 'foto.png', contentType: 'image/png' }],
    ['a JPEG named .jpg', 'foto.jpg', JPEG, { fileName: 'foto.jpg', contentType: 'image/jpeg' }],
    ['a JPEG named .jpeg', 'foto.jpeg', JPEG, { fileName: 'foto.jpeg', contentType: 'image/jpeg' }],
    ['a PDF without an extension', 'surat tugas', PDF, { fileName: 'surat tugas.pdf', contentType: 'application/pdf' }],
    ['a PNG named with a version number', 'foto v1.2', PNG, { fileName: 'foto v1.2.png', contentType: 'image/png' }],
    ['a text file renamed .pdf', 'laporan.pdf', TEXT, { field: 'input.contentBase64', message: 'input.contentBase64: must be a PDF, PNG or JPEG file' }],
    ['a text file named .txt', 'laporan.txt', TEXT, { field: 'input.contentBase64' }],
    ['a PNG declared as PDF', 'bukti.pdf', PNG, { field: 'input.fileName', message: expect.stringContaining('says .pdf but the content is a PNG image') }],
    ['a PDF declared as JPEG', 'scan.jpg', PDF, { field: 'input.fileName', message: expect.stringContaining('name it .pdf') }],
    ['a JPEG declared as PNG', 'foto.png', JPEG, { field: 'input.fileName' }],
    ['a PDF declared as Word', 'laporan.docx', PDF, { field: 'input.fileName' }],
    ['an empty file', 'kosong.pdf', new Uint8Array(0), { field: 'input.contentBase64', message: expect.stringContaining('is empty') }],
    ['a file name of nothing', ' / ', PDF, { field: 'input.fileName' }],
  ])('%s', (_name, fileName, content, expected) => {
    expect(outcome(() => acceptEvidenceDocument({ fileName, content }, MAX))).toMatchObject(expected);
  });

  const sized = (size: number): Uint8Array => {
    const content = new Uint8Array(size);
    content.set(PDF.slice(0, Math.min(size, PDF.length)));
    return content;
  };
  it.each([
    [0, 'input.contentBase64'],
    [1, 'input.contentBase64'], // within the size, but one byte is no PDF
    [5, null], // `%PDF-` alone: the smallest thing that passes
    [MAX - 1, null],
    [MAX, null],
    [MAX + 1, 'input.contentBase64'],
  ])('a document of %p bytes (limit 64): problem on %p', (size, field) => {
    const result = outcome(() => acceptEvidenceDocument({ fileName: 'x.pdf', content: sized(size) }, MAX));
    expect(field === null ? result : (result as { field: string }).field).toEqual(field === null ? expect.objectContaining({ sizeBytes: size }) : field);
  });

  it('says how large a document may be', () => {
    expect(outcome(() => acceptEvidenceDocument({ fileName: 'x.pdf', content: sized(DEFAULT_EVIDENCE_MAX_BYTES + 1) }, DEFAULT_EVIDENCE_MAX_BYTES))).toEqual({
      field: 'input.contentBase64',
      message: 'input.contentBase64: is 5242881 bytes; a document may be at most 5 MiB',
    });
  });

  it('keeps a long name within 200 characters, extension included', () => {
    const accepted = acceptEvidenceDocument({ fileName: `${'a'.repeat(300)}.jpeg`, content: JPEG }, MAX);
    expect(accepted.fileName).toHaveLength(200);
    expect(accepted.fileName.endsWith('a.jpeg')).toBe(true);
  });
});

describe('decoding the base64 content', () => {
  const b64 = (content: Uint8Array) => Buffer.from(content).toString('base64');

  it.each([
    ['padded', b64(PDF)],
    ['with line breaks', b64(PDF).replace(/(.{8})/g, '$1\n')],
    ['unpadded', b64(PDF).replace(/=+$/, '')],
  ])('decodes %s base64', (_name, text) => {
    expect(decodeEvidenceContent(text, 1024)).toEqual(PDF);
  });

  it.each([
    ['URL-safe characters', '-_-_'],
    ['a data URL', `data:application/pdf;base64,${b64(PDF)}`],
    ['padding in the middle', 'QQ==QQ=='],
    ['a dangling character', 'QUJDR'],
    ['too much padding', 'Q==='],
  ])('refuses %s on input.contentBase64', (_name, text) => {
    expect(outcome(() => decodeEvidenceContent(text, 1024))).toMatchObject({ field: 'input.contentBase64', message: expect.stringContaining('base64') });
  });

  it.each([
    [63, null],
    [64, null],
    [65, 'input.contentBase64'],
    [0, 'input.contentBase64'],
  ])('measures %p bytes before decoding (limit 64): problem on %p', (size, field) => {
    const text = b64(new Uint8Array(size).fill(7));
    const result = outcome(() => decodeEvidenceContent(text, 64));
    if (field === null) expect(result).toHaveLength(size);
    else expect(result).toMatchObject({ field });
  });
});

describe('sizes in messages', () => {
  it.each([
    [DEFAULT_EVIDENCE_MAX_BYTES, '5 MiB'],
    [512 * 1024, '512 KiB'],
    [1000, '1000 bytes'],
  ])('%p is %p', (size, text) => {
    expect(formatBytes(size)).toBe(text);
  });
});
