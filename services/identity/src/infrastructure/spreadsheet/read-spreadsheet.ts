import { parseCsv } from './csv';
import { readXlsx } from './xlsx';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An uploaded file as rows of text cells: XLSX when it is a ZIP archive, else CSV in UTF-8. */
export function readSpreadsheet(_fileName: string, content: Buffer): string[][] {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(content);
  const text = content.toString('utf8');
  if (text.includes('\u0000')) throw new Error('binary content that is not an XLSX workbook');
  return parseCsv(text);
}
