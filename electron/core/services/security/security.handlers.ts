/** Reading, checking and exporting the security log. Nothing here writes to it, and nothing anywhere deletes from it. */
import ExcelJS from 'exceljs';
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { Database, SecurityEventTable } from '../../db/schema';
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { SecurityEventDto } from '../../../../shared/api/security.contract';
import { SECURITY_EXPORT_MAX_ROWS } from '../../../../shared/api/security.contract';
import { SECURITY_EVENT_LABELS, type SecurityEventKind } from '../../../../shared/domain/security';
import { badInput } from '../../errors';
import { fmtLocal } from '../custody/custody.lookup';
import { verifySecurityLog } from './security.log';

type Filter = { kind?: SecurityEventKind; username?: string; from?: string; to?: string };
type Row = Selectable<SecurityEventTable>;

function filtered(ctx: Ctx, f: Filter): SelectQueryBuilder<Database, 'security_events', object> {
  let q = ctx.db.selectFrom('security_events');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.username) {
    const name = f.username;
    q = q.where((eb) => eb.or([eb('subject_name', '=', name), eb('actor_user_id', 'in', eb.selectFrom('users').select('id').where('username', '=', name))]));
  }
  if (f.from) q = q.where('occurred_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('occurred_at', '<=', new Date(f.to).toISOString());
  return q;
}

function toDto(r: Row): SecurityEventDto {
  let note = '';
  try {
    const d = JSON.parse(r.detail) as { note?: unknown; summary?: unknown; message?: unknown };
    note = typeof d.note === 'string' ? d.note : typeof d.summary === 'string' ? `「${d.summary}」：${String(d.message ?? '')}` : '';
  } catch {
    note = '';
  }
  return {
    seq: r.seq,
    kind: r.kind as SecurityEventKind,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    subjectUserId: r.subject_user_id,
    subjectName: r.subject_name,
    client: r.client,
    note,
    hash: r.hash,
  };
}

const COLUMNS: Array<{ header: string; width: number; value: (d: SecurityEventDto) => string | number }> = [
  { header: '序号', width: 8, value: (d) => d.seq },
  { header: '时间', width: 18, value: (d) => fmtLocal(d.occurredAt) },
  { header: '类别', width: 14, value: (d) => SECURITY_EVENT_LABELS[d.kind] },
  { header: '涉及账号', width: 14, value: (d) => d.subjectName ?? '' },
  { header: '操作人', width: 12, value: (d) => d.actorName ?? '' },
  { header: '终端地址', width: 18, value: (d) => d.client ?? '' },
  { header: '说明', width: 50, value: (d) => d.note },
  { header: '哈希', width: 66, value: (d) => d.hash },
];

export const securityHandlers: HandlerMap<'security.list' | 'security.export' | 'security.verify' | 'user.securityLog'> = {
  'security.list': async (ctx, f) => {
    let q = filtered(ctx, f).selectAll();
    if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
    const rows = await q.orderBy('seq', 'desc').limit(f.limit + 1).execute();
    const more = rows.length > f.limit;
    const page = rows.slice(0, f.limit).map(toDto);
    return { rows: page, nextBeforeSeq: more ? page.at(-1)!.seq : null };
  },

  'security.export': async (ctx, f) => {
    const total = Number((await filtered(ctx, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (total > SECURITY_EXPORT_MAX_ROWS) throw badInput(`符合条件的记录共 ${total} 条，超过单次导出上限 ${SECURITY_EXPORT_MAX_ROWS} 条，请缩小时间范围后分批导出`);
    const rows = (await filtered(ctx, f).selectAll().orderBy('seq').execute()).map(toDto);
    const wb = new ExcelJS.Workbook();
    wb.creator = ctx.user.displayName;
    wb.created = new Date(ctx.now);
    const ws = wb.addWorksheet('安全日志', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ width: c.width }));
    ws.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    for (const d of rows) ws.addRow(COLUMNS.map((c) => c.value(d)));
    const check = await verifySecurityLog(ctx.db);
    const info = wb.addWorksheet('导出说明');
    info.columns = [{ width: 14 }, { width: 60 }];
    info.addRows([
      ['导出人', `${ctx.user.displayName}（${ctx.user.agencyName}）`],
      ['导出时间', fmtLocal(ctx.now)],
      ['记录数', rows.length],
      ['链校验', check.ok ? `通过（共 ${check.checked} 条）` : `未通过：第 ${check.brokenSeq} 条起被改动`],
    ]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const stamp = fmtLocal(ctx.now).replace(/[-: ]/g, '').slice(0, 12);
    return { fileName: `安全日志-${stamp}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64') };
  },

  'security.verify': async (ctx) => verifySecurityLog(ctx.db),

  'user.securityLog': async (ctx, { id }) => {
    const rows = await ctx.db.selectFrom('security_events').selectAll().where('subject_user_id', '=', id).orderBy('seq', 'desc').limit(500).execute();
    return rows.map(toDto);
  },
};
