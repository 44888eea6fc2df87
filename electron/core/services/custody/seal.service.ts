/** Seals: recording a package being opened (启封) or sealed again (封存) with a new seal number. */
import type { HandlerMap } from '../../api/handler-types';
import { CommittedFailure } from '../../api/handler-types';
import type { ItemFlag } from '../../../../shared/domain/enums';
import { badInput, conflict } from '../../errors';
import { applyItemEvent } from './custody';
import { getItemDto } from '../items/item.repository';
import { findItemById, itemFlags, itemLabel, needsWitness } from './custody.lookup';
import { verifyWitness, type Witness } from './witness.service';

export const sealHandlers: HandlerMap<'seal.record'> = {
  'seal.record': async (ctx, { itemId, action, sealNo, note, witness: w }) => {
    const item = await findItemById(ctx, itemId);
    const flags = itemFlags(item);
    const unsealed = flags.includes('unsealed');
    if (action === 'seal') {
      if (!sealNo) throw badInput(`${itemLabel(item)}：封存必须填写新的封签号`);
      if (!unsealed && item.seal_no === sealNo) throw conflict(`${itemLabel(item)} 已以封签号「${sealNo}」封存，无需重复封存`);
    } else {
      if (unsealed) throw conflict(`${itemLabel(item)} 已处于启封状态${item.seal_no ? `（原封签号「${item.seal_no}」）` : ''}，请先封存`);
      if (sealNo && item.seal_no && sealNo !== item.seal_no) {
        throw conflict(`${itemLabel(item)}：现场封签号「${sealNo}」与登记的封签号「${item.seal_no}」不符，请先登记差异`);
      }
    }
    // Two-person rule for cash and valuables, confirmed before anything is written.
    let witness: Witness | null = null;
    if (w) {
      const r = await verifyWitness(ctx, w);
      if (r instanceof CommittedFailure) return r;
      witness = r;
    } else if (needsWitness(item)) {
      throw badInput(`${itemLabel(item)} 是现金或贵重物品，${action === 'seal' ? '封存' : '启封'}须由另一名工作人员见证（输入见证人账号和密码）`);
    }

    const nextFlags: ItemFlag[] = action === 'seal' ? flags.filter((f) => f !== 'unsealed') : [...flags, 'unsealed'];
    const { event } = await applyItemEvent(
      ctx,
      item,
      {
        type: action === 'seal' ? 'SEALED' : 'UNSEALED',
        witnesses: witness ? [witness.person] : [],
        conditionNote: note,
        note: action === 'seal' ? `封存，封签号「${sealNo}」` : `启封${item.seal_no ? `，原封签号「${item.seal_no}」` : ''}`,
        payload: {
          sealNo: action === 'seal' ? sealNo : item.seal_no,
          previousSealNo: item.seal_no,
          ...(witness ? { witnessUserId: witness.userId } : {}),
        },
      },
      action === 'seal' ? { sealNo, flags: nextFlags } : { flags: nextFlags },
    );
    return { eventId: event.id, item: (await getItemDto(ctx, { id: item.id }))! };
  },
};
