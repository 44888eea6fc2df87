/** `cli import FILE --case NO [--user U] [--dry-run]`: the wizard's preview and all-or-nothing commit, from a terminal. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedApp } from '../core/bootstrap';
import { createSession, endSession } from '../core/auth/session.service';
import type { ImportPreviewDto, ImportResultDto } from '../../shared/api/import.contract';

const positional = (argv: readonly string[]) => argv.filter((a, i) => !a.startsWith('--') && (!(argv[i - 1] ?? '').startsWith('--') || argv[i - 1] === '--dry-run'));
const opt = (argv: readonly string[], name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

export async function importCommand(argv: readonly string[], app: OpenedApp): Promise<number> {
  const file = positional(argv)[1];
  const caseNo = opt(argv, '--case');
  if (!file || !caseNo) {
    console.error('用法：npm run cli -- import 文件.xlsx|文件.csv --case 案件编号 [--user 登记人用户名] [--dry-run] [--doc 扣押清单编号] [--seized-at 2026-11-20T08:00]');
    return 1;
  }
  const db = app.store.db;
  const kase = await db.selectFrom('cases').select(['id', 'host_agency_id']).where('case_no', '=', caseNo).executeTakeFirst();
  if (!kase) {
    console.error(`案件编号「${caseNo}」不存在`);
    return 1;
  }
  // Registers as the named user, or as the first active case officer of the case's host agency.
  const username = opt(argv, '--user');
  let q = db.selectFrom('users').select(['id', 'username', 'display_name']).where('active', '=', 1);
  q = username ? q.where('username', '=', username) : q.where('agency_id', '=', kase.host_agency_id).where('roles', 'like', '%case_officer%');
  const user = await q.orderBy('id').executeTakeFirst();
  if (!user) {
    console.error(username ? `用户「${username}」不存在或已停用` : '该案件的主办单位没有可用的办案人员账号，请用 --user 指定登记人');
    return 1;
  }
  const input = {
    fileName: basename(file),
    base64: (await readFile(file)).toString('base64'),
    caseId: kase.id,
    ...(opt(argv, '--seized-at') ? { seizedAt: new Date(opt(argv, '--seized-at')!).toISOString() } : {}),
  };
  const token = await createSession(db, user.id, new Date());
  try {
    const started = Date.now();
    const preview = await app.core.dispatch(token, 'import.preview', input);
    if (!preview.ok) return report(preview.error);
    const p = preview.data as ImportPreviewDto;
    console.log(`工作表「${p.sheetName}」，表头在第 ${p.headerRow} 行，共 ${p.total} 行；登记人：${user.display_name}（${user.username}）`);
    console.log(`列映射：${Object.entries(p.mapping).map(([f, h]) => `${h}→${f}`).join('，')}`);
    for (const x of p.problems) console.log(`  第 ${x.row} 行「${x.fieldLabel}」：${x.message}`);
    if (p.problems.length) {
      console.error(`有 ${p.problems.length} 处错误（${p.okCount}/${p.total} 行无误），没有导入任何物品`);
      return 1;
    }
    if (argv.includes('--dry-run')) {
      console.log(`试运行：${p.total} 行全部无误，未写入（用时 ${Date.now() - started} ms）`);
      return 0;
    }
    const done = await app.core.dispatch(token, 'import.commit', { ...input, ...(opt(argv, '--doc') ? { seizureDocNo: opt(argv, '--doc') } : {}) });
    if (!done.ok) return report(done.error);
    const r = done.data as ImportResultDto;
    console.log(`已导入 ${r.count} 件物品（${r.firstCode} … ${r.lastCode}），扣押清单 ${r.seizureDocNo}，用时 ${Date.now() - started} ms`);
    return 0;
  } finally {
    await endSession(db, token);
  }
}

function report(e: { message: string; details?: string[] | undefined }): number {
  console.error(e.message);
  for (const d of e.details ?? []) console.error(`  ${d}`);
  return 1;
}

/** `cli verify-export ZIP`: the manifest's SHA-256 of every file, and every event's own hash. */
export async function verifyExportCommand(argv: readonly string[]): Promise<number> {
  const file = positional(argv)[1];
  if (!file) {
    console.error('用法：npm run cli -- verify-export 案件档案.zip');
    return 1;
  }
  const { verifyCaseExport } = await import('../core/services/exports/case-export');
  const r = await verifyCaseExport(await readFile(file));
  if (r.ok) {
    console.log(`核对通过：${r.files} 个文件与清单的 SHA-256 一致，${r.events} 条事件与其哈希一致`);
    return 0;
  }
  console.error(`核对失败（${r.problems.length} 处）：`);
  for (const p of r.problems) console.error(`  ${p}`);
  return 1;
}
