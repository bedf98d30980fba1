import type { Lang } from './locale';
import type { PayloadReader } from './payload-reader';

/**
 * Every template renders into one content model, and both bodies are produced from it, so the
 * plain-text and HTML versions of a message always carry the same facts. Every value reaches the
 * HTML through escapeHtml; nothing is concatenated into markup unescaped.
 */

export interface RenderedTemplate {
  subject: string;
  text: string;
  html: string;
}

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'kv'; rows: ReadonlyArray<readonly [string, string]> }
  | { kind: 'table'; head: readonly string[]; rows: ReadonlyArray<readonly string[]>; numeric: readonly number[] }
  | { kind: 'ul'; items: readonly string[] };

export interface Document {
  subject: string;
  greeting: string;
  blocks: Block[];
}

/**
 * read() fills bad fields with placeholders and carries on, so one error can list every problem;
 * render() only ever sees a payload that read cleanly.
 */
export interface TemplateDef<P> {
  read(r: PayloadReader): P;
  render(p: P, lang: Lang): Document;
}

const FOOTER: Record<Lang, string> = {
  en: 'This message was sent automatically. Please do not reply to it; contact our support team if you have any questions.',
  zh: '此邮件由系统自动发送，请勿直接回复；如有任何疑问，请联系我们的客服团队。',
};

export function renderDocument(doc: Document, lang: Lang = 'en'): RenderedTemplate {
  const subject = singleLine(doc.subject);
  return { subject, text: renderText(doc, lang), html: renderHtml(subject, doc, lang) };
}

function renderText(doc: Document, lang: Lang): string {
  const parts: string[] = [doc.greeting];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'p':
        parts.push(block.text);
        break;
      case 'h':
        parts.push(`${block.text}\n${'-'.repeat(block.text.length)}`);
        break;
      case 'kv': {
        const width = Math.max(...block.rows.map(([label]) => label.length)) + 2;
        parts.push(block.rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n'));
        break;
      }
      case 'table': {
        const all = [block.head, ...block.rows];
        const widths = block.head.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
        const line = (row: readonly string[]) =>
          row
            .map((cell, c) => (block.numeric.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
            .join('  ')
            .trimEnd();
        parts.push([line(block.head), widths.map((w) => '-'.repeat(w)).join('  '), ...block.rows.map(line)].join('\n'));
        break;
      }
      case 'ul':
        parts.push(block.items.map((item) => `- ${item}`).join('\n'));
        break;
    }
  }
  parts.push(`--\n${FOOTER[lang]}`);
  return `${parts.join('\n\n')}\n`;
}

const CELL = 'padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;vertical-align:top;';

function renderHtml(subject: string, doc: Document, lang: Lang): string {
  const e = escapeHtml;
  const body: string[] = [`<p style="margin:0 0 16px;">${e(doc.greeting)}</p>`];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'p':
        body.push(`<p style="margin:0 0 16px;">${e(block.text)}</p>`);
        break;
      case 'h':
        body.push(`<h2 style="margin:24px 0 8px;font-size:16px;">${e(block.text)}</h2>`);
        break;
      case 'kv':
        body.push(
          `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;">${block.rows
            .map(
              ([label, value]) =>
                `<tr><th scope="row" style="${CELL}text-align:left;font-weight:normal;color:#57606a;">${e(label)}</th>` +
                `<td style="${CELL}font-weight:bold;">${e(value)}</td></tr>`,
            )
            .join('')}</table>`,
        );
        break;
      case 'table': {
        const align = (c: number) => (block.numeric.includes(c) ? 'text-align:right;' : 'text-align:left;');
        const head = block.head.map((h, c) => `<th style="${CELL}${align(c)}">${e(h)}</th>`).join('');
        const rows = block.rows
          .map((row) => `<tr>${row.map((cell, c) => `<td style="${CELL}${align(c)}">${e(cell)}</td>`).join('')}</tr>`)
          .join('');
        body.push(
          `<table style="border-collapse:collapse;margin:0 0 16px;"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
        );
        break;
      }
      case 'ul':
        body.push(
          `<ul style="margin:0 0 16px;padding-left:20px;">${block.items.map((item) => `<li style="margin:0 0 6px;">${e(item)}</li>`).join('')}</ul>`,
        );
        break;
    }
  }
  return (
    `<!DOCTYPE html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${e(subject)}</title></head>\n` +
    '<body style="margin:0;padding:0;background:#f6f8fa;">' +
    '<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;">\n' +
    body.join('\n') +
    `\n<p style="margin:24px 0 0;font-size:12px;color:#57606a;">${e(FOOTER[lang])}</p>` +
    '</div></body></html>\n'
  );
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Groups an IBAN in blocks of four: 'DE89370400440532013000' -> 'DE89 3704 0044 0532 0130 00'. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/** The IBAN without spaces, upper-cased, if it has an IBAN's shape and passes the mod-97 check. */
export function normalizeIban(raw: string): string | null {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1 ? iban : null;
}

function singleLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
