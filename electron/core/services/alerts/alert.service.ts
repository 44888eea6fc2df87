/**
 * Deadline alerts. Each kind reads a partial index (migration 0006) that holds exactly the rows its rule can raise,
 * in the order it lists them: at most ALERT_LIMIT_PER_KIND rows, and a count capped at ALERT_COUNT_CAP, so nothing
 * scans the items (≤ 50 ms at 1M items). The WHERE terms below are literal SQL and must stay word for word those of
 * the indexes (test/core/query-plans.test.ts checks the plans).
 * Scope: custodians and inspectors see every agency; officers and approvers the items their agency holds; the admin none.
 */
import { seesAllCustody, storeNowScope } from '../../access/visibility';
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import { sql, type RawBuilder } from 'kysely';
import { ALERT_KINDS, ALERT_LIMIT_PER_KIND, type AlertDto, type AlertKind } from '../../../../shared/api/custody.contract';
import { ITEM_STATUS_LABELS, TERMINAL_STATUSES, type ItemStatus } from '../../../../shared/domain/enums';
import { fmtLocal } from '../custody/custody.lookup';
import { itemsIndexedBy } from '../../db/dialect';
import { stuckRequestAlerts } from '../requests/request.approvers';
import { externalTermAlerts } from '../external/external.alerts';
import { cappedCount } from './alert.count';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const statusLabel = (s: string) => ITEM_STATUS_LABELS[s as ItemStatus] ?? s;
/** The partial indexes' conditions, as literal SQL (bound parameters would hide them from the planner). */
const INTAKE = sql<boolean>`i.status IN ('REGISTERED','RECEIVING')`;
/** Held: not yet released, not gone. */
const UNRELATED = sql<boolean>`i.status IN ('REGISTERED','RECEIVING','IN_STORE','ON_LOAN','PENDING_DISPOSITION','EXTERNAL_CUSTODY') AND i.flags LIKE '%"unrelated"%'`;
const IN_STORE_FLAG = {
  perishable: sql<boolean>`i.status IN ('IN_STORE','PENDING_DISPOSITION') AND i.flags LIKE '%"perishable"%'`,
  hazardous: sql<boolean>`i.status IN ('IN_STORE','PENDING_DISPOSITION') AND i.flags LIKE '%"hazardous"%'`,
};

type Found = { count: number; alerts: AlertDto[] };

function ago(fromIso: string, nowMs: number): string {
  const ms = nowMs - Date.parse(fromIso);
  return ms >= 2 * DAY ? `${Math.floor(ms / DAY)} 天` : `${Math.floor(ms / HOUR)} 小时`;
}

function itemsQuery(ctx: Ctx, agencyId: number | null, index: string, where: RawBuilder<boolean>) {
  let q = ctx.db.selectFrom(itemsIndexedBy(ctx.dialect, index)).where(where);
  if (agencyId !== null) q = q.where('i.holding_agency_id', '=', agencyId);
  const inStore = storeNowScope(ctx.user);
  return inStore ? q.where(inStore) : q;
}
type ItemsQuery = ReturnType<typeof itemsQuery>;

async function countAndRows(ctx: Ctx, q: ItemsQuery, orderBy: 'i.seized_at' | 'i.created_at' | 'i.updated_at' | 'i.unrelated_since') {
  const count = await cappedCount(ctx, q.select('i.id'));
  const rows = await q
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .select(['i.id', 'i.code', 'i.name', 'i.status', 'i.seized_at', 'i.created_at', 'i.updated_at', 'i.unrelated_since', 'c.case_no'])
    .orderBy(orderBy)
    .orderBy('i.id')
    .limit(ALERT_LIMIT_PER_KIND)
    .execute();
  return { count, rows };
}

async function intakeAlerts(ctx: Ctx, agencyId: number | null, now: number): Promise<Found> {
  const overdue = new Date(now - 24 * HOUR).toISOString();
  const q = itemsQuery(ctx, agencyId, 'items_alert_intake', INTAKE).where('i.seized_at', '<', new Date(now - 20 * HOUR).toISOString());
  const { count, rows } = await countAndRows(ctx, q, 'i.seized_at');
  return {
    count,
    alerts: rows.map((r) => {
      const late = r.seized_at < overdue;
      const deadline = fmtLocal(new Date(Date.parse(r.seized_at) + 24 * HOUR).toISOString());
      return {
        kind: 'intake' as const,
        severity: late ? ('danger' as const) : ('warning' as const),
        itemId: r.id,
        itemCode: r.code,
        caseNo: r.case_no,
        message: late
          ? `${r.code}「${r.name}」扣押已 ${ago(r.seized_at, now)} 仍未入库，已超过 24 小时入库时限（应于 ${deadline} 前入库）`
          : `${r.code}「${r.name}」扣押已 ${ago(r.seized_at, now)}，须于 ${deadline} 前入库`,
        since: r.seized_at,
      };
    }),
  };
}

async function loanAlerts(ctx: Ctx, agencyId: number | null, now: number): Promise<Found> {
  let q = ctx.db
    .selectFrom('requests as r')
    .innerJoin('request_items as ri', 'ri.request_id', 'r.id')
    .innerJoin('items as i', 'i.id', 'ri.item_id')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .where('r.status', '=', 'in_progress')
    .where('r.kind', '=', 'loan')
    .where('r.due_at', '<', new Date(now).toISOString())
    .where('i.status', '=', 'ON_LOAN');
  if (agencyId !== null) q = q.where('i.holding_agency_id', '=', agencyId);
  const inStore = storeNowScope(ctx.user);
  if (inStore) q = q.where(inStore);
  const count = await cappedCount(ctx, q.select('i.id'));
  const rows = await q
    .select(['i.id', 'i.code', 'i.name', 'i.out_with', 'c.case_no', 'r.request_no', 'r.due_at'])
    .orderBy('r.due_at')
    .orderBy('i.id')
    .limit(ALERT_LIMIT_PER_KIND)
    .execute();
  return {
    count,
    alerts: rows.map((r) => ({
      kind: 'loan_overdue' as const,
      severity: 'danger' as const,
      itemId: r.id,
      itemCode: r.code,
      caseNo: r.case_no,
      requestNo: r.request_no,
      message: `${r.code}「${r.name}」调用（${r.request_no}${r.out_with ? `，${r.out_with}` : ''}）应于 ${fmtLocal(r.due_at!)} 归还，已逾期 ${ago(r.due_at!, now)}`,
      since: r.due_at!,
    })),
  };
}

async function unrelatedAlerts(ctx: Ctx, agencyId: number | null, now: number): Promise<Found> {
  const overdue = new Date(now - 3 * DAY).toISOString();
  // 查明 time: the 3-day clock runs from the moment the item was found unrelated (registration or correction).
  const q = itemsQuery(ctx, agencyId, 'items_alert_unrelated', UNRELATED).where('i.unrelated_since', '<', new Date(now - 2 * DAY).toISOString());
  const { count, rows } = await countAndRows(ctx, q, 'i.unrelated_since');
  return {
    count,
    alerts: rows.map((r) => {
      const late = r.unrelated_since! < overdue;
      const deadline = fmtLocal(new Date(Date.parse(r.unrelated_since!) + 3 * DAY).toISOString());
      return {
        kind: 'unrelated' as const,
        severity: late ? ('danger' as const) : ('warning' as const),
        itemId: r.id,
        itemCode: r.code,
        caseNo: r.case_no,
        message: late
          ? `${r.code}「${r.name}」与案件无关，查明已 ${ago(r.unrelated_since!, now)} 仍未发还，超过 3 日期限（应于 ${deadline} 前发还）`
          : `${r.code}「${r.name}」与案件无关，须于 ${deadline} 前发还`,
        since: r.unrelated_since!,
      };
    }),
  };
}

async function inStoreFlagAlerts(ctx: Ctx, agencyId: number | null, now: number, flag: 'perishable' | 'hazardous'): Promise<Found> {
  // Registration adds the perishable/hazardous flag for those categories, so the flag alone answers both.
  const { count, rows } = await countAndRows(ctx, itemsQuery(ctx, agencyId, `items_alert_${flag}`, IN_STORE_FLAG[flag]), 'i.seized_at');
  const advice = flag === 'perishable' ? '为易腐物品，请及时申请先行变卖/拍卖或处置' : '为危险物品，请确认存放于专用库位并尽快移交或处置';
  return {
    count,
    alerts: rows.map((r) => ({
      kind: flag,
      severity: 'warning' as const,
      itemId: r.id,
      itemCode: r.code,
      caseNo: r.case_no,
      message: `${r.code}「${r.name}」${advice}（扣押已 ${ago(r.seized_at, now)}）`,
      since: r.seized_at,
    })),
  };
}

async function closedCaseAlerts(ctx: Ctx, agencyId: number | null): Promise<Found> {
  // Closed cases come from their partial index, their items from items_case.
  const q = itemsQuery(ctx, agencyId, 'items_case', sql<boolean>`i.case_id IN (SELECT id FROM cases WHERE stage = 'closed')`).where('i.status', 'not in', [...TERMINAL_STATUSES, 'LOST']);
  const { count, rows } = await countAndRows(ctx, q, 'i.updated_at');
  return {
    count,
    alerts: rows.map((r) => ({
      kind: 'closed_case' as const,
      severity: 'danger' as const,
      itemId: r.id,
      itemCode: r.code,
      caseNo: r.case_no,
      message: `案件 ${r.case_no} 已结案，${r.code}「${r.name}」尚未处置（当前状态：${statusLabel(r.status)}）`,
      since: r.updated_at,
    })),
  };
}


export const alertHandlers: HandlerMap<'alert.list'> = {
  'alert.list': async (ctx) => listAlerts(ctx),
};

/** Every alert the user may see (at most ALERT_LIMIT_PER_KIND of each kind), danger first. */
export async function listAlerts(ctx: Ctx) {
  const now = Date.parse(ctx.now);
  // The store and inspectors: every alert; a case unit: its own items'; anyone else (the admin): none (-1 matches no agency).
  const officer = ctx.user.roles.includes('case_officer') || ctx.user.roles.includes('approver');
  const agencyId = seesAllCustody(ctx.user) ? null : officer ? ctx.user.agencyId : -1;
  const found: Record<AlertKind, Found> = {
    intake: await intakeAlerts(ctx, agencyId, now),
    loan_overdue: await loanAlerts(ctx, agencyId, now),
    unrelated: await unrelatedAlerts(ctx, agencyId, now),
    perishable: await inStoreFlagAlerts(ctx, agencyId, now, 'perishable'),
    hazardous: await inStoreFlagAlerts(ctx, agencyId, now, 'hazardous'),
    closed_case: await closedCaseAlerts(ctx, agencyId),
    stuck_request: ctx.user.roles.includes('admin') ? await stuckRequestAlerts(ctx) : { count: 0, alerts: [] },
    external_term: await externalTermAlerts(ctx, agencyId, now),
  };
  const rank = { danger: 0, warning: 1 };
  const alerts = ALERT_KINDS.flatMap((k) => found[k].alerts).sort((a, b) => rank[a.severity] - rank[b.severity] || a.since.localeCompare(b.since));
  const counts = Object.fromEntries(ALERT_KINDS.map((k) => [k, found[k].count])) as Record<AlertKind, number>;
  return { alerts, counts, limitPerKind: ALERT_LIMIT_PER_KIND };
}
