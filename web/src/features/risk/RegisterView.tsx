/** The risk register: organisation or national level, filters, the heat map with drill-down, the table and the new-risk form. */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { localised } from '../../ui/format.ts';
import { Page, Panel } from '../../ui/Page.tsx';
import { riskApi, type Level, type Risk, type RiskFilter } from './api.ts';
import { HeatMap } from './HeatMap.tsx';
import { RiskDetail } from './RiskDetail.tsx';
import { RiskForm } from './RiskForm.tsx';
import { RiskTable } from './RiskTable.tsx';
import { keptOrganisations, RiskExport, RiskImport } from './RiskTransfer.tsx';
import './risk.css';

/** `tabs` leads to the page's other sections. */
export function RegisterView({ tabs }: { tabs: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [filter, setFilter] = useState<RiskFilter>({ level: 'organisation' });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [opened, setOpened] = useState<Risk | null>(null);
  const kept = keptOrganisations(session);
  const taxonomy = useLoad(() => riskApi.taxonomy(), []);
  const risks = useLoad(() => riskApi.list(filter), [filter]);
  const heat = useLoad(() => riskApi.heatmap(filter.level), [filter.level, risks.data]);
  const classNames = useMemo(() => new Map((taxonomy.data?.classes ?? []).map((c) => [c.key, localised(c.name)])), [taxonomy.data]);
  const set = (change: Partial<RiskFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <Page title={t('risk.title')} actions={(
      <>
        <button type="button" onClick={() => setCreating(true)}>{t('risk.create')}</button>
        {kept.length > 0 ? <button type="button" className="secondary" onClick={() => setImporting(true)}>{t('risk.transfer.import')}</button> : null}
        <RiskExport level={filter.level} />
      </>
    )}>
      {tabs}
      <ErrorAlert error={risks.error ?? taxonomy.error} />
      {creating ? (
        <Panel title={t('risk.create')}>
          <RiskForm session={session} classes={taxonomy.data?.classes ?? []} onSaved={() => { setCreating(false); risks.reload(); }} onCancel={() => setCreating(false)} />
        </Panel>
      ) : null}
      {importing ? (
        <Panel title={t('risk.transfer.import')}>
          <RiskImport session={session} onImported={risks.reload} onCancel={() => setImporting(false)} />
        </Panel>
      ) : null}
      {opened ? (
        <Panel title={t('risk.detail.title', { title: opened.title })}>
          <RiskDetail risk={opened} session={session} onChanged={(r) => { setOpened(r); risks.reload(); }} onClose={() => setOpened(null)} />
        </Panel>
      ) : null}
      <div className="risk-filters" role="group" aria-label={t('risk.filters')}>
        <Field label={t('risk.level')}>
          <select value={filter.level} onChange={(e) => setFilter({ level: e.target.value as Level })}>
            <option value="organisation">{t('risk.levels.organisation')}</option>
            <option value="national">{t('risk.levels.national')}</option>
          </select>
        </Field>
        <Field label={t('risk.threatClass')}>
          <select value={filter.threatClass ?? ''} onChange={(e) => set({ threatClass: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {[...classNames].map(([key, name]) => <option key={key} value={key}>{name}</option>)}
          </select>
        </Field>
        <label className="risk-check">
          <input type="checkbox" checked={filter.overdue === true} onChange={(e) => set({ overdue: e.target.checked || undefined })} /> {t('risk.overdueOnly')}
        </label>
        {filter.likelihood ? (
          <button type="button" className="secondary small" onClick={() => set({ likelihood: undefined, impact: undefined })}>
            {t('risk.clearCell', { likelihood: filter.likelihood, impact: filter.impact })}
          </button>
        ) : null}
      </div>
      {heat.data ? <HeatMap heatmap={heat.data} onPick={(likelihood, impact) => set({ likelihood, impact })} /> : null}
      {risks.data ? <RiskTable risks={risks.data.items} classNames={classNames} session={session} onChanged={risks.reload} onOpen={setOpened} /> : null}
    </Page>
  );
}
