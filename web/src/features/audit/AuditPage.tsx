/** The audit trail: filtered, paged newest first, and the chain check. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi, organisationsApi, type AuditFilter } from '../../api/admin.ts';
import type { AuditEntry } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Page } from '../../ui/Page.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const organisations = useLoad(() => organisationsApi.list(), []);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const { run, busy, error } = useAction();

  const load = useCallback(
    (before: number | null) =>
      run(async () => {
        const page = await auditApi.list(filter, before);
        setEntries((previous) => (before === null ? page.items : [...(previous ?? []), ...page.items]));
        setNextBefore(page.nextBefore);
      }),
    [filter, run],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const orgs = organisations.data?.items ?? [];
  return (
    <Page title={t('audit.title')} actions={<VerifyChain />}>
      <AuditFilters organisations={orgs} onApply={setFilter} />
      <ErrorAlert error={error ?? organisations.error} />
      {entries ? <AuditTable entries={entries} organisations={orgs} /> : null}
      {nextBefore !== null ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void load(nextBefore)}>
          {t('audit.loadMore')}
        </button>
      ) : null}
    </Page>
  );
}
