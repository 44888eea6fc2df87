/**
 * 0017: where the value went (issue 11 part 3).
 * - value_records: one row per sale (成交价款、买受人、成交确认书), confiscation (接收单位、上缴凭证/国库缴款书) and
 *   cash deposit to the agency's 涉案款专户 (银行回单、金额). The ledger event holds the same facts; this table lets the
 *   case page total them and links a sale to its proceeds item. Rows are only ever inserted. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('value_records'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
    .addColumn('amount', 'double precision')
    .addColumn('party', 'text')
    .addColumn('voucher_no', 'text', (c) => c.notNull())
    .addColumn('proceeds_item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('value_records_case').on('value_records').columns(['case_id', 'kind']).execute();
  await db.schema.createIndex('value_records_item').on('value_records').columns(['item_id']).execute();
  await db.schema.createIndex('value_records_proceeds').on('value_records').columns(['proceeds_item_id']).execute();
}
