/** User name and password: the first sign-in step. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import type { Session } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/hooks.ts';

export function LoginForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onSignedIn(await authApi.login(username.trim(), password)));
  };

  return (
    <form onSubmit={submit} className="stack">
      <ErrorAlert error={error} />
      <Field label={t('login.username')}>
        <input name="username" autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
      </Field>
      <Field label={t('login.password')}>
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
