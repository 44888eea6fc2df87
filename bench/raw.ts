/**
 * Raw limits on the same file in the same run: better-sqlite3 prepared statements with no app code in between,
 * and node:crypto over the ledger's canonical bytes. The app's figures are printed as ratios of these.
 */
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { canonicalEvent, type HashedFields } from '../electron/core/ledger/ledger.canonical';
import { now, pct } from './stats';

export function openRaw(file: string) {
  const raw = new BetterSqlite3(file);
  raw.pragma('busy_timeout = 5000');
  return raw;
}

/** The row a scan shows: the item with its case, holding agency, location code and open request, by code. */
const ITEM_ROW_BY_CODE = `SELECT i.*, c.case_no, c.name AS case_name, ha.name AS holding_agency_name, l.code AS location_code, l.name AS location_name,
  (SELECT r.request_no FROM request_items ri JOIN requests r ON r.id = ri.request_id WHERE ri.item_id = i.id AND ri.open = 1) AS open_request_no
  FROM items i JOIN cases c ON c.id = i.case_id JOIN agencies ha ON ha.id = i.holding_agency_id LEFT JOIN locations l ON l.id = i.location_id
  WHERE i.code = ?`;

/** p95 and p50 of that row as a raw prepared point select (no session, no checks, no DTO). */
export function rawPointSelect(raw: BetterSqlite3.Database, codes: string[]): { p50: number; p95: number } {
  const stmt = raw.prepare(ITEM_ROW_BY_CODE);
  for (const c of codes.slice(0, 50)) stmt.get(c);
  const t: number[] = [];
  for (const c of codes) {
    const s = now();
    stmt.get(c);
    t.push(now() - s);
  }
  return { p50: pct(t, 50), p95: pct(t, 95) };
}

/**
 * Rows per second for what one registration writes (an items row, its holder, its search entry, a ledger event),
 * as raw prepared inserts in one transaction, rolled back so the dataset stays as it was.
 */
export function rawRegisterInserts(raw: BetterSqlite3.Database, n: number): number {
  const tpl = raw.prepare('SELECT * FROM items ORDER BY id LIMIT 1').get() as Record<string, unknown>;
  const ev = raw.prepare('SELECT * FROM custody_events ORDER BY id LIMIT 1').get() as Record<string, unknown>;
  const cols = Object.keys(tpl).filter((c) => c !== 'id');
  const evCols = Object.keys(ev).filter((c) => c !== 'id');
  const insItem = raw.prepare(`INSERT INTO items (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`);
  const insHolder = raw.prepare('INSERT INTO item_holders (item_id, agency_id) VALUES (?, ?)');
  const hasFts = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'items_fts'").get() !== undefined;
  const insFts = hasFts ? raw.prepare('INSERT INTO items_fts(rowid, code, name, case_no, owner_name) VALUES (?, ?, ?, ?, ?)') : null;
  const insEvent = raw.prepare(`INSERT INTO custody_events (${evCols.join(',')}) VALUES (${evCols.map((c) => '@' + c).join(',')})`);
  const maxSeq = (raw.prepare('SELECT max(seq) AS m FROM custody_events').get() as { m: number }).m;
  const t = now();
  raw.exec('BEGIN IMMEDIATE');
  try {
    for (let k = 0; k < n; k++) {
      const code = `RAW-${k}`;
      const r = insItem.run({ ...tpl, code });
      const id = Number(r.lastInsertRowid);
      insHolder.run(id, tpl.holding_agency_id);
      insFts?.run(id, code, tpl.name, 'RAW', tpl.owner_name ?? '');
      insEvent.run({ ...ev, seq: maxSeq + 1 + k, item_id: id, hash: String(k).padStart(64, '0') });
    }
    const ms = now() - t;
    return (n / ms) * 1000;
  } finally {
    raw.exec('ROLLBACK');
  }
}

/** Reading every event and SHA-256 over its canonical bytes, streamed (the floor of a full ledger check). */
export function rawLedgerHash(raw: BetterSqlite3.Database): { ms: number; events: number } {
  const page = raw.prepare('SELECT * FROM custody_events WHERE id > ? ORDER BY id LIMIT 5000');
  const t = now();
  let events = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after) as (HashedFields & { hash: string })[];
    if (!rows.length) break;
    for (const row of rows) createHash('sha256').update('seized-custody-v1\n').update(canonicalEvent(row)).digest('hex');
    events += rows.length;
    after = (rows[rows.length - 1] as unknown as { id: number }).id;
  }
  return { ms: now() - t, events };
}
