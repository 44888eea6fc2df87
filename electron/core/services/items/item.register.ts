/** The batch register path: items, holders, search index and REGISTERED events, shared by 登记, the Excel import and 外部保管. Items normally start 待入库; off-site property starts straight in 外部保管. */
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { itemInput } from '../../../../shared/api/item.contract';
import type { ItemFlag, ItemStatus } from '../../../../shared/domain/enums';
import { ITEM_CATEGORY_LABELS } from '../../../../shared/domain/enums';
import { AppError, notFound } from '../../errors';
import { appendEvents } from '../../ledger/ledger.append';
import { indexItemsForSearchAfter } from '../../db/dialect';
import { localYear, pad, reserveSequence } from '../common/sequence';
import { checkCashRows, registeringFor } from './item.register-rules';
import { recordCaseHolder } from '../../access/visibility';

const FLAG_BY_CATEGORY: Partial<Record<string, ItemFlag>> = { cash: 'cash', hazardous: 'hazardous', perishable: 'perishable', valuables: 'valuable' };
/** Rows per multi-row INSERT: keeps SQLite under its bound-parameter limit. */
const INSERT_CHUNK = 500;

export type RegisterBatch = {
  caseId: number;
  seizureDocNo: string;
  seizedAt: string;
  seizedBy: string;
  items: Array<z.output<typeof itemInput>>;
  /** From an imported list's header: its witness, and what else it names (e.g. the 扣押决定书 number), kept in the events. */
  witnesses?: Array<{ name: string }>;
  listHeader?: Record<string, string>;
};

export type RegisterOptions = {
  /** The status the items start in (default 待入库). */
  status?: Extract<ItemStatus, 'REGISTERED' | 'EXTERNAL_CUSTODY' | 'DEPOSITED'>;
  /** The holding agency when it is not the one registering for the case (a sale's proceeds: the sold item's holder). */
  holdingAgencyId?: number;
  /** Extra facts for the k-th item's REGISTERED event payload (the ledger snapshot). */
  payload?: (k: number) => Record<string, unknown>;
  /** Runs after the items exist and before their events are appended (e.g. their side-table rows). */
  beforeEvents?: (ids: number[]) => Promise<void>;
};

/** Registers one seizure list in the caller's transaction; returns the new item ids in row order. */
export async function registerItems(ctx: Ctx, input: RegisterBatch, opts: RegisterOptions = {}): Promise<number[]> {
  const status = opts.status ?? 'REGISTERED';
  const kase = await ctx.db.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
  if (!kase) throw notFound('案件');
  const holdingAgencyId = opts.holdingAgencyId ?? (await registeringFor(ctx, kase.host_agency_id));
  if (new Date(input.seizedAt) > new Date(ctx.now)) throw new AppError('BAD_INPUT', '扣押时间不能晚于当前时间');
  checkCashRows(input.items);
  // Item codes carry the registering agency's code (the store's, when a custodian registers).
  const agency = await ctx.db.selectFrom('agencies').select('code').where('id', '=', ctx.user.agencyId).executeTakeFirstOrThrow();
  const year = localYear(ctx.now);
  // A batch in a few set-based statements: codes reserved at once, multi-row INSERTs for the items, their holders
  // and the search index, and the ledger events hashed in memory and inserted together.
  const first = await reserveSequence(ctx, `item:${agency.code}:${year}`, input.items.length);
  const seizedAt = new Date(input.seizedAt).toISOString();
  const planned = input.items.map((it, k) => ({
    it,
    code: `${agency.code}-${year}-${pad(first + k, 6)}`,
    flags: [...new Set([...it.flags, ...(FLAG_BY_CATEGORY[it.category] ? [FLAG_BY_CATEGORY[it.category]!] : [])])],
  }));
  const idOf = new Map<string, number>();
  for (let i = 0; i < planned.length; i += INSERT_CHUNK) {
    const inserted = await ctx.db
      .insertInto('items')
      .values(
        planned.slice(i, i + INSERT_CHUNK).map(({ it, code, flags }) => ({
          code,
          case_id: kase.id,
          name: it.name,
          category: it.category,
          spec: it.spec ?? null,
          quantity: it.quantity,
          unit: it.unit,
          features: it.features ?? null,
          estimated_value: it.estimatedValue ?? null,
          cash_amount: it.cashAmount ?? null,
          source: it.source,
          owner_name: it.ownerName ?? null,
          owner_id_no: it.ownerIdNo ?? null,
          seizure_doc_no: input.seizureDocNo,
          seized_at: seizedAt,
          seized_by: input.seizedBy,
          seal_no: it.sealNo ?? null,
          flags: JSON.stringify(flags),
          status,
          location_id: null,
          out_with: null,
          holding_agency_id: holdingAgencyId,
          created_by: ctx.user.id,
          created_at: ctx.now,
          updated_at: ctx.now,
          unrelated_since: flags.includes('unrelated') ? ctx.now : null,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    for (const r of inserted) idOf.set(r.code, r.id);
  }
  const ids = planned.map((p) => idOf.get(p.code)!);
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const part = ids.slice(i, i + INSERT_CHUNK);
    await ctx.db.insertInto('item_holders').values(part.map((id) => ({ item_id: id, agency_id: holdingAgencyId }))).onConflict((oc) => oc.doNothing()).execute();
  }
  await recordCaseHolder(ctx, kase.id, holdingAgencyId);
  // The new rows have the highest ids: this process holds the write lock (SQLite), and PostgreSQL indexes rows itself.
  await indexItemsForSearchAfter(ctx.dialect, ctx.db, Math.min(...ids) - 1);
  if (opts.beforeEvents) await opts.beforeEvents(ids);
  // The registration snapshot goes into the ledger: the row may change later, the event never does.
  await appendEvents(
    ctx,
    planned.map(({ it, code, flags }, k) => ({
      type: 'REGISTERED' as const,
      itemId: ids[k]!,
      caseId: kase.id,
      agencyToId: holdingAgencyId,
      legalDocNo: input.seizureDocNo,
      counterpart: { name: input.seizedBy },
      ...(input.witnesses?.length ? { witnesses: input.witnesses } : {}),
      note: `登记${ITEM_CATEGORY_LABELS[it.category]}「${it.name}」${it.quantity}${it.unit}${status === 'EXTERNAL_CUSTODY' ? '（外部保管）' : ''}`,
      payload: { code, ...it, flags, seizedAt, ...(opts.payload ? opts.payload(k) : {}), statusTo: status, ...(input.listHeader ? { listHeader: input.listHeader } : {}) },
    })),
  );
  return ids;
}
