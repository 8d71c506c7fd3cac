/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import type { Session } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/hooks.ts';

export function MfaStep({ onVerified }: { onVerified: (session: Session) => void }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const { run, busy, error, clearError } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const proof = useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') };
    void run(async () => onVerified(await authApi.mfa(proof)));
  };

  const toggle = () => {
    setUseRecovery(!useRecovery);
    setValue('');
    clearError();
  };

  return (
    <form onSubmit={submit} className="stack">
      <ErrorAlert error={error} />
      {useRecovery ? (
        <Field label={t('mfa.recoveryCode')}>
          <input name="recoveryCode" autoComplete="off" required autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
      ) : (
        <Field label={t('mfa.code')} hint={t('mfa.codeHint')}>
          <input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
      )}
      <button type="submit" disabled={busy}>
        {t('mfa.verify')}
      </button>
      <button type="button" className="link" onClick={toggle}>
        {useRecovery ? t('mfa.useApp') : t('mfa.useRecovery')}
      </button>
    </form>
  );
}
