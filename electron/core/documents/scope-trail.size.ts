/**
 * trail.scopeSize: how many events a scope trail would hold and in how many volumes, before it is printed. It runs
 * on the request path, so it reads little: a period's bounds are found by halving over seq (events are appended
 * in time order, so the seq range of a period is its events, 约), and an agency or location counts only within it.
 */
import type { Ctx } from '../context';
import type { HandlerMap } from '../api/handler-types';
import { SCOPE_TRAIL_JOB_MAX, SCOPE_TRAIL_MAX_VOLUMES, SCOPE_VOLUME_EVENTS, type ScopeTrailSize } from '../../../shared/api/scope-trail.contract';
import { describeScope, type ScopeInput } from './scope-trail';
import { volumeCount } from './scope-volumes';

/** The smallest seq in [1, head] whose event occurred at or after `iso` (head + 1 if none), by halving. */
async function firstSeqFrom(ctx: Ctx, iso: string, head: number): Promise<number> {
  let lo = 1;
  let hi = head + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = await ctx.db.selectFrom('custody_events').select('occurred_at').where('seq', '>=', mid).orderBy('seq').limit(1).executeTakeFirst();
    if (!r || r.occurred_at >= iso) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export async function scopeTrailSize(ctx: Ctx, s: ScopeInput, perVolume = SCOPE_VOLUME_EVENTS): Promise<ScopeTrailSize> {
  const scope = await describeScope(ctx, s);
  const head = (await ctx.db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq;
  const lo = s.from ? await firstSeqFrom(ctx, s.from, head) : 1;
  const hi = s.to ? (await firstSeqFrom(ctx, s.to, head)) - 1 : head;
  let events = Math.max(0, hi - lo + 1);
  if (s.scope !== 'period' && events > 0) {
    const r = await ctx.db
      .selectFrom('custody_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.where)
      .where('seq', '>=', lo)
      .where('seq', '<=', hi)
      .executeTakeFirstOrThrow();
    events = Number(r.n);
  }
  const volumes = volumeCount(events, perVolume);
  return { events, perVolume, volumes, tooLarge: events > SCOPE_TRAIL_JOB_MAX || volumes > SCOPE_TRAIL_MAX_VOLUMES };
}

export const scopeTrailHandlers: HandlerMap<'trail.scopeSize'> = {
  'trail.scopeSize': (ctx, input) => scopeTrailSize(ctx, input),
};
