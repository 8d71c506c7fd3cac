/** The landing page: who you are here, and the modules of the platform with their state. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { Page, Panel } from '../../ui/Page.tsx';
import { localised } from '../../ui/format.ts';
import { moduleKeys } from '../../ui/modules.ts';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Page title={t('home.title', { name: session.user.displayName })}>
      <Panel title={t('home.memberships')}>
        {session.memberships.length === 0 ? (
          <p>{session.isPlatformAdmin ? t('home.platformAdmin') : t('home.noMemberships')}</p>
        ) : (
          <ul className="plain-list">
            {session.memberships.map((m) => (
              <li key={m.organisationId}>
                <strong>{m.acronym}</strong> — {localised(m.organisationName)} ({t(`roles.${m.role}`)})
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title={t('nav.modules')}>
        <ul className="module-grid">
          {moduleKeys.map((key) => (
            <li key={key}>
              <Link to={`/${key}`}>{t(`modules.${key}.name`)}</Link>
              <p>{t(`modules.${key}.summary`)}</p>
              <span className="badge">{t('notAvailable.badge')}</span>
            </li>
          ))}
        </ul>
      </Panel>
    </Page>
  );
}
