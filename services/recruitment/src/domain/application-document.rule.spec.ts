import { acceptDocument, decodeDocumentContent, detectDocumentType, requiredDocumentType } from './application-document.rule';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(20).fill(0x20)]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const TEXT = new TextEncoder().encode('%PDF but not really: plain text');
const field = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    const { code, field: named } = error as { code: string; field: string };
    return `${code} ${named}`;
  }
};

describe('an applicant’s document: the type from the content, the size, the name, the vacancy’s list', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf'],
    ['a PNG', PNG, 'image/png'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['text starting like a PDF', TEXT, null],
    ['nothing', new Uint8Array(), null],
  ])('detects %s', (_case, content, type) => expect(detectDocumentType(content)).toBe(type));

  it.each([
    ['a PDF named .pdf', 'ijazah.pdf', PDF, 100, null, 'ijazah.pdf'],
    ['a JPEG named .JPEG', 'foto.JPEG', JPEG, 100, null, 'foto.JPEG'],
    ['a name without an extension gets the detected one', 'transkrip', PDF, 100, null, 'transkrip.pdf'],
    ['folders are dropped', '../../etc/ijazah.pdf', PDF, 100, null, 'ijazah.pdf'],
    ['a PNG named .pdf', 'ijazah.pdf', PNG, 100, 'BAD_USER_INPUT input.fileName', null],
    ['text', 'ijazah.pdf', TEXT, 100, 'BAD_USER_INPUT input.contentBase64', null],
    ['over the limit by a byte', 'ijazah.pdf', PDF, PDF.length - 1, 'BAD_USER_INPUT input.contentBase64', null],
    ['exactly the limit', 'ijazah.pdf', PDF, PDF.length, null, 'ijazah.pdf'],
    ['a name of dots only', '...', PDF, 100, 'BAD_USER_INPUT input.fileName', null],
  ])('%s', (_case, fileName, content, max, refused, stored) => {
    expect(field(() => acceptDocument({ fileName, content }, max))).toBe(refused);
    if (stored) expect(acceptDocument({ fileName, content }, max).fileName).toBe(stored);
  });

  it.each([
    ['valid base64', Buffer.from(PDF).toString('base64'), 100, null],
    ['not base64', 'bukan base64!', 100, 'BAD_USER_INPUT input.contentBase64'],
    ['empty', '', 100, 'BAD_USER_INPUT input.contentBase64'],
    ['too large, refused before decoding', 'A'.repeat(400), 100, 'BAD_USER_INPUT input.contentBase64'],
  ])('decodes %s', (_case, base64, max, refused) => expect(field(() => decodeDocumentContent(base64, max))).toBe(refused));

  it.each([
    ['the vacancy’s name, whatever the case', ' ijazah ', ['Ijazah', 'Transkrip'], null],
    ['a document the vacancy does not ask for', 'TOEFL', ['Ijazah'], 'BAD_USER_INPUT input.documentType'],
    ['any document when the vacancy asks for none', 'Ijazah', [], 'BAD_USER_INPUT input.documentType'],
  ])('takes %s', (_case, type, required, refused) => {
    expect(field(() => requiredDocumentType(type, required))).toBe(refused);
    if (!refused) expect(requiredDocumentType(type, required)).toBe('Ijazah');
  });
});
