/**
 * The sector vocabulary, loaded once per page from the server's reference data, and a sector's
 * name in the current language. A stored value outside the vocabulary (free text written before
 * it existed) is shown as it is.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Bilingual, Items } from '../api/types.ts';
import { useLoad } from './hooks.ts';
import { localised } from './format.ts';

export interface Sector {
  slug: string;
  name: Bilingual;
}

let cached: Promise<Sector[]> | null = null;

function loadSectors(): Promise<Sector[]> {
  cached ??= api<Items<Sector>>('GET', '/reference/sectors').then((r) => r.items, (error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** Every sector, in the order forms offer them (empty until loaded). */
export function useSectors(): Sector[] {
  return useLoad(loadSectors, []).data ?? [];
}

/** A function from a stored sector to its name in the current language. */
export function useSectorName(): (slug: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const sectors = useSectors();
  return useCallback((slug) => {
    const sector = sectors.find((s) => s.slug === slug);
    return sector ? localised(sector.name) : slug ?? '';
  }, [sectors, i18n.language]);
}
