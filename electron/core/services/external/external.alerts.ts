/**
 * Term alerts for off-site property: a warning 30 days and again 7 days before a freeze or seal ends, danger once
 * it has ended without renewal or release. Reads external_custody_due (terms still running, by end date).
 */
import type { Ctx } from '../../context';
import type { AlertDto } from '../../../../shared/api/custody.contract';
import { ALERT_LIMIT_PER_KIND } from '../../../../shared/api/custody.contract';
import { EXTERNAL_ALERT_DAYS, EXTERNAL_KIND_LABELS, EXTERNAL_RENEW_LABELS, daysBetween, type ExternalKind } from '../../../../shared/domain/external';
import { storeNowScope } from '../../access/visibility';
import { localDay } from '../custody/custody.lookup';
import { cappedCount } from '../alerts/alert.count';

/** `agencyId` null: every agency; -1: none. */
export async function externalTermAlerts(ctx: Ctx, agencyId: number | null, now: number): Promise<{ count: number; alerts: AlertDto[] }> {
  const today = localDay(new Date(now).toISOString());
  // The last end date that alerts today: 30 days ahead.
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + EXTERNAL_ALERT_DAYS[0] * 86_400_000).toISOString().slice(0, 10);
  let q = ctx.db
    .selectFrom('external_custody as e')
    .innerJoin('items as i', 'i.id', 'e.item_id')
    .where('e.released_at', 'is', null)
    .where('e.end_date', '<=', last)
    .where('i.status', 'in', ['EXTERNAL_CUSTODY', 'PENDING_DISPOSITION']);
  if (agencyId !== null) q = q.where('i.holding_agency_id', '=', agencyId);
  const inStore = storeNowScope(ctx.user);
  if (inStore) q = q.where(inStore);
  const count = await cappedCount(ctx, q.select('i.id'));
  const rows = await q
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .select(['i.id', 'i.code', 'i.name', 'e.kind', 'e.end_date', 'e.notice_no', 'c.case_no'])
    .orderBy('e.end_date')
    .orderBy('i.id')
    .limit(ALERT_LIMIT_PER_KIND)
    .execute();
  return {
    count,
    alerts: rows.map((r) => {
      const left = daysBetween(today, r.end_date);
      const kind = r.kind as ExternalKind;
      const head = `${r.code}「${r.name}」${EXTERNAL_KIND_LABELS[kind]}（${r.notice_no}）`;
      const message =
        left < 0
          ? `${head}期限已于 ${r.end_date} 届满 ${-left} 天，未${EXTERNAL_RENEW_LABELS[kind]}也未解除`
          : `${head}将于 ${r.end_date} 届满（还有 ${left} 天${left <= EXTERNAL_ALERT_DAYS[1] ? '，不足 7 天' : ''}），请及时${EXTERNAL_RENEW_LABELS[kind]}或解除`;
      return { kind: 'external_term' as const, severity: left < 0 ? ('danger' as const) : ('warning' as const), itemId: r.id, itemCode: r.code, caseNo: r.case_no, message, since: `${r.end_date}T00:00:00.000Z` };
    }),
  };
}
