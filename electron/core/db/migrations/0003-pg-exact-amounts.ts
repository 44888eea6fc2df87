/**
 * 0003: on PostgreSQL, 0001's `real` columns are 4-byte floats, which round ¥1,234,567.89 to ¥1,234,567.9.
 * Widen them to 8-byte floats, the same precision SQLite's REAL has always had. SQLite: nothing to do. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const column of ['quantity', 'estimated_value', 'cash_amount']) {
    await sql`ALTER TABLE items ALTER COLUMN ${sql.ref(column)} TYPE double precision`.execute(db);
  }
}
