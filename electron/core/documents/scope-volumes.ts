/**
 * A scope trail in volumes (分册). The scope's events up to the ledger head at the start are cut into consecutive
 * seq ranges of `perVolume` events; each volume is a complete trail of its own: its serial number, a cover with the
 * scope and the volume's range (first/last seq and time), 第 x 页 共 y 页 within the volume, and the events-hash QR
 * of exactly its events. Events printed meanwhile (the volumes' own RECEIPT_PRINTED) lie past the head: in none.
 */
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { SCOPE_TRAIL_JOB_MAX, SCOPE_TRAIL_MAX_VOLUMES, SCOPE_VOLUME_EVENTS, scopeTrailTooLarge } from '../../../shared/api/scope-trail.contract';
import { describeScope, type ScopeDescription, type ScopeInput } from './scope-trail';
import { scopeTrailPlan, type TrailPlan } from './trail.source';
import { formatZhDateTime } from './pdf-engine';

export type VolumeEdge = { seq: number; at: string };
export type Volume = { k: number; n: number; count: number; first: VolumeEdge; last: VolumeEdge };
export type ScopeVolumes = { scope: ScopeDescription; total: number; upTo: number; perVolume: number; volumes: Volume[] };

export const volumeLabel = (v: Pick<Volume, 'k' | 'n'>) => `第 ${v.k} 册／共 ${v.n} 册`;
export const volumeCount = (events: number, perVolume: number) => Math.max(1, Math.ceil(events / perVolume));

/** The scope's events and where each volume starts and ends; refused above the job's bound before anything is drawn. */
export async function scopeVolumes(ctx: Ctx, s: ScopeInput, perVolume = SCOPE_VOLUME_EVENTS): Promise<ScopeVolumes> {
  const scope = await describeScope(ctx, s);
  const upTo = (await ctx.db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq;
  const base = () => ctx.db.selectFrom('custody_events').where(scope.where).where('seq', '<=', upTo);
  const total = Number((await base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const n = volumeCount(total, perVolume);
  if (scopeTrailTooLarge(total, perVolume)) {
    const limit = Math.min(SCOPE_TRAIL_JOB_MAX, SCOPE_TRAIL_MAX_VOLUMES * perVolume);
    throw new AppError('CONFLICT', `该范围共有 ${total} 条事件，超过一次打印的上限 ${limit} 条（每册 ${perVolume} 条，至多 ${SCOPE_TRAIL_MAX_VOLUMES} 册）；请缩短期间后分次打印`);
  }
  const volumes: Volume[] = [];
  let after = 0;
  for (let k = 1; total > 0 && k <= n; k++) {
    const count = k < n ? perVolume : total - perVolume * (n - 1);
    const edge = async (offset: number): Promise<VolumeEdge> => {
      const r = await base().select(['seq', 'occurred_at']).where('seq', '>', after).orderBy('seq').limit(1).offset(offset).executeTakeFirstOrThrow();
      return { seq: r.seq, at: r.occurred_at };
    };
    const first = await edge(0);
    const last = count === 1 ? first : await edge(count - 1);
    volumes.push({ k, n, count, first, last });
    after = last.seq;
  }
  return { scope, total, upTo, perVolume, volumes };
}

/** The trail of one volume, or (null) of the whole scope as one document. */
export async function volumePlan(ctx: Ctx, sv: ScopeVolumes, v: Volume | null): Promise<TrailPlan> {
  const { scope, upTo } = sv;
  if (!v) return scopeTrailPlan(ctx, { ...scope, fields: [...scope.fields], where: (eb) => eb.and([scope.where(eb), eb('seq', '<=', upTo)]) });
  const label = volumeLabel(v);
  const plan = await scopeTrailPlan(ctx, {
    title: `${scope.title}（${label}）`,
    barcode: scope.barcode,
    fields: [
      ...scope.fields,
      ['分册', `${label}（全范围共 ${sv.total} 条事件，每册至多 ${sv.perVolume} 条）`],
      ['本册事件序号', `${v.first.seq}–${v.last.seq}`],
      ['本册事件时间', `${formatZhDateTime(v.first.at)} 至 ${formatZhDateTime(v.last.at)}`],
    ],
    where: (eb) => eb.and([scope.where(eb), eb('seq', '>=', v.first.seq), eb('seq', '<=', v.last.seq)]),
  });
  if (plan.events !== v.count) throw new AppError('INTERNAL', `${label}应有 ${v.count} 条事件，读到 ${plan.events} 条`);
  plan.spec.volume = label;
  return plan;
}
