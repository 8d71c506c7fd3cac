/** The status lifecycle: which moves are allowed and which timestamps a move sets. */
import { fail } from '../../lib/errors.ts';
import type { IncidentStatus } from './incidents.tables.ts';

const moves: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['triage', 'containment', 'resolved'],
  triage: ['containment', 'eradication', 'recovery', 'resolved'],
  containment: ['triage', 'eradication', 'recovery', 'resolved'],
  eradication: ['containment', 'recovery', 'resolved'],
  recovery: ['eradication', 'resolved'],
  resolved: ['closed', 'triage'],
  closed: ['triage'],
};

const contained: readonly IncidentStatus[] = ['eradication', 'recovery', 'resolved', 'closed'];

export interface LifecycleStamps {
  acknowledged_at: Date | null;
  contained_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
}

/**
 * The timestamps after moving from `from` to `to` at `now` (409 when the move is not allowed).
 * Leaving "new" acknowledges; reaching eradication or later contains; a reopen clears resolution.
 */
export function move(from: IncidentStatus, to: IncidentStatus, stamps: LifecycleStamps, now: Date): LifecycleStamps {
  if (!moves[from].includes(to)) throw fail.conflict(`An incident cannot move from ${from} to ${to}`, { from, to, allowed: moves[from] });
  const reopen = (from === 'resolved' || from === 'closed') && to === 'triage';
  return {
    acknowledged_at: stamps.acknowledged_at ?? now,
    contained_at: stamps.contained_at ?? (contained.includes(to) ? now : null),
    resolved_at: reopen ? null : to === 'resolved' ? stamps.resolved_at ?? now : stamps.resolved_at,
    closed_at: to === 'closed' ? now : null,
  };
}

export function allowedMoves(from: IncidentStatus): readonly IncidentStatus[] {
  return moves[from];
}
