import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import * as audit from './audit.service.ts';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  for (let i = 0; i < 5; i += 1) {
    await t.db.transaction().execute((tx) => audit.record(tx, { actor: audit.systemActor, action: `test.step${i}`, targetType: 'thing', targetId: String(i), after: { i } }));
  }
});
afterEach(async () => t.drop());

async function seqOf(action: string): Promise<number> {
  return (await t.db.selectFrom('audit_log').select('seq').where('action', '=', action).executeTakeFirstOrThrow()).seq;
}

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    const report = await audit.verify(t.db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(5);
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('detects an entry altered by someone who disabled the trigger', async () => {
    const target = await seqOf('test.step2');
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.db);
    await sql`update audit_log set actor_label = 'someone else' where seq = ${target}`.execute(t.db);
    const report = await audit.verify(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: target, reason: expect.stringMatching(/altered/) });
  });

  it('detects a deleted entry at the entry after it', async () => {
    const target = await seqOf('test.step1');
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.db);
    await sql`delete from audit_log where seq = ${target}`.execute(t.db);
    const report = await audit.verify(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: await seqOf('test.step2'), reason: expect.stringMatching(/removed/) });
  });

  it('detects a rewritten entry whose hash was recomputed without the chain', async () => {
    const target = await seqOf('test.step3');
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.db);
    await sql`update audit_log set details = '{"forged":true}'::jsonb, hash = md5('x') || md5('y') where seq = ${target}`.execute(t.db);
    const report = await audit.verify(t.db);
    expect(report.firstBroken?.seq).toBe(target);
  });

  it('records changes and keeps nothing when the transaction fails', async () => {
    const before = (await audit.verify(t.db)).checked;
    await expect(t.db.transaction().execute(async (tx) => {
      await audit.record(tx, { actor: audit.systemActor, action: 'test.rolled_back' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect((await audit.verify(t.db)).checked).toBe(before);
  });
});
