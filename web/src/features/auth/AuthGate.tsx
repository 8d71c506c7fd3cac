/** Shows the sign-in step the session still needs, and the app once none is left. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionState } from '../../session/SessionProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { LoginForm } from './LoginForm.tsx';
import { MfaStep } from './MfaStep.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { MfaEnrolment } from './MfaEnrolment.tsx';

export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, setSession, refresh, logout } = useSessionState();
  if (session === undefined) return <p className="splash">{t('common.loading')}</p>;
  if (session === null) {
    return (
      <AuthFrame title={t('login.title')}>
        <LoginForm onSignedIn={setSession} />
      </AuthFrame>
    );
  }
  const cancel = (
    <button type="button" className="link" onClick={() => void logout()}>
      {t('login.cancel')}
    </button>
  );
  switch (session.pending) {
    case 'mfa':
      return (
        <AuthFrame title={t('mfa.stepTitle')} footer={cancel}>
          <MfaStep onVerified={setSession} />
        </AuthFrame>
      );
    case 'password_change':
      return (
        <AuthFrame title={t('password.forcedTitle')} footer={cancel}>
          <p>{t('password.forcedIntro')}</p>
          <PasswordChangeForm onChanged={setSession} />
        </AuthFrame>
      );
    case 'mfa_enrolment':
      return (
        <AuthFrame title={t('mfa.enrolTitle')} footer={cancel}>
          <p>{t('mfa.requiredIntro')}</p>
          <MfaEnrolment onDone={refresh} />
        </AuthFrame>
      );
    default:
      return <>{children}</>;
  }
}
