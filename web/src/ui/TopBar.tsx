/** The top bar: product name, the signed-in user and organisation, language and sign-out. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionState } from '../session/SessionProvider.tsx';
import { localised } from './format.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function TopBar() {
  const { t } = useTranslation();
  const session = useSession();
  const { logout } = useSessionState();
  const organisation = session.memberships[0];
  return (
    <header className="top-bar">
      <Link className="brand" to="/">
        <span aria-hidden="true" className="brand-mark" />
        Qalxan
      </Link>
      <span className="tagline">{t('layout.tagline')}</span>
      <div className="top-bar-end">
        <div className="who">
          <span className="who-name">{session.user.displayName}</span>
          {organisation ? (
            <span className="who-org" title={localised(organisation.organisationName)}>
              {organisation.acronym} · {t(`roles.${organisation.role}`)}
              {session.memberships.length > 1 ? ` +${session.memberships.length - 1}` : ''}
            </span>
          ) : null}
        </div>
        <LanguageSwitch />
        <button type="button" className="secondary" onClick={() => void logout()}>
          {t('layout.logout')}
        </button>
      </div>
    </header>
  );
}
