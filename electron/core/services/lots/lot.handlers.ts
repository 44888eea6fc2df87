/** Handlers for 拆分 and the receiving agency's record of property that left with its case. */
import type { HandlerMap } from '../../api/handler-types';
import { getItemDtos } from '../items/item.repository';
import { splitItem } from './lot.split';
import { recordOutcome } from './lot.outcome';

export const lotHandlers: HandlerMap<'item.split' | 'item.recordOutcome'> = {
  'item.split': async (ctx, input) => {
    const ids = await splitItem(ctx, input.itemId, input.parts, input.note);
    const [parent] = await getItemDtos(ctx, [input.itemId]);
    return { parent: parent!, parts: await getItemDtos(ctx, ids) };
  },
  'item.recordOutcome': async (ctx, input) => {
    const id = await recordOutcome(ctx, input);
    return (await getItemDtos(ctx, [id]))[0]!;
  },
};
