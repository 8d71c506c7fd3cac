/** The periods a dashboard or report file may cover: the whole plan, a year, or a half-year. */
import type { TFunction } from 'i18next';

export function periodOptions(t: TFunction): { value: string; label: string }[] {
  const options = [{ value: '', label: t('plan.files.wholePlan') }];
  for (const year of [2023, 2024, 2025, 2026, 2027]) {
    options.push({ value: String(year), label: String(year) }, { value: `${year}-H1`, label: `${year} / I` }, { value: `${year}-H2`, label: `${year} / II` });
  }
  return options;
}
