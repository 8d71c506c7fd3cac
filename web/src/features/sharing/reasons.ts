/**
 * Why a warning reached an organisation, in the reader's language: the server's reasons
 * ("sector:energy", "cii:energy", "product:openssl") with the kind and the sector named.
 */
import { useTranslation } from 'react-i18next';
import { useSectorName } from '../../ui/sectors.ts';

export function useReasons(): (reasons: readonly string[]) => string {
  const { t } = useTranslation();
  const sectorName = useSectorName();
  const kinds: Record<string, (value: string) => string> = {
    sector: (value) => `${t('sharing.reasons.sector')}: ${sectorName(value)}`,
    cii: (value) => `${t('sharing.reasons.cii')}: ${sectorName(value)}`,
    product: (value) => `${t('sharing.reasons.product')}: ${value}`,
  };
  return (reasons) => reasons.map((reason) => {
    const [, kind, value] = /^(\w+):(.*)$/.exec(reason) ?? [];
    return kinds[kind]?.(value) ?? reason;
  }).join(', ');
}
