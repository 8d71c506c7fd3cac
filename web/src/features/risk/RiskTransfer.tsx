/**
 * Moving a register in and out of spreadsheets: export as CSV, XLSX or JSON, and import a file
 * (all or nothing) with the server's line-numbered report of every bad row.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/types.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction } from '../../ui/hooks.ts';
import { fileContent, fileFormats, formatOf, riskApi, type Level } from './api.ts';

/** The organisations whose register the user keeps (operators and administrators). */
export function keptOrganisations(session: Session) {
  const seen = new Set<string>();
  return session.memberships.filter((m) => (m.role === 'operator' || m.role === 'admin' || session.isPlatformAdmin) && !seen.has(m.organisationId) && seen.add(m.organisationId));
}

export function RiskExport({ level, organisationId }: { level: Level; organisationId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="risk-export" role="group" aria-label={t('risk.transfer.export')}>
      {fileFormats.map((format) => (
        <a key={format} className="button secondary small" href={riskApi.exportUrl(level, format, level === 'organisation' ? organisationId : undefined)} download>
          {t('risk.transfer.exportAs', { format: format.toUpperCase() })}
        </a>
      ))}
    </div>
  );
}

interface ImportProps {
  session: Session;
  onImported: () => void;
  onCancel: () => void;
}

export function RiskImport({ session, onImported, onCancel }: ImportProps) {
  const { t } = useTranslation();
  const organisations = keptOrganisations(session);
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const { run, busy, error } = useAction();
  const format = file ? formatOf(file.name) : null;
  const report = error instanceof ApiError && error.errors.length > 0 ? error.errors : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !format) return;
    setImported(null);
    void run(async () => {
      const result = await riskApi.importFile(organisationId, format, await fileContent(file, format));
      setImported(result.imported);
      onImported();
    });
  };

  return (
    <form onSubmit={submit} className="form-grid">
      {report ? (
        <div role="alert" className="alert">
          <strong>{t('risk.transfer.rejected', { count: report.length })}</strong>
          <table className="risk-report" aria-label={t('risk.transfer.report')}>
            <thead><tr><th scope="col">{t('risk.transfer.line')}</th><th scope="col">{t('risk.transfer.problem')}</th></tr></thead>
            <tbody>
              {report.map((problem) => (
                <tr key={`${problem.path}:${problem.message}`}><td>{problem.path.replace(/^line /, '')}</td><td>{problem.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <ErrorAlert error={error} />}
      {imported !== null ? <p role="status">{t('risk.transfer.imported', { count: imported })}</p> : null}
      <Field label={t('risk.organisation')}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {organisations.map((m) => <option key={m.organisationId} value={m.organisationId}>{m.acronym}</option>)}
        </select>
      </Field>
      <Field label={t('risk.transfer.file')} hint={t('risk.transfer.fileHint')}>
        <input type="file" required accept=".csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setImported(null); }} />
      </Field>
      {file && !format ? <p role="alert" className="alert">{t('risk.transfer.unknownFormat')}</p> : null}
      <FormActions busy={busy || !format} submit={t('risk.transfer.import')} onCancel={onCancel} />
    </form>
  );
}
