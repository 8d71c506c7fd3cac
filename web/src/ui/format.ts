/** Formatting of values shown in tables. */
import type { Bilingual } from '../api/types.ts';
import { currentLanguage } from '../i18n.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A local date and time as "2026-11-25 13:20": unambiguous in both languages, and browsers'
 * Azerbaijani locale data is often missing.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The text of a bilingual name in the current language. */
export function localised(name: Bilingual): string {
  return name[currentLanguage()] || name.az;
}
