/** Changing one's password: forced at first sign-in, and offered in My account. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import type { Session } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/hooks.ts';

export function PasswordChangeForm({ onChanged }: { onChanged: (session: Session) => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(next !== repeat);
    setChanged(false);
    if (next !== repeat) return;
    void run(async () => {
      const session = await authApi.changePassword(current, next);
      for (const clear of [setCurrent, setNext, setRepeat]) clear('');
      setChanged(true);
      onChanged(session);
    });
  };

  return (
    <form onSubmit={submit} className="stack">
      {mismatch ? (
        <div role="alert" className="alert">
          {t('password.mismatch')}
        </div>
      ) : (
        <ErrorAlert error={error} />
      )}
      {changed ? (
        <p role="status" className="status ok">
          {t('password.changed')}
        </p>
      ) : null}
      <Field label={t('password.current')}>
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field label={t('password.new')} hint={t('password.rules')}>
        <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field label={t('password.repeat')}>
        <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
