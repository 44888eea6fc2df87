/** Paper against the ledger: checking a printed document's QR or serial, and signed ledger checkpoints. */
import { z } from 'zod';
import { defineMethods } from './define';
import { empty, fileOut } from './common.schemas';
import { anchorCheckDto, checkpointFile } from './anchor.schemas';

export const documentCheckDto = z.object({
  kind: z.enum(['document', 'chain_head', 'checkpoint']),
  /** The serial, chain-head seq or checkpoint that was checked. */
  ref: z.string(),
  ok: z.boolean(),
  /** 「与账本一致：…」 or what changed. */
  message: z.string(),
  changed: z.array(z.object({ seq: z.number(), message: z.string() })),
  title: z.string().nullable(),
  printedAt: z.string().nullable(),
  eventCount: z.number(),
});
export type DocumentCheck = z.infer<typeof documentCheckDto>;

export const anchorDto = z.object({ id: z.number(), seq: z.number(), hash: z.string(), signedAt: z.string(), keyId: z.string(), reason: z.string(), signedByName: z.string() });

export const documentCheckContract = defineMethods({
  'document.check': {
    summary: '核对纸质文书与账本',
    permission: 'item.read',
    // Any length a QR code holds: no 80-character cap here (scan.resolve keeps its own for item codes).
    input: z.object({ text: z.string().trim().min(1, '请扫描文书二维码或输入文书编号').max(4000, '内容过长') }),
    output: documentCheckDto,
    readonly: true,
  },
  'ledger.anchor.sign': {
    summary: '签发账本校验凭证',
    permission: 'audit.read',
    input: empty,
    output: z.object({ checkpoint: checkpointFile, pdf: fileOut, file: fileOut }),
  },
  'ledger.anchor.list': { summary: '账本校验凭证记录', permission: 'audit.read', input: empty, output: z.array(anchorDto), readonly: true },
  'ledger.anchor.check': {
    summary: '核对账本是否延续校验凭证',
    permission: 'audit.read',
    input: z.object({ checkpoints: z.array(checkpointFile).min(1, '请选择凭证文件').max(100) }),
    output: z.array(anchorCheckDto),
    readonly: true,
  },
});
