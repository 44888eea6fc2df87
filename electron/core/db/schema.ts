/** Kysely table types. Timestamps are ISO-8601 UTC text, booleans 0/1, JSON as text: dialect-neutral. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  badge_no: string | null;
  agency_id: number;
  roles: string; // JSON array of Role
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  must_change_password: number;
  active: number;
  created_at: string;
  /** The store a custodian works in. */
  store_id: number | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  /** Last call on this session (idle timeout); refreshed at most once a minute. */
  last_seen_at: string | null;
}

/** 0016: the security log (append-only, hash-chained). */
export interface SecurityEventTable {
  id: Generated<number>;
  seq: number;
  kind: string;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  subject_user_id: number | null;
  subject_name: string | null;
  client: string | null;
  detail: string; // JSON
  prev_hash: string;
  hash: string;
}

/** 0016: failed-password counters per key ('acct:<username>@<client>' or 'addr:<client>'). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  /** How many times this key was locked: each lock lasts longer. */
  locks: number;
  locked_until: string | null;
  updated_at: string;
}

export interface LocationTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  active: number;
  created_at: string;
  /** The tree's root (kind 'store'). */
  store_id: number | null;
  /** Materialised id path, '/1/4/9/': a subtree is `path LIKE '/1/4/%'`. */
  path: string | null;
}

export interface CaseTable {
  id: Generated<number>;
  case_no: string;
  name: string;
  cause: string | null;
  host_agency_id: number;
  officer_name: string | null;
  stage: string;
  created_by: number;
  created_at: string;
  /** CaseType (0012). */
  case_type: string | null;
  /** Each agency's own number for the case: 公安案件编号, 检察受案号, 法院案号 (0012). */
  police_no: string | null;
  procuratorate_no: string | null;
  court_no: string | null;
}

export interface ItemTable {
  id: Generated<number>;
  code: string;
  case_id: number;
  name: string;
  category: string;
  spec: string | null;
  quantity: number;
  unit: string;
  features: string | null;
  estimated_value: number | null;
  cash_amount: number | null;
  source: string;
  owner_name: string | null;
  owner_id_no: string | null;
  seizure_doc_no: string | null;
  seized_at: string;
  seized_by: string | null;
  seal_no: string | null;
  flags: string; // JSON array of ItemFlag
  status: string;
  location_id: number | null;
  /** Who has it when it is not on a shelf (borrower, receiving agency). */
  out_with: string | null;
  holding_agency_id: number;
  created_by: number;
  created_at: string;
  updated_at: string;
  /** The store that has the item (null before intake). */
  store_id: number | null;
  /** When it was found to be unrelated to the case: the 3-day release clock starts here (0011). */
  unrelated_since: string | null;
  /** The lot this item was split off (0018). */
  parent_item_id: number | null;
}

export interface ItemPhotoTable {
  id: Generated<number>;
  item_id: number;
  sha256: string;
  mime: string;
  size: number;
  created_by: number;
  created_at: string;
}

export interface CustodyEventTable {
  id: Generated<number>;
  seq: number;
  type: string;
  item_id: number | null;
  case_id: number | null;
  request_id: number | null;
  actor_user_id: number;
  actor_name: string;
  counterpart: string | null; // JSON Person
  witnesses: string; // JSON Person[]
  agency_from_id: number | null;
  agency_to_id: number | null;
  location_from_id: number | null;
  location_to_id: number | null;
  legal_doc_no: string | null;
  condition_note: string | null;
  note: string | null;
  payload: string; // JSON object
  occurred_at: string;
  prev_hash: string;
  hash: string;
}

export interface LedgerHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A completed ledger check: the chain was verified up to `seq` (event `event_id`, hash `hash`), or broke. */
export interface LedgerCheckpointTable {
  id: Generated<number>;
  seq: number;
  event_id: number | null;
  hash: string;
  /** 'full' | 'incremental' */
  mode: string;
  ok: number;
  checked: number;
  message: string | null;
  checked_at: string;
  /** null: the nightly check the server runs by itself. */
  checked_by: number | null;
  checked_by_name: string;
}

export interface SequenceTable {
  scope: string;
  next_value: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RequestTable {
  id: Generated<number>;
  request_no: string;
  kind: string;
  status: string;
  mode: string | null;
  case_id: number | null;
  from_agency_id: number;
  to_agency_id: number | null;
  reason: string | null;
  legal_basis: string | null;
  due_at: string | null;
  details: string; // JSON: kind-specific (claimant, disposition method, witnesses…)
  created_by: number;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  executed_by: number | null;
  executed_at: string | null;
  accepted_by: number | null;
  accepted_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface RequestItemTable {
  request_id: number;
  item_id: number;
  /** 1 while the request is open; a partial unique index keeps one open request per item. */
  open: number;
}

/** Every agency that holds or has held an item (register, accepted transfer): who may read it. */
export interface ItemHolderTable {
  item_id: number;
  agency_id: number;
}

/** Every agency that hosts or has hosted a case, or holds or has held one of its items. */
export interface CaseHolderTable {
  case_id: number;
  agency_id: number;
}

/** Every store that has had an item: custodians read their store's items through it. */
export interface ItemStoreTable {
  item_id: number;
  store_id: number;
}

export interface StoreTransferTable {
  id: Generated<number>;
  transfer_no: string;
  from_store_id: number;
  to_store_id: number;
  /** IN_TRANSIT until the receiving custodian has scanned every item in, then RECEIVED. */
  status: string;
  note: string | null;
  created_by: number;
  created_at: string;
  received_by: number | null;
  received_at: string | null;
}

export interface StoreTransferItemTable {
  transfer_id: number;
  item_id: number;
  received: number;
}

/** A correction or lost report waiting for (or decided by) an approver of the holding agency (0011). */
export interface ItemProposalTable {
  id: Generated<number>;
  item_id: number;
  /** 'correction' | 'lost' */
  kind: string;
  /** 'pending' | 'approved' | 'rejected' */
  status: string;
  /** The holding agency when proposed: its approvers decide. */
  agency_id: number;
  changes: string; // JSON: field → { from, to }
  reason: string;
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  event_id: number | null;
}

/** Off-site property (外部保管): kind, where it is, the notice and the term (0012). Dates are 'YYYY-MM-DD'. */
export interface ExternalCustodyTable {
  item_id: number;
  /** 'deposit' | 'real_estate' | 'movable' */
  kind: string;
  /** Bank or institution, property registry, or keeper. */
  institution: string;
  account_no: string | null;
  certificate_no: string | null;
  address: string | null;
  amount: number | null;
  notice_no: string;
  start_date: string;
  end_date: string;
  released_at: string | null;
  updated_at: string;
}

/** A saved column mapping of the import wizard (0015): field → spreadsheet header, JSON. */
export interface ImportMappingTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  mapping: string;
  created_by: number;
  created_at: string;
}

/** Backup settings, one row with id 1 (0020). folder null: not chosen yet, no scheduled backups. */
export interface BackupSettingsTable {
  id: number;
  folder: string | null;
  interval_hours: number;
  keep: number;
  updated_at: string;
}

/** One backup attempt and its check (0020). size_bytes is bigint: PostgreSQL returns it as a string. */
export interface BackupTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  trigger: string;
  engine: string;
  file: string;
  size_bytes: ColumnType<number | string, number, number>;
  events: number;
  head_hash: string;
  photos: number;
  ok: number;
  failure: string | null;
  pruned_at: string | null;
}

/** A signed ledger checkpoint (0013). */
export interface LedgerAnchorTable {
  id: Generated<number>;
  seq: number;
  hash: string;
  signed_at: string;
  key_id: string;
  /** Ed25519 signature, base64, over anchorMessage(seq, hash, signed_at, key_id). */
  signature: string;
  /** 'daily' | 'manual' */
  reason: string;
  signed_by_name: string;
}

/** A printed document: its RECEIPT_PRINTED event and the hash over the events it covers (0013). */
export interface DocumentTable {
  serial_no: string;
  printed_seq: number;
  events_hash: string;
  event_count: number;
}

/** The events a printed document covers, as they were when it was printed (0013). */
export interface DocumentCoverTable {
  serial_no: string;
  seq: number;
  hash: string;
}

/** 0019: statistics aggregate, one row per Shanghai day × event type × agency × store × category × case type. */
export interface ReportDailyTable {
  day: string;
  type: string;
  /** Holding agency after the event; 0 when unknown. */
  agency_id: number;
  /** The item's store after the event; 0 when none. */
  store_id: number;
  category: string;
  /** The case's type; '' when unset. */
  case_type: string;
  n: number;
  /** Sum of the items' cash amount, else estimate. */
  v: number;
}

/** 0022: items per status × category × holding agency × store (0 = none), kept by triggers on items. */
export interface ItemCountTable {
  status: string;
  category: string;
  holding_agency_id: number;
  store_id: number;
  n: number;
  /** Cash amount, else estimate, in fen (bigint: PostgreSQL returns a string). */
  value_fen: number | string;
}

/** 0022: items per location × status (items with a location only), kept by triggers on items. */
export interface LocationCountTable {
  location_id: number;
  status: string;
  n: number;
}

export interface IntegrityLogTable {
  id: Generated<number>;
  at: string;
  kind: string;
  detail: string;
}

/** Where the value went (0017): a sale, a confiscation or a cash deposit to the 涉案款专户. Insert-only. */
export interface ValueRecordTable {
  id: Generated<number>;
  /** 'sale' | 'confiscation' | 'deposit' */
  kind: string;
  item_id: number;
  case_id: number;
  request_id: number | null;
  amount: number | null;
  /** Buyer or auction house; receiving unit; the bank account. */
  party: string | null;
  /** 成交确认书, 上缴凭证/国库缴款书 or bank slip number. */
  voucher_no: string;
  /** A sale: the new cash item holding the proceeds. */
  proceeds_item_id: number | null;
  event_id: number;
  recorded_by: number;
  recorded_at: string;
}

export interface Database {
  agencies: AgencyTable;
  users: UserTable;
  sessions: SessionTable;
  locations: LocationTable;
  cases: CaseTable;
  items: ItemTable;
  item_photos: ItemPhotoTable;
  custody_events: CustodyEventTable;
  ledger_head: LedgerHeadTable;
  ledger_checkpoints: LedgerCheckpointTable;
  sequences: SequenceTable;
  settings: SettingTable;
  requests: RequestTable;
  request_items: RequestItemTable;
  item_holders: ItemHolderTable;
  case_holders: CaseHolderTable;
  item_stores: ItemStoreTable;
  store_transfers: StoreTransferTable;
  store_transfer_items: StoreTransferItemTable;
  /** One row per item and flag; kept in step with items.flags by triggers (0006). */
  item_flags: { item_id: number; flag: string };
  stocktakes: StocktakeTable;
  stocktake_expected: StocktakeExpectedTable;
  stocktake_scans: StocktakeScanTable;
  stocktake_discrepancies: StocktakeDiscrepancyTable;
  custodian_assignments: CustodianAssignmentTable;
  item_proposals: ItemProposalTable;
  security_events: SecurityEventTable;
  login_throttle: LoginThrottleTable;
  supervision_records: SupervisionRecordTable;
  external_custody: ExternalCustodyTable;
  import_mappings: ImportMappingTable;
  backup_settings: BackupSettingsTable;
  backups: BackupTable;
  ledger_anchors: LedgerAnchorTable;
  documents: DocumentTable;
  document_covers: DocumentCoverTable;
  integrity_log: IntegrityLogTable;
  report_daily: ReportDailyTable;
  item_counts: ItemCountTable;
  location_counts: LocationCountTable;
  value_records: ValueRecordTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type UserRow = Selectable<UserTable>;
export type ItemRow = Selectable<ItemTable>;
export type CaseRow = Selectable<CaseTable>;
export type LocationRow = Selectable<LocationTable>;
export type EventRow = Selectable<CustodyEventTable>;
export type NewEventRow = Insertable<CustodyEventTable>;
export type RequestRow = Selectable<RequestTable>;

export interface StocktakeTable {
  id: Generated<number>;
  count_no: string;
  store_id: number;
  scope_location_id: number;
  scope_path: string;
  blind: number;
  status: string; // OPEN | PAUSED | CLOSED
  note: string | null;
  opened_by: number;
  opened_at: string;
  closed_by: number | null;
  closed_at: string | null;
}

export interface StocktakeExpectedTable {
  stocktake_id: number;
  item_id: number;
  location_id: number;
}

export interface StocktakeScanTable {
  id: Generated<number>;
  stocktake_id: number;
  code: string;
  item_id: number | null;
  result: string;
  location_id: number | null;
  detail: string | null;
  scanned_by: number;
  scanned_at: string;
}

export interface StocktakeDiscrepancyTable {
  id: Generated<number>;
  stocktake_id: number;
  kind: string;
  code: string;
  item_id: number | null;
  expected_location_id: number | null;
  found_location_id: number | null;
  detail: string | null;
  status: string; // OPEN | PROPOSED | RESOLVED
  note: string | null;
  proposed_by: number | null;
  proposed_at: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  agency_id: number | null;
  event_id: number | null;
}

export interface CustodianAssignmentTable {
  id: Generated<number>;
  user_id: number;
  store_id: number;
  assigned_at: string;
}
export type StocktakeRow = Selectable<StocktakeTable>;
export type ItemProposalRow = Selectable<ItemProposalTable>;

/** 监督意见 / 纠正违法通知 (0014): OPEN → ANSWERED → CLOSED, or back to OPEN when the inspector returns it. */
export interface SupervisionRecordTable {
  id: Generated<number>;
  record_no: string;
  /** 'opinion' | 'correction_notice' */
  kind: string;
  /** 'item' | 'request' | 'case' | 'agency' */
  target_type: string;
  item_id: number | null;
  case_id: number | null;
  request_id: number | null;
  /** The addressed agency: its approvers answer. */
  agency_id: number;
  finding: string;
  legal_basis: string;
  deadline: string;
  status: string;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  close_note: string | null;
  closed_by: number | null;
  closed_at: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export type SupervisionRecordRow = Selectable<SupervisionRecordTable>;
