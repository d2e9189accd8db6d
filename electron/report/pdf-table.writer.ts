// A small top-to-bottom layout helper over pdf-lib for text reports: headings, label/value rows and
// tables, adding A4 pages as the content grows. Standard PDF fonts keep the file a few KB (no embedding)
// but only cover WinAnsi (Latin-1 plus a few signs: æøå yes, "→" or emoji no), so every text is filtered to
// what the font can draw instead of letting pdf-lib throw on a shop's odd payment type name.
import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface Column {
  header: string;
  /** Width in points. */
  width: number;
  align: 'left' | 'right';
}

const MARGIN = 50;
const BODY_SIZE = 9.5;
const LINE = 14;
const FOOTER_ROOM = 40;
const GREY = rgb(0.4, 0.4, 0.4);
/** Space kept after each column, so right-aligned figures of tables and label/value rows line up. */
const GAP = 6;

export class PdfTableWriter {
  private page: PDFPage;
  private y: number;
  private readonly pages: PDFPage[] = [];
  private readonly drawable: Set<number>;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.drawable = new Set(font.getCharacterSet());
    this.page = this.newPage();
    this.y = this.page.getHeight() - MARGIN;
  }

  static async create(): Promise<PdfTableWriter> {
    // updateMetadata: false, so no "now" timestamps sneak in: the caller sets dates from the report and the
    // same report always renders to the same bytes.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new PdfTableWriter(doc, font, bold);
  }

  get document(): PDFDocument {
    return this.doc;
  }

  /** Usable width between the margins. */
  get width(): number {
    return this.page.getWidth() - 2 * MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PageSizes.A4);
    this.pages.push(page);
    return page;
  }

  private ensureRoom(height: number): void {
    if (this.y - height >= MARGIN + FOOTER_ROOM) return;
    this.page = this.newPage();
    this.y = this.page.getHeight() - MARGIN;
  }

  /** Replaces what the standard font cannot draw (and control characters) so drawing never throws. */
  private safe(text: string): string {
    let out = '';
    for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
      out += this.drawable.has(ch.codePointAt(0) ?? 0) ? ch : '?';
    }
    return out;
  }

  /** Cuts a text to fit a width, ending in "…" (which WinAnsi has) when cut. */
  private fit(text: string, width: number, font: PDFFont, size: number): string {
    const clean = this.safe(text);
    if (font.widthOfTextAtSize(clean, size) <= width) return clean;
    let kept = clean;
    while (kept.length > 0 && font.widthOfTextAtSize(`${kept}…`, size) > width) kept = kept.slice(0, -1);
    return `${kept}…`;
  }

  private draw(text: string, x: number, opts: { size?: number; bold?: boolean; width?: number; align?: 'left' | 'right'; grey?: boolean } = {}): void {
    const size = opts.size ?? BODY_SIZE;
    const font = opts.bold ? this.bold : this.font;
    const width = opts.width ?? this.width;
    const fitted = this.fit(text, width, font, size);
    const dx = opts.align === 'right' ? width - font.widthOfTextAtSize(fitted, size) : 0;
    this.page.drawText(fitted, { x: x + dx, y: this.y, size, font, color: opts.grey ? GREY : rgb(0, 0, 0) });
  }

  /** The title, then grey lines under it (the shop: name, address, CVR), each only when given. */
  title(text: string, ...subtitles: Array<string | undefined>): void {
    this.draw(text, MARGIN, { size: 18, bold: true });
    this.y -= 22;
    for (const subtitle of subtitles) {
      if (!subtitle) continue;
      this.draw(subtitle, MARGIN, { size: 11, grey: true });
      this.y -= 16;
    }
    this.y -= 6;
  }

  heading(text: string): void {
    this.ensureRoom(LINE * 3);
    this.y -= 8;
    this.draw(text, MARGIN, { size: 12, bold: true });
    this.y -= 4;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + this.width, y: this.y },
      thickness: 0.5,
      color: GREY,
    });
    this.y -= LINE;
  }

  paragraph(text: string): void {
    this.ensureRoom(LINE);
    this.draw(text, MARGIN, { grey: true });
    this.y -= LINE;
  }

  /** Label left, value right-aligned in a column of `valueWidth` after a label column. */
  keyValues(rows: ReadonlyArray<{ label: string; value: string; bold?: boolean }>, labelWidth = 220, valueWidth = 120): void {
    for (const row of rows) {
      this.ensureRoom(LINE);
      this.draw(row.label, MARGIN, { width: labelWidth, bold: row.bold });
      this.draw(row.value, MARGIN + labelWidth, { width: valueWidth - GAP, align: 'right', bold: row.bold });
      this.y -= LINE;
    }
  }

  /** A table with a bold header; rows marked `bold` (totals) are drawn bold. Repeats the header on a new page. */
  table(columns: readonly Column[], rows: ReadonlyArray<{ cells: readonly string[]; bold?: boolean }>): void {
    const drawRow = (cells: readonly string[], bold: boolean) => {
      let x = MARGIN;
      columns.forEach((c, i) => {
        this.draw(cells[i] ?? '', x, { width: c.width - GAP, align: c.align, bold });
        x += c.width;
      });
      this.y -= LINE;
    };
    this.ensureRoom(LINE * 2);
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) {
      if (this.y - LINE < MARGIN + FOOTER_ROOM) {
        this.ensureRoom(LINE * 2);
        drawRow(columns.map((c) => c.header), true);
      }
      drawRow(row.cells, row.bold ?? false);
    }
  }

  /** Draws "page n of m"-style footers once the page count is known. */
  footers(text: (page: number, of: number) => string, left: string): void {
    this.pages.forEach((page, i) => {
      const label = this.safe(text(i + 1, this.pages.length));
      const size = 8;
      page.drawText(this.safe(left), { x: MARGIN, y: MARGIN - 10, size, font: this.font, color: GREY });
      const w = this.font.widthOfTextAtSize(label, size);
      page.drawText(label, { x: page.getWidth() - MARGIN - w, y: MARGIN - 10, size, font: this.font, color: GREY });
    });
  }
}
