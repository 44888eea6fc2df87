/**
 * cash.deposit: a custodian pays a cash item into the holding agency's 涉案款专户 before a witness (two-person
 * rule); the item leaves the shelf and stays in custody as 存入专户. case.values: the value totals of a case.
 */
import type { HandlerMap } from '../../api/handler-types';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { ValueRecordKind } from '../../../../shared/domain/disposition-value';
import { CommittedFailure } from '../../api/handler-types';
import { assertItemVisible, itemScope, notVisible } from '../../access/visibility';
import { badInput, conflict } from '../../errors';
import { assertNoOpenRequest } from '../common/item.guards';
import { applyItemEvent, loadItem } from '../custody/custody';
import { itemFlags, itemLabel } from '../custody/custody.lookup';
import { verifyWitness } from '../custody/witness.service';
import { getItemDtos } from '../items/item.repository';
import { caseDtos } from '../items/item.handlers';
import { insertValueRecord, itemValue } from './disposition.value';

type Values = MethodOutput<'case.values'>;
const money = (n: number) => `${n.toFixed(2)} 元`;
/** Sums in cents, so that totals of amounts like 0.1 + 0.2 come out exact. */
const add = (a: number, b: number | null) => Math.round(a * 100 + (b ?? 0) * 100) / 100;

export const valueHandlers: HandlerMap<'cash.deposit' | 'case.values'> = {
  'cash.deposit': async (ctx, input) => {
    await assertItemVisible(ctx, input.itemId);
    const it = await loadItem(ctx, input.itemId);
    if (it.category !== 'cash' && !itemFlags(it).includes('cash')) throw badInput(`${itemLabel(it)}不是现金，只有现金可以存入涉案款专户`);
    if (it.status !== 'IN_STORE') throw conflict(`${itemLabel(it)}当前不在库，只有在库的现金可以存入涉案款专户`);
    await assertNoOpenRequest(ctx, it, '存入涉案款专户');
    if (it.cash_amount !== null && Math.round(it.cash_amount * 100) !== Math.round(input.amount * 100)) {
      throw badInput(`存入金额 ${money(input.amount)} 与登记的现金金额 ${money(it.cash_amount)} 不一致；如清点有差异，请先登记差异`);
    }
    // The witness's password is checked before anything is written.
    const w = await verifyWitness(ctx, input.witness);
    if (w instanceof CommittedFailure) return w;
    const agency = await ctx.db.selectFrom('agencies').select('name').where('id', '=', it.holding_agency_id).executeTakeFirstOrThrow();
    const account = input.accountName ?? `${agency.name}涉案款专户`;
    const { event } = await applyItemEvent(
      ctx,
      it,
      {
        type: 'CASH_DEPOSITED',
        legalDocNo: input.bankSlipNo,
        witnesses: [w.person],
        counterpart: { name: account },
        note: input.note ?? `存入${account}，银行回单 ${input.bankSlipNo}，金额 ${money(input.amount)}`,
        payload: { bankSlipNo: input.bankSlipNo, amount: input.amount, account, witnessUserId: w.userId },
      },
      { locationId: null, outWith: account },
    );
    await insertValueRecord(ctx, { kind: 'deposit', item: it, requestId: null, amount: input.amount, party: account, voucherNo: input.bankSlipNo, eventId: event.id });
    return (await getItemDtos(ctx, [it.id]))[0]!;
  },

  'case.values': async (ctx, { caseId }) => {
    if (!(await caseDtos(ctx, { id: caseId })).rows[0]) throw notVisible('案件');
    let q = ctx.db.selectFrom('items as i').select(['i.id', 'i.code', 'i.name', 'i.category', 'i.status', 'i.cash_amount', 'i.estimated_value']).where('i.case_id', '=', caseId);
    const scope = itemScope(ctx.user);
    if (scope) q = q.where(scope);
    const items = await q.orderBy('i.id').execute();
    const byId = new Map(items.map((i) => [i.id, i]));
    const rows = (
      await ctx.db
        .selectFrom('value_records as v')
        .leftJoin('requests as r', 'r.id', 'v.request_id')
        .select(['v.kind', 'v.item_id', 'v.amount', 'v.party', 'v.voucher_no', 'v.proceeds_item_id', 'v.recorded_at', 'r.request_no'])
        .where('v.case_id', '=', caseId)
        .orderBy('v.id')
        .execute()
    ).filter((r) => byId.has(r.item_id));
    const proceedsIds = new Set(rows.map((r) => r.proceeds_item_id).filter((x): x is number => x !== null));
    const out: Values = {
      seized: { count: 0, cash: 0, estimated: 0 },
      sale: { count: 0, amount: 0 },
      confiscation: { count: 0, amount: 0 },
      deposit: { count: 0, amount: 0 },
      cashHeld: { count: 0, amount: 0 },
      records: [],
    };
    for (const i of items) {
      if (!proceedsIds.has(i.id)) {
        out.seized.count++;
        out.seized.cash = add(out.seized.cash, i.cash_amount);
        if (i.cash_amount === null) out.seized.estimated = add(out.seized.estimated, i.estimated_value);
      }
      if (i.category === 'cash' && ['IN_STORE', 'DEPOSITED', 'PENDING_DISPOSITION', 'ON_LOAN'].includes(i.status)) {
        out.cashHeld.count++;
        out.cashHeld.amount = add(out.cashHeld.amount, i.cash_amount);
      }
    }
    // A lot sold together has one price and one proceeds item: count each sale once.
    const salesSeen = new Set<number>();
    for (const r of rows) {
      const kind = r.kind as ValueRecordKind;
      const it = byId.get(r.item_id)!;
      const proceeds = r.proceeds_item_id !== null ? byId.get(r.proceeds_item_id) : undefined;
      if (kind !== 'sale' || !salesSeen.has(r.proceeds_item_id ?? -1)) {
        out[kind].count++;
        out[kind].amount = add(out[kind].amount, kind === 'confiscation' ? (r.amount ?? itemValue(it)) : r.amount);
        if (kind === 'sale') salesSeen.add(r.proceeds_item_id ?? -1);
      }
      out.records.push({
        kind,
        itemId: it.id,
        itemCode: it.code,
        itemName: it.name,
        amount: r.amount,
        party: r.party,
        voucherNo: r.voucher_no,
        requestNo: r.request_no ?? null,
        proceedsItemId: r.proceeds_item_id,
        proceedsCode: proceeds?.code ?? null,
        recordedAt: r.recorded_at,
      });
    }
    return out;
  },
};
