import { A4_PORTRAIT, approximateWidth, type PageSize, textAt } from './pdf-file';

export interface Column {
  header: string;
  /** Share of the text width, all columns summing to 1. */
  share: number;
}

/** Words wrapped into lines no wider than `width` at the given size; a word too long is cut. */
export function wrap(text: string, width: number, size: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (size * 0.5)));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    for (let rest = word; rest.length > 0;) {
      const candidate = current.length === 0 ? rest : `${current} ${rest}`;
      if (candidate.length <= perLine) {
        current = candidate;
        rest = '';
      } else if (current.length > 0) {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, perLine));
        rest = rest.slice(perLine);
      }
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);
  return lines;
}

/**
 * Lays text out top to bottom on as many pages as it needs: headings, label-value fields, tables
 * whose rows wrap and break across pages with their header repeated, and signature blocks.
 */
export class PageLayout {
  readonly pages: string[][] = [[]];
  private y: number;

  constructor(
    readonly size: PageSize = A4_PORTRAIT,
    private readonly margin = 48,
    private readonly footer: (page: number) => string = (page) => `Halaman ${page}`,
  ) {
    this.y = size.height - margin;
  }

  private get width(): number {
    return this.size.width - 2 * this.margin;
  }

  private get current(): string[] {
    return this.pages[this.pages.length - 1]!;
  }

  private ensure(height: number): boolean {
    if (this.y - height >= this.margin + 16) return false;
    this.pages.push([]);
    this.y = this.size.height - this.margin;
    return true;
  }

  centred(text: string, size: number, bold = false): this {
    this.ensure(size + 4);
    this.y -= size;
    const x = Math.max(this.margin, (this.size.width - approximateWidth(text, size)) / 2);
    this.current.push(textAt(text, x, this.y, size, bold));
    this.y -= 4;
    return this;
  }

  heading(text: string, size = 11): this {
    this.ensure(size + 24);
    this.y -= 10 + size;
    this.current.push(textAt(text, this.margin, this.y, size, true));
    this.y -= 4;
    return this;
  }

  paragraph(text: string, size = 9): this {
    for (const line of wrap(text, this.width, size)) {
      this.ensure(size + 3);
      this.y -= size + 3;
      this.current.push(textAt(line, this.margin, this.y, size));
    }
    return this;
  }

  /** Label and value rows, the labels in a fixed column. */
  fields(rows: readonly (readonly [string, string])[], size = 9, labelWidth = 150): this {
    for (const [label, value] of rows) {
      const lines = wrap(value, this.width - labelWidth, size);
      this.ensure(lines.length * (size + 3));
      this.current.push(textAt(label, this.margin, this.y - size - 3, size));
      for (const line of lines) {
        this.y -= size + 3;
        this.current.push(textAt(`: ${line}`, this.margin + labelWidth, this.y, size));
      }
    }
    return this;
  }

  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8): this {
    const widths = columns.map((column) => column.share * this.width);
    const lineHeight = size + 3;
    const drawRow = (cells: readonly string[], bold: boolean) => {
      const wrapped = cells.map((cell, index) => wrap(cell, widths[index]! - 6, size));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 6;
      const top = this.y;
      let x = this.margin;
      for (const [index, lines] of wrapped.entries()) {
        lines.forEach((line, row) => this.current.push(textAt(line, x + 3, top - 3 - (row + 1) * lineHeight + 2, size, bold)));
        this.current.push(`${x.toFixed(1)} ${(top - height).toFixed(1)} ${widths[index]!.toFixed(1)} ${height.toFixed(1)} re S`);
        x += widths[index]!;
      }
      this.y -= height;
    };
    const header = columns.map((column) => column.header);
    const heightOf = (cells: readonly string[]) => Math.max(...cells.map((cell, i) => wrap(cell, widths[i]! - 6, size).length)) * lineHeight + 6;
    this.ensure(heightOf(header) + 4);
    this.y -= 4;
    this.current.push('0.5 w');
    drawRow(header, true);
    for (const row of rows) {
      if (this.ensure(heightOf(row))) {
        this.current.push('0.5 w');
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    return this;
  }

  /** Signature blocks side by side: a role line, room to sign, then the name and NIP. */
  signatures(blocks: readonly { place: string; role: string; name: string; nip: string }[], size = 9): this {
    this.ensure(110);
    this.y -= 24;
    const columnWidth = this.width / blocks.length;
    blocks.forEach((block, index) => {
      const x = this.margin + index * columnWidth;
      this.current.push(textAt(block.place, x, this.y, size));
      this.current.push(textAt(block.role, x, this.y - 12, size, true));
      this.current.push(textAt(block.name, x, this.y - 72, size, true));
      this.current.push(textAt(`NIP ${block.nip}`, x, this.y - 84, size));
    });
    this.y -= 96;
    return this;
  }

  /** The content streams, each page with its footer. */
  contents(): string[] {
    return this.pages.map((page, index) => [...page, textAt(this.footer(index + 1), this.margin, this.margin - 16, 8)].join('\n'));
  }
}
