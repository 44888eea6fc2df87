/** 入库回执: the receipt for a handover at intake, covering the latest RECEIVED/REFUSED event of each item. */
import type { HandlerMap } from '../../api/handler-types';
import type { EventRow } from '../../db/schema';
import type { FormDoc } from '../../documents/document.types';
import { issueDocument } from '../../documents/issue-document';
import { itemRow } from '../../documents/trail.builder';
import { formatMoney } from '../../documents/form.pdf';
import type { ItemDto } from '../../../../shared/api/item.contract';
import { AppError, badInput } from '../../errors';
import { getItemDtos } from '../items/item.repository';
import { fmtLocal, joinDistinct } from './custody.lookup';

type PersonJson = { name: string; idNo: string | null };

/** 价值合计: the cash counted and the estimated value of everything else on the receipt. */
function valueTotals(items: ItemDto[]): { title: string; lines: Array<[string, string]> } {
  const cents = (n: number | null) => Math.round((n ?? 0) * 100);
  const cash = items.reduce((n, i) => n + cents(i.cashAmount), 0) / 100;
  const valued = items.filter((i) => i.cashAmount === null && i.estimatedValue !== null);
  const estimated = valued.reduce((n, i) => n + cents(i.estimatedValue), 0) / 100;
  return { title: '价值合计', lines: [['现金', formatMoney(cash)], ['估值', valued.length ? `${formatMoney(estimated)}（${valued.length} 件）` : '—']] };
}
const personText = (p: PersonJson) => (p.idNo ? `${p.name}（${p.idNo}）` : p.name);

export const intakeReceiptHandlers: HandlerMap<'intake.receipt'> = {
  'intake.receipt': async (ctx, { itemIds }) => {
    const ids = [...new Set(itemIds)];
    const items = await getItemDtos(ctx, ids);
    const missingId = ids.find((id) => !items.some((i) => i.id === id));
    if (missingId !== undefined) throw new AppError('NOT_FOUND', `物品（编号 ${missingId}）不存在`);

    const events = await ctx.db
      .selectFrom('custody_events')
      .selectAll()
      .where('item_id', 'in', ids)
      .where('type', 'in', ['RECEIVED', 'REFUSED'])
      .orderBy('seq', 'desc')
      .execute();
    const latest = new Map<number, EventRow>();
    for (const e of events) if (e.item_id !== null && !latest.has(e.item_id)) latest.set(e.item_id, e);
    const never = items.filter((i) => !latest.has(i.id)).map((i) => i.code);
    if (never.length) throw badInput(`以下物品尚未入库查验或拒收，不能打印入库回执：${never.join('、')}`);

    const covered = items.map((i) => latest.get(i.id)!);
    const agencyIds = [...new Set(covered.map((e) => e.agency_from_id).filter((x): x is number => x !== null))];
    const agencies = agencyIds.length ? await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute() : [];
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    const counterparts = covered.map((e) => (e.counterpart ? personText(JSON.parse(e.counterpart) as PersonJson) : null));
    const witnesses = covered.flatMap((e) => (JSON.parse(e.witnesses) as PersonJson[]).map(personText));
    const lastAt = covered.map((e) => e.occurred_at).sort().at(-1)!;
    const received = covered.filter((e) => e.type === 'RECEIVED').length;

    const doc: FormDoc = {
      docType: 'intake_receipt',
      title: '入库回执',
      fields: [
        ['案件编号', joinDistinct(items.map((i) => i.caseNo))],
        ['案件名称', joinDistinct(items.map((i) => i.caseName))],
        ['移交单位', joinDistinct(covered.map((e) => (e.agency_from_id === null ? null : (agencyName.get(e.agency_from_id) ?? null))))],
        ['移交人', joinDistinct(counterparts) || '—'],
        ['扣押决定书编号', joinDistinct(items.map((i) => i.seizureDocNo)) || '—'],
        ['入库时间', fmtLocal(lastAt)],
        ...(witnesses.length ? ([['见证人', joinDistinct(witnesses)]] as Array<[string, string]>) : []),
      ],
      items: items.map((i) => {
        const e = latest.get(i.id)!;
        const ok = e.type === 'RECEIVED';
        return {
          ...itemRow(i),
          location: ok ? (i.locationPath ?? '待上架') : '退回移交人',
          remark: ok ? `合格入库${e.condition_note ? `（${e.condition_note}）` : ''}` : `拒收：${e.note ?? ''}`,
        };
      }),
      sections: [{ title: '查验结论', lines: [['合格入库', `${received} 件`], ['拒收退回', `${covered.length - received} 件`]] }, valueTotals(items)],
      signatures: [
        { role: '移交人', name: joinDistinct(covered.map((e) => (e.counterpart ? (JSON.parse(e.counterpart) as PersonJson).name : null))) || null },
        { role: '保管员', name: joinDistinct(covered.map((e) => e.actor_name)) },
        ...(witnesses.length ? [{ role: '见证人', name: joinDistinct(covered.flatMap((e) => (JSON.parse(e.witnesses) as PersonJson[]).map((w) => w.name))) }] : []),
      ],
    };
    const caseIds = [...new Set(items.map((i) => i.caseId))];
    return issueDocument(ctx, doc, { eventIds: covered.map((e) => e.id), caseId: caseIds.length === 1 ? caseIds[0]! : null });
  },
};
