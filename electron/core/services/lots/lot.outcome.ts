/**
 * The end of property that left the centre with its case (随案移送, 移送出库). Once the receiving agency has
 * accepted the transfer it holds the item; its case officer records what became of it — returned to the owner,
 * destroyed, confiscated, or handed to another authority — on a document. The item then ends in that final
 * status, the same one a disposition in the centre gives, so the case's 处置到位率 counts it.
 * (Handing goods back to the centre is the custodian's scan-in, not a record here.)
 */
import type { Ctx } from '../../context';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import { AWAY_OUTCOME_EVENT, AWAY_OUTCOME_LABELS } from '../../../../shared/domain/lots';
import { ITEM_STATUS_LABELS, type ItemStatus } from '../../../../shared/domain/enums';
import { canSeeItem, notVisible } from '../../access/visibility';
import { badInput, conflict } from '../../errors';
import { assertHoldingAgency, assertNoOpenRequest } from '../common/item.guards';
import { applyItemEvent, loadItem } from '../custody/custody';
import { itemLabel, localDay } from '../custody/custody.lookup';

export async function recordOutcome(ctx: Ctx, input: MethodParsedInput<'item.recordOutcome'>): Promise<number> {
  if (!(await canSeeItem(ctx, input.itemId))) throw notVisible('物品');
  const item = await loadItem(ctx, input.itemId);
  if (item.status !== 'TRANSFERRED_OUT') {
    throw conflict(`${itemLabel(item)}当前为「${ITEM_STATUS_LABELS[item.status as ItemStatus]}」：只有随案移送出库、由接收单位保管的物品在这里登记去向；在库物品请提交发还或处置申请`);
  }
  const holder = await assertHoldingAgency(ctx, item, '在接收后登记其去向');
  await assertNoOpenRequest(ctx, item, '登记去向');
  if (input.outcomeDate > localDay(ctx.now)) throw badInput(`办理日期（${input.outcomeDate}）不能晚于今天`);
  if ((input.outcome === 'returned' || input.outcome === 'handed_over') && !input.receiverName) {
    throw badInput(input.outcome === 'returned' ? '发还须填写领取人' : '移交须填写接收机关');
  }
  const label = AWAY_OUTCOME_LABELS[input.outcome];
  await applyItemEvent(
    ctx,
    item,
    {
      type: AWAY_OUTCOME_EVENT[input.outcome],
      legalDocNo: input.docNo,
      counterpart: input.receiverName ? { name: input.receiverName } : null,
      note: input.note ?? `${holder}登记随案移送物品的去向：${label}（${input.docNo}，${input.outcomeDate}）`,
      payload: { away: true, outcome: input.outcome, outcomeDate: input.outcomeDate, receiverName: input.receiverName ?? null },
    },
    { outWith: null },
  );
  return item.id;
}
