/**
 * Versioned migrations: one file per change in ./migrations, numbered within its module's range
 * (docs/MODULES.md), each exporting up(db) with raw SQL. Applied in name order at start and by
 * `qalxan migrate`. Each module grows its own range, so a new migration may sort before one a
 * database already has (0401 after 0600): such a gap is applied, not refused as out of order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './database.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migrations in the folder; `skip` leaves some out (tests of a database from an older release). */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly skip: readonly string[] = []) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = fs.readdirSync(migrationsDir).filter((f) => /^\d{4}.*\.ts$/.test(f) && !this.skip.includes(f.replace(/\.ts$/, ''))).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = await import(pathToFileURL(path.join(migrationsDir, file)).href);
    }
    return migrations;
  }
}

export interface MigrationOutcome {
  applied: string[];
}

/** Brings the schema to the newest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, provider: MigrationProvider = new FolderMigrationProvider()): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
