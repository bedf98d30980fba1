import PDFDocument from 'pdfkit';
import { pdfFonts, pdfShow } from './pdf-fonts';

type Doc = PDFKit.PDFDocument;
export type PdfTextOptions = PDFKit.Mixins.TextOptions & { font?: string; size?: number; color?: string };

// A4 in points, 20 mm side margins
export const PAGE = { width: 595.28, height: 841.89 };
export const M = { top: 56, bottom: 64, left: 56, right: 56 };
export const CONTENT = PAGE.width - M.left - M.right;
export const BOTTOM = PAGE.height - M.bottom;

export const INK = '#1b1f24';
export const MUTED = '#5f6b7a';
export const RULE = '#d5dae1';
export const TINT = '#f3f5f8';
export const ACCENT = '#1d3b63';

/** An exclusive (virtual) account as remitd's documents print it, to pay into. */
export interface PayableAccount {
  iban: string | null;
  accountNumber: string;
  bic: string | null;
  /** US ABA routing number, for ACH */
  routingNumber?: string | null;
  accountHolder: string;
  /** null when the collection account names no bank (the BIC identifies it) */
  bankName: string | null;
  currency: string;
}

/**
 * One A4 document of remitd (bills, payment instructions): its fonts chosen once (`pdfFonts`),
 * text and rule helpers in the house style, the running footer, and the bytes when it ends.
 */
export function openA4Pdf(opts: {
  unicode: boolean;
  compress?: boolean;
  lang: string;
  info: { Title: string; Author: string; Subject?: string };
  /** the default text size */
  size: number;
}) {
  const meta = pdfShow(opts.unicode);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: M,
    compress: opts.compress ?? true,
    bufferPages: true,
    lang: opts.lang,
    displayTitle: true,
    info: Object.fromEntries(Object.entries(opts.info).map(([k, v]) => [k, meta(v)])),
  });
  // the embedded font shows every character; the standard fonts get the Windows-1252 fallback
  const fonts = pdfFonts(doc, opts.unicode);
  const { regular, show, face } = fonts;
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (s: string, x: number, y: number, o: PdfTextOptions = {}) => {
    const { font = regular, size = opts.size, color = INK, ...rest } = o;
    doc
      .font(face(font, s))
      .fontSize(size)
      .fillColor(color)
      .text(show(s), x, y, { lineBreak: rest.width !== undefined, characterSpacing: 0, ...rest });
  };
  const height = (s: string, width: number, font = regular, size = opts.size) =>
    doc.font(face(font, s)).fontSize(size).heightOfString(show(s), { width });
  const rule = (y: number, color = RULE, x0 = M.left, x1 = PAGE.width - M.right, w = 0.6) =>
    doc.moveTo(x0, y).lineTo(x1, y).lineWidth(w).strokeColor(color).stroke();
  /** the footer on every page, then the end of the document */
  const finish = (footer: string, pageLabel: (n: number, of: number) => string): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // the footer lives in the bottom margin: no automatic page break
      rule(PAGE.height - 44, RULE);
      text(footer, M.left, PAGE.height - 36, { size: 7.5, color: MUTED, width: CONTENT - 90 });
      text(pageLabel(i - range.start + 1, range.count), PAGE.width - M.right - 90, PAGE.height - 36, {
        size: 7.5,
        color: MUTED,
        width: 90,
        align: 'right',
      });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  };
  return { doc, fonts, text, height, rule, finish };
}
