/** Multi-factor status, and enrolment for users who have not set it up. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionState } from '../../session/SessionProvider.tsx';
import { Panel } from '../../ui/Page.tsx';
import { MfaEnrolment } from '../auth/MfaEnrolment.tsx';

export function MfaSection() {
  const { t } = useTranslation();
  const session = useSession();
  const { refresh } = useSessionState();
  const [enrolling, setEnrolling] = useState(false);

  const done = async () => {
    setEnrolling(false);
    await refresh();
  };

  return (
    <Panel title={t('mfa.title')}>
      <p>
        <span className={session.user.mfaEnabled ? 'status ok' : 'status warn'}>
          {session.user.mfaEnabled ? t('mfa.statusOn') : t('mfa.statusOff')}
        </span>
      </p>
      {enrolling ? <MfaEnrolment onDone={done} /> : null}
      {!session.user.mfaEnabled && !enrolling ? (
        <button type="button" onClick={() => setEnrolling(true)}>
          {t('mfa.enrolTitle')}
        </button>
      ) : null}
    </Panel>
  );
}
