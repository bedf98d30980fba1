// Prints the text of a PDF (path in argv[2]) as JSON, one string per page, through Mozilla's
// pdf.js: embedded CID fonts with ToUnicode maps included. Run as its own process (pdf.js is ESM).
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
}
process.stdout.write(JSON.stringify(pages));
