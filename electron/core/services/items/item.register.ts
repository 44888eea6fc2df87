/** The batch register path: items, holders, search index and REGISTERED events, shared by 登记, the Excel import and 外部保管. Items normally start 待入库; off-site property starts straight in 外部保管. */
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { ItemTable } from '../../db/schema';
import type { itemInput } from '../../../../shared/api/item.contract';
import type { ItemFlag, ItemStatus } from '../../../../shared/domain/enums';
import { ITEM_CATEGORY_LABELS } from '../../../../shared/domain/enums';
import { AppError, notFound } from '../../errors';
import { appendEvents } from '../../ledger/ledger.append';
import { indexNewItemsForSearch } from '../../db/dialect';
import { fixedInsert } from '../../db/prepared';
import { localYear, pad, reserveSequence } from '../common/sequence';
import { checkCashRows, registeringFor } from './item.register-rules';
import { recordCaseHolder } from '../../access/visibility';

const FLAG_BY_CATEGORY: Partial<Record<string, ItemFlag>> = { cash: 'cash', hazardous: 'hazardous', perishable: 'perishable', valuables: 'valuable' };
/** The columns registration writes, in the order of the value rows below. */
const ITEM_COLUMNS = [
  'code', 'case_id', 'name', 'category', 'spec', 'quantity', 'unit', 'features', 'estimated_value', 'cash_amount', 'source', 'owner_name',
  'owner_id_no', 'seizure_doc_no', 'seized_at', 'seized_by', 'seal_no', 'flags', 'status', 'location_id', 'out_with', 'holding_agency_id',
  'created_by', 'created_at', 'updated_at', 'unrelated_since',
] as const satisfies readonly (keyof ItemTable)[];

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
  // Fixed SQL (fixedInsert): a 500-row INSERT is not compiled anew on every call, and SQLite reuses its statement.
  const inserted = await fixedInsert<{ id: number; code: string }>(
    ctx.db,
    ctx.dialect,
    'items',
    ITEM_COLUMNS,
    planned.map(({ it, code, flags }) => [
      code, kase.id, it.name, it.category, it.spec ?? null, it.quantity, it.unit, it.features ?? null, it.estimatedValue ?? null,
      it.cashAmount ?? null, it.source, it.ownerName ?? null, it.ownerIdNo ?? null, input.seizureDocNo, seizedAt, input.seizedBy,
      it.sealNo ?? null, JSON.stringify(flags), status, null, null, holdingAgencyId, ctx.user.id, ctx.now, ctx.now,
      flags.includes('unrelated') ? ctx.now : null,
    ]),
    'RETURNING id, code',
  );
  const idOf = new Map(inserted.map((r) => [r.code, Number(r.id)]));
  const ids = planned.map((p) => idOf.get(p.code)!);
  await fixedInsert(ctx.db, ctx.dialect, 'item_holders', ['item_id', 'agency_id'], ids.map((id) => [id, holdingAgencyId]), 'ON CONFLICT DO NOTHING');
  await recordCaseHolder(ctx, kase.id, holdingAgencyId);
  // The search entries from the rows in hand (the same entries indexItemsForSearchAfter would read back and write).
  await indexNewItemsForSearch(ctx.dialect, ctx.db, planned.map(({ it, code }, k) => ({ id: ids[k]!, code, name: it.name, case_no: kase.case_no, owner_name: it.ownerName ?? null })));
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
