/** Alert counts are capped: counting stops at ALERT_COUNT_CAP rows, so a count never reads more rows than that (the page shows 「999+」). */
import type { SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../../context';
import { ALERT_COUNT_CAP } from '../../../../shared/api/custody.contract';

/** `ids` selects one column per alert row (e.g. `q.select('i.id')`). */
export async function cappedCount(ctx: Ctx, ids: SelectQueryBuilder<any, any, any>): Promise<number> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const n = await ctx.db
    .selectFrom(ids.limit(ALERT_COUNT_CAP).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n.n);
}
