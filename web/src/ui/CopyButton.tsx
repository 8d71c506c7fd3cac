/** Copies a text to the clipboard and says so. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // Browsers offer the clipboard only on secure pages (https or localhost).
  if (!navigator.clipboard) return null;
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" className="secondary" onClick={copy}>
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}
