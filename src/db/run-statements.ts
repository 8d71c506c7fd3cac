import { sql, type Kysely } from 'kysely';

/**
 * Runs SQL statements one by one: PGlite's query protocol takes a single statement,
 * so migrations list theirs separately rather than as one script.
 */
export async function runStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
