import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { FolderMigrationProvider, migrateToLatest } from './migrate.ts';
import { freshTarget } from '../testing/database.ts';

describe('migrations', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('apply a module migration numbered below ones the database already has', async () => {
    const { target, drop } = await freshTarget();
    const db = await openDatabase(target);
    drops.push(async () => {
      await db.destroy();
      await drop();
    });
    // A database from before the detect module's second migration, but with every later one.
    const older = await migrateToLatest(db, new FolderMigrationProvider(['0401_detect_pipeline']));
    expect(older.applied).toContain('0600_sharing');
    expect(older.applied).not.toContain('0401_detect_pipeline');
    expect(await migrateToLatest(db)).toEqual({ applied: ['0401_detect_pipeline'] });
    expect(await migrateToLatest(db)).toEqual({ applied: [] });
  });
});
