/**
 * Idempotency keys of POST /api/events (table detect_ingest_keys): one row per organisation and
 * key, holding the body's hash and, once ingestion has finished, the answer that was given.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { IngestOutcome } from './pipeline.ts';

/**
 * Takes the key for a request; false when another request holds it (finished, or in progress
 * and claimed after `staleBefore`; an older unfinished claim is a request that died, so it is
 * taken over).
 */
export async function claim(tx: Executor, organisationId: string, key: string, bodySha256: string, staleBefore: Date): Promise<boolean> {
  const { rows } = await sql<{ key: string }>`
    insert into detect_ingest_keys (organisation_id, key, body_sha256) values (${organisationId}, ${key}, ${bodySha256})
    on conflict (organisation_id, key) do update set body_sha256 = excluded.body_sha256, created_at = now()
      where detect_ingest_keys.outcome is null and detect_ingest_keys.created_at < ${staleBefore}
    returning key`.execute(tx);
  return rows.length > 0;
}

export async function find(db: Executor, organisationId: string, key: string) {
  return db.selectFrom('detect_ingest_keys').select(['body_sha256', 'outcome']).where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
}

export async function complete(tx: Executor, organisationId: string, key: string, outcome: IngestOutcome): Promise<void> {
  await tx.updateTable('detect_ingest_keys').set({ outcome: JSON.stringify(outcome) }).where('organisation_id', '=', organisationId).where('key', '=', key).execute();
}

/** Gives a key back after a failed ingestion, so the client's retry is not refused. */
export async function release(tx: Executor, organisationId: string, key: string): Promise<void> {
  await tx.deleteFrom('detect_ingest_keys').where('organisation_id', '=', organisationId).where('key', '=', key).where('outcome', 'is', null).execute();
}

export async function dropBefore(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('detect_ingest_keys').where('created_at', '<', before).execute();
}
