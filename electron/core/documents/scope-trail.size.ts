/**
 * trail.scopeSize: how many events a scope trail would hold and in how many volumes, before it is printed. It runs
 * on the request path, so it reads little: a period's bounds are found by halving over seq (events are appended
 * in time order, so the seq range of a period is its events, 约), and an agency or location counts only within it
 * (in 20 sampled windows when the range is long).
 */
import type { Ctx } from '../context';
import type { HandlerMap } from '../api/handler-types';
import { SCOPE_VOLUME_EVENTS, scopeTrailTooLarge, type ScopeTrailSize } from '../../../shared/api/scope-trail.contract';
import { describeScope, type ScopeInput } from './scope-trail';
import { volumeCount } from './scope-volumes';

/** Above `above` events in the seq range, an agency's or location's share is estimated from `windows` windows of `window` seqs. */
export const SIZE_SAMPLING = { above: 200_000, windows: 20, window: 5_000 };

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

export async function scopeTrailSize(ctx: Ctx, s: ScopeInput, perVolume = SCOPE_VOLUME_EVENTS, sampling = SIZE_SAMPLING): Promise<ScopeTrailSize> {
  const scope = await describeScope(ctx, s);
  const head = (await ctx.db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq;
  const lo = s.from ? await firstSeqFrom(ctx, s.from, head) : 1;
  const hi = s.to ? (await firstSeqFrom(ctx, s.to, head)) - 1 : head;
  let events = Math.max(0, hi - lo + 1);
  if (s.scope !== 'period' && events > 0) {
    const count = async (from: number, to: number) =>
      Number(
        (await ctx.db.selectFrom('custody_events').select((eb) => eb.fn.countAll<number>().as('n')).where(scope.where).where('seq', '>=', from).where('seq', '<=', to).executeTakeFirstOrThrow()).n,
      );
    if (events <= sampling.above) events = await count(lo, hi);
    else {
      // A long range is sampled (evenly spaced windows of seqs) and scaled: the answer is 约 anyway,
      // and the print job counts exactly.
      const { windows, window } = sampling;
      const step = Math.floor(events / windows);
      let hits = 0;
      for (let k = 0; k < windows; k++) {
        const from = lo + k * step;
        hits += await count(from, from + window - 1);
      }
      events = Math.round((hits / (windows * window)) * events);
    }
  }
  const volumes = volumeCount(events, perVolume);
  return { events, perVolume, volumes, tooLarge: scopeTrailTooLarge(events, perVolume) };
}

export const scopeTrailHandlers: HandlerMap<'trail.scopeSize'> = {
  'trail.scopeSize': (ctx, input) => scopeTrailSize(ctx, input),
};
