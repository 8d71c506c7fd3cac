/** Locale-aware formatting of values shown in tables. */
import type { Bilingual } from '../api/types.ts';
import { currentLanguage } from '../i18n.ts';

const locales = { az: 'az-Latn-AZ', en: 'en-GB' } as const;

/** A date and time in the current language, or an empty string. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The text of a bilingual name in the current language. */
export function localised(name: Bilingual): string {
  return name[currentLanguage()] || name.az;
}
