/** The side navigation: every module, then administration, account and audit as the user may use them. */
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionProvider.tsx';
import { canAdminister, canReadAudit } from '../session/permissions.ts';
import { moduleKeys } from './modules.ts';

function NavGroup({ title, links }: { title: string; links: { to: string; label: string }[] }) {
  return (
    <li>
      <span className="nav-group">{title}</span>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to}>{link.label}</NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function SideNav() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = [{ to: '/admin/organisations', label: t('nav.organisations') }];
  if (canAdminister(session)) admin.push({ to: '/admin/users', label: t('nav.users') });
  const account = [{ to: '/account', label: t('nav.account') }];
  if (canReadAudit(session)) account.push({ to: '/audit', label: t('nav.audit') });
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        <NavGroup title={t('nav.modules')} links={moduleKeys.map((key) => ({ to: `/${key}`, label: t(`modules.${key}.name`) }))} />
        <NavGroup title={t('nav.administration')} links={admin} />
        <NavGroup title={t('nav.you')} links={account} />
      </ul>
    </nav>
  );
}
