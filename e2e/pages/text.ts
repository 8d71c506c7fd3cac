/** The interface texts, so page objects find controls by the same labels users read. */
import az from '../../web/i18n/az.json' with { type: 'json' };
import en from '../../web/i18n/en.json' with { type: 'json' };

export type Texts = typeof az;
export const texts = { az, en: en as Texts };
