import { i18n, intlLocale } from '../i18n';

/** how long ago, as a person says it: "45 min", "5 h", "3 d" (中文: "45 分钟", "5 小时", "3 天") */
export function formatAge(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  const zh = i18n.language === 'zh';
  if (minutes < 60) return zh ? `${minutes} 分钟` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return zh ? `${hours} 小时` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return zh ? `${days} 天` : `${days} d`;
}

// English keeps the day-month-year order it always had; Chinese as Intl writes it for zh-CN
export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString(i18n.language === 'zh' ? intlLocale() : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
