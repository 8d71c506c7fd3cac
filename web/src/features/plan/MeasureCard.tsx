/** One measure: id and title, executors, period and deadline, status, completion and its three indicators. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localised } from '../../ui/format.ts';
import { stages, type Measure } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function MeasureCard({ measure, children }: { measure: Measure; children?: ReactNode }) {
  const { t } = useTranslation();
  const co = [
    ...measure.coExecutors.map((c) => (c.recommended ? `${c.acronym} (${t('plan.recommended')})` : c.acronym)),
    ...measure.otherExecutors.map((o) => localised(o)),
  ];
  return (
    <article className="plan-measure" aria-labelledby={`measure-${measure.id}`}>
      <h4 id={`measure-${measure.id}`}>
        {measure.id} {localised(measure.title)}
      </h4>
      <div className="meta">
        <span>
          {t('plan.lead')}: <strong>{measure.lead.join(', ')}</strong>
        </span>
        {co.length ? (
          <span>
            {t('plan.coExecutors')}: {co.join(', ')}
          </span>
        ) : null}
        <span>
          {t('plan.period')}: {'ongoing' in measure.period ? t('plan.ongoing') : measure.periodText}
        </span>
        <span>
          {t('plan.deadline')}: {measure.deadline}
        </span>
        <span>
          {t('plan.completion')}: {measure.completion}%
        </span>
        <StatusBadge status={measure.status} />
        {measure.overdue ? <StatusBadge status="overdue" /> : null}
      </div>
      {measure.executors.some((e) => e.responsible) ? (
        <p className="meta">
          {t('plan.responsible.label')}:{' '}
          {measure.executors.filter((e) => e.responsible).map((e) => `${e.acronym} — ${e.responsible!.name}${e.responsible!.contact ? ` (${e.responsible!.contact})` : ''}`).join('; ')}
        </p>
      ) : null}
      <ul className="plan-indicators">
        {stages.map((stage) => (
          <li key={stage}>
            {t(`plan.stage.${stage}`)}: {localised(measure.indicators[stage].text)} <StatusBadge status={measure.indicators[stage].status} />
          </li>
        ))}
      </ul>
      {children}
    </article>
  );
}
