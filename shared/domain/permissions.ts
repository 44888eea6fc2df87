/** Permissions and which roles hold them. Dispatch enforces these; the UI only mirrors them. */
import type { Role } from './enums';

export const PERMISSIONS = [
  'public', // no session needed (login)
  'authenticated', // any signed-in user
  'admin.manage', // users, agencies, locations, settings
  'case.write', // create cases (case officers)
  'case.stage', // move the hosted case to its next stage on a document, record the agency's case number
  'item.register', // register seized items and their photos: officers for their cases, custodians on behalf of a case unit
  'item.read',
  'custody.handle', // intake, put-away, labels, check out/in, execute
  'request.create', // loans, transfers, returns, dispositions
  'request.decide', // approve or reject
  'transfer.accept', // accept a transfer on behalf of the receiving agency
  'audit.read', // ledger check, audit trails
  'report.read', // statistics, dashboard, exception lists
  'supervision.issue', // record, close or return a supervision opinion (inspectors)
  'supervision.answer', // answer an opinion addressed to one's agency (approvers)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['authenticated', 'admin.manage', 'item.read'],
  custodian: ['authenticated', 'item.read', 'custody.handle', 'item.register'],
  case_officer: ['authenticated', 'item.read', 'case.write', 'case.stage', 'item.register', 'request.create'],
  approver: ['authenticated', 'item.read', 'case.stage', 'request.decide', 'transfer.accept', 'supervision.answer'],
  inspector: ['authenticated', 'item.read', 'audit.read', 'report.read', 'supervision.issue'],
};

/** Roles that handle custody (write to the ledger through intake, requests, approvals). */
const CUSTODY_ROLES: readonly Role[] = ['custodian', 'case_officer', 'approver'];

/**
 * Roles that must not be combined: the admin takes no part in custody and the inspector is read-only,
 * so neither may also hold a custody role. Returns the Chinese refusal, or null when the set is fine.
 */
export function roleConflict(roles: readonly Role[]): string | null {
  const custody = roles.filter((r) => CUSTODY_ROLES.includes(r));
  if (custody.length === 0) return null;
  if (roles.includes('admin')) return '系统管理员不参与保管业务，不能同时担任保管员、办案人员或审批人';
  if (roles.includes('inspector')) return '监督员只读，不能同时担任保管员、办案人员或审批人';
  return null;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  if (permission === 'public') return true;
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
