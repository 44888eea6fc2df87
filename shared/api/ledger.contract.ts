import { z } from 'zod';
import { defineMethods } from './define';
import { empty } from './common.schemas';

export const verifyResultDto = z.object({
  ok: z.boolean(),
  checked: z.number(),
  headSeq: z.number(),
  headHash: z.string(),
  lastEventId: z.number().nullable(),
  firstBreak: z
    .object({ eventId: z.number().nullable(), seq: z.number(), kind: z.enum(['altered', 'missing', 'inserted']), message: z.string() })
    .nullable(),
  /**
   * Full checks also replay the item events against the item rows, look for the append-only triggers and the count
   * triggers on items (0022), and compare the count tables with a direct grouping of items.
   */
  integrity: z
    .object({
      items: z.number(),
      events: z.number(),
      mismatches: z.array(
        z.object({
          itemId: z.number(),
          code: z.string(),
          field: z.enum(['status', 'holding_agency_id', 'location_id']),
          row: z.union([z.string(), z.number()]).nullable(),
          ledger: z.union([z.string(), z.number()]).nullable(),
          eventSeq: z.number().nullable(),
          message: z.string(),
        }),
      ),
      missingTriggers: z.array(z.string()),
      missingCountTriggers: z.array(z.string()),
      countDrift: z.array(z.object({ table: z.string(), kept: z.number(), actual: z.number(), message: z.string() })),
    })
    .optional(),
});

export const ledgerContract = defineMethods({
  // Read-only: the full check reads one snapshot (a read transaction); its checkpoint is a short write of its own.
  'ledger.verify': { summary: '校验流转账本（全量）', permission: 'audit.read', input: empty, output: verifyResultDto, readonly: true },
  'ledger.head': {
    summary: '账本链头',
    permission: 'item.read',
    input: empty,
    output: z.object({ seq: z.number(), hash: z.string() }),
    readonly: true,
  },
});
