/**
 * The `qalxan` command end to end, as a separate process on its own database (a data folder,
 * or a fresh server database when DATABASE_URL is set): admin commands, audit verify,
 * backup and restore, and one-line failures with a non-zero exit.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshTarget } from '../testing/database.ts';

const run = promisify(execFile);
// Each call is a whole process start (TypeScript loader, database open): give them room.
vi.setConfig({ testTimeout: 180_000 });
let env: Record<string, string>;
let dir: string;
let drop: () => Promise<void>;

async function qalxan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/qalxan.mjs', ...args], { env: { ...process.env, ...env }, cwd: path.resolve(import.meta.dirname, '../..') });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-cli-'));
  const fresh = await freshTarget();
  drop = fresh.drop;
  env = { QALXAN_DATA_DIR: dir, QALXAN_LOG_LEVEL: 'silent', ...(fresh.target.databaseUrl ? { DATABASE_URL: fresh.target.databaseUrl } : { DATABASE_URL: '' }) };
});
afterAll(async () => drop());

describe('qalxan CLI', () => {
  it('migrates, creates a user and a token, and verifies the audit chain', async () => {
    expect((await qalxan('migrate')).stdout).toMatch(/up to date/);
    const created = await qalxan('user', 'create', '--username', 'soc.operator', '--password', 'Operator-passphrase-42', '--org', 'MİLLİ-CERT', '--role', 'operator');
    expect(created.code).toBe(0);
    const token = await qalxan('token', 'create', '--user', 'soc.operator', '--org', 'MİLLİ-CERT', '--role', 'operator', '--expires', '7');
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^qx_[\w-]{40,}$/);
    const verified = await qalxan('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/intact: \d+ entries/);
  });

  it('fails with one line and a non-zero exit on bad input', async () => {
    const weak = await qalxan('user', 'create', '--username', 'weak', '--password', 'short', '--org', 'MİLLİ-CERT', '--role', 'operator');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr.trim().split('\n')).toHaveLength(1);
    expect(weak.stderr).toMatch(/at least 12/);
    const role = await qalxan('token', 'create', '--user', 'soc.operator', '--org', 'MİLLİ-CERT', '--role', 'admin');
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/role admin/);
    const org = await qalxan('user', 'create', '--username', 'x.user', '--password', 'Operator-passphrase-42', '--org', 'NOPE', '--role', 'operator');
    expect(org.stderr).toMatch(/no organisation with acronym NOPE/);
    const unknown = await qalxan('frobnicate');
    expect(unknown.code).not.toBe(0);
  });

  it('prints help for every command', async () => {
    for (const command of [[], ['start'], ['user', 'create'], ['token', 'create'], ['audit', 'verify'], ['backup'], ['restore']]) {
      const help = await qalxan(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toMatch(/Usage: qalxan/);
    }
  });

  it('restores a backup exactly, and a broken backup changes nothing', async () => {
    const file = path.join(dir, 'backup.jsonl.gz');
    expect((await qalxan('backup', file)).code).toBe(0);
    await qalxan('user', 'create', '--username', 'after.backup', '--password', 'Operator-passphrase-42', '--org', 'MİLLİ-CERT', '--role', 'operator');
    const restored = await qalxan('restore', file);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await qalxan('user', 'create', '--username', 'after.backup', '--password', 'Operator-passphrase-42', '--org', 'MİLLİ-CERT', '--role', 'operator')).code).toBe(0);
    expect((await qalxan('audit', 'verify')).code).toBe(0);

    const broken = path.join(dir, 'broken.gz');
    fs.writeFileSync(broken, 'not a backup');
    const failed = await qalxan('restore', broken);
    expect(failed.code).not.toBe(0);
    expect((await qalxan('user', 'create', '--username', 'after.backup', '--password', 'Operator-passphrase-42', '--org', 'MİLLİ-CERT', '--role', 'operator')).stderr).toMatch(/exists/);
  });

  it('detects a tampered audit trail and exits 1', async () => {
    const { openDatabase } = await import('../db/database.ts');
    const { sql } = await import('kysely');
    const db = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: dir });
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    await sql`update audit_log set action = 'forged' where seq = (select min(seq) + 3 from audit_log)`.execute(db);
    await db.destroy();
    const verified = await qalxan('audit', 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/BROKEN at entry \d+/);
  });
});
