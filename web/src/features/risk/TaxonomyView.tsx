/**
 * The threat taxonomy (strategy 8.1.1.1): categories and classes with their names in both
 * languages. Coordinators add classes and change those coordinators added; anyone sees a
 * class's versions. Reference classes change only through the data file, so they offer no edit.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { currentLanguage } from '../../i18n.ts';
import { localised } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { riskApi, type ThreatClass } from './api.ts';
import { ClassForm } from './ClassForm.tsx';
import { ClassVersions } from './ClassVersions.tsx';
import { isCoordinator } from './policy.ts';

type Opened = { mode: 'add' } | { mode: 'edit' | 'versions'; item: ThreatClass };

export function TaxonomyView() {
  const { t } = useTranslation();
  const coordinator = isCoordinator(useSession());
  const taxonomy = useLoad(() => riskApi.taxonomy(), []);
  const [category, setCategory] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const categories = taxonomy.data?.categories ?? [];
  const categoryNames = useMemo(() => new Map(categories.map((c) => [c.key, localised(c.name)])), [categories]);
  const classes = (taxonomy.data?.classes ?? []).filter((c) => !category || c.categoryKey === category);
  const saved = () => { setOpened(null); taxonomy.reload(); };

  // The current language's name heads each row; the other language stands beside it.
  const headers = { az: t('risk.taxonomy.nameAz'), en: t('risk.taxonomy.nameEn') };
  const languages = currentLanguage() === 'en' ? (['en', 'az'] as const) : (['az', 'en'] as const);
  const columns: Column<ThreatClass>[] = [
    ...languages.map((lang, i) => ({ header: headers[lang], rowHeader: i === 0, render: (c: ThreatClass) => c.name[lang] })),
    { header: t('risk.taxonomy.category'), render: (c) => categoryNames.get(c.categoryKey) ?? c.categoryKey },
    { header: t('risk.taxonomy.attack'), render: (c) => c.attack.join(', ') },
    { header: t('risk.taxonomy.source'), render: (c) => t(`risk.taxonomy.sources.${c.source}`) },
    { header: t('risk.taxonomy.version'), render: (c) => c.version },
  ];

  return (
    <>
      <ErrorAlert error={taxonomy.error} />
      {coordinator ? <p><button type="button" onClick={() => setOpened({ mode: 'add' })}>{t('risk.taxonomy.add')}</button></p> : null}
      {opened?.mode === 'add' ? (
        <Panel title={t('risk.taxonomy.add')}>
          <ClassForm categories={categories} onSaved={saved} onCancel={() => setOpened(null)} />
        </Panel>
      ) : null}
      {opened?.mode === 'edit' ? (
        <Panel title={t('risk.taxonomy.editing', { name: localised(opened.item.name) })}>
          <ClassForm key={opened.item.key} categories={categories} existing={opened.item} onSaved={saved} onCancel={() => setOpened(null)} />
        </Panel>
      ) : null}
      {opened?.mode === 'versions' ? (
        <Panel title={t('risk.taxonomy.versionsOf', { key: opened.item.key })}>
          <ClassVersions classKey={opened.item.key} />
          <button type="button" className="secondary" onClick={() => setOpened(null)}>{t('risk.taxonomy.close')}</button>
        </Panel>
      ) : null}
      <div className="risk-filters" role="group" aria-label={t('risk.filters')}>
        <Field label={t('risk.taxonomy.category')}>
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {categories.map((c) => <option key={c.key} value={c.key}>{localised(c.name)}</option>)}
          </select>
        </Field>
      </div>
      {taxonomy.data ? (
        <DataTable
          label={t('risk.taxonomy.classes')}
          scroll
          rows={classes}
          rowKey={(c) => c.key}
          columns={columns}
          actions={(c) => (
            <>
              <button type="button" className="secondary small" onClick={() => setOpened({ mode: 'versions', item: c })}>{t('risk.taxonomy.versions')}</button>
              {coordinator && c.source === 'custom' ? (
                <button type="button" className="secondary small" onClick={() => setOpened({ mode: 'edit', item: c })}>{t('risk.taxonomy.edit')}</button>
              ) : null}
            </>
          )}
        />
      ) : null}
    </>
  );
}
