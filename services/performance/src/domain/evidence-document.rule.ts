import { ValidationError } from '@kinerja/errors';

/**
 * What an uploaded evidence document (bukti dukung) may be. The type is read from the first bytes
 * (the formats' magic numbers) and never taken from what the client says; a file name whose
 * extension claims another type is refused, so a PNG named `.pdf` cannot pass for a PDF.
 */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** 5 MiB: a scanned page or a photo of a signed report; the agency can lower or raise it (EVIDENCE_MAX_BYTES). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

const CONTENT_FIELD = 'input.contentBase64';
const FILE_NAME_FIELD = 'input.fileName';
const MAX_FILE_NAME = 200;

const SIGNATURES: ReadonlyArray<{ type: EvidenceContentType; magic: readonly number[] }> = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The extensions each type is known by; the first is the one added to a name without any. */
const EXTENSIONS: Record<EvidenceContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
};

const LABEL: Record<EvidenceContentType, string> = { 'application/pdf': 'a PDF', 'image/png': 'a PNG image', 'image/jpeg': 'a JPEG image' };

/** The type the bytes are, by their magic number; null for anything else (text, Word, HTML, …). */
export function detectEvidenceType(bytes: Uint8Array): EvidenceContentType | null {
  const match = SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte));
  return match?.type ?? null;
}

export const formatBytes = (bytes: number): string =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes the base64 content of an upload (the mutation carries it as a string: the gateway does
 * not forward multipart requests). The size is checked from the length before anything is decoded.
 */
export function decodeEvidenceContent(base64: string, maxBytes: number): Uint8Array {
  const text = base64.replace(/\s+/g, '');
  if (text.length % 4 === 1 || !BASE64.test(text) || (text.includes('=') && text.length % 4 !== 0)) {
    throw new ValidationError({ field: CONTENT_FIELD, message: 'must be the file encoded as base64' });
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = Math.floor((text.length * 3) / 4) - padding;
  assertEvidenceSize(size, maxBytes);
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function assertEvidenceSize(sizeBytes: number, maxBytes: number): void {
  if (sizeBytes < 1) throw new ValidationError({ field: CONTENT_FIELD, message: 'is empty: upload a file of 1 byte or more' });
  if (sizeBytes > maxBytes) {
    throw new ValidationError({ field: CONTENT_FIELD, message: `is ${formatBytes(sizeBytes)}; a document may be at most ${formatBytes(maxBytes)}` });
  }
}

/**
 * A file name safe to store and to offer in a download: no folders, no control characters, none
 * of the characters Windows refuses (replaced by `_`), no leading or trailing dots and spaces.
 * Throws when nothing usable is left.
 */
export function sanitizeFileName(fileName: string): string {
  const base = fileName.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(cleaned)) throw new ValidationError({ field: FILE_NAME_FIELD, message: 'must name the file (letters or digits)' });
  return cleaned;
}

function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(fileName);
  return match?.[1] && /[A-Za-z]/.test(match[1]) ? match[1].toLowerCase() : null;
}

function withinLength(name: string, extension: string): string {
  if (name.length <= MAX_FILE_NAME) return name;
  const stem = name.slice(0, name.length - extension.length - 1);
  return `${stem.slice(0, MAX_FILE_NAME - extension.length - 1).trimEnd()}.${extension}`;
}

export interface AcceptedEvidence {
  fileName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
}

/**
 * The rule for an uploaded document: 1 byte up to `maxBytes`, a PDF, PNG or JPEG by its bytes, and
 * a file name that does not claim another type. A name without an extension gets the right one.
 */
export function acceptEvidenceDocument(input: { fileName: string; content: Uint8Array }, maxBytes: number): AcceptedEvidence {
  const fileName = sanitizeFileName(input.fileName);
  assertEvidenceSize(input.content.length, maxBytes);
  const contentType = detectEvidenceType(input.content);
  if (!contentType) throw new ValidationError({ field: CONTENT_FIELD, message: 'must be a PDF, PNG or JPEG file' });
  const known = EXTENSIONS[contentType];
  const extension = extensionOf(fileName);
  if (extension !== null && !known.includes(extension)) {
    throw new ValidationError({
      field: FILE_NAME_FIELD,
      message: `says .${extension} but the content is ${LABEL[contentType]}; name it .${known[0]}`,
    });
  }
  const named = extension === null ? `${fileName}.${known[0]}` : fileName;
  return { fileName: withinLength(named, extension ?? known[0]!), contentType, sizeBytes: input.content.length };
}
