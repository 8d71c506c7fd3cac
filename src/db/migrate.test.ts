import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { FolderMigrationProvider, migrateToLatest } from './migrate.ts';
import { freshTarget } from '../testing/database.ts';
import { seedOrganisations } from '../modules/identity/bootstrap.ts';

describe('migrations', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  async function database() {
    const { target, drop } = await freshTarget();
    const db = await openDatabase(target);
    drops.push(async () => {
      await db.destroy();
      await drop();
    });
    return db;
  }

  it('apply a module migration numbered below ones the database already has', async () => {
    const db = await database();
    // A database from before the detect module's second migration, but with every later one.
    const older = await migrateToLatest(db, new FolderMigrationProvider(['0401_detect_pipeline']));
    expect(older.applied).toContain('0600_sharing');
    expect(older.applied).not.toContain('0401_detect_pipeline');
    expect(await migrateToLatest(db)).toEqual({ applied: ['0401_detect_pipeline'] });
    expect(await migrateToLatest(db)).toEqual({ applied: [] });
  });

  it('copy each collection row its object JSON when upgrading a database that has objects', async () => {
    const db = await database();
    await migrateToLatest(db, new FolderMigrationProvider(['0604_collection_object_json']));
    await seedOrganisations(db);
    const { rows: [org] } = await sql<{ id: string }>`select id from organisations limit 1`.execute(db);
    const json = '{"type":"indicator","id":"indicator--1"}';
    await sql`insert into sharing_objects (stix_id, version, type, spec_version, tlp, organisation_id, object_json, source)
      values ('indicator--1', '2026-01-01T00:00:00.000Z', 'indicator', '2.1', 1, ${org.id}, ${json}, 'api')`.execute(db);
    await sql`insert into sharing_collections (id, organisation_id, title) values ('00000000-0000-4000-8000-000000000001', ${org.id}, 'c')`.execute(db);
    await sql`insert into sharing_collection_objects (collection_id, stix_id, version, type, spec_version, tlp, organisation_id, latest)
      values ('00000000-0000-4000-8000-000000000001', 'indicator--1', '2026-01-01T00:00:00.000Z', 'indicator', '2.1', 1, ${org.id}, true)`.execute(db);
    expect(await migrateToLatest(db)).toEqual({ applied: ['0604_collection_object_json'] });
    const { rows } = await sql<{ object_json: string }>`select object_json from sharing_collection_objects`.execute(db);
    expect(rows).toEqual([{ object_json: json }]);
  });
});
