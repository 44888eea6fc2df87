/** Corrections of registered data and lost reports (approved by the holding agency), found items, discrepancies. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, optText, page, text } from './common.schemas';
import { itemDto } from './item.contract';
import { witnessInput } from './custody.contract';
import { ITEM_CATEGORIES, ITEM_FLAGS } from '../domain/enums';
import { DISCREPANCY_KINDS } from '../domain/corrections';
import { proposalDto, type ProposalDto } from './proposal.schemas';

const clearable = (max: number) => z.string().trim().max(max).nullable().optional();
const amount = z.number().min(0).max(1e12).nullable().optional();

/** New values, only for the fields being corrected; null clears an optional field. */
export const correctionChanges = z
  .object({
    name: text(200).optional(),
    spec: clearable(200),
    quantity: z.number().positive('数量必须大于 0').max(1e9).optional(),
    unit: text(20).optional(),
    cashAmount: amount,
    estimatedValue: amount,
    category: z.enum(ITEM_CATEGORIES).optional(),
    flags: z.array(z.enum(ITEM_FLAGS)).optional(),
    ownerName: clearable(100),
    ownerIdNo: clearable(40),
    seizureDocNo: text(80).optional(),
  })
  .strict();
export type CorrectionChanges = z.infer<typeof correctionChanges>;

export { proposalDto, type ProposalDto };

const itemOut = z.object({ eventIds: z.array(z.number()), item: itemDto });

export const correctionContract = defineMethods({
  'correction.propose': {
    summary: '申请更正物品登记信息',
    permission: 'item.register',
    input: z.object({ itemId: id, changes: correctionChanges, reason: text(500) }),
    output: proposalDto,
  },
  'lost.report': {
    summary: '报告物品遗失（待审批）',
    permission: 'item.register',
    input: z.object({ itemId: id, reason: text(500) }),
    output: proposalDto,
  },
  'proposal.decide': {
    summary: '审批更正或遗失报告',
    permission: 'request.decide',
    input: z.object({ id, approve: z.boolean(), comment: optText(1000) }),
    output: proposalDto,
  },
  'proposal.list': {
    summary: '更正与遗失报告列表',
    permission: 'item.read',
    input: z.object({ itemId: id.optional(), toDecide: z.boolean().optional() }).extend(page.shape),
    output: z.object({ total: z.number(), rows: z.array(proposalDto) }),
    readonly: true,
  },
  'item.found': {
    summary: '遗失物品找回（找回后须重新上架）',
    permission: 'custody.handle',
    input: z.object({ itemId: id, note: text(500), witness: witnessInput.optional() }),
    output: itemOut,
  },
  'discrepancy.record': {
    summary: '登记差异（封签、短少、损坏、调换）',
    permission: 'custody.handle',
    input: z.object({
      itemId: id,
      kind: z.enum(DISCREPANCY_KINDS),
      note: text(500),
      /** Seal: the seal number actually found on the package (becomes the recorded seal number). */
      observedSealNo: optText(60),
      /** Cash shortage: the amount actually counted; changes the recorded amount by a CORRECTION (two-person rule). */
      cashAmountFound: z.number().min(0).max(1e12).optional(),
      witness: witnessInput.optional(),
    }),
    output: itemOut,
  },
});
