/**
 * The domain modules that have a web page: each module adds its one line here. Modules not
 * listed show the honest "not available yet" page. Pages load on first visit, so the sign-in
 * page does not wait for every module's code and charts.
 */
import { lazy, type ComponentType } from 'react';
import type { ModuleKey } from '../ui/modules.ts';

export const modulePages: Partial<Record<ModuleKey, ComponentType>> = {
  plan: lazy(() => import('./plan/PlanPage.tsx').then((m) => ({ default: m.PlanPage }))),
  risk: lazy(() => import('./risk/RiskPage.tsx').then((m) => ({ default: m.RiskPage }))),
  cii: lazy(() => import('./cii/CiiPage.tsx').then((m) => ({ default: m.CiiPage }))),
  detection: lazy(() => import('./detection/DetectionPage.tsx').then((m) => ({ default: m.DetectionPage }))),
  incidents: lazy(() => import('./incidents/IncidentsPage.tsx').then((m) => ({ default: m.IncidentsPage }))),
  sharing: lazy(() => import('./sharing/SharingPage.tsx').then((m) => ({ default: m.SharingPage }))),
};
