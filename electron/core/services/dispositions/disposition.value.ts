/**
 * Where a sale's or a confiscation's value went, recorded when the custodian executes the disposition:
 * a sale needs its price, buyer and 成交确认书 and its proceeds become a new cash item of the same case, held by the
 * sold item's agency, in 存入专户 (by law the money stays with the case until the judgment). Each side's timeline
 * names the other: the proceeds' REGISTERED event names the sold items, their SOLD events name the proceeds.
 */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import type { RequestDetails } from '../../../../shared/api/request.contract';
import type { ValueRecordKind } from '../../../../shared/domain/disposition-value';
import { badInput } from '../../errors';
import { registerItems } from '../items/item.register';
import type { RequestView } from '../requests/request.repository';

type ExecuteInput = MethodParsedInput<'request.execute'>;
export type ValuePlan = { sale?: NonNullable<RequestDetails['sale']>; confiscation?: NonNullable<RequestDetails['confiscation']> };

/** Checked before anything is written: 拍卖/变卖 needs the sale, 没收上缴 the voucher; neither fits another method. */
export function valuePlan(v: RequestView, input: ExecuteInput): ValuePlan {
  const method = v.row.kind === 'disposition' ? v.details.method : undefined;
  if (input.sale && method !== 'sell') throw badInput('成交价款、买受人和成交确认书只用于拍卖/变卖');
  if (input.confiscation && method !== 'confiscate') throw badInput('接收单位和上缴凭证只用于没收上缴');
  if (method === 'sell') {
    if (!input.sale) throw badInput(`拍卖/变卖须填写成交价款、买受人或拍卖机构和成交确认书编号（申请单 ${v.row.request_no}）`);
    return { sale: input.sale };
  }
  if (method === 'confiscate') {
    if (!input.confiscation) throw badInput(`没收上缴须填写接收单位和上缴凭证或国库缴款书编号（申请单 ${v.row.request_no}）`);
    return { confiscation: input.confiscation };
  }
  return {};
}

/** The sale's proceeds: one cash item for the lot, registered through the shared path. Returns its id and code. */
export async function registerProceeds(ctx: Ctx, v: RequestView, items: ItemRow[], sale: NonNullable<ValuePlan['sale']>, actualDate: string) {
  const first = items[0]!;
  const names = items.map((i) => i.name).join('、');
  const [id] = await registerItems(
    ctx,
    {
      caseId: first.case_id,
      seizureDocNo: sale.confirmationNo,
      seizedAt: actualDate > ctx.now ? ctx.now : actualDate,
      seizedBy: ctx.user.displayName,
      items: [
        {
          name: `${names.length > 60 ? `${names.slice(0, 60)}…` : names}变卖价款`,
          category: 'cash',
          quantity: 1,
          unit: '笔',
          cashAmount: sale.price,
          source: 'seized',
          features: `${v.row.request_no} 拍卖/变卖所得，买受人：${sale.buyer}，成交确认书 ${sale.confirmationNo}`,
          flags: [],
        },
      ],
    },
    {
      status: 'DEPOSITED',
      holdingAgencyId: first.holding_agency_id,
      payload: () => ({ requestNo: v.row.request_no, saleOf: items.map((i) => ({ itemId: i.id, code: i.code })), price: sale.price, buyer: sale.buyer, confirmationNo: sale.confirmationNo }),
    },
  );
  const row = await ctx.db.selectFrom('items').select(['id', 'code']).where('id', '=', id!).executeTakeFirstOrThrow();
  return { itemId: row.id, code: row.code };
}

export type ValueRow = { kind: ValueRecordKind; item: ItemRow; requestId: number | null; amount: number | null; party: string | null; voucherNo: string; proceedsItemId?: number | null; eventId: number };

export async function insertValueRecord(ctx: Ctx, r: ValueRow): Promise<void> {
  await ctx.db
    .insertInto('value_records')
    .values({
      kind: r.kind,
      item_id: r.item.id,
      case_id: r.item.case_id,
      request_id: r.requestId,
      amount: r.amount,
      party: r.party,
      voucher_no: r.voucherNo,
      proceeds_item_id: r.proceedsItemId ?? null,
      event_id: r.eventId,
      recorded_by: ctx.user.id,
      recorded_at: ctx.now,
    })
    .execute();
}

/** An item's value as seized: its cash amount, else its estimate. */
export const itemValue = (i: Pick<ItemRow, 'cash_amount' | 'estimated_value'>): number | null => i.cash_amount ?? i.estimated_value ?? null;
