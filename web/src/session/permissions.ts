/** What the UI offers to whom. The server decides; this only hides what would be refused. */
import type { Role, Session } from '../api/types.ts';

function hasRole(session: Session, ...wanted: Role[]): boolean {
  return session.memberships.some((m) => wanted.includes(m.role));
}

/** Platform administrators and organisation administrators manage users. */
export function canAdminister(session: Session): boolean {
  return session.isPlatformAdmin || hasRole(session, 'admin');
}

/** Administrators and auditors read the audit trail. */
export function canReadAudit(session: Session): boolean {
  return session.isPlatformAdmin || hasRole(session, 'admin', 'auditor');
}

/** Whether the user administers this organisation. */
export function administers(session: Session, organisationId: string): boolean {
  return session.isPlatformAdmin || session.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin');
}
