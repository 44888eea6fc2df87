/**
 * Discrepancies (broken or mismatched seal, shortage, damage, swap) registered on any item at any time, each a
 * DISCREPANCY event setting the matching flag; a cash shortage also corrects the recorded amount (two-person rule).
 * And items found again after a lost report: a CORRECTION reversing LOST_REPORTED, then a new put-away.
 */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import { CommittedFailure } from '../../api/handler-types';
import { DISCREPANCY_FLAG, DISCREPANCY_KIND_LABELS } from '../../../../shared/domain/corrections';
import { appendEvent } from '../../ledger/ledger.append';
import { badInput, conflict } from '../../errors';
import { applyItemEvent } from '../custody/custody';
import { findItemById, itemFlags, itemLabel, needsWitness } from '../custody/custody.lookup';
import { verifyWitness, type Witness } from '../custody/witness.service';
import { getItemDto } from '../items/item.repository';
import { assertHandlesItem } from '../stores/store.rules';
import { applyCorrection } from './correction.apply';

type Out = { eventIds: number[]; item: NonNullable<Awaited<ReturnType<typeof getItemDto>>> };

async function witnessFor(ctx: Ctx, w: { username: string; password: string } | undefined, required: string | null): Promise<Witness | null | CommittedFailure> {
  if (w) return verifyWitness(ctx, w);
  if (required) throw badInput(required);
  return null;
}

const isCashItem = (item: ItemRow) => item.category === 'cash' || itemFlags(item).includes('cash');

export async function recordDiscrepancy(ctx: Ctx, input: MethodParsedInput<'discrepancy.record'>): Promise<Out | CommittedFailure> {
  const item = await findItemById(ctx, input.itemId);
  const label = DISCREPANCY_KIND_LABELS[input.kind];
  const cashCount = input.cashAmountFound !== undefined;
  if (cashCount) {
    if (input.kind !== 'shortage') throw badInput('清点金额只在登记「短少」时填写');
    if (!isCashItem(item)) throw badInput(`${itemLabel(item)} 不是现金，短少请在说明中写明，不能更正现金金额`);
    const recorded = item.cash_amount ?? 0;
    if (input.cashAmountFound! >= recorded) throw badInput(`清点金额（${input.cashAmountFound}）不少于登记金额（${recorded}），不是短少`);
  }
  if (input.kind === 'seal' && input.observedSealNo && input.observedSealNo === item.seal_no) {
    throw badInput(`现场封签号「${input.observedSealNo}」与登记的封签号相同；封签破损请不填现场封签号，在说明中写明`);
  }
  // Two-person rule for cash and valuables, checked before anything is written.
  const rule = cashCount || needsWitness(item) ? `${itemLabel(item)} 是现金或贵重物品，登记${label}须由另一名工作人员输入本人账号和密码见证` : null;
  const w = await witnessFor(ctx, input.witness, rule);
  if (w instanceof CommittedFailure) return w;
  const witnesses = w ? [w.person] : [];
  const witnessPayload = w ? { witnessUserId: w.userId } : {};

  const flags = itemFlags(item);
  const flag = DISCREPANCY_FLAG[input.kind];
  const sealChange = input.kind === 'seal' && input.observedSealNo ? { sealNo: input.observedSealNo } : {};
  const { item: after, event } = await applyItemEvent(
    ctx,
    item,
    {
      type: 'DISCREPANCY',
      witnesses,
      conditionNote: input.note,
      note: `登记差异：${label}${sealChange.sealNo ? `，现场封签号「${sealChange.sealNo}」（原登记「${item.seal_no ?? '无'}」）` : ''}`,
      payload: { kind: input.kind, flag, previousSealNo: item.seal_no, observedSealNo: input.observedSealNo ?? null, cashAmountFound: input.cashAmountFound ?? null, ...witnessPayload },
    },
    { flags: flags.includes(flag) ? flags : [...flags, flag], ...sealChange },
  );
  const eventIds = [event.id];
  if (cashCount) {
    const c = await applyCorrection(ctx, after, [{ field: 'cashAmount', from: item.cash_amount, to: input.cashAmountFound! }], {
      reason: `清点短少（差异登记第 ${event.seq} 号）：${input.note}`,
      witnesses,
      payload: { discrepancyEventId: event.id, ...witnessPayload },
    });
    eventIds.push(c.event.id);
  }
  return { eventIds, item: (await getItemDto(ctx, { id: item.id }))! };
}

export async function markFound(ctx: Ctx, input: MethodParsedInput<'item.found'>): Promise<Out | CommittedFailure> {
  const item = await findItemById(ctx, input.itemId);
  if (item.status !== 'LOST') throw conflict(`${itemLabel(item)} 未报告遗失，无需登记找回`);
  await assertHandlesItem(ctx, item);
  const w = await witnessFor(ctx, input.witness, needsWitness(item) ? `${itemLabel(item)} 是现金或贵重物品，找回须由另一名工作人员输入本人账号和密码见证` : null);
  if (w instanceof CommittedFailure) return w;
  const lost = await ctx.db
    .selectFrom('custody_events')
    .select(['id', 'seq'])
    .where('item_id', '=', item.id)
    .where('type', '=', 'LOST_REPORTED')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  await ctx.db.updateTable('items').set({ status: 'IN_STORE', location_id: null, out_with: null, updated_at: ctx.now }).where('id', '=', item.id).execute();
  const event = await appendEvent(ctx, {
    type: 'CORRECTION',
    itemId: item.id,
    caseId: item.case_id,
    agencyFromId: item.holding_agency_id,
    agencyToId: item.holding_agency_id,
    locationFromId: item.location_id,
    locationToId: null,
    witnesses: w ? [w.person] : [],
    conditionNote: input.note,
    note: `遗失物品找回${lost ? `，更正第 ${lost.seq} 号「报告遗失」记录` : ''}，待重新上架`,
    payload: {
      kind: 'found',
      correctsEventId: lost?.id ?? null,
      correctsSeq: lost?.seq ?? null,
      correctsType: 'LOST_REPORTED',
      statusFrom: item.status,
      statusTo: 'IN_STORE',
      ...(w ? { witnessUserId: w.userId } : {}),
    },
  });
  return { eventIds: [event.id], item: (await getItemDto(ctx, { id: item.id }))! };
}
