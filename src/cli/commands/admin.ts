/** Administration from the shell: users, MFA reset, API tokens, audit verification. */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { Db, Executor } from '../../db/database.ts';
import { createLogger } from '../../lib/logger.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import { openAndPrepare } from '../../server.ts';
import * as audit from '../../modules/audit/audit.service.ts';
import { loadActor } from '../../modules/identity/actor.ts';
import { roles, type RoleName } from '../../modules/identity/identity.tables.ts';
import * as organisations from '../../modules/identity/organisations.service.ts';
import { assertPasswordAcceptable, hashPassword } from '../../modules/identity/password.ts';
import * as sessions from '../../modules/identity/auth.store.ts';
import * as tokens from '../../modules/identity/tokens.service.ts';
import * as users from '../../modules/identity/users.store.ts';

async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openAndPrepare(loadConfig(), createLogger('warn'));
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

function parseRole(value: string): RoleName {
  if (!(roles as readonly string[]).includes(value)) throw fail.validation(`role must be one of ${roles.join(', ')}`);
  return value as RoleName;
}

async function organisationId(db: Executor, acronym: string): Promise<string> {
  const org = await organisations.findByAcronym(db, acronym);
  if (!org) throw fail.validation(`no organisation with acronym ${acronym}`);
  return org.id;
}

const cliActor = { userId: null, label: 'cli', address: null };

export function register(program: Command): void {
  const user = program.command('user').description('Manage users');
  user.command('create')
    .description('Create a user who must change the password at first sign-in')
    .requiredOption('--username <name>').requiredOption('--password <password>')
    .requiredOption('--org <acronym>', 'organisation acronym').requiredOption('--role <role>', roles.join('|'))
    .option('--display-name <name>')
    .action((o: { username: string; password: string; org: string; role: string; displayName?: string }) => withDatabase(async (db) => {
      assertPasswordAcceptable(o.password, o.username);
      const role = parseRole(o.role);
      await db.transaction().execute(async (tx) => {
        if (await users.findByUsername(tx, o.username)) throw fail.conflict(`user ${o.username} exists`);
        const id = newId();
        const orgId = await organisationId(tx, o.org);
        await users.insert(tx, { id, username: o.username, display_name: o.displayName ?? o.username, email: null, password_hash: await hashPassword(o.password), must_change_password: true, disabled: false, mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
        await users.replaceMemberships(tx, id, [{ user_id: id, organisation_id: orgId, role }]);
        await audit.record(tx, { actor: cliActor, action: 'user.create', organisationId: orgId, targetType: 'user', targetId: id, details: { username: o.username, role } });
      });
      process.stdout.write(`Created user ${o.username} (${role} in ${o.org})\n`);
    }));
  user.command('reset-mfa')
    .description("Clear a user's second factor so they enrol again; ends their sessions")
    .argument('<username>')
    .action((username: string) => withDatabase(async (db) => {
      await db.transaction().execute(async (tx) => {
        const row = await users.findByUsername(tx, username);
        if (!row) throw fail.notFound(`User ${username}`);
        await users.update(tx, row.id, { mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
        await users.replaceRecoveryCodes(tx, row.id, []);
        await sessions.revokeSessions(tx, row.id);
        await audit.record(tx, { actor: cliActor, action: 'user.mfa_reset', targetType: 'user', targetId: row.id });
      });
      process.stdout.write(`MFA reset for ${username}\n`);
    }));

  program.command('token').description('Manage API tokens').command('create')
    .description('Create an API token for a user and print it once')
    .requiredOption('--user <username>').requiredOption('--org <acronym>').requiredOption('--role <role>')
    .option('--expires <days>', 'days until it expires', '90').option('--name <name>', 'what it is for', 'cli')
    .action((o: { user: string; org: string; role: string; expires: string; name: string }) => withDatabase(async (db) => {
      const days = Number(o.expires);
      if (!Number.isInteger(days) || days < 1 || days > 730) throw fail.validation('--expires must be 1 to 730 days');
      const row = await users.findByUsername(db, o.user);
      const actor = row && (await loadActor(db, row.id, 'session', { address: null }));
      if (!actor) throw fail.notFound(`User ${o.user}`);
      const input = { name: o.name, organisationId: await organisationId(db, o.org), role: parseRole(o.role), expiresInDays: days };
      const created = await db.transaction().execute((tx) => tokens.create(tx, actor, input));
      process.stdout.write(`${created.token}\n`);
    }));

  program.command('audit').description('The audit trail').command('verify')
    .description('Verify the hash chain of the audit trail; exits 1 at the first broken link')
    .action(() => withDatabase(async (db) => {
      const report = await audit.verify(db);
      if (report.ok) {
        process.stdout.write(`Audit chain intact: ${report.checked} entries, head ${report.headHash}\n`);
        return;
      }
      process.stdout.write(`Audit chain BROKEN at entry ${report.firstBroken!.seq}: ${report.firstBroken!.reason} (${report.checked} entries before it verified)\n`);
      process.exitCode = 1;
    }));
}
