/**
 * Bulk demo data for one city: cases, items, intake and put-away, written as real hash-chained ledger events.
 * Rows are built in memory and inserted in multi-row batches (100k items in well under a minute);
 * every status change is still checked against the state machine. `eventsPerItem` adds loans and moves
 * (demo-history.ts) until events per item average that figure (bench data at 1M items / 5M events).
 */
import type { Kysely } from 'kysely';
import type { OpenedApp } from '../bootstrap';
import type { Database, NewEventRow } from '../db/schema';
import { sql } from 'kysely';
import { indexItemsForSearchAfter } from '../db/dialect';
import { hashEvent, type HashedFields } from '../ledger/ledger.canonical';
import { countEvents } from '../ledger/event-aggregate';
import { checkTransition } from '../../../shared/domain/item-state';
import type { EventType, ItemFlag, ItemStatus } from '../../../shared/domain/enums';
import { CAUSES, DISTRICTS, ITEMS, idNumber, personName } from './demo-data';
import { pad } from '../services/common/sequence';
import { demoLoanNo, historyOf, historySlots, type ItemHistory } from './demo-history';

const BATCH = 1000;
const CHUNK = 400; // rows per INSERT (SQLite host-parameter limit)

async function insertChunks<T extends keyof Database>(db: Kysely<Database>, table: T, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

export async function seedDemoItems(
  app: OpenedApp,
  count: number,
  onProgress?: (done: number) => void,
  opts: { eventsPerItem?: number } = {},
): Promise<{ items: number; events: number }> {
  const db = app.store.db;
  const user = (u: string) => db.selectFrom('users').select(['id', 'display_name', 'agency_id']).where('username', '=', u).executeTakeFirstOrThrow();
  const officer = await user('ga_bar');
  const approver = await user('ga_sp');
  const police = await db.selectFrom('agencies').select(['id', 'code']).where('id', '=', officer.agency_id).executeTakeFirstOrThrow();
  // Each store's items are received and shelved by one of its own custodians.
  const keepers = await db.selectFrom('users').select(['id', 'display_name', 'agency_id', 'store_id']).where('store_id', 'is not', null).orderBy('id').execute();
  const keeperOf = new Map<number, (typeof keepers)[number]>();
  for (const k of keepers) if (!keeperOf.has(k.store_id!)) keeperOf.set(k.store_id!, k);
  const shelves = (await db.selectFrom('locations').select(['id', 'store_id']).where('kind', 'in', ['shelf', 'bin']).where('active', '=', 1).orderBy('id').execute()).filter(
    (l) => l.store_id !== null && keeperOf.has(l.store_id),
  );
  if (shelves.length === 0) throw new Error('没有可用的货架（或货架所在的保管中心没有保管员），请先写入库位和保管员');
  const shelvesOf = new Map<number, number[]>();
  for (const s of shelves) shelvesOf.set(s.store_id!, [...(shelvesOf.get(s.store_id!) ?? []), s.id]);
  let loanNo = 0;
  const year = new Date().getFullYear();
  const stamp = Date.now().toString(36).slice(-5).toUpperCase();
  let made = 0;
  let events = 0;

  while (made < count) {
    const n = Math.min(BATCH, count - made);
    await db.transaction().execute(async (trx) => {
      const now = Date.now();
      const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
      const head = await trx.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      const scope = `item:${police.code}:${year}`;
      const seqRow = await trx.selectFrom('sequences').select('next_value').where('scope', '=', scope).executeTakeFirst();
      const firstNo = seqRow?.next_value ?? 1;
      const maxItem = await trx.selectFrom('items').select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirst();
      const afterId = Number(maxItem?.m ?? 0);

      // Cases: five items each.
      const caseRows = Array.from({ length: Math.ceil(n / 5) }, (_, k) => {
        const g = made + k * 5;
        return {
          case_no: `A371600${year}${stamp}${pad(g / 5, 6)}`,
          name: `${personName(g)}${CAUSES[g % CAUSES.length]}案`,
          cause: CAUSES[g % CAUSES.length]!,
          host_agency_id: police.id,
          officer_name: officer.display_name,
          stage: 'investigation',
          created_by: officer.id,
          created_at: iso(3 * 86400_000),
        };
      });
      await insertChunks(trx, 'cases', caseRows);
      const caseIds = new Map(
        (await trx.selectFrom('cases').select(['id', 'case_no']).where('case_no', 'in', caseRows.map((c) => c.case_no)).execute()).map((c) => [c.case_no, c.id]),
      );

      // Items, in their final state; the events below walk them there.
      const plans = Array.from({ length: n }, (_, k) => {
        const g = made + k;
        const d = ITEMS[g % ITEMS.length]!;
        const waiting = g % 10 === 9; // one in ten still waits for intake
        const flags: ItemFlag[] = d.category === 'cash' ? ['cash'] : d.category === 'valuables' ? ['valuable'] : d.category === 'hazardous' ? ['hazardous'] : d.category === 'perishable' ? ['perishable'] : [];
        const shelf = shelves[g % shelves.length]!;
        // Further history (loans, moves) for items in store; each move goes to another bin of the same store.
        const history: ItemHistory = waiting ? { loans: 0, moves: 0 } : historyOf(g - Math.floor(g / 10), opts.eventsPerItem);
        const bins = shelvesOf.get(shelf.store_id!)!;
        const path = [shelf.id];
        for (let m = 0; m < history.moves && bins.length > 1; m++) {
          const next = bins[(g * 7 + m + 1) % bins.length]!;
          path.push(next === path[path.length - 1] ? bins[(bins.indexOf(next) + 1) % bins.length]! : next);
        }
        const caseNo = caseRows[Math.floor(k / 5)]!.case_no;
        return { g, d, waiting, flags, code: `${police.code}-${year}-${pad(firstNo + k, 6)}`, caseNo, shelf: shelf.id, store: shelf.store_id!, history, path };
      });
      await insertChunks(
        trx,
        'items',
        plans.map((p) => ({
          code: p.code, case_id: caseIds.get(p.caseNo)!, name: p.d.name, category: p.d.category, spec: p.d.spec ?? null, quantity: 1, unit: p.d.unit,
          features: p.d.features ?? null, estimated_value: p.d.value ?? null, cash_amount: p.d.cash ?? null, source: p.d.source ?? 'seized',
          owner_name: personName(p.g + 3), owner_id_no: idNumber(p.g), seizure_doc_no: `滨公（${DISTRICTS[p.g % DISTRICTS.length]}）扣字〔${year}〕${Math.floor(p.g / 5) + 1}号`,
          seized_at: iso(p.waiting ? 3600_000 : 2 * 86400_000), seized_by: officer.display_name, seal_no: `FQ${pad(p.g, 7)}`, flags: JSON.stringify(p.flags),
          status: p.waiting ? 'REGISTERED' : 'IN_STORE', location_id: p.waiting ? null : p.path[p.path.length - 1]!, out_with: null, holding_agency_id: police.id,
          created_by: officer.id, created_at: iso(2 * 86400_000), updated_at: iso(0), store_id: p.waiting ? null : p.store,
        })),
      );
      const itemIds = new Map((await trx.selectFrom('items').select(['id', 'code']).where('id', '>', afterId).execute()).map((r) => [r.code, r.id]));
      await indexItemsForSearchAfter(app.store.dialect, trx, afterId);
      await sql`INSERT INTO item_holders (item_id, agency_id) SELECT id, holding_agency_id FROM items WHERE id > ${afterId}`.execute(trx);
      await sql`INSERT INTO item_stores (item_id, store_id) SELECT id, store_id FROM items WHERE id > ${afterId} AND store_id IS NOT NULL`.execute(trx);
      await sql`INSERT INTO case_holders (case_id, agency_id) SELECT DISTINCT case_id, holding_agency_id FROM items WHERE id > ${afterId}`.execute(trx);

      // Loans: one completed loan request per case and round, covering the case's items that go out in that round.
      const loanIds = new Map<string, number>();
      const loanRows: Array<{ key: string; row: Record<string, unknown> & { request_no: string } }> = [];
      for (const p of plans) {
        for (let c = 0; c < p.history.loans; c++) {
          const key = `${p.caseNo}/${c}`;
          if (loanIds.has(key)) continue;
          loanIds.set(key, 0);
          const at = iso(historySlots(4 * p.history.loans + p.path.length - 1)[4 * c]!);
          const back = iso(historySlots(4 * p.history.loans + p.path.length - 1)[4 * c + 3]!);
          loanRows.push({ key, row: {
            request_no: demoLoanNo(year, stamp, ++loanNo), kind: 'loan', status: 'completed', mode: null, case_id: caseIds.get(p.caseNo)!, from_agency_id: police.id,
            to_agency_id: null, reason: '辨认、鉴定', legal_basis: null, due_at: back, details: JSON.stringify({ borrower: { name: officer.display_name, idNo: null } }),
            created_by: officer.id, created_at: at, decided_by: approver.id, decided_at: at, decision_comment: null, executed_by: null, executed_at: at,
            accepted_by: null, accepted_at: null, closed_at: back, updated_at: back,
          } });
        }
      }
      if (loanRows.length) {
        await insertChunks(trx, 'requests', loanRows.map((r) => r.row));
        const nos = loanRows.map((r) => r.row.request_no);
        const idOf = new Map<string, number>();
        for (let i = 0; i < nos.length; i += CHUNK) {
          for (const r of await trx.selectFrom('requests').select(['id', 'request_no']).where('request_no', 'in', nos.slice(i, i + CHUNK)).execute()) idOf.set(r.request_no, r.id);
        }
        for (const r of loanRows) loanIds.set(r.key, idOf.get(r.row.request_no)!);
      }

      // Ledger: REGISTERED → RECEIVED → STORED (then any loans and moves), chained from the current head.
      let seq = head.seq;
      let prev = head.hash;
      const evRows: NewEventRow[] = [];
      const requestItems: Array<{ request_id: number; item_id: number; open: number }> = [];
      const push = (type: EventType, from: ItemStatus | null, p: (typeof plans)[number], actor: typeof officer, extra: Partial<HashedFields>, msAgo: number) => {
        const check = checkTransition(from, type);
        if (!check.ok) throw new Error(check.message);
        const f: HashedFields = {
          seq: ++seq, type, item_id: itemIds.get(p.code)!, case_id: caseIds.get(p.caseNo)!, request_id: null, actor_user_id: actor.id, actor_name: actor.display_name,
          counterpart: null, witnesses: '[]', agency_from_id: police.id, agency_to_id: police.id, location_from_id: null, location_to_id: null,
          legal_doc_no: null, condition_note: null, note: null, payload: JSON.stringify({ statusFrom: from, statusTo: check.to }), occurred_at: iso(msAgo), prev_hash: prev,
          ...extra,
        };
        prev = hashEvent(f);
        evRows.push({ ...f, hash: prev });
        return check.to;
      };
      for (const p of plans) {
        let s = push('REGISTERED', null, p, officer, { agency_from_id: null, legal_doc_no: `滨公扣字〔${year}〕${Math.floor(p.g / 5) + 1}号`, counterpart: JSON.stringify({ name: officer.display_name, idNo: null }), note: `登记「${p.d.name}」` }, p.waiting ? 3600_000 : 2 * 86400_000);
        if (p.waiting) continue;
        const custodian = keeperOf.get(p.store)!;
        s = push('RECEIVED', s, p, custodian, { counterpart: JSON.stringify({ name: officer.display_name, idNo: null }), condition_note: '外观完好，封签完整' }, 40 * 3600_000);
        s = push('STORED', s, p, custodian, { location_to_id: p.shelf }, 39 * 3600_000);
        const slots = historySlots(4 * p.history.loans + p.path.length - 1);
        let at = 0;
        const here = { location_from_id: p.shelf, location_to_id: p.shelf };
        const borrower = JSON.stringify({ name: officer.display_name, idNo: null });
        for (let c = 0; c < p.history.loans; c++) {
          const request_id = loanIds.get(`${p.caseNo}/${c}`)!;
          s = push('LOAN_REQUESTED', s, p, officer, { ...here, request_id, note: '申请调用：辨认、鉴定' }, slots[at++]!);
          s = push('LOAN_APPROVED', s, p, approver, { ...here, request_id, note: '同意调用' }, slots[at++]!);
          s = push('CHECKED_OUT', s, p, custodian, { location_from_id: p.shelf, request_id, counterpart: borrower, note: '调用出库' }, slots[at++]!);
          s = push('CHECKED_IN', s, p, custodian, { location_to_id: p.shelf, request_id, counterpart: borrower, condition_note: '完好', note: '调用归还' }, slots[at++]!);
          requestItems.push({ request_id, item_id: itemIds.get(p.code)!, open: 0 });
        }
        for (let m = 1; m < p.path.length; m++) {
          s = push('MOVED', s, p, custodian, { location_from_id: p.path[m - 1]!, location_to_id: p.path[m]!, note: '移位' }, slots[at++]!);
        }
      }
      await insertChunks(trx, 'request_items', requestItems);
      await insertChunks(trx, 'custody_events', evRows);
      await countEvents({ db: trx }, evRows as Array<HashedFields>);
      await trx.updateTable('ledger_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
      if (seqRow) await trx.updateTable('sequences').set({ next_value: firstNo + n }).where('scope', '=', scope).execute();
      else await trx.insertInto('sequences').values({ scope, next_value: firstNo + n }).execute();
      events += evRows.length;
    });
    made += n;
    onProgress?.(made);
  }
  return { items: made, events };
}
