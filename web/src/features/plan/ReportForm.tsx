/**
 * Submitting a progress report on one indicator stage of a measure, with evidence files; or
 * correcting one that still awaits the coordinator's decision (its evidence stays as submitted).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction } from '../../ui/hooks.ts';
import { planApi, readEvidence, stages, type Report, type Stage } from './api.ts';

const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  measureId: string;
  /** The user's agency that executes the measure, when they belong to several. */
  organisationId: string;
  /** The submitted report to correct; absent for a new report. */
  report?: Report;
  onSubmitted: () => void;
  onCancel: () => void;
}

export function ReportForm({ measureId, organisationId, report, onSubmitted, onCancel }: Props) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>(report?.stage ?? 'initial');
  const [stageStatus, setStageStatus] = useState<'in_progress' | 'achieved'>(report?.stageStatus ?? 'in_progress');
  const [textAz, setTextAz] = useState(report?.text.az ?? '');
  const [textEn, setTextEn] = useState(report?.text.en ?? '');
  const [percent, setPercent] = useState(String(report?.percent ?? 0));
  const [date, setDate] = useState(report?.date ?? today());
  const [files, setFiles] = useState<File[]>([]);
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const fields = { stage, stageStatus, text: { az: textAz.trim(), en: textEn.trim() }, percent: Number(percent), date };
      if (report) await planApi.update(report.id, fields);
      else await planApi.submit(measureId, { organisationId, ...fields, evidence: await Promise.all(files.map(readEvidence)) });
      onSubmitted();
    });
  };

  return (
    <form onSubmit={submit} className="form-grid" aria-label={t(report ? 'plan.report.editTitle' : 'plan.report.formTitle', { id: measureId })}>
      <ErrorAlert error={error} />
      <Field label={t('plan.report.stage')}>
        <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
          {stages.map((s) => (
            <option key={s} value={s}>
              {t(`plan.stage.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('plan.report.stageStatus')}>
        <select value={stageStatus} onChange={(e) => setStageStatus(e.target.value as 'in_progress' | 'achieved')}>
          <option value="in_progress">{t('plan.status.in_progress')}</option>
          <option value="achieved">{t('plan.status.achieved')}</option>
        </select>
      </Field>
      <Field label={t('plan.report.textAz')}>
        <textarea required lang="az" rows={3} value={textAz} onChange={(e) => setTextAz(e.target.value)} />
      </Field>
      <Field label={t('plan.report.textEn')}>
        <textarea required lang="en" rows={3} value={textEn} onChange={(e) => setTextEn(e.target.value)} />
      </Field>
      <Field label={t('plan.report.percent')}>
        <input type="number" required min={0} max={100} value={percent} onChange={(e) => setPercent(e.target.value)} />
      </Field>
      <Field label={t('plan.report.date')}>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      {report ? (
        <p>{t('plan.report.evidenceKept', { count: report.evidence.length })}</p>
      ) : (
        <Field label={t('plan.report.evidence')} hint={t('plan.report.evidenceHint')}>
          <input type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx,.zip" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </Field>
      )}
      <FormActions busy={busy} submit={t(report ? 'plan.report.save' : 'plan.report.submit')} onCancel={onCancel} />
    </form>
  );
}
