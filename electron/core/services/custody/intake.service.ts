/** Intake at the store: the custodian checks arriving items in (RECEIVED → IN_STORE) or refuses them. */
import type { HandlerMap } from '../../api/handler-types';
import { CommittedFailure } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import { checkTransition } from '../../../../shared/domain/item-state';
import type { EventType, ItemStatus } from '../../../../shared/domain/enums';
import { badInput, conflict } from '../../errors';
import { applyItemEvent } from './custody';
import { getItemDto, getItemDtos } from '../items/item.repository';
import { findItem, itemLabel, needsWitness } from './custody.lookup';
import { verifyWitness, type Witness } from './witness.service';

const INTAKE_HOURS = 24;

/** Refuses (before anything is written) an item the state machine would not let through. */
function assertCan(item: ItemRow, type: EventType): void {
  const check = checkTransition(item.status as ItemStatus, type);
  if (!check.ok) throw conflict(`${itemLabel(item)}：${check.message}`);
}

function hoursSinceSeizure(ctx: Ctx, item: ItemRow): number {
  return Math.round(((Date.parse(ctx.now) - Date.parse(item.seized_at)) / 3600_000) * 10) / 10;
}

export const intakeHandlers: HandlerMap<'intake.receive' | 'intake.refuse'> = {
  'intake.receive': async (ctx, input) => {
    // 1. Read and check everything; nothing is written until the witness is confirmed.
    const lines: Array<{ item: ItemRow; conditionNote?: string; sealNo?: string }> = [];
    const seen = new Set<number>();
    for (const ref of input.items) {
      const item = await findItem(ctx, ref);
      if (seen.has(item.id)) throw badInput(`物品 ${itemLabel(item)} 在本次接收清单中重复出现`);
      seen.add(item.id);
      assertCan(item, 'RECEIVED');
      lines.push({ item, conditionNote: ref.conditionNote, sealNo: ref.sealNo });
    }
    const guarded = lines.filter((l) => needsWitness(l.item)).map((l) => l.item.code);
    let witness: Witness | null = null;
    if (input.witness) {
      const w = await verifyWitness(ctx, input.witness);
      if (w instanceof CommittedFailure) return w;
      witness = w;
    } else if (guarded.length) {
      throw badInput(`现金、贵重物品入库须由另一名工作人员见证（输入见证人账号和密码）：${guarded.join('、')}`);
    }

    // 2. Write: one RECEIVED event per item; the holding agency stays the registering agency.
    const eventIds: number[] = [];
    for (const { item, conditionNote, sealNo } of lines) {
      const hours = hoursSinceSeizure(ctx, item);
      const late = hours > INTAKE_HOURS;
      const { event } = await applyItemEvent(
        ctx,
        item,
        {
          type: 'RECEIVED',
          counterpart: input.counterpart,
          witnesses: witness ? [witness.person] : [],
          legalDocNo: item.seizure_doc_no,
          conditionNote: conditionNote ?? null,
          note: late ? `查验合格入库（扣押后 ${hours} 小时，超过 ${INTAKE_HOURS} 小时入库时限）` : '查验合格入库',
          payload: {
            hoursSinceSeizure: hours,
            lateIntake: late,
            ...(sealNo ? { sealNo, previousSealNo: item.seal_no } : {}),
            ...(witness ? { witnessUserId: witness.userId } : {}),
          },
        },
        sealNo ? { sealNo } : {},
      );
      eventIds.push(event.id);
    }
    return { items: await getItemDtos(ctx, lines.map((l) => l.item.id)), eventIds };
  },

  'intake.refuse': async (ctx, input) => {
    const item = await findItem(ctx, input);
    assertCan(item, 'REFUSED');
    const { event } = await applyItemEvent(ctx, item, {
      type: 'REFUSED',
      counterpart: input.counterpart ?? null,
      legalDocNo: item.seizure_doc_no,
      note: input.reason,
      payload: { reason: input.reason },
    });
    return { item: (await getItemDto(ctx, { id: item.id }))!, eventId: event.id };
  },
};
