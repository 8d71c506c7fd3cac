/** Checks the audit hash chain on the server and reports the result. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/admin.ts';
import type { AuditVerification } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/hooks.ts';

export function VerifyChain() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const { run, busy, error } = useAction();

  const verify = () => void run(async () => setResult(await auditApi.verify()));

  return (
    <div className="verify">
      <button type="button" onClick={verify} disabled={busy}>
        {t('audit.verify')}
      </button>
      <ErrorAlert error={error} />
      {result ? (
        <p role="status" className={result.ok ? 'status ok' : 'status bad'}>
          {result.ok
            ? t('audit.verifyOk', { count: result.checked })
            : t('audit.verifyBroken', { seq: result.firstBroken?.seq ?? '?', reason: result.firstBroken?.reason ?? '' })}
        </p>
      ) : null}
    </div>
  );
}
