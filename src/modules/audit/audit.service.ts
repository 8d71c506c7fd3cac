/**
 * The audit trail: every change, and every read of a restricted record, is appended with the
 * SHA-256 of the entry before it, so any later edit or deletion breaks the chain.
 */
import type { Executor } from '../../db/database.ts';
import { canonicalJson, sha256Hex } from '../../lib/crypto.ts';
import type { OrgScope } from '../../lib/scope.ts';
import * as store from './audit.store.ts';
import type { AuditFilter, AuditRow, NewAuditRow } from './audit.store.ts';

export const genesisHash = '0'.repeat(64);

/** Who did it, from where. `userId` is null for the system itself or an anonymous caller. */
export interface AuditActor {
  userId: string | null;
  label: string;
  address: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  organisationId?: string | null;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

export const systemActor: AuditActor = Object.freeze({ userId: null, label: 'system', address: null });

function digest(value: unknown): string | null {
  return value === undefined ? null : sha256Hex(canonicalJson(value));
}

function entryHash(row: Omit<NewAuditRow, 'hash'>): string {
  const { prev_hash: prevHash, ...fields } = row;
  return sha256Hex(prevHash + canonicalJson({ ...fields, at: row.at.toISOString() }));
}

/** Appends one entry; call it inside the transaction that makes the change. */
export async function record(tx: Executor, entry: AuditEntry): Promise<void> {
  await store.lockChain(tx);
  const row: Omit<NewAuditRow, 'hash'> = {
    at: new Date(),
    actor_user_id: entry.actor.userId,
    actor_label: entry.actor.label,
    organisation_id: entry.organisationId ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    before_digest: digest(entry.before),
    after_digest: digest(entry.after),
    address: entry.actor.address,
    details: entry.details ?? {},
    prev_hash: (await store.lastHash(tx)) ?? genesisHash,
  };
  await store.insert(tx, { ...row, hash: entryHash(row) });
}

export function list(db: Executor, scope: OrgScope, filter: AuditFilter): Promise<AuditRow[]> {
  return store.list(db, scope, filter);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  headHash: string;
  firstBroken: { seq: number; reason: string } | null;
}

/** Walks the whole chain and reports the first entry whose link or content does not hold. */
export async function verify(db: Executor): Promise<ChainReport> {
  let previous = genesisHash;
  let checked = 0;
  for await (const row of store.walk(db)) {
    const { hash, seq: _seq, ...rest } = row;
    if (row.prev_hash !== previous) {
      return { ok: false, checked, headHash: previous, firstBroken: { seq: row.seq, reason: 'link to the previous entry is broken (an entry was removed or reordered)' } };
    }
    if (entryHash(rest) !== hash) {
      return { ok: false, checked, headHash: previous, firstBroken: { seq: row.seq, reason: 'entry content does not match its hash (the entry was altered)' } };
    }
    previous = hash;
    checked += 1;
  }
  return { ok: true, checked, headHash: previous, firstBroken: null };
}
