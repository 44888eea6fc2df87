/** document.check and the signed checkpoints (账本校验凭证): sign, list, check given checkpoint files. */
import type { HandlerMap } from '../api/handler-types';
import type { Ctx } from '../context';
import { checkpointQr, type CheckpointFile } from '../../../shared/api/anchor.schemas';
import { checkDocument } from '../documents/document.check';
import { issueDocument } from '../documents/issue-document';
import type { FormDoc } from '../documents/document.types';
import { formatZhDateTime } from '../documents/pdf-engine';
import { fileStamp } from '../jobs/job.tasks';
import { checkCheckpoint, signCheckpoint } from './anchor.service';

/** The 账本校验凭证: what was signed, by which key, with the checkpoint as a QR code. */
export function checkpointDoc(ctx: Pick<Ctx, 'user'>, c: CheckpointFile): FormDoc {
  return {
    docType: 'ledger_anchor',
    title: '账本校验凭证',
    fields: [
      ['事件总数', `${c.seq} 条`],
      ['签发时间', formatZhDateTime(c.signedAt)],
      ['签名密钥编号', c.keyId],
      ['签发人', ctx.user.displayName],
    ],
    items: [],
    sections: [
      {
        title: '链头',
        lines: [
          ['链头序号', String(c.seq)],
          ['链头哈希', c.hash],
          ['签名（Ed25519）', c.signature],
          ['用途', '交其他机关留存。日后扫描本凭证二维码，或用「cli verify --checkpoint 凭证文件」，可核对账本是否仍延续本凭证、未被改写。'],
        ],
      },
    ],
    qr: { caption: '账本校验凭证（扫码核对）', text: checkpointQr(c) },
    signatures: [{ role: '签发人', name: ctx.user.displayName }, { role: '接收机关经办人' }],
  };
}

export const anchorHandlers: HandlerMap<'document.check' | 'ledger.anchor.sign' | 'ledger.anchor.list' | 'ledger.anchor.check'> = {
  'document.check': async (ctx, { text }) => checkDocument(ctx, text),
  'ledger.anchor.sign': async (ctx) => {
    const checkpoint = await signCheckpoint(ctx, 'manual', ctx.user.displayName);
    const head = await ctx.db.selectFrom('custody_events').select('id').where('seq', '=', checkpoint.seq).executeTakeFirst();
    const pdf = await issueDocument(ctx, checkpointDoc(ctx, checkpoint), { eventIds: head ? [head.id] : [] });
    const json = Buffer.from(JSON.stringify(checkpoint, null, 2), 'utf8');
    const file = { fileName: `账本校验凭证-${checkpoint.seq}-${fileStamp(ctx.now)}.json`, mime: 'application/json', base64: json.toString('base64') };
    return { checkpoint, pdf, file };
  },
  'ledger.anchor.list': async (ctx) =>
    (await ctx.db.selectFrom('ledger_anchors').selectAll().orderBy('id', 'desc').limit(50).execute()).map((r) => ({
      id: r.id,
      seq: r.seq,
      hash: r.hash,
      signedAt: r.signed_at,
      keyId: r.key_id,
      reason: r.reason,
      signedByName: r.signed_by_name,
    })),
  'ledger.anchor.check': async (ctx, { checkpoints }) => {
    const out = [];
    for (const c of checkpoints) out.push(await checkCheckpoint(ctx.db, ctx.config.anchorKey ?? null, c));
    return out;
  },
};
