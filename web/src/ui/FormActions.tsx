/** A form's button row: submit (disabled while the form is busy) and, when the form can be left, cancel. */
import { useTranslation } from 'react-i18next';

interface Props {
  busy: boolean;
  /** The submit button's text; "Save" unless given. */
  submit?: string;
  onCancel?: () => void;
}

export function FormActions({ busy, submit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" disabled={busy}>
        {submit ?? t('common.save')}
      </button>
      {onCancel ? (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
