/**
 * A span of time as a person reads it in the console's language, through Intl only: "6 days,
 * 23 hours" in English, "6天23小时" in Chinese. The two largest non-zero units are shown (days and
 * hours, or hours and minutes); under a minute is "0 minutes".
 */
export function formatDuration(ms: number, locale: string): string {
  const minutesTotal = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts =
    days > 0
      ? [unit(days, 'day'), ...(hours > 0 ? [unit(hours, 'hour')] : [])]
      : hours > 0
        ? [unit(hours, 'hour'), ...(minutes > 0 ? [unit(minutes, 'minute')] : [])]
        : [unit(minutes, 'minute')];
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
}

/** a date and time in the console's language: "Dec 9, 2026, 1:00 AM" / "2026年12月9日 01:00" */
export const formatInstant = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
