/** i18next set-up: Azerbaijani by default, the choice kept in localStorage and mirrored in <html lang>. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import az from '../i18n/az.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };

// Each domain module keeps its texts in i18n/<module>/{az,en}.json, under the key <module>.
const moduleTexts = import.meta.glob<{ default: Record<string, unknown> }>('../i18n/*/*.json', { eager: true });

function withModules(base: Record<string, unknown>, language: string): Record<string, unknown> {
  const merged = { ...base };
  for (const [file, texts] of Object.entries(moduleTexts)) {
    const [, module, lang] = /i18n\/([\w-]+)\/(\w+)\.json$/.exec(file) ?? [];
    if (lang === language) merged[module] = texts.default;
  }
  return merged;
}

export const languages = ['az', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'qalxan.language';

function storedLanguage(): Language {
  const value = localStorage.getItem(storageKey);
  return value === 'en' ? 'en' : 'az';
}

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng;
});

await i18n.use(initReactI18next).init({
  resources: { az: { translation: withModules(az, 'az') }, en: { translation: withModules(en, 'en') } },
  lng: storedLanguage(),
  fallbackLng: 'az',
  interpolation: { escapeValue: false },
});

/** The current language, narrowed to the ones the app ships. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'az';
}

export default i18n;
