/** Every contract method mapped to its service function. The type makes a missing handler a compile error. */
import type { MethodName } from '../../../shared/api/contract';
import type { HandlerMap } from './handler-types';
import { authHandlers } from '../services/auth/auth.service';
import { adminHandlers } from '../services/admin/admin.handlers';
import { itemHandlers } from '../services/items/item.handlers';
import { ledgerHandlers } from '../ledger/ledger.handlers';
import { custodyHandlers } from '../services/custody/custody.handlers';
import { requestHandlers } from '../services/requests/request.handlers';
import { documentHandlers } from '../documents/document.handlers';
import { storeHandlers } from '../services/stores/store-transfer.service';
import { jobHandlers } from '../jobs/job.handlers';
import { stocktakeHandlers } from '../services/stocktake/stocktake.handlers';
import { correctionHandlers } from '../services/corrections/correction.handlers';
import { securityHandlers } from '../services/security/security.handlers';
import { reportHandlers } from '../services/reports/report.handlers';
import { externalHandlers } from '../services/external/external.service';
import { caseLifeHandlers } from '../services/cases/case-life.service';
import { importHandlers } from '../services/import/import.handlers';
import { exportHandlers as caseExportHandlers } from '../services/exports/export.handlers';
import { anchorHandlers } from '../ledger/anchor.handlers';
import { lotHandlers } from '../services/lots/lot.handlers';
import { valueHandlers } from '../services/dispositions/value.handlers';
import { backupHandlers } from '../services/backup/backup.handlers';
import { scopeTrailHandlers } from '../documents/scope-trail.size';

export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...adminHandlers,
  ...itemHandlers,
  ...ledgerHandlers,
  ...custodyHandlers,
  ...requestHandlers,
  ...documentHandlers,
  ...storeHandlers,
  ...jobHandlers,
  ...stocktakeHandlers,
  ...correctionHandlers,
  ...securityHandlers,
  ...reportHandlers,
  ...externalHandlers,
  ...caseLifeHandlers,
  ...importHandlers,
  ...caseExportHandlers,
  ...anchorHandlers,
  ...lotHandlers,
  ...valueHandlers,
  ...backupHandlers,
  ...scopeTrailHandlers,
};
