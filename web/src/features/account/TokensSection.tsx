/** API tokens of the user: list, creation (the token shown once) and revocation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/admin.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { TokenForm } from './TokenForm.tsx';
import { TokensTable } from './TokensTable.tsx';

export function TokensSection() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => tokensApi.list(), []);
  const [created, setCreated] = useState<string | null>(null);

  const onCreated = (token: string) => {
    setCreated(token);
    reload();
  };

  return (
    <Panel title={t('tokens.title')}>
      <ErrorAlert error={error} />
      {created ? (
        <div className="notice stack" role="status">
          <strong>{t('tokens.createdTitle')}</strong>
          <Field label={t('tokens.value')} hint={t('tokens.shownOnce')}>
            <input readOnly className="mono" value={created} onFocus={(e) => e.target.select()} />
          </Field>
          <div className="form-actions">
            <CopyButton text={created} />
            <button type="button" className="secondary" onClick={() => setCreated(null)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
      {data ? <TokensTable tokens={data.items} onRevoked={reload} /> : null}
      <TokenForm onCreated={onCreated} />
    </Panel>
  );
}
