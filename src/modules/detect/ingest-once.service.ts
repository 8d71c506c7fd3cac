/**
 * Client retries of POST /api/events with an Idempotency-Key: the first request with a key is
 * ingested; a retry with the same body gets the first answer again and stores nothing; the same
 * key with another body is refused. Keys belong to the token's organisation and live a day.
 */
import type { Db } from '../../db/database.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import * as keys from './ingest-keys.store.ts';
import type { IngestOutcome } from './pipeline.ts';

/** An unfinished claim older than this belongs to a request that died; its key may be reused. */
const STALE_CLAIM_MS = 60_000;
/** How long a key is remembered. */
export const KEY_RETENTION_MS = 86_400_000;

export interface KeyedRequest {
  organisationId: string;
  key: string;
  body: Buffer;
}

/** Runs `ingest` at most once per organisation and key; see the file comment. */
export async function ingestOnce(db: Db, { organisationId, key, body }: KeyedRequest, ingest: () => Promise<IngestOutcome>): Promise<{ outcome: IngestOutcome; replayed: boolean }> {
  const sha = sha256Hex(body);
  const claimed = await db.transaction().execute((tx) => keys.claim(tx, organisationId, key, sha, new Date(Date.now() - STALE_CLAIM_MS)));
  if (!claimed) {
    const row = await keys.find(db, organisationId, key);
    if (row && row.body_sha256 !== sha) throw new AppError('unprocessable', 'This Idempotency-Key was already used with a different body');
    if (!row?.outcome) throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
    return { outcome: row.outcome, replayed: true };
  }
  let outcome: IngestOutcome;
  try {
    outcome = await ingest();
  } catch (error) {
    await db.transaction().execute((tx) => keys.release(tx, organisationId, key));
    throw error;
  }
  await db.transaction().execute((tx) => keys.complete(tx, organisationId, key, outcome));
  return { outcome, replayed: false };
}
