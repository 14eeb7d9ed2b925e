import { ValidationError } from '@kinerja/errors';

/**
 * What an applicant's uploaded document (ijazah, transkrip, KTP scan, …) may be. The type is read
 * from the first bytes (the formats' magic numbers), never taken from what the client says; a file
 * name whose extension claims another type is refused, so a PNG named `.pdf` cannot pass for a PDF.
 */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** 2 MiB: what national registration portals allow for a scanned document (DOCUMENT_MAX_BYTES). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;

const CONTENT_FIELD = 'input.contentBase64';
const FILE_NAME_FIELD = 'input.fileName';
const TYPE_FIELD = 'input.documentType';
const MAX_FILE_NAME = 200;

const SIGNATURES: ReadonlyArray<{ type: DocumentContentType; magic: readonly number[] }> = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

const EXTENSIONS: Record<DocumentContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
};

export function detectDocumentType(bytes: Uint8Array): DocumentContentType | null {
  return SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte))?.type ?? null;
}

const formatBytes = (bytes: number): string => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`);

function assertSize(sizeBytes: number, maxBytes: number): void {
  if (sizeBytes < 1) throw new ValidationError({ field: CONTENT_FIELD, message: 'is empty: upload a file of 1 byte or more' });
  if (sizeBytes > maxBytes)
    throw new ValidationError({ field: CONTENT_FIELD, message: `is ${sizeBytes} bytes; a document may be at most ${formatBytes(maxBytes)}` });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes the base64 content (the gateway forwards JSON only); the size is checked before decoding. */
export function decodeDocumentContent(base64: string, maxBytes: number): Uint8Array {
  const text = base64.replace(/\s+/g, '');
  if (text.length % 4 === 1 || !BASE64.test(text) || (text.includes('=') && text.length % 4 !== 0))
    throw new ValidationError({ field: CONTENT_FIELD, message: 'must be the file encoded as base64' });
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  assertSize(Math.floor((text.length * 3) / 4) - padding, maxBytes);
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** The vacancy's name of the document type (as it lists it), or a ValidationError naming the list. */
export function requiredDocumentType(documentType: string, required: readonly string[]): string {
  const wanted = documentType.trim().toLowerCase();
  const match = required.find((name) => name.trim().toLowerCase() === wanted);
  if (!match)
    throw new ValidationError({
      field: TYPE_FIELD,
      message: required.length === 0 ? 'this vacancy asks for no documents' : `must be one of the documents the vacancy asks for: ${required.join(', ')}`,
    });
  return match;
}

/** A file name safe to store and offer in a download: no folders, control or Windows-reserved characters. */
function sanitizeFileName(fileName: string): string {
  const cleaned = (fileName.normalize('NFC').split(/[/\\]/).pop() ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(cleaned)) throw new ValidationError({ field: FILE_NAME_FIELD, message: 'must name the file (letters or digits)' });
  return cleaned.length <= MAX_FILE_NAME ? cleaned : cleaned.slice(cleaned.length - MAX_FILE_NAME);
}

export interface AcceptedDocument {
  fileName: string;
  contentType: DocumentContentType;
  sizeBytes: number;
}

/** The rule: 1 byte up to `maxBytes`, a PDF, PNG or JPEG by its bytes, a file name that does not claim another type. */
export function acceptDocument(input: { fileName: string; content: Uint8Array }, maxBytes: number): AcceptedDocument {
  const fileName = sanitizeFileName(input.fileName);
  assertSize(input.content.length, maxBytes);
  const contentType = detectDocumentType(input.content);
  if (!contentType) throw new ValidationError({ field: CONTENT_FIELD, message: 'must be a PDF, PNG or JPEG file (read from its content)' });
  const known = EXTENSIONS[contentType];
  const extension = /\.([A-Za-z][A-Za-z0-9]{0,4})$/.exec(fileName)?.[1]?.toLowerCase() ?? null;
  if (extension !== null && !known.includes(extension))
    throw new ValidationError({ field: FILE_NAME_FIELD, message: `says .${extension} but the content is ${contentType}; name it .${known[0]}` });
  return { fileName: extension === null ? `${fileName}.${known[0]}` : fileName, contentType, sizeBytes: input.content.length };
}
