/**
 * The server's risk and CII roles as the web app reads them from the session, so that pages do
 * not offer what the server will refuse (the server decides either way).
 */
import type { Session } from '../../api/types.ts';

/** Coordinators (and platform administrators) run the national procedure and extend the taxonomy. */
export const isCoordinator = (s: Session) => s.isPlatformAdmin || s.memberships.some((m) => m.role === 'coordinator');

/** Operators and administrators keep their organisation's risk register and CII records. */
export const keeps = (s: Session, organisationId: string) =>
  s.isPlatformAdmin || s.memberships.some((m) => m.organisationId === organisationId && (m.role === 'operator' || m.role === 'admin'));
