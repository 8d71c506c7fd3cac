/** Shows a failed request: a translated summary for its code, the server's detail and field problems. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const summary = apiError ? t(`errors.${apiError.code}`, { defaultValue: t('errors.generic') }) : t('errors.generic');
  return (
    <div role="alert" className="alert">
      <strong>{summary}</strong>
      {apiError?.detail && apiError.detail !== summary ? <span> {apiError.detail}</span> : null}
      {apiError && apiError.errors.length > 0 ? (
        <ul>
          {apiError.errors.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
