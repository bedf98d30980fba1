/// <reference types="vite/client" />
/**
 * The console's languages: English and Simplified Chinese, through i18next. Every screen keeps its
 * strings in its own namespace, one JSON file per language under `locales/<lang>/<namespace>.json`
 * (`useTranslation('<namespace>')`), so screens are translated without touching each other. A key
 * missing in Chinese falls back to English; a test checks both files of a namespace hold the same keys.
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

void i18n.use(initReactI18next).init({
  resources,
  lng: toLanguage(localStorage.getItem(STORED) ?? navigator.language),
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** switch the console's language (and remember it in this browser) */
export function setLanguage(lang: Language): void {
  localStorage.setItem(STORED, lang);
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** the BCP 47 tag Intl formats money and dates with for the console's language */
export function intlLocale(): string {
  return i18n.language === 'zh' ? 'zh-CN' : 'en-US';
}

export { i18n };
