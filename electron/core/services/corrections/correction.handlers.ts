/** Corrections, lost reports and their approval, found items, discrepancies. */
import type { HandlerMap } from '../../api/handler-types';
import type { correctionContract } from '../../../../shared/api/correction.contract';
import { decideProposal, listProposals, proposeCorrection, reportLost } from './proposal.service';
import { markFound, recordDiscrepancy } from './discrepancy.service';

export const correctionHandlers: HandlerMap<keyof typeof correctionContract> = {
  'correction.propose': proposeCorrection,
  'lost.report': reportLost,
  'proposal.decide': decideProposal,
  'proposal.list': listProposals,
  'item.found': markFound,
  'discrepancy.record': recordDiscrepancy,
};
