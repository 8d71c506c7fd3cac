/** Enrolling an authenticator app: QR code and secret, a code to prove it works, then recovery codes. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi, type Enrolment } from '../../api/auth.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/hooks.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

export function MfaEnrolment({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { run, busy, error } = useAction();
  const started = useRef(false);

  useEffect(() => {
    // Starting twice would replace the secret on the server; the ref survives StrictMode's re-run.
    if (started.current) return;
    started.current = true;
    void run(async () => setEnrolment(await authApi.startEnrolment()));
  }, [run]);

  const verify = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setRecoveryCodes((await authApi.verifyEnrolment(code.replace(/\s/g, ''))).recoveryCodes));
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onSaved={onDone} />;
  return (
    <div className="stack">
      <ErrorAlert error={error} />
      {enrolment ? (
        <>
          <ol className="steps">
            <li>{t('mfa.scan')}</li>
            <li>{t('mfa.enterCode')}</li>
          </ol>
          <img className="qr" src={enrolment.qrDataUrl} alt={t('mfa.qrAlt')} width={200} height={200} />
          <Field label={t('mfa.secret')} hint={t('mfa.secretHint')}>
            <input readOnly className="mono" value={enrolment.secret} onFocus={(e) => e.target.select()} />
          </Field>
          <form onSubmit={verify} className="stack">
            <Field label={t('mfa.code')}>
              <input inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
            </Field>
            <button type="submit" disabled={busy}>
              {t('mfa.verify')}
            </button>
          </form>
        </>
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </div>
  );
}
