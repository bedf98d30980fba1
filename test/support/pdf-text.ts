import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

// Windows-1252 bytes 0x80–0x9F (WinAnsiEncoding of the standard PDF fonts); the rest is Latin-1
const WIN_ANSI_80: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI_80[b] ?? String.fromCharCode(b)).join('');

function literal(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const n = s[++i];
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) out.push(esc[n]);
    else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out.push(parseInt(oct, 8));
      i += oct.length - 1;
    }
  }
  return Buffer.from(out);
}

/**
 * The text of a PDF written with the standard fonts (as pdfkit writes them), one entry per
 * text-showing operator (Tj / TJ), in content order. Flate streams are inflated with Node's
 * zlib: no external tools.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const runs: string[] = [];
  const streamRe = /<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>|<[^<>]*>)*)>>\s*stream\r?\n/g;
  for (let m; (m = streamRe.exec(raw));) {
    const dict = m[1];
    const start = m.index + m[0].length;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const end = length ? start + Number(length[1]) : raw.indexOf('endstream', start);
    let body = pdf.subarray(start, end);
    if (/\/Filter\s*\/FlateDecode/.test(dict)) {
      try {
        body = inflateSync(body);
      } catch {
        continue; // not content (e.g. an image we cannot read): skip
      }
    }
    const content = body.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    const opRe =
      /\[((?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|[-+\d.\s])*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g;
    for (let o; (o = opRe.exec(content));) {
      if (o[1] !== undefined) {
        const parts = [...o[1].matchAll(/<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((p) =>
          p[1] !== undefined ? winAnsi(Buffer.from(p[1].replace(/\s+/g, ''), 'hex')) : winAnsi(literal(p[2])),
        );
        runs.push(parts.join(''));
      } else if (o[2] !== undefined) runs.push(winAnsi(Buffer.from(o[2].replace(/\s+/g, ''), 'hex')));
      else runs.push(winAnsi(literal(o[3])));
    }
    streamRe.lastIndex = end;
  }
  return runs;
}

/** All text of the PDF as one string, white space collapsed (wrapped lines read as one sentence). */
export function pdfText(pdf: Buffer): string {
  return pdfTextRuns(pdf).join(' ').replace(/\s+/g, ' ').trim();
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

/**
 * The text of a PDF whose fonts are embedded (CID fonts with ToUnicode maps), through pdf.js in
 * a process of its own: one string per page.
 */
export function pdfUnicodeText(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'remitd-pdf-'));
  const file = path.join(dir, 'bill.pdf');
  writeFileSync(file, pdf);
  try {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'pdf-unicode-text.mjs'), file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** supertest leaves unknown content types (a PDF) unparsed: `.buffer(true).parse(binaryBody)` collects the raw bytes */
export const binaryBody = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
