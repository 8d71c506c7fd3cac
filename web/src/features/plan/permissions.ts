/** What the plan's pages offer to whom; the server decides, this only hides what it would refuse. */
import type { Session } from '../../api/types.ts';

/** Coordinators (and platform administrators) review reports. */
export function isCoordinator(session: Session): boolean {
  return session.isPlatformAdmin || session.memberships.some((m) => m.role === 'coordinator');
}

/** Organisations where the user may write reports: admin or operator there. */
export function reportingOrganisations(session: Session): string[] {
  return session.memberships.filter((m) => m.role === 'admin' || m.role === 'operator').map((m) => m.organisationId);
}
