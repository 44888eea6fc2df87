import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id } from './common.schemas';

export const LABEL_STOCK_VALUES = ['60x40', '100x50', '40x30', 'a4'] as const;
export const labelStock = z.enum(LABEL_STOCK_VALUES).default('60x40');
/** Most labels in one print (job or call). */
export const LABELS_PER_JOB = 1000;

export const documentContract = defineMethods({
  'label.items': {
    summary: '打印物品标签',
    permission: 'custody.handle',
    input: z.object({
      itemIds: z.array(id).min(1).max(LABELS_PER_JOB),
      stock: labelStock,
      /** Force 补打标签 even for an item never labelled before. */
      reprint: z.boolean().optional(),
    }),
    output: fileOut,
    // Reads outside a transaction; the label events are written in short transactions of their own.
    readonly: true,
  },
  'label.locations': {
    summary: '打印库位标签',
    // Custodians and admins (who set up the locations); checked in the handler.
    permission: 'authenticated',
    input: z.object({ locationIds: z.array(id).min(1).max(LABELS_PER_JOB), stock: labelStock }),
    output: fileOut,
    readonly: true,
  },
  'document.itemTrail': {
    summary: '打印物品流转记录',
    permission: 'item.read',
    input: z.object({ itemId: id }),
    output: fileOut,
    // The cover shows the latest ledger check (no re-check); serial and print event are a short write of their own.
    readonly: true,
  },
  'document.caseTrail': {
    summary: '打印案件流转记录',
    permission: 'item.read',
    input: z.object({ caseId: id }),
    output: fileOut,
    readonly: true,
  },
});
