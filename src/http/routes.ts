/** Every module's routes, in one list so the app and the route-guard tests see the same set. */
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/identity/auth.routes.ts';
import { organisationRoutes } from '../modules/identity/organisations.routes.ts';
import { sectorRoutes } from '../modules/identity/sectors.routes.ts';
import { tokenRoutes } from '../modules/identity/tokens.routes.ts';
import { userRoutes } from '../modules/identity/users.routes.ts';
import { planRoutes } from '../modules/plan/plan.routes.ts';
import { detectRoutes } from '../modules/detect/detect.routes.ts';
import { riskRoutes } from '../modules/risk/risk.routes.ts';
import { ciiRoutes } from '../modules/cii/cii.routes.ts';
import { incidentRoutes } from '../modules/incidents/incidents.routes.ts';
import { sharingRoutes } from '../modules/sharing/sharing.routes.ts';
import type { RouteModule } from './types.ts';

export const routeModules: RouteModule[] = [authRoutes, organisationRoutes, sectorRoutes, userRoutes, tokenRoutes, auditRoutes, planRoutes, detectRoutes, riskRoutes, ciiRoutes, incidentRoutes, sharingRoutes];
