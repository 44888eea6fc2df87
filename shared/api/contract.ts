/** The API contract: every method with its input schema, output schema and permission. */
import type { z } from 'zod';
import { authContract } from './auth.contract';
import { adminContract } from './admin.contract';
import { itemContract } from './item.contract';
import { ledgerContract } from './ledger.contract';
import { custodyContract } from './custody.contract';
import { requestContract } from './request.contract';
import { documentContract } from './document.contract';
import { storeContract } from './store.contract';
import { jobContract } from './job.contract';
import { stocktakeContract } from './stocktake.contract';
import { correctionContract } from './correction.contract';
import { securityContract } from './security.contract';
import { reportContract } from './report.contract';
import { supervisionContract } from './supervision.contract';
import { externalContract } from './external.contract';
import { caseLifeContract } from './case-life.contract';
import { importContract } from './import.contract';
import { exportContract } from './export.contract';
import { documentCheckContract } from './document-check.contract';
import { lotContract } from './lot.contract';
import { valueContract } from './value.contract';
import { backupContract } from './backup.contract';
import { scopeTrailContract } from './scope-trail.contract';

export const contract = {
  ...authContract,
  ...adminContract,
  ...itemContract,
  ...ledgerContract,
  ...custodyContract,
  ...requestContract,
  ...documentContract,
  ...storeContract,
  ...jobContract,
  ...stocktakeContract,
  ...correctionContract,
  ...securityContract,
  ...reportContract,
  ...supervisionContract,
  ...externalContract,
  ...caseLifeContract,
  ...importContract,
  ...exportContract,
  ...documentCheckContract,
  ...lotContract,
  ...valueContract,
  ...backupContract,
  ...scopeTrailContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
