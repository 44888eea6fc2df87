/**
 * 0023: overdue loans as data (issue 12: 「逾期未还调用」 fast at 1M items / 5M events).
 * - report_daily rows of type 'LOAN_OVERDUE': a loan that ended (CHECKED_IN, or LOST_REPORTED on return) after its
 *   due time counts on the Shanghai day it fell due, under the item's agency, store, category and case type, as the
 *   other rows. Loans still out are counted from the open loan requests, not kept here.
 * - indexes for the open loans by due time and the direct count of a ragged edge.
 * Backfilled from the ledger with the loan requests' due times. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { shanghaiDay, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.createIndex('requests_kind_status_due').on('requests').columns(['kind', 'status', 'due_at']).execute();
  await db.schema.createIndex('requests_kind_due').on('requests').columns(['kind', 'due_at']).execute();
  const day = shanghaiDay(dialect, 'r.due_at');
  await sql`
    INSERT INTO report_daily (day, type, agency_id, store_id, category, case_type, n, v)
    SELECT ${day}, 'LOAN_OVERDUE', COALESCE(e.agency_to_id, i.holding_agency_id, 0), COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, ''),
           COUNT(*), SUM(COALESCE(i.cash_amount, i.estimated_value, 0))
    FROM custody_events e
    JOIN requests r ON r.id = e.request_id
    JOIN items i ON i.id = e.item_id
    LEFT JOIN cases c ON c.id = i.case_id
    WHERE e.type IN ('CHECKED_IN', 'LOST_REPORTED') AND r.kind = 'loan' AND r.due_at IS NOT NULL AND e.occurred_at > r.due_at
    GROUP BY ${day}, COALESCE(e.agency_to_id, i.holding_agency_id, 0), COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, '')
  `.execute(db);
}
