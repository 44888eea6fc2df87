/** 0021 adds items (store_id, id): the not-yet-received half of a custodian's list is an index range. */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0021-items-store creates items_store on (store_id, id), leaving the rows as they were', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0016-security-log');
    const db = store.db;
    const indexCols = async () =>
      store.dialect === 'sqlite'
        ? (await sql<{ name: string }>`SELECT name FROM pragma_index_info('items_store') ORDER BY seqno`.execute(db)).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`SELECT a.attname AS name FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
              JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
              JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
              WHERE c.relname = 'items_store' AND c.relnamespace = to_regnamespace(current_schema()) ORDER BY k.ord`.execute(db)
          ).rows.map((r) => r.name);
    expect(await indexCols()).toEqual([]);
    const before = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await migrate(store)).toContain('0021-items-store');
    expect(await indexCols()).toEqual(['store_id', 'id']);
    expect(await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  } finally {
    await store.close();
  }
});
