/**
 * Checking every data row of an imported seizure list and planning its registration. Each problem names its row
 * number, its field and what is wrong, in Chinese; a plan is only registered when there is no problem at all.
 */
import type { z } from 'zod';
import type { itemInput } from '../../../../shared/api/item.contract';
import { IMPORT_FIELD_LABELS, LIST_HEADER_LABELS, type ImportField, type ListHeaderField } from '../../../../shared/domain/import-fields';
import type { ItemCategory } from '../../../../shared/domain/enums';
import type { Cell } from './import.read';
import { cellText, isErrorCell, type Table } from './import.table';
import { CATEGORY_CHOICES, beijing, parseCategory, parseDateCell, parseNumberCell } from './import.values';

export type Problem = { row: number; field: string; fieldLabel: string; message: string };
export type RowResult = { row: number; ok: boolean; name: string; quantity: string; unit: string; caseNo: string; seizedAt: string; messages: string[] };
export type ItemIn = z.input<typeof itemInput>;
export type Group = { caseId: number; caseNo: string; seizedAt: string; items: ItemIn[] };
/** A case number as resolved by the handler: its id, or why rows cannot be registered for it. */
export type CaseLookup = (caseNo: string) => { id: number } | { refused: string };
export type PlanDefaults = { caseNo: string | null; seizedAt?: string | undefined; now: string };

const MAX_LEN: Partial<Record<ImportField, number>> = { name: 200, spec: 200, features: 1000, unit: 20, ownerName: 100, ownerIdNo: 40, sealNo: 60, caseNo: 60 };

/** `onRow(done, total)`: row-level progress (the import jobs report it). */
export function planImport(
  table: Table,
  defaults: PlanDefaults,
  lookup: CaseLookup,
  onRow?: (done: number, total: number) => void,
): { rows: RowResult[]; problems: Problem[]; groups: Group[] } {
  const problems: Problem[] = [];
  const rows: RowResult[] = [];
  const head = listHeaderDefaults(table, defaults.now, problems);
  const seen = new Map<string, number>();
  const groups = new Map<string, Group>();
  for (const { row, cells } of table.data) {
    const mine: Problem[] = [];
    const raw = (f: ImportField): Cell | undefined => (table.columnOf[f] === undefined ? undefined : cells[table.columnOf[f]!]);
    const bad = (f: ImportField | 'row', message: string) => mine.push({ row, field: f, fieldLabel: f === 'row' ? '整行' : IMPORT_FIELD_LABELS[f], message });
    const str = (f: ImportField): string | undefined => {
      const c = raw(f);
      if (isErrorCell(c)) return void bad(f, c.error);
      const t = c instanceof Date ? beijing(parseDateCell(c)!) : cellText(c);
      if (t && MAX_LEN[f] && t.length > MAX_LEN[f]!) return void bad(f, `不能超过 ${MAX_LEN[f]} 个字（现有 ${t.length} 个）`);
      return t || undefined;
    };
    const num = (f: ImportField, what: string): number | undefined => {
      const c = raw(f);
      if (c === null || c === undefined || cellText(c) === '' && !isErrorCell(c)) return undefined;
      if (isErrorCell(c)) return void bad(f, c.error);
      const n = parseNumberCell(c);
      if (n === null) return void bad(f, `${what}「${cellText(c)}」不是数字`);
      if (n < 0) return void bad(f, `${what}不能为负数`);
      return n;
    };
    const name = str('name');
    if (!name && !mine.length) bad('name', '物品名称为空');
    const quantity = num('quantity', '数量');
    // Without a 数量 column every row counts 1; with one, an empty cell is a mistake.
    if (quantity === undefined && table.columnOf.quantity !== undefined && !mine.some((p) => p.field === 'quantity')) bad('quantity', '数量为空');
    else if (quantity !== undefined && (quantity <= 0 || quantity > 1e9)) bad('quantity', quantity <= 0 ? '数量必须大于 0' : '数量过大');
    const cashAmount = num('cashAmount', '金额');
    const estimatedValue = num('estimatedValue', '估值');
    for (const [f, v] of [['cashAmount', cashAmount], ['estimatedValue', estimatedValue]] as const) if (v !== undefined && v > 1e12) bad(f, '金额过大');
    const catText = str('category');
    let category: ItemCategory = cashAmount !== undefined ? 'cash' : 'general';
    if (catText) {
      const c = parseCategory(catText);
      if (c) category = c;
      else bad('category', `类别「${catText}」无法识别，可填：${CATEGORY_CHOICES}`);
    }
    if (category === 'cash' && cashAmount === undefined && !mine.some((p) => p.field === 'cashAmount')) bad('cashAmount', '现金类物品必须填写现金金额');
    if (category !== 'cash' && cashAmount !== undefined) bad('cashAmount', '只有现金类物品可以填写现金金额');
    const caseNo = str('caseNo') ?? defaults.caseNo ?? undefined;
    let caseId: number | undefined;
    if (!caseNo) bad('caseNo', '没有案件编号：请在向导中选择案件，或在文件中加「案件编号」列');
    else {
      const found = lookup(caseNo);
      if ('refused' in found) bad('caseNo', found.refused);
      else caseId = found.id;
    }
    let seizedAt: string | undefined;
    const sc = raw('seizedAt');
    if (sc !== undefined && sc !== null && cellText(sc) !== '') {
      seizedAt = isErrorCell(sc) ? void bad('seizedAt', sc.error) : (parseDateCell(sc) ?? void bad('seizedAt', `无法识别的日期「${cellText(sc)}」，请写成 2026-11-20 14:30 这样的格式`));
    } else if (head.seizedAt) seizedAt = head.seizedAt;
    else if (defaults.seizedAt) seizedAt = new Date(defaults.seizedAt).toISOString();
    else if (!head.seizedAtBad) bad('seizedAt', '没有扣押时间：请在清单表头、「扣押时间」列或导入向导中填写');
    if (seizedAt && seizedAt > defaults.now) bad('seizedAt', `扣押时间 ${beijing(seizedAt)} 晚于当前时间`);
    const item: ItemIn = {
      name: name ?? '',
      category,
      spec: str('spec'),
      quantity: quantity ?? 1,
      unit: str('unit') ?? '件',
      features: str('features'),
      estimatedValue,
      cashAmount,
      source: 'seized',
      ownerName: str('ownerName') ?? head.holder,
      ownerIdNo: str('ownerIdNo'),
      sealNo: str('sealNo'),
      flags: [],
    };
    const key = JSON.stringify([caseNo, seizedAt, item.name, item.spec, item.features, item.quantity, item.unit, item.ownerName, item.ownerIdNo, item.sealNo, cashAmount, estimatedValue, category]);
    const twin = seen.get(key);
    if (twin !== undefined && item.name) bad('row', `与第 ${twin} 行完全相同（重复行）；如确为多件相同物品，请合并为一行并填写数量`);
    else seen.set(key, row);
    if (!mine.length && caseId !== undefined && seizedAt) {
      const gk = `${caseId}|${seizedAt}`;
      const g = groups.get(gk) ?? { caseId, caseNo: caseNo!, seizedAt, items: [] };
      g.items.push(item);
      groups.set(gk, g);
    }
    problems.push(...mine);
    rows.push({
      row,
      ok: mine.length === 0,
      name: item.name,
      quantity: quantity === undefined ? cellText(raw('quantity') ?? null) : String(quantity),
      unit: item.unit,
      caseNo: caseNo ?? '',
      seizedAt: seizedAt ? beijing(seizedAt) : '',
      messages: mine.map((p) => `${p.fieldLabel}：${p.message}`),
    });
    onRow?.(rows.length, table.data.length);
  }
  if (problems.length) groups.clear();
  return { rows, problems, groups: [...groups.values()] };
}

/** The list header's seizure time and holder, as row defaults; an unreadable time is a problem of its own. */
function listHeaderDefaults(table: Table, now: string, problems: Problem[]): { seizedAt?: string; seizedAtBad?: boolean; holder?: string } {
  const out: { seizedAt?: string; seizedAtBad?: boolean; holder?: string } = {};
  const at = table.listHeader.seizedAt;
  if (at && cellText(at.value)) {
    const iso = parseDateCell(at.value);
    if (iso && iso <= now) out.seizedAt = iso;
    else {
      out.seizedAtBad = true;
      const message = iso ? `扣押时间 ${beijing(iso)} 晚于当前时间` : `无法识别的日期「${cellText(at.value)}」，请写成 2026-11-20 14:30 这样的格式`;
      problems.push({ row: at.row, field: 'list.seizedAt', fieldLabel: `清单表头·${LIST_HEADER_LABELS.seizedAt}`, message });
    }
  }
  const holder = table.listHeader.holder ? cellText(table.listHeader.holder.value) : '';
  if (holder) out.holder = holder.slice(0, 100);
  return out;
}

/** The list header's text values (decision and list numbers, seizing officers, witness), for the commit. */
export function listHeaderText(table: Table): Partial<Record<ListHeaderField, string>> {
  const out: Partial<Record<ListHeaderField, string>> = {};
  for (const [f, v] of Object.entries(table.listHeader) as Array<[ListHeaderField, { value: Cell }]>) {
    const t = v.value instanceof Date ? beijing(parseDateCell(v.value)!) : cellText(v.value);
    if (t) out[f] = t;
  }
  return out;
}
