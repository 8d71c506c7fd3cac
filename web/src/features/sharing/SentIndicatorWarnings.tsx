/**
 * For a CERT: the imported indicators its organisation warned others of, how many of the warned
 * organisations opened each, and per indicator the reach (who has not opened it yet).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { advisoriesApi, type Reach } from './api.ts';
import { ReachTable } from './ReachTable.tsx';

export function SentIndicatorWarnings() {
  const { t } = useTranslation();
  const sent = useLoad(() => advisoriesApi.sentIndicatorWarnings(), []);
  const [reach, setReach] = useState<Reach | null>(null);
  const { run, busy, error } = useAction();
  const items = sent.data?.items ?? [];
  if (items.length === 0 && !sent.error) return null;
  return (
    <Panel title={t('sharing.warning.sent')}>
      <ErrorAlert error={sent.error ?? error} />
      <table aria-label={t('sharing.warning.sent')}>
        <thead><tr><th>{t('sharing.warning.indicator')}</th><th>TLP</th><th>{t('sharing.warning.warnedAt')}</th><th>{t('sharing.warning.openedOf')}</th><th /></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.stixId}>
              <td>{i.name ?? i.stixId}</td><td>{i.tlp}</td><td>{new Date(i.warnedAt).toLocaleString()}</td><td>{`${i.opened} / ${i.total}`}</td>
              <td><button type="button" disabled={busy} onClick={() => void run(async () => setReach(await advisoriesApi.indicatorReach(i.stixId)))}>{t('sharing.advisory.reach')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {reach && <ReachTable reach={reach} />}
    </Panel>
  );
}
