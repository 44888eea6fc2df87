/**
 * Corrections by reversing entry: the item row takes the new current values and a CORRECTION event records
 * the old and new value of every changed field. The REGISTERED event and everything before stay as they were.
 */
import type { Ctx } from '../../context';
import type { EventRow, ItemRow } from '../../db/schema';
import type { Person } from '../../../../shared/api/common.schemas';
import type { CorrectionChanges } from '../../../../shared/api/correction.contract';
import { CORRECTABLE_FIELDS, CORRECTABLE_FIELD_LABELS, type CorrectableField } from '../../../../shared/domain/corrections';
import { ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, type ItemCategory, type ItemFlag } from '../../../../shared/domain/enums';
import { indexItemForSearch } from '../../db/dialect';
import { appendEvent } from '../../ledger/ledger.append';
import { badInput } from '../../errors';
import { itemFlags, itemLabel } from '../custody/custody.lookup';
import { assertHandlesItem } from '../stores/store.rules';

export type FieldChange = { field: CorrectableField; from: unknown; to: unknown };

const COLUMN: Record<CorrectableField, keyof ItemRow> = {
  name: 'name',
  spec: 'spec',
  quantity: 'quantity',
  unit: 'unit',
  cashAmount: 'cash_amount',
  estimatedValue: 'estimated_value',
  category: 'category',
  flags: 'flags',
  ownerName: 'owner_name',
  ownerIdNo: 'owner_id_no',
  seizureDocNo: 'seizure_doc_no',
};

/** The item's current value of a field, as in the item DTO. */
export function currentValue(item: ItemRow, field: CorrectableField): unknown {
  return field === 'flags' ? itemFlags(item) : item[COLUMN[field]];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that really change, with old and new values; refuses an empty correction. */
export function diffChanges(item: ItemRow, changes: CorrectionChanges): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of CORRECTABLE_FIELDS) {
    if (!(field in changes) || changes[field] === undefined) continue;
    let to: unknown = changes[field];
    if (field === 'flags') to = [...new Set(to as ItemFlag[])];
    const from = currentValue(item, field);
    if (field === 'flags' ? same([...(from as string[])].sort(), [...(to as string[])].sort()) : same(from, to)) continue;
    out.push({ field, from: from ?? null, to: to ?? null });
  }
  if (out.length === 0) throw badInput(`${itemLabel(item)}：更正内容与现登记信息相同，没有需要更正的项目`);
  return out;
}

/** A value as people read it: 「现金」, 「破损、短少」, 「（空）」. */
export function showValue(field: CorrectableField, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'category') return ITEM_CATEGORY_LABELS[v as ItemCategory] ?? String(v);
  if (field === 'flags') return (v as ItemFlag[]).map((f) => ITEM_FLAG_LABELS[f] ?? f).join('、') || '（无）';
  return String(v);
}

export const describeChanges = (list: FieldChange[]) =>
  list.map((c) => `${CORRECTABLE_FIELD_LABELS[c.field]}「${showValue(c.field, c.from)}」→「${showValue(c.field, c.to)}」`).join('；');

/**
 * Writes the new current values and the CORRECTION event. Setting 无关财物 starts the 3-day release clock now
 * (items.unrelated_since); clearing it stops the clock.
 */
export async function applyCorrection(
  ctx: Ctx,
  item: ItemRow,
  list: FieldChange[],
  meta: { reason: string; proposalId?: number; approvedByName?: string; witnesses?: Person[]; payload?: Record<string, unknown> },
): Promise<{ item: ItemRow; event: EventRow }> {
  await assertHandlesItem(ctx, item);
  const set: Partial<ItemRow> = { updated_at: ctx.now };
  for (const c of list) {
    const col = COLUMN[c.field];
    (set as Record<string, unknown>)[col] = c.field === 'flags' ? JSON.stringify(c.to) : c.to;
  }
  const flagChange = list.find((c) => c.field === 'flags');
  if (flagChange) {
    const was = (flagChange.from as ItemFlag[]).includes('unrelated');
    const now = (flagChange.to as ItemFlag[]).includes('unrelated');
    if (now && !was) set.unrelated_since = ctx.now;
    if (!now && was) set.unrelated_since = null;
  }
  await ctx.db.updateTable('items').set(set).where('id', '=', item.id).execute();
  const next = { ...item, ...set } as ItemRow;
  if (list.some((c) => c.field === 'name' || c.field === 'ownerName')) {
    const kase = await ctx.db.selectFrom('cases').select('case_no').where('id', '=', item.case_id).executeTakeFirstOrThrow();
    await indexItemForSearch(ctx.dialect, ctx.db, { id: item.id, code: item.code, name: next.name, case_no: kase.case_no, owner_name: next.owner_name });
  }
  const event = await appendEvent(ctx, {
    type: 'CORRECTION',
    itemId: item.id,
    caseId: item.case_id,
    agencyFromId: item.holding_agency_id,
    agencyToId: item.holding_agency_id,
    locationFromId: item.location_id,
    locationToId: item.location_id,
    witnesses: meta.witnesses ?? [],
    note: `更正登记信息：${describeChanges(list)}。理由：${meta.reason}${meta.approvedByName ? `（${meta.approvedByName} 批准）` : ''}`,
    payload: {
      ...(meta.payload ?? {}),
      kind: 'data',
      changes: list,
      reason: meta.reason,
      ...(meta.proposalId ? { proposalId: meta.proposalId } : {}),
      statusFrom: item.status,
      statusTo: item.status,
    },
  });
  return { item: next, event };
}
