/** The sector vocabulary, for every form that sets a sector and every view that shows one. */
import type { App } from '../../http/types.ts';
import { SectorList } from './identity.schema.ts';
import { listSectors } from './sectors.service.ts';

export function sectorRoutes(app: App): void {
  app.get('/api/reference/sectors', { schema: { tags: ['reference'], summary: 'Sectors: slug and Azerbaijani and English names', response: { 200: SectorList } } },
    async () => ({ items: [...listSectors()] }));
}
