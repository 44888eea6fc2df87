/** Chinese names of every enum value an input may take, so a refusal can list the allowed values in Chinese. */
import {
  AGENCY_KIND_LABELS, CASE_STAGE_LABELS, EVENT_TYPE_LABELS, ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, ITEM_SOURCE_LABELS,
  ITEM_STATUS_LABELS, LOCATION_KIND_LABELS, ROLE_LABELS,
} from '../domain/enums';
import {
  CLAIMANT_ID_TYPE_LABELS, DISPOSITION_METHOD_LABELS, INBOX_BOX_LABELS, LOAN_PURPOSE_LABELS, REQUEST_ACTION_LABELS,
  REQUEST_DOC_TYPE_LABELS, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, RETURN_CONDITION_LABELS, TRANSFER_MODE_LABELS,
} from '../domain/requests';
import { CORRECTABLE_FIELD_LABELS, DISCREPANCY_KIND_LABELS, PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS } from '../domain/corrections';
import { CASE_TYPE_LABELS, STAGE_DOC_KINDS } from '../domain/case-life';
import { EXTERNAL_KIND_LABELS } from '../domain/external';
import { SECURITY_EVENT_LABELS } from '../domain/security';
import { IMPORT_FIELD_LABELS } from '../domain/import-fields';
import { AWAY_OUTCOME_LABELS } from '../domain/lots';
import { EXCEPTION_KIND_LABELS } from './report.contract';
import { SUPERVISION_KIND_LABELS, SUPERVISION_TARGET_LABELS } from './supervision.contract';

/** Document kinds are already Chinese: each names itself. */
const STAGE_DOC_LABELS: Record<string, string> = Object.fromEntries(STAGE_DOC_KINDS.map((k) => [k, k]));

/** Small enums written inline in the contract. */
const INLINE_LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片', 'image/webp': 'WebP 图片',
  seal: '封存', unseal: '启封',
  incoming: '调入', outgoing: '调出',
  full: '全量', incremental: '增量',
  'backup.run': '备份',
  agency: '单位', location: '库房/库位', period: '期间',
  '60x40': '60×40 毫米', '100x50': '100×50 毫米', '40x30': '40×30 毫米', a4: 'A4 纸',
};

/**
 * Label maps in order of preference: a refusal names its values from the first map that holds all of them, so
 * an enum is told by its own map even where values overlap (e.g. 'cash' is both a category and a flag).
 */
const LABEL_MAPS: readonly Record<string, string>[] = [
  ROLE_LABELS, AGENCY_KIND_LABELS, ITEM_STATUS_LABELS, EVENT_TYPE_LABELS, ITEM_CATEGORY_LABELS, ITEM_SOURCE_LABELS,
  ITEM_FLAG_LABELS, CASE_STAGE_LABELS, LOCATION_KIND_LABELS, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS,
  TRANSFER_MODE_LABELS, DISPOSITION_METHOD_LABELS, LOAN_PURPOSE_LABELS, RETURN_CONDITION_LABELS, REQUEST_ACTION_LABELS,
  CLAIMANT_ID_TYPE_LABELS, INBOX_BOX_LABELS, REQUEST_DOC_TYPE_LABELS, CORRECTABLE_FIELD_LABELS, PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS, DISCREPANCY_KIND_LABELS, CASE_TYPE_LABELS, EXTERNAL_KIND_LABELS, SECURITY_EVENT_LABELS,
  IMPORT_FIELD_LABELS, EXCEPTION_KIND_LABELS, SUPERVISION_KIND_LABELS, SUPERVISION_TARGET_LABELS, STAGE_DOC_LABELS, AWAY_OUTCOME_LABELS, INLINE_LABELS,
];

/** The Chinese names of `values`, or null when some value has none (the caller then lists nothing). */
export function valueLabels(values: readonly unknown[]): string[] | null {
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return values.map((v) => (v ? '是' : '否'));
  const own = (m: Record<string, string>, v: unknown) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(m, v);
  const map = LABEL_MAPS.find((m) => values.every((v) => own(m, v)));
  return map ? values.map((v) => map[v as string]!) : null;
}
