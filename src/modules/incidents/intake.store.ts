/** The only code that reads or writes the public form's proof-of-work challenges. */
import type { Executor } from '../../db/database.ts';

export async function insertChallenge(db: Executor, id: string, difficulty: number, expiresAt: Date): Promise<void> {
  await db.insertInto('incident_pow_challenges').values({ id, difficulty, expires_at: expiresAt, used_at: null }).execute();
}

/** Marks a live, unused challenge used and returns its difficulty; undefined when it is unknown, spent or expired. */
export async function spendChallenge(tx: Executor, id: string, now: Date): Promise<number | undefined> {
  const row = await tx.updateTable('incident_pow_challenges').set({ used_at: now })
    .where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).returning('difficulty').executeTakeFirst();
  return row?.difficulty;
}

export async function purgeChallenges(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('incident_pow_challenges').where('expires_at', '<', before).execute();
}
