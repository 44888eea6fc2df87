/**
 * 0012: the whole life of a case's property.
 * - cases: case_type (e.g. 涉黑涉恶) and each agency's own number (公安案件编号, 检察受案号, 法院案号), indexed for search.
 * - external_custody: property kept outside the store (外部保管). One row per off-site item: its kind (冻结存款 / 查封不动产 /
 * 异地保管), the institution, account or certificate number, address, amount, the notice number and the term.
 * A renewal moves end_date (the ledger keeps every term as an EXTERNAL_RENEWED event); a release sets released_at.
 * external_custody_due lists the terms still running, by end date, for the 30/7-day alerts. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  for (const column of ['case_type', 'police_no', 'procuratorate_no', 'court_no']) {
    await db.schema.alterTable('cases').addColumn(column, 'text').execute();
  }
  for (const column of ['police_no', 'procuratorate_no', 'court_no']) {
    await db.schema.createIndex(`cases_${column}`).on('cases').column(column).execute();
  }
  await db.schema
    .createTable('external_custody')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('account_no', 'text')
    .addColumn('certificate_no', 'text')
    .addColumn('address', 'text')
    .addColumn('amount', 'double precision')
    .addColumn('notice_no', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX external_custody_due ON external_custody (end_date, item_id) WHERE released_at IS NULL`.execute(db);
}
