/**
 * The domain modules that have a web page: each module adds its one line here. Modules not
 * listed show the honest "not available yet" page.
 */
import type { ComponentType } from 'react';
import type { ModuleKey } from '../ui/modules.ts';
import { PlanPage } from './plan/PlanPage.tsx';
import { RiskPage } from './risk/RiskPage.tsx';
import { CiiPage } from './cii/CiiPage.tsx';
import { DetectionPage } from './detection/DetectionPage.tsx';
import { IncidentsPage } from './incidents/IncidentsPage.tsx';
import { SharingPage } from './sharing/SharingPage.tsx';

export const modulePages: Partial<Record<ModuleKey, ComponentType>> = {
  plan: PlanPage,
  risk: RiskPage,
  cii: CiiPage,
  detection: DetectionPage,
  incidents: IncidentsPage,
  sharing: SharingPage,
};
