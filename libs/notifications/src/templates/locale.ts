import { formatMoney } from '../money-format';

/**
 * The languages customer messages are written in (issue 17): the customer's locale, stored with
 * each outbox row when it is queued. Every template renders both; anything else reads as English.
 */
export const MESSAGE_LANGUAGES = ['en', 'zh'] as const;
export type Lang = (typeof MESSAGE_LANGUAGES)[number];

export const toLang = (locale: string | null | undefined): Lang => (locale === 'zh' ? 'zh' : 'en');

/** the BCP 47 tag Intl formats with */
export const intlLocaleOf = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/**
 * A payload date ('2026-03-05') as the reader's language writes it: English keeps the ISO date
 * (unambiguous across English-speaking countries), Chinese "2026年3月5日". The date is a calendar
 * day, so it is formatted in UTC to stay that day.
 */
export function formatDate(date: string, lang: Lang): string {
  if (lang === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return new Intl.DateTimeFormat(intlLocaleOf(lang), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** the salutation of every message */
export const greeting = (name: string, lang: Lang) => (lang === 'zh' ? `尊敬的 ${name}：` : `Dear ${name},`);

/** amounts of one currency as the reader's language groups them: '1,234.50 EUR' */
export const moneyIn =
  (currency: string, lang: Lang) =>
  (amount: string): string =>
    formatMoney(amount, currency, intlLocaleOf(lang));
