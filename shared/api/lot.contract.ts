/** Partial quantities (拆分) and the receiving agency's record of property that left with its case. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, optText, text } from './common.schemas';
import { itemDto } from './item.contract';
import { AWAY_OUTCOMES, MAX_SPLIT_PARTS } from '../domain/lots';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** One part: a quantity, or for cash the amount in 元. */
export const splitPart = z.number().positive('拆出数量必须大于 0').max(1e12);

export const lotContract = defineMethods({
  'item.split': {
    summary: '拆分：从一批物品中拆出部分数量（现金为金额），生成新编号的物品，原物品保留余数',
    permission: 'item.register',
    input: z.object({
      itemId: id,
      parts: z.array(splitPart).min(1, '至少拆出一份').max(MAX_SPLIT_PARTS, `一次最多拆出 ${MAX_SPLIT_PARTS} 份`),
      note: optText(500),
    }),
    output: z.object({ parent: itemDto, parts: z.array(itemDto) }),
  },
  'item.recordOutcome': {
    summary: '随案移送后的去向：接收单位登记发还、销毁、没收上缴或移交其他机关',
    permission: 'request.create',
    input: z.object({
      itemId: id,
      outcome: z.enum(AWAY_OUTCOMES),
      docNo: text(80),
      outcomeDate: day,
      /** 领取人 or 接收单位. */
      receiverName: optText(50),
      note: optText(500),
    }),
    output: itemDto,
  },
});
