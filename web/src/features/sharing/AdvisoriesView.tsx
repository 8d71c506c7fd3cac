/**
 * Advisories: warnings received by the user's organisations (opening one records the read
 * receipt), the advisories the user may read, and for CERT analysts drafts to edit and publish
 * with each published advisory's reach (which exposed organisations opened it, which did not),
 * the indicator warnings their organisation's imports sent, and their organisation's
 * early-warning profile (also for administrators).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { AdvisoryForm } from './AdvisoryForm.tsx';
import { advisoriesApi, type Advisory, type OpenedWarning as Opened, type Reach } from './api.ts';
import { OpenedWarning } from './OpenedWarning.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { useReasons } from './reasons.ts';
import { ReachTable } from './ReachTable.tsx';
import { SentIndicatorWarnings } from './SentIndicatorWarnings.tsx';

export function AdvisoriesView() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const session = useSession();
  const reasons = useReasons();
  const authoring = session.memberships.filter((m) => m.role === 'cert_analyst' || m.role === 'coordinator');
  const managing = session.memberships.filter((m) => m.role === 'admin' || m.role === 'cert_analyst');
  const advisories = useLoad(() => advisoriesApi.list(), []);
  const warnings = useLoad(() => advisoriesApi.warnings(), []);
  const [editing, setEditing] = useState<Advisory | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [reach, setReach] = useState<{ id: string; data: Reach } | null>(null);
  const { run, busy, error } = useAction();
  const mayAuthor = (a: Advisory) => authoring.some((m) => m.organisationId === a.organisationId);

  return (
    <>
      <ErrorAlert error={advisories.error ?? warnings.error ?? error} />
      <Panel title={t('sharing.advisory.warnings')}>
        <table aria-label={t('sharing.advisory.warnings')}>
          <thead><tr><th>{t('sharing.advisory.title')}</th><th>{t('sharing.warning.kind')}</th><th>TLP</th><th>{t('sharing.advisory.reasons')}</th><th>{t('sharing.advisory.received')}</th><th /></tr></thead>
          <tbody>
            {(warnings.data?.items ?? []).map((w) => (
              <tr key={w.id}>
                <td>{w.title[lng]}</td><td>{t(`sharing.warning.kinds.${w.kind}`)}</td><td>{w.tlp}</td><td>{reasons(w.reasons)}</td><td>{new Date(w.createdAt).toLocaleString()}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void run(async () => { setOpened(await advisoriesApi.openWarning(w.id)); warnings.reload(); })}>
                    {w.openedAt ? t('sharing.advisory.reopen') : t('sharing.advisory.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {opened && <OpenedWarning opened={opened} />}
      </Panel>
      <Panel title={t('sharing.advisory.list')}>
        {authoring.length > 0 && <button type="button" onClick={() => { setEditing(null); setFormOpen(true); }}>{t('sharing.advisory.create')}</button>}
        <table aria-label={t('sharing.advisory.list')}>
          <thead><tr><th>{t('sharing.advisory.title')}</th><th>TLP</th><th>{t('sharing.advisory.severity')}</th><th>{t('sharing.advisory.status')}</th><th>CVE</th><th /></tr></thead>
          <tbody>
            {(advisories.data?.items ?? []).map((a) => (
              <tr key={a.id}>
                <td>{a.title[lng]}</td><td>{a.tlp}</td><td>{t(`sharing.advisory.severities.${a.severity}`)}</td>
                <td>{t(`sharing.advisory.statuses.${a.status}`)}</td><td>{a.cves.join(', ')}</td>
                <td>
                  {mayAuthor(a) && a.status === 'draft' && (
                    <>
                      <button type="button" onClick={() => { setEditing(a); setFormOpen(true); }}>{t('sharing.advisory.edit')}</button>
                      <button type="button" disabled={busy} onClick={() => void run(async () => { await advisoriesApi.publish(a.id); advisories.reload(); })}>{t('sharing.advisory.publish')}</button>
                    </>
                  )}
                  {mayAuthor(a) && a.status === 'published' && (
                    <button type="button" disabled={busy} onClick={() => void run(async () => setReach({ id: a.id, data: await advisoriesApi.reach(a.id) }))}>{t('sharing.advisory.reach')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {reach && <ReachTable reach={reach.data} />}
      </Panel>
      <SentIndicatorWarnings />
      {managing.length > 0 && (
        <Panel title={t('sharing.profile.title')}>
          <ProfileForm organisations={managing} />
        </Panel>
      )}
      {formOpen && (
        <Panel title={t(editing ? 'sharing.advisory.edit' : 'sharing.advisory.create')}>
          <AdvisoryForm key={editing?.id ?? 'new'} organisations={authoring} editing={editing} onSaved={() => { setFormOpen(false); advisories.reload(); }} />
        </Panel>
      )}
    </>
  );
}
