import { readFileSync } from 'node:fs';

type Doc = PDFKit.PDFDocument;

const STANDARD = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
const UNICODE = { regular: 'NotoSans', bold: 'NotoSans-Bold' };
const CJK_FONT: Record<string, string> = { NotoSans: 'NotoSansSC', 'NotoSans-Bold': 'NotoSansSC-Bold' };
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{2fa1f}]/u;

/**
 * Noto Sans (Latin, Latin Extended, Greek, Cyrillic, Vietnamese) and Noto Sans SC (CJK), OFL,
 * from npm packages: embedded, subset to the glyphs a document uses, only in documents whose text
 * the standard fonts cannot show, so a customer named 阿里云计算有限公司 or a line in Łódź prints
 * intact while other documents keep the lighter Helvetica file. A string with CJK characters is
 * set in Noto Sans SC, any other in Noto Sans. Read once per process.
 */
let unicodeFontFiles: Record<string, Buffer> | null = null;
function unicodeFonts(): Record<string, Buffer> {
  const file = (pkg: string, face: string, weight: string) =>
    readFileSync(require.resolve(`@expo-google-fonts/${pkg}/${weight}/${face}_${weight}.ttf`));
  return (unicodeFontFiles ??= {
    NotoSans: file('noto-sans', 'NotoSans', '400Regular'),
    'NotoSans-Bold': file('noto-sans', 'NotoSans', '700Bold'),
    NotoSansSC: file('noto-sans-sc', 'NotoSansSC', '400Regular'),
    'NotoSansSC-Bold': file('noto-sans-sc', 'NotoSansSC', '700Bold'),
  });
}

// The standard PDF fonts only have the Windows-1252 repertoire: Latin-1 plus these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
// letters without a canonical decomposition, and typographic dashes and spaces
const FALLBACK: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  '‐': '-',
  '‑': '-',
  '‒': '–',
  '−': '-',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Text the built-in fonts can show: characters outside Windows-1252 lose their accents when
 * that makes them representable ("ő" → "o") and become "?" otherwise, instead of printing
 * the wrong glyphs.
 */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += ' ';
    else if (c <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (FALLBACK[ch]) out += FALLBACK[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((b) => b.codePointAt(0)! >= 0x20 && b.codePointAt(0)! <= 0xff) ? base : '?';
    }
  }
  return out;
}

/** Whether any of this text is outside what the standard fonts show (Windows-1252). */
export function needsUnicodeText(s: string): boolean {
  return pdfText(s) !== s;
}

/** How a string is shown: control characters blanked; the Windows-1252 fallback without the embedded fonts. */
export function pdfShow(unicode: boolean): (s: string) => string {
  return unicode ? (t) => t.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ') : pdfText;
}

/** The fonts of one document: which to name for regular and bold text, and how to set a string. */
export interface PdfFonts {
  unicode: boolean;
  regular: string;
  bold: string;
  /** the string as it can be shown (control characters blanked; Windows-1252 fallback without the embedded fonts) */
  show(s: string): string;
  /** the font to set this string in: the CJK face of `font` when the string holds CJK characters */
  face(font: string, s: string): string;
}

/**
 * Chooses a document's fonts once: the embedded Noto fonts (registered on `doc`) when `unicode`,
 * the standard fonts otherwise. Every PDF remitd renders goes through here.
 */
export function pdfFonts(doc: Doc, unicode: boolean): PdfFonts {
  if (unicode) for (const [name, file] of Object.entries(unicodeFonts())) doc.registerFont(name, file);
  const { regular, bold } = unicode ? UNICODE : STANDARD;
  return {
    unicode,
    regular,
    bold,
    show: pdfShow(unicode),
    face: (font, s) => (unicode && CJK.test(s) ? (CJK_FONT[font] ?? font) : font),
  };
}
