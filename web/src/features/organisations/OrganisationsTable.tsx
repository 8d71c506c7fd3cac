/** The organisations as a table: acronym, name in the current language, kind, sector and parent. */
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { administers } from '../../session/permissions.ts';
import { localised } from '../../ui/format.ts';

interface Props {
  organisations: Organisation[];
  onEdit: (organisation: Organisation) => void;
}

export function OrganisationsTable({ organisations, onEdit }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const sorted = [...organisations].sort((a, b) => a.acronym.localeCompare(b.acronym, 'az'));
  return (
    <table aria-label={t('organisations.title')}>
      <thead>
        <tr>
          <th scope="col">{t('organisations.acronym')}</th>
          <th scope="col">{t('organisations.name')}</th>
          <th scope="col">{t('organisations.kind')}</th>
          <th scope="col">{t('organisations.sector')}</th>
          <th scope="col">{t('organisations.parent')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              {o.acronym}
              {o.isNationalCert ? <span className="badge">{t('organisations.nationalCert')}</span> : null}
            </th>
            <td>{localised(o.name)}</td>
            <td>{t(`kinds.${o.kind}`)}</td>
            <td>{o.sector ?? ''}</td>
            <td>{o.parentId ? (byId.get(o.parentId)?.acronym ?? '') : ''}</td>
            <td className="row-actions">
              {administers(session, o.id) ? (
                <button type="button" className="secondary small" onClick={() => onEdit(o)} aria-label={t('organisations.editTitle', { acronym: o.acronym })}>
                  {t('common.edit')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
