/// <reference types="vite/client" />
/**
 * The console's languages: English and Simplified Chinese, through i18next. Every screen keeps its
 * strings in its own namespace, one JSON file per language under `locales/<lang>/<namespace>.json`
 * (`useTranslation('<namespace>')`), so screens are translated without touching each other. A key
 * missing in Chinese falls back to English; a test checks both files of a namespace hold the same keys.
 *
 * Which language (issue 17): the one chosen in this browser (the switcher, `remitd.language`), else
 * for a member its customer's locale (from the session), else the browser's language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, mod] of Object.entries(files)) {
  const [, lang, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!;
  (resources[lang] ??= {})[ns] = mod.default;
}

const STORED = 'remitd.language';

/** "zh-CN", "zh-Hans", "zh" → zh; anything else → en */
export function toLanguage(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** the language chosen in this browser with the switcher, if any */
export function storedLanguage(): Language | null {
  const stored = localStorage.getItem(STORED);
  return stored ? toLanguage(stored) : null;
}

const htmlLang = (lang: string) => (lang === 'zh' ? 'zh-CN' : 'en');
// <html lang> follows the language, so screen readers and fonts pick the right one
i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = htmlLang(lang);
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? toLanguage(navigator.language),
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = htmlLang(i18n.language);

/** switch the console's language (and remember it in this browser) */
export function setLanguage(lang: Language): void {
  localStorage.setItem(STORED, lang);
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = htmlLang(lang);
}

/** a member's customer locale applies unless this browser chose a language */
export function applyCustomerLocale(locale: string | null | undefined): void {
  if (!locale || storedLanguage()) return;
  const lang = toLanguage(locale);
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

/** the BCP 47 tag Intl formats money and dates with for the console's language */
export function intlLocale(): string {
  return i18n.language === 'zh' ? 'zh-CN' : 'en-US';
}

export { i18n };
