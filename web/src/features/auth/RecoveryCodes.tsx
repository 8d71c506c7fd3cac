/** The ten recovery codes, shown once after enrolment until the user confirms they are saved. */
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton.tsx';

export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <div className="notice" role="status">
        <strong>{t('mfa.enabled')}</strong>
        <p>{t('mfa.recoveryIntro')}</p>
      </div>
      <ol className="recovery-codes" aria-label={t('mfa.recoveryCodes')}>
        {codes.map((code) => (
          <li key={code} className="mono">
            {code}
          </li>
        ))}
      </ol>
      <CopyButton text={codes.join('\n')} />
      <button type="button" onClick={() => void onSaved()}>
        {t('mfa.saved')}
      </button>
    </div>
  );
}
