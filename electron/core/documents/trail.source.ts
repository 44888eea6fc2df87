/**
 * What a 流转记录 prints, read in keyset pages: the events of an item, a case or any scope up to the ledger head at
 * the start (so the measuring and the drawing pass read the same rows), and a case's items. Nothing holds more than
 * one page of rows; the first pass over the events also collects their (seq, hash) for the document's cover record.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Ctx } from '../context';
import type { Database } from '../db/schema';
import type { ItemDto } from '../../../shared/api/item.contract';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS } from '../../../shared/domain/enums';
import { toEventDtos } from '../ledger/event.mapper';
import { getItemDtos } from '../services/items/item.repository';
import type { Cover } from './document.covers';
import { formatMoney } from './form.pdf';
import { eventRows, itemRow, ledgerCover, TABLE_COLUMNS, tableWidths } from './trail.builder';
import type { TrailSpec, TrailTable } from './trail.pdf';

export type EventWhere = (eb: ExpressionBuilder<Database, 'custody_events'>) => Expression<SqlBool>;

/** A trail ready to measure and draw: its spec, and what issuing it records. */
export type TrailPlan = {
  spec: TrailSpec;
  caseId: number | null;
  itemCodes: string[];
  /** Filled while the first pass reads the events. */
  covers: Cover[];
  events: number;
  /** Table rows per pass (events and items), for progress. */
  rows: number;
};

const PAGE = 1000;
const ITEM_PAGE = 500;

/** The events matching `where` with seq ≤ upTo, a page at a time. */
async function eventTable(ctx: Ctx, where: EventWhere, withItemCode: boolean, covers: Cover[]) {
  const upTo = (await ctx.db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq;
  const agg = await ctx.db
    .selectFrom('custody_events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<number>('seq').as('first'), eb.fn.max<number>('seq').as('last')])
    .where(where)
    .where('seq', '<=', upTo)
    .executeTakeFirstOrThrow();
  const count = Number(agg.n);
  // The type column also holds item codes: as wide as the longest among the first events' codes.
  const firstIds = withItemCode
    ? (await ctx.db.selectFrom('custody_events').select('item_id').where(where).where('seq', '<=', upTo).where('item_id', 'is not', null).orderBy('seq').limit(200).execute()).map((r) => r.item_id!)
    : [];
  const codes = firstIds.length ? (await ctx.db.selectFrom('items').select('code').where('id', 'in', [...new Set(firstIds)]).execute()).map((r) => r.code) : [];
  let passes = 0;
  const table: TrailTable = {
    title: `流转事件（共 ${count} 条，按序号排列）`,
    columns: TABLE_COLUMNS,
    widths: tableWidths(codes) as Array<number | '*'>,
    size: 7.5,
    count,
    async *rows() {
      const collect = passes++ === 0;
      let after = 0;
      for (;;) {
        const page = await ctx.db.selectFrom('custody_events').selectAll().where(where).where('seq', '>', after).where('seq', '<=', upTo).orderBy('seq').limit(PAGE).execute();
        if (!page.length) return;
        if (collect) for (const e of page) covers.push({ seq: e.seq, hash: e.hash });
        yield eventRows(await toEventDtos(ctx, page), withItemCode);
        after = page[page.length - 1]!.seq;
        if (page.length < PAGE) return;
      }
    },
  };
  return { table, range: { count, first: agg.first === null ? null : Number(agg.first), last: agg.last === null ? null : Number(agg.last) } };
}

const ITEM_COLUMNS = ['序号', '编码', '名称', '规格', '数量/单位', '封签号/金额', '存放位置', '状态'];
function itemCells(i: ItemDto, n: number): string[] {
  const r = itemRow(i);
  const seal = [r.sealNo, r.cashAmount != null ? formatMoney(r.cashAmount) : null].filter(Boolean).join('\n');
  return [String(n), r.code, r.name, r.spec ?? '', `${r.quantity}${r.unit}`, seal, r.location ?? '', r.remark ?? ''];
}
const itemWidths = (codes: string[]): Array<number | '*'> => [20, Math.min(120, Math.max(40, ...codes.map((c) => Math.ceil(c.length * 4.2)))), '*', 50, 36, 58, '*', 40];

/** A case's items (id ≤ the largest at the start), a page at a time. */
async function caseItemTable(ctx: Ctx, caseId: number): Promise<{ table: TrailTable; codes: string[] }> {
  const agg = await ctx.db
    .selectFrom('items')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number>('id').as('maxId')])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const count = Number(agg.n);
  const maxId = Number(agg.maxId ?? 0);
  const codes = (await ctx.db.selectFrom('items').select('code').where('case_id', '=', caseId).orderBy('id').execute()).map((r) => r.code);
  const table: TrailTable = {
    title: `物品清单（共 ${count} 件）`,
    columns: ITEM_COLUMNS,
    widths: itemWidths(codes.slice(0, 200)),
    size: 7.5,
    count,
    async *rows() {
      let after = 0;
      let n = 0;
      for (;;) {
        const ids = (await ctx.db.selectFrom('items').select('id').where('case_id', '=', caseId).where('id', '>', after).where('id', '<=', maxId).orderBy('id').limit(ITEM_PAGE).execute()).map((r) => r.id);
        if (!ids.length) return;
        const dtos = new Map((await getItemDtos(ctx, ids)).map((d) => [d.id, d]));
        yield ids.map((id) => itemCells(dtos.get(id)!, ++n));
        after = ids[ids.length - 1]!;
        if (ids.length < ITEM_PAGE) return;
      }
    },
  };
  return { table, codes };
}

const signatures = (ctx: Ctx) => [{ role: '打印人', name: ctx.user.displayName }, { role: '核对人' }];

async function plan(ctx: Ctx, p: Omit<TrailSpec, 'sections' | 'qr' | 'after' | 'signatures'> & { where: EventWhere; withCodes: boolean; caseId: number | null; itemCodes: string[]; items: number }): Promise<TrailPlan> {
  const covers: Cover[] = [];
  const ev = await eventTable(ctx, p.where, p.withCodes, covers);
  const cover = await ledgerCover(ctx, ev.range);
  const spec: TrailSpec = {
    title: p.title,
    barcode: p.barcode,
    fields: p.fields,
    before: p.before,
    sections: cover.sections ?? [],
    qr: cover.qr ?? null,
    after: [ev.table],
    signatures: signatures(ctx),
  };
  return { spec, caseId: p.caseId, itemCodes: p.itemCodes, covers, events: ev.range.count, rows: ev.range.count + p.items };
}

export function itemTrailPlan(ctx: Ctx, item: ItemDto): Promise<TrailPlan> {
  const one: TrailTable = {
    title: '物品清单（共 1 件）',
    columns: ITEM_COLUMNS,
    widths: itemWidths([item.code]),
    size: 7.5,
    count: 1,
    async *rows() {
      yield [itemCells(item, 1)];
    },
  };
  return plan(ctx, {
    title: '物品流转记录',
    barcode: item.code,
    fields: [
      ['物品编码', item.code],
      ['物品名称', item.name],
      ['案件编号', item.caseNo],
      ['案件名称', item.caseName],
      ['类别', ITEM_CATEGORY_LABELS[item.category]],
      ['当前状态', ITEM_STATUS_LABELS[item.status]],
      ['持有单位', item.holdingAgencyName],
      ['存放位置', item.locationPath ?? item.outWith ?? '—'],
    ],
    before: [one],
    where: (eb) => eb('item_id', '=', item.id),
    withCodes: false,
    caseId: item.caseId,
    itemCodes: [item.code],
    items: 1,
  });
}

export async function caseTrailPlan(ctx: Ctx, caseId: number, kase: { caseNo: string; name: string; hostAgencyName: string; cause: string | null }): Promise<TrailPlan> {
  const items = await caseItemTable(ctx, caseId);
  const p = await plan(ctx, {
    title: '案件涉案财物流转记录',
    barcode: kase.caseNo,
    fields: [
      ['案件编号', kase.caseNo],
      ['案件名称', kase.name],
      ['主办单位', kase.hostAgencyName],
      ['案由', kase.cause ?? '—'],
      ['物品数', `${items.table.count} 件`],
      ['事件数', '—'],
    ],
    before: [items.table],
    where: (eb) => eb('case_id', '=', caseId),
    withCodes: true,
    caseId,
    itemCodes: items.codes,
    items: items.table.count,
  });
  p.spec.fields[5] = ['事件数', `${p.events} 条`];
  return p;
}

/** A scope's trail (agency, location subtree, period): see scope-trail.ts for what each scope selects. */
export function scopeTrailPlan(ctx: Ctx, d: { title: string; barcode: string | null; fields: Array<[string, string]>; where: EventWhere }): Promise<TrailPlan> {
  return plan(ctx, { ...d, before: [], withCodes: true, caseId: null, itemCodes: [], items: 0 }).then((p) => {
    p.spec.fields.push(['事件数', `${p.events} 条`]);
    return p;
  });
}
