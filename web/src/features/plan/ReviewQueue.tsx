/** The coordinator's queue: submitted reports, each accepted or returned with a comment. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { planApi, type Report } from './api.ts';

function Review({ report, onDecided }: { report: Report; onDecided: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const { run, busy, error } = useAction();
  const decide = (decision: 'accept' | 'return') => void run(async () => {
    await planApi.decide(report.id, decision, comment.trim());
    onDecided();
  });
  const title = t('plan.review.item', { id: report.measureId, agency: report.acronym });
  return (
    <section className="plan-review" aria-label={title}>
      <h3>{title}</h3>
      <p>
        {t(`plan.stage.${report.stage}`)}: {t(`plan.status.${report.stageStatus}`)} · {report.percent}% · {report.date} ({report.period})
      </p>
      <p lang="az">{report.text.az}</p>
      <p lang="en">{report.text.en}</p>
      {report.evidence.length ? (
        <ul>
          {report.evidence.map((e) => (
            <li key={e.id}>
              <a href={`/api/plan/reports/${report.id}/evidence/${e.id}`}>{e.name}</a> <small>SHA-256 {e.sha256}</small>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={error} />
      <Field label={t('plan.review.comment')}>
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => decide('accept')}>
          {t('plan.review.accept')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => decide('return')}>
          {t('plan.review.return')}
        </button>
      </div>
    </section>
  );
}

export function ReviewQueue() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => planApi.reports({ status: 'submitted' }), []);
  const [notice, setNotice] = useState('');
  return (
    <>
      <ErrorAlert error={error} />
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      {data && data.items.length === 0 ? <p>{t('plan.review.empty')}</p> : null}
      {data?.items.map((r) => (
        <Review key={r.id} report={r} onDecided={() => {
          setNotice(t('plan.review.decided', { id: r.measureId, agency: r.acronym }));
          reload();
        }} />
      ))}
    </>
  );
}
