import { minimalXlsx } from '../../../test/minimal-xlsx';
import { parseCsv } from './csv';
import { readSpreadsheet } from './read-spreadsheet';
import { readXlsx } from './xlsx';

describe('parseCsv (RFC 4180)', () => {
  it.each<[string, string, string[][]]>([
    [
      'commas, CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'semicolons (Excel, Indonesian locale), LF, no final line end',
      'a;b\n1,5;2',
      [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    ],
    [
      'a byte order mark',
      '\uFEFFnip,nama\n1,x',
      [
        ['nip', 'nama'],
        ['1', 'x'],
      ],
    ],
    [
      'quoted separators, doubled quotes and a line break',
      'a,b\n"x, y","say ""hi""\nthere"\n',
      [
        ['a', 'b'],
        ['x, y', 'say "hi"\nthere'],
      ],
    ],
    [
      'empty fields',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
  ])('%s', (_case, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});

describe('readXlsx', () => {
  const rows = [
    ['NIP', 'Nama', 'Unit'],
    ['199001012015031001', 'Budi & "Sons" <x>', '42'],
  ];
  it.each([
    ['shared strings', {}],
    ['inline strings', { inline: true }],
  ])('reads the first sheet with %s', (_case, options) => {
    expect(readXlsx(minimalXlsx(rows, options))).toEqual(rows);
  });

  it('keeps row numbers across empty rows and columns across empty cells', () => {
    const sheet = minimalXlsx([['a', '', 'c'], [], ['x']]);
    expect(readXlsx(sheet)).toEqual([['a', '', 'c'], [], ['x']]);
  });

  it('readSpreadsheet tells XLSX from CSV by content and refuses other binaries', () => {
    expect(readSpreadsheet('pegawai.csv', minimalXlsx(rows))).toEqual(rows);
    expect(readSpreadsheet('pegawai.xlsx', Buffer.from('a;b\n1;2'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => readSpreadsheet('x', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]))).toThrow('binary');
    expect(() => readXlsx(Buffer.from('PK\u0003\u0004 broken'))).toThrow();
  });
});
