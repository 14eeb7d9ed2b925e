import { inflateRawSync } from 'node:zlib';

/**
 * A minimal reader of an XLSX workbook's first worksheet, as text cells: an XLSX file is a ZIP
 * archive of XML parts (ECMA-376), and an export of personnel data needs only the cell values, so
 * a small reader (Node's zlib for the deflated parts) is preferred to a spreadsheet library and its
 * dependencies. Reads shared strings, inline strings, numbers and booleans; formulas by their
 * cached value. Row i of the result is the sheet's row i + 1 (empty rows stay, as empty arrays).
 */
export function readXlsx(file: Buffer, maxUnpackedBytes = 64 * 1024 * 1024): string[][] {
  const zip = readZip(file, maxUnpackedBytes);
  const text = (name: string) => zip.get(name)?.toString('utf8');
  const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')) ?? 'xl/worksheets/sheet1.xml';
  const sheet = text(sheetPath);
  if (sheet === undefined) throw new Error('The workbook has no worksheet');
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const rows: string[][] = [];
  let nextRow = 1;
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[1] ?? '')?.[1] ?? nextRow);
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cellMatch[1] ?? '';
      const reference = /\br="([A-Z]+)\d*"/.exec(attributes)?.[1];
      const column = reference ? columnIndex(reference) : nextColumn;
      nextColumn = column + 1;
      const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
      const body = cellMatch[2] ?? '';
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let cell = '';
      if (type === 's') cell = shared[Number(value)] ?? '';
      else if (type === 'inlineStr') cell = textRuns(body);
      else if (type === 'b') cell = value === '1' ? 'TRUE' : 'FALSE';
      else if (value !== undefined) cell = decodeXml(value);
      while (cells.length < column) cells.push('');
      cells[column] = cell;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function firstSheetPath(workbook: string | undefined, rels: string | undefined): string | undefined {
  const relId = workbook && /<sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook)?.[1];
  if (!relId || !rels) return undefined;
  for (const rel of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attributes = rel[1] ?? '';
    if (/\bId="([^"]+)"/.exec(attributes)?.[1] !== relId) continue;
    const target = /\bTarget="([^"]+)"/.exec(attributes)?.[1];
    if (!target) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return undefined;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textRuns(match[1] ?? ''));
}

/** The text of an <si> or <is>: every <t> run, without the phonetic (<rPh>) ones. */
function textRuns(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

function decodeXml(text: string): string {
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, entity: string) => {
      if (entity === 'lt') return '<';
      if (entity === 'gt') return '>';
      if (entity === 'amp') return '&';
      if (entity === 'quot') return '"';
      if (entity === 'apos') return "'";
      return String.fromCodePoint(entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    })
    .replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The entries of a ZIP archive by name (stored or deflated), from its central directory. */
function readZip(file: Buffer, maxUnpackedBytes: number): Map<string, Buffer> {
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 65_535); i -= 1) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('The file is not an XLSX workbook (no ZIP directory)');
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  let unpacked = 0;
  for (let n = 0; n < count; n += 1) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw new Error('The XLSX workbook is damaged (ZIP directory)');
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    if (file.readUInt32LE(localOffset) !== 0x04034b50) throw new Error('The XLSX workbook is damaged (ZIP entry)');
    const dataStart = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    const data = file.subarray(dataStart, dataStart + compressedSize);
    const content = method === 0 ? data : method === 8 ? inflateRawSync(data, { maxOutputLength: maxUnpackedBytes - unpacked }) : null;
    if (!content) throw new Error(`The XLSX workbook uses an unsupported compression (${method})`);
    unpacked += content.length;
    entries.set(name, content);
  }
  return entries;
}
