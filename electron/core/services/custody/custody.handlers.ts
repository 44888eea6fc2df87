/** Custodian desk: intake, put-away, moves, photos, seals, alerts, export. */
import type { HandlerMap } from '../../api/handler-types';
import type { custodyContract } from '../../../../shared/api/custody.contract';
import { intakeHandlers } from './intake.service';
import { intakeReceiptHandlers } from './intake-receipt.service';
import { putawayHandlers } from './putaway.service';
import { photoHandlers } from '../items/photo.service';
import { alertHandlers } from '../alerts/alert.service';
import { exportHandlers } from '../items/export.service';
import { sealHandlers } from './seal.service';

export const custodyHandlers: HandlerMap<keyof typeof custodyContract> = {
  ...intakeHandlers,
  ...intakeReceiptHandlers,
  ...putawayHandlers,
  ...photoHandlers,
  ...alertHandlers,
  ...exportHandlers,
  ...sealHandlers,
};
