/**
 * Raw limits on the same file in the same run: better-sqlite3 prepared statements with no app code in between,
 * and node:crypto over the ledger's canonical bytes. The app's figures are printed as ratios of these.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { canonicalEvent, type HashedFields } from '../electron/core/ledger/ledger.canonical';
import { itemGrams } from '../electron/core/db/dialect';
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
 * Rows per second for what one registration writes (an items row with its triggers, its holder, its search entries
 * (trigram FTS and the 1–2 character index), a ledger event), as raw prepared inserts row by row in one transaction,
 * with foreign keys checked as the app's connection does, rolled back so the dataset stays as it was. Not included:
 * the commit (rawCommits), hashing (rawHashChain), per-batch rows (sequence, case holder, ledger head).
 * `search: false` leaves the search entries out; `only: 'search'` writes nothing but them.
 */
export function rawRegisterInserts(raw: BetterSqlite3.Database, n: number, opts: { search?: boolean; only?: 'search' } = {}): number {
  const search = opts.search !== false;
  const rest = opts.only !== 'search';
  const tpl = raw.prepare('SELECT i.*, c.case_no FROM items i JOIN cases c ON c.id = i.case_id ORDER BY i.id LIMIT 1').get() as Record<string, unknown>;
  const caseNo = String(tpl.case_no);
  delete tpl.case_no;
  const ev = raw.prepare('SELECT * FROM custody_events ORDER BY id LIMIT 1').get() as Record<string, unknown>;
  const cols = Object.keys(tpl).filter((c) => c !== 'id');
  const evCols = Object.keys(ev).filter((c) => c !== 'id');
  const insItem = raw.prepare(`INSERT INTO items (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`);
  const insHolder = raw.prepare('INSERT INTO item_holders (item_id, agency_id) VALUES (?, ?)');
  const has = (name: string) => raw.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) !== undefined;
  const insFts = has('items_fts') ? raw.prepare('INSERT INTO items_fts(rowid, code, name, case_no, owner_name) VALUES (?, ?, ?, ?, ?)') : null;
  const insGrams = has('items_grams') ? raw.prepare('INSERT INTO items_grams(rowid, t) VALUES (?, ?)') : null;
  const insEvent = raw.prepare(`INSERT INTO custody_events (${evCols.join(',')}) VALUES (${evCols.map((c) => '@' + c).join(',')})`);
  const maxSeq = (raw.prepare('SELECT max(seq) AS m FROM custody_events').get() as { m: number }).m;
  const maxId = (raw.prepare('SELECT max(id) AS m FROM items').get() as { m: number }).m;
  const fk = raw.pragma('foreign_keys', { simple: true });
  raw.pragma('foreign_keys = ON');
  const t = now();
  raw.exec('BEGIN IMMEDIATE');
  try {
    for (let k = 0; k < n; k++) {
      const code = `RAW-2026-${String(k).padStart(6, '0')}`;
      const name = `测试物品${k % 500}`;
      let id = maxId + 1 + k;
      if (rest) {
        id = Number(insItem.run({ ...tpl, code, name }).lastInsertRowid);
        insHolder.run(id, tpl.holding_agency_id);
      }
      if (search) {
        const row = { code, name, case_no: caseNo, owner_name: (tpl.owner_name as string | null) ?? '' };
        insFts?.run(id, code, name, caseNo, row.owner_name);
        insGrams?.run(id, itemGrams(row).join(' '));
      }
      if (rest) insEvent.run({ ...ev, seq: maxSeq + 1 + k, item_id: id, hash: String(k).padStart(64, '0') });
    }
    const ms = now() - t;
    return (n / ms) * 1000;
  } finally {
    raw.exec('ROLLBACK');
    raw.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
}

/** Milliseconds to hash a chain of `n` REGISTERED-like events (canonical JSON + SHA-256, each on the previous hash). */
export function rawHashChain(raw: BetterSqlite3.Database, n: number): number {
  const ev = raw.prepare('SELECT * FROM custody_events ORDER BY id LIMIT 1').get() as HashedFields;
  let prev = '0'.repeat(64);
  const t = now();
  for (let k = 0; k < n; k++) {
    const fields: HashedFields = { ...ev, seq: k + 1, item_id: k + 1, prev_hash: prev };
    prev = createHash('sha256').update('seized-custody-v1\n').update(canonicalEvent(fields)).digest('hex');
  }
  return now() - t;
}

/**
 * Milliseconds for `commits` commits under the app's durability (WAL, synchronous=FULL: an fsync each), each of 500
 * rows of about a registration's size, in a scratch file beside the dataset (so the dataset is not changed).
 */
export function rawCommits(dir: string, commits: number): number {
  const file = join(dir, 'raw-commits.sqlite');
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, k TEXT, v TEXT); CREATE INDEX IF NOT EXISTS t_k ON t (k)');
    const ins = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const blob = 'x'.repeat(1500);
    const batch = db.transaction((b: number) => {
      for (let k = 0; k < 500; k++) ins.run(`${b}-${k}`, blob);
    });
    batch(-1);
    const t = now();
    for (let b = 0; b < commits; b++) batch(b);
    const all = now() - t;
    // The same rows without the commits' fsync: the difference is what the commits cost.
    db.pragma('synchronous = OFF');
    const t2 = now();
    for (let b = 0; b < commits; b++) batch(commits + b);
    return all - (now() - t2);
  } finally {
    db.close();
    rmSync(file, { force: true });
    rmSync(file + '-wal', { force: true });
    rmSync(file + '-shm', { force: true });
  }
}

/** The parts of the raw registration floor, in ms per 10,000 items (informational bench rows). */
export function rawRegisterBreakdown(raw: BetterSqlite3.Database): { what: string; ms: number; note: string }[] {
  const per10k = (rate: number) => 1e7 / rate;
  return [
    { what: '原始插入（不含搜索索引行）', ms: per10k(rawRegisterInserts(raw, 10_000, { search: false })), note: '物品行及其触发器、持有单位、流转事件' },
    { what: '原始搜索索引行', ms: per10k(rawRegisterInserts(raw, 10_000, { only: 'search' })), note: 'trigram 全文索引与 1–2 字索引各一行' },
    { what: '原始 SHA-256 链接', ms: rawHashChain(raw, 10_000), note: '规范字节 + SHA-256，逐条接前一哈希' },
    { what: '原始提交 20 次', ms: rawCommits(dirname(raw.name), 20), note: 'WAL + synchronous=FULL，每次提交一次 fsync（扣除同样写入不提交落盘的时间）' },
  ];
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
