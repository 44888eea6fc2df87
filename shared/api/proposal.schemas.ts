/** An item's correction or lost report as the API shows it (its own file: the item page carries them too). */
import { z } from 'zod';
import { CORRECTABLE_FIELDS, PROPOSAL_KINDS, PROPOSAL_STATUSES } from '../domain/corrections';

export const proposalDto = z.object({
  id: z.number(),
  kind: z.enum(PROPOSAL_KINDS),
  status: z.enum(PROPOSAL_STATUSES),
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  caseNo: z.string(),
  agencyName: z.string(),
  /** Old and new value of each corrected field (values as in the item DTO). */
  changes: z.array(z.object({ field: z.enum(CORRECTABLE_FIELDS), from: z.unknown(), to: z.unknown() })),
  reason: z.string(),
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  eventId: z.number().nullable(),
  /** The signed-in user may approve or reject it now. */
  canDecide: z.boolean(),
});
export type ProposalDto = z.infer<typeof proposalDto>;
