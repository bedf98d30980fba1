/**
 * The console's translations: every namespace exists in English and Chinese with the same keys,
 * and the same {{placeholders}} in each string, so no screen shows a raw key or loses a value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LOCALES = path.join(__dirname, '..', 'apps', 'console', 'src', 'i18n', 'locales');

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object')
      for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const load = (lang: string, file: string) =>
  flatten(JSON.parse(readFileSync(path.join(LOCALES, lang, file), 'utf8')) as Record<string, unknown>);

describe('console translations', () => {
  const en = readdirSync(path.join(LOCALES, 'en')).sort();
  const zh = readdirSync(path.join(LOCALES, 'zh')).sort();

  it('has the same namespaces in English and Chinese', () => {
    expect(zh).toEqual(en);
    expect(en).toContain('common.json');
  });

  it.each(en)('%s: the same keys and placeholders in both languages, none empty', (file) => {
    const a = load('en', file);
    const b = load('zh', file);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, text] of a) {
      expect({ key, en: text.trim().length > 0, zh: (b.get(key) ?? '').trim().length > 0 }).toEqual({
        key,
        en: true,
        zh: true,
      });
      // i18next plural forms (_one/_other) may differ in wording, never in the values they show
      expect({ key, placeholders: placeholders(b.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(text) });
    }
  });
});
