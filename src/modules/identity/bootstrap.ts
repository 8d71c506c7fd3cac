/**
 * First start: the strategy's agencies and the National CERT as organisations, and an
 * administrator with a one-time password. Safe to run at every start.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import YAML from 'yaml';
import type { Db, Executor } from '../../db/database.ts';
import { newId, randomSecret } from '../../lib/crypto.ts';
import { everything } from '../../lib/scope.ts';
import * as audit from '../audit/audit.service.ts';
import type { OrganisationKind } from './identity.tables.ts';
import * as organisations from './organisations.store.ts';
import { assertPasswordAcceptable, hashPassword } from './password.ts';
import * as users from './users.store.ts';

interface SeedOrganisation {
  acronym: string;
  kind: OrganisationKind;
  sector: string | null;
  parent: string | null;
  nationalCert?: boolean;
  name: { az: string; en: string };
}

export function readSeedOrganisations(): SeedOrganisation[] {
  return YAML.parse(fs.readFileSync(new URL('./data/organisations.yaml', import.meta.url), 'utf8')) as SeedOrganisation[];
}

// Processes starting together on one fresh server database (an API and its workers) would
// otherwise race to insert the same reference rows and the same first administrator.
const bootstrapLockKey = 5_151_002;

async function lockBootstrap(tx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${bootstrapLockKey})`.execute(tx);
}

/** Adds the reference organisations that are missing; returns how many were added. */
export async function seedOrganisations(db: Db): Promise<number> {
  const seed = readSeedOrganisations();
  return db.transaction().execute(async (tx) => {
    await lockBootstrap(tx);
    let added = 0;
    // Parents first: an entry is inserted once its parent exists.
    const pending = [...seed];
    while (pending.length > 0) {
      const index = pending.findIndex((o) => !o.parent || !pending.some((p) => p.acronym === o.parent));
      const [entry] = pending.splice(index === -1 ? 0 : index, 1);
      if (await organisations.findByAcronym(tx, entry.acronym)) continue;
      const parent = entry.parent ? await organisations.findByAcronym(tx, entry.parent) : undefined;
      const id = newId();
      await organisations.insert(tx, {
        id, acronym: entry.acronym, name_az: entry.name.az, name_en: entry.name.en, kind: entry.kind,
        sector: entry.sector, parent_id: parent?.id ?? null, is_national_cert: entry.nationalCert === true,
      });
      await audit.record(tx, { actor: audit.systemActor, action: 'organisation.seed', organisationId: id, targetType: 'organisation', targetId: id, details: { acronym: entry.acronym } });
      added += 1;
    }
    return added;
  });
}

/**
 * Creates `admin` in the National CERT when there is no user at all. Returns the one-time
 * password when it generated one (the caller prints it), or null.
 */
export async function ensureAdministrator(db: Db, chosenPassword: string | undefined): Promise<{ created: boolean; oneTimePassword: string | null }> {
  return db.transaction().execute(async (tx) => {
    await lockBootstrap(tx);
    const anyone = await users.list(tx, everything, 1);
    const [national] = await organisations.nationalCertIds(tx);
    if (anyone.length > 0 || !national) return { created: false, oneTimePassword: null };
    const password = chosenPassword ?? randomSecret(12);
    if (chosenPassword) assertPasswordAcceptable(chosenPassword, 'admin');
    const id = newId();
    await users.insert(tx, {
      id, username: 'admin', display_name: 'Administrator', email: null, password_hash: await hashPassword(password),
      must_change_password: !chosenPassword, disabled: false, mfa_secret: null, mfa_enabled: false, mfa_last_step: null,
    });
    await users.replaceMemberships(tx, id, [{ user_id: id, organisation_id: national, role: 'admin' }]);
    await audit.record(tx, { actor: audit.systemActor, action: 'user.create', organisationId: national, targetType: 'user', targetId: id, details: { username: 'admin', bootstrap: true } });
    return { created: true, oneTimePassword: chosenPassword ? null : password };
  });
}
