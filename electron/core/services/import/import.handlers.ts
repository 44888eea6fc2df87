/** import.*: template, preview (reads only), all-or-nothing commit through the batch register path, saved mappings. */
import type { z } from 'zod';
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { importCommitInput, importFileInput, ImportPreviewDto, ImportResultDto } from '../../../../shared/api/import.contract';
import { AppError, badInput } from '../../errors';
import { canSeeCase } from '../../access/visibility';
import { registeringFor } from '../items/item.register-rules';
import { registerItems } from '../items/item.register';
import { readSheet } from './import.read';
import { locateTable, type Mapping, type Table } from './import.table';
import { listHeaderText, planImport, type CaseLookup, type Group } from './import.plan';
import { importTemplate } from './import.template';

type FileIn = z.output<typeof importFileInput>;
/** Problems named in a refused commit (the preview lists them all). */
const DETAILS_SHOWN = 50;

type CommitIn = z.output<typeof importCommitInput>;
type Progress = (done: number, total: number) => void;

/** Reads, locates and checks the whole file once; nothing is written. `onRow` reports the rows checked. */
export async function previewImport(ctx: Ctx, input: FileIn, onRow?: Progress) {
  const buf = Buffer.from(input.base64, 'base64');
  const sheet = await readSheet(input.fileName, buf);
  const table = locateTable(sheet, input.mapping as Mapping | undefined);
  const defaultCaseNo = input.caseId ? await caseNoOf(ctx, input.caseId) : null;
  const lookup = await caseLookup(ctx, table, defaultCaseNo);
  const plan = planImport(table, { caseNo: defaultCaseNo, seizedAt: input.seizedAt, now: ctx.now }, lookup, onRow);
  return { sheet, table, plan };
}

export function previewDto({ sheet, table, plan }: Awaited<ReturnType<typeof previewImport>>): ImportPreviewDto {
  return {
    sheetName: sheet.sheetName,
    headerRow: table.headerRow,
    headers: table.headers,
    mapping: table.mapping,
    listHeader: listHeaderText(table),
    total: plan.rows.length,
    okCount: plan.rows.filter((r) => r.ok).length,
    rows: plan.rows,
    problems: plan.problems,
  };
}

/** What a checked file registers: refused whole when any row has a problem. */
export type ImportRegistration = {
  groups: Group[];
  seizureDocNo: string;
  seizedBy: string;
  witnesses: Array<{ name: string }>;
  listHeader: Record<string, string>;
};

export function registrationOf(ctx: Ctx, input: CommitIn, { table, plan }: Awaited<ReturnType<typeof previewImport>>): ImportRegistration {
  if (plan.problems.length) {
    const details = plan.problems.slice(0, DETAILS_SHOWN).map((p) => `第 ${p.row} 行「${p.fieldLabel}」：${p.message}`);
    if (plan.problems.length > DETAILS_SHOWN) details.push(`……另有 ${plan.problems.length - DETAILS_SHOWN} 处`);
    throw badInput(`文件中有 ${plan.problems.length} 处错误，没有导入任何物品。请改正后重新导入`, details);
  }
  const head = listHeaderText(table);
  const seizureDocNo = input.seizureDocNo ?? head.listNo ?? head.decisionNo;
  if (!seizureDocNo) throw badInput('缺少扣押清单编号：请在清单表头填写「扣押清单编号」，或在向导中填写');
  if (seizureDocNo.length > 80) throw badInput('扣押清单编号不能超过 80 个字');
  const seizedBy = (input.seizedBy ?? head.seizedBy ?? ctx.user.displayName).slice(0, 100);
  const witnesses = (head.witness ?? '').split(/[、,，;；\s]+/u).filter(Boolean).slice(0, 10).map((name) => ({ name: name.slice(0, 50) }));
  const listHeader = Object.fromEntries(Object.entries({ 扣押决定书编号: head.decisionNo, 扣押清单编号: head.listNo }).filter(([, v]) => v)) as Record<string, string>;
  return { groups: plan.groups, seizureDocNo, seizedBy, witnesses, listHeader };
}

/** Items per register call: the progress step of a commit (one transaction throughout, the caller's). */
const REGISTER_STEP = 1000;

/** Registers a checked file in the caller's transaction; `onItems(done, total)` after each step. */
export async function registerImport(ctx: Ctx, r: ImportRegistration, onItems?: Progress): Promise<ImportResultDto> {
  const itemIds: number[] = [];
  const perCase = new Map<string, number>();
  const total = r.groups.reduce((n, g) => n + g.items.length, 0);
  for (const g of r.groups) {
    for (let i = 0; i < g.items.length; i += REGISTER_STEP) {
      const items = g.items.slice(i, i + REGISTER_STEP).map(normalize);
      const ids = await registerItems(ctx, { caseId: g.caseId, seizureDocNo: r.seizureDocNo, seizedAt: g.seizedAt, seizedBy: r.seizedBy, items, witnesses: r.witnesses, listHeader: r.listHeader });
      itemIds.push(...ids);
      perCase.set(g.caseNo, (perCase.get(g.caseNo) ?? 0) + ids.length);
      onItems?.(itemIds.length, total);
    }
  }
  const codes = await ctx.db.selectFrom('items').select('code').where('id', 'in', [Math.min(...itemIds), Math.max(...itemIds)]).orderBy('id').execute();
  return {
    count: itemIds.length,
    itemIds,
    seizureDocNo: r.seizureDocNo,
    cases: [...perCase].map(([caseNo, count]) => ({ caseNo, count })),
    firstCode: codes[0]!.code,
    lastCode: codes[codes.length - 1]!.code,
  };
}

async function caseNoOf(ctx: Ctx, caseId: number): Promise<string> {
  const c = await ctx.db.selectFrom('cases').select('case_no').where('id', '=', caseId).executeTakeFirst();
  if (!c || !(await canSeeCase(ctx, caseId) || ctx.user.roles.includes('custodian'))) throw new AppError('NOT_FOUND', '案件不存在或无权查看');
  return c.case_no;
}

/** Every case number in the file resolved once: its id, or why nothing can be registered for it. */
async function caseLookup(ctx: Ctx, table: Table, defaultCaseNo: string | null): Promise<CaseLookup> {
  const col = table.columnOf.caseNo;
  const nos = new Set<string>(defaultCaseNo ? [defaultCaseNo] : []);
  if (col !== undefined) for (const d of table.data) {
    const v = d.cells[col];
    if (typeof v === 'string' || typeof v === 'number') nos.add(String(v).trim());
  }
  const found = new Map<string, { id: number } | { refused: string }>();
  const list = [...nos].filter(Boolean);
  for (let i = 0; i < list.length; i += 500) {
    const rows = await ctx.db.selectFrom('cases').select(['id', 'case_no', 'host_agency_id']).where('case_no', 'in', list.slice(i, i + 500)).execute();
    for (const r of rows) {
      try {
        await registeringFor(ctx, r.host_agency_id);
        found.set(r.case_no, { id: r.id });
      } catch (e) {
        // Seen or not, a case the user may not register for reads alike unless he can see it.
        const seen = (await canSeeCase(ctx, r.id)) || ctx.user.roles.includes('custodian');
        found.set(r.case_no, { refused: seen && e instanceof AppError ? e.message : `案件编号「${r.case_no}」不存在或无权为其登记` });
      }
    }
  }
  return (no) => found.get(no) ?? { refused: `案件编号「${no}」不存在或无权为其登记` };
}

export const importHandlers: HandlerMap<'import.template' | 'import.preview' | 'import.commit' | 'import.mappings' | 'import.saveMapping'> = {
  'import.template': async () => importTemplate(),

  'import.preview': async (ctx, input) => previewDto(await previewImport(ctx, input)),

  // The file is read and checked once, then registered in this method's one transaction.
  'import.commit': async (ctx, input) => registerImport(ctx, registrationOf(ctx, input, await previewImport(ctx, input))),

  'import.mappings': async (ctx) => {
    const rows = await ctx.db.selectFrom('import_mappings').select(['id', 'name', 'mapping']).where('agency_id', '=', ctx.user.agencyId).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, mapping: JSON.parse(r.mapping) as Mapping }));
  },
  'import.saveMapping': async (ctx, { name, mapping }) => {
    const json = JSON.stringify(mapping);
    const old = await ctx.db.selectFrom('import_mappings').select('id').where('agency_id', '=', ctx.user.agencyId).where('name', '=', name).executeTakeFirst();
    if (old) {
      await ctx.db.updateTable('import_mappings').set({ mapping: json, created_by: ctx.user.id, created_at: ctx.now }).where('id', '=', old.id).execute();
      return { id: old.id };
    }
    const row = await ctx.db.insertInto('import_mappings').values({ agency_id: ctx.user.agencyId, name, mapping: json, created_by: ctx.user.id, created_at: ctx.now }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id };
  },
};

/** Optional fields as the register path expects them (undefined, never empty). */
function normalize(it: ReturnType<typeof planImport>['groups'][number]['items'][number]) {
  return { ...it, flags: it.flags ?? [] } as Parameters<typeof registerItems>[1]['items'][number];
}
