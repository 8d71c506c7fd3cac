/** Switches the interface between Azerbaijani and English. */
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n.ts';

const names = { az: 'Azərbaycanca', en: 'English' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('layout.language')} className="language-switch">
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-label={names[lng]}
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
