/** My account: multi-factor sign-in, password, API tokens and sessions. */
import { useTranslation } from 'react-i18next';
import { useSession, useSessionState } from '../../session/SessionProvider.tsx';
import { Page, Panel } from '../../ui/Page.tsx';
import { PasswordChangeForm } from '../auth/PasswordChangeForm.tsx';
import { MfaSection } from './MfaSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { setSession } = useSessionState();
  return (
    <Page title={t('account.title')}>
      <p className="lead">
        {session.user.displayName} ({session.user.username}){session.user.email ? ` · ${session.user.email}` : ''}
      </p>
      <MfaSection />
      <Panel title={t('password.title')}>
        <PasswordChangeForm onChanged={setSession} />
      </Panel>
      <TokensSection />
      <SessionsSection />
    </Page>
  );
}
