/** The frame around the sign-in steps: product name, language switch and the step's card. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';

export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="auth-header">
        <span className="brand">
          <span aria-hidden="true" className="brand-mark" />
          Qalxan
        </span>
        <LanguageSwitch />
      </header>
      <main className="auth-card">
        <p className="auth-tagline">{t('layout.tagline')}</p>
        <h1>{title}</h1>
        {children}
        {footer ? <footer className="auth-footer">{footer}</footer> : null}
      </main>
    </div>
  );
}
