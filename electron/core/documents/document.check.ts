/**
 * Checking a printed document against the ledger: its footer QR (LEDGER|serial|hash|count), a trail cover's
 * chain-head QR (LEDGERHEAD|seq|hash), a checkpoint QR (ANCHOR|…), or a typed serial. The hash of the covered
 * events is recomputed from the ledger as it is now; the answer is 「与账本一致」 or names the changed event.
 */
import type { Ctx } from '../context';
import { EVENT_TYPE_LABELS, type EventType } from '../../../shared/domain/enums';
import type { DocumentCheck } from '../../../shared/api/document-check.contract';
import { hashEvent, hashOfEvents } from '../ledger/ledger.canonical';
import { checkCheckpoint, parseCheckpointQr } from '../ledger/anchor.service';

export const CONSISTENT = '与账本一致';
const CHUNK = 500;

type Changed = DocumentCheck['changed'][number];

export async function checkDocument(ctx: Ctx, raw: string): Promise<DocumentCheck> {
  const text = raw.trim();
  if (text.startsWith('ANCHOR|')) {
    const c = parseCheckpointQr(text);
    if (!c) return bad('checkpoint', text, '无法识别的账本校验凭证二维码');
    const r = await checkCheckpoint(ctx.db, ctx.config.anchorKey ?? null, c);
    const ok = r.extends && r.signatureOk && r.sameKey;
    return { kind: 'checkpoint', ref: `第 ${c.seq} 号事件`, ok, message: ok ? `${CONSISTENT}：${r.message}` : r.message, changed: [], title: '账本校验凭证', printedAt: c.signedAt, eventCount: c.seq };
  }
  if (text.startsWith('LEDGERHEAD|')) {
    const [, seqText, hash] = text.split('|');
    const seq = Number(seqText);
    if (!Number.isInteger(seq) || !/^[0-9a-f]{64}$/.test(hash ?? '')) return bad('chain_head', text, '无法识别的链头二维码');
    const changed = await changedEvents(ctx, [{ seq, hash: hash! }]);
    const ok = changed.length === 0;
    return { kind: 'chain_head', ref: `链头 #${seq}`, ok, message: ok ? `${CONSISTENT}：第 ${seq} 号事件（打印时的链头）未被改动` : changed[0]!.message, changed, title: null, printedAt: null, eventCount: seq };
  }
  let serial = text;
  let paperHash: string | null = null;
  if (text.startsWith('LEDGER|')) {
    const p = text.split('|');
    serial = p[1] ?? '';
    paperHash = p[2] ?? null;
  }
  return checkSerial(ctx, serial, paperHash);
}

function bad(kind: DocumentCheck['kind'], ref: string, message: string): DocumentCheck {
  return { kind, ref: ref.slice(0, 80), ok: false, message, changed: [], title: null, printedAt: null, eventCount: 0 };
}

async function checkSerial(ctx: Ctx, serial: string, paperHash: string | null): Promise<DocumentCheck> {
  const doc = await ctx.db.selectFrom('documents').selectAll().where('serial_no', '=', serial).executeTakeFirst();
  if (!doc) return bad('document', serial, `未找到编号为「${serial}」的文书（或打印于本功能启用之前）`);
  const printed = await ctx.db.selectFrom('custody_events').selectAll().where('seq', '=', doc.printed_seq).orderBy('id').executeTakeFirst();
  const payload = printed ? (JSON.parse(printed.payload) as { serialNo?: string; title?: string; eventsHash?: string }) : {};
  const base = { kind: 'document' as const, ref: serial, title: payload.title ?? null, printedAt: printed?.occurred_at ?? null, eventCount: doc.event_count };
  if (!printed || payload.serialNo !== serial || hashEvent(printed) !== printed.hash) {
    return { ...base, ok: false, message: `账本中第 ${doc.printed_seq} 号「打印文书」事件已被改动或缺失`, changed: [] };
  }
  const reference = paperHash ?? payload.eventsHash ?? doc.events_hash;
  if (paperHash && paperHash !== payload.eventsHash) {
    return { ...base, ok: false, message: `纸面哈希与账本第 ${printed.seq} 号打印记录不符：纸面文书不是本系统打印的原件，或打印记录被改写`, changed: [] };
  }
  const covers: Array<{ seq: number; hash: string }> = [];
  let after = -1;
  for (;;) {
    const page = await ctx.db.selectFrom('document_covers').select(['seq', 'hash']).where('serial_no', '=', serial).where('seq', '>', after).orderBy('seq').limit(2000).execute();
    covers.push(...page);
    if (page.length < 2000) break;
    after = page[page.length - 1]!.seq;
  }
  const changed = await changedEvents(ctx, covers);
  const coversIntact = hashOfEvents(covers.map((c) => c.hash)) === reference;
  if (!changed.length && coversIntact) return { ...base, ok: true, message: `${CONSISTENT}：文书 ${serial} 所涵盖的 ${covers.length} 条事件哈希与打印时相同`, changed };
  const message = changed.length
    ? `与账本不一致：${changed[0]!.message}${changed.length > 1 ? `（共 ${changed.length} 条事件有变）` : ''}`
    : '与账本不一致：文书涵盖事件的记录被改动，无法逐条核对';
  return { ...base, ok: false, message, changed: changed.slice(0, 50) };
}

/** The covered events whose ledger row is gone, has another hash now, or no longer matches its own hash. */
async function changedEvents(ctx: Ctx, covers: ReadonlyArray<{ seq: number; hash: string }>): Promise<Changed[]> {
  const out: Changed[] = [];
  for (let i = 0; i < covers.length; i += CHUNK) {
    const part = covers.slice(i, i + CHUNK);
    const rows = await ctx.db.selectFrom('custody_events').selectAll().where('seq', 'in', part.map((c) => c.seq)).execute();
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    for (const c of part) {
      const e = bySeq.get(c.seq);
      const label = e ? `「${EVENT_TYPE_LABELS[e.type as EventType] ?? e.type}」` : '';
      if (!e) out.push({ seq: c.seq, message: `第 ${c.seq} 号事件在账本中已不存在` });
      else if (hashEvent(e) !== e.hash) out.push({ seq: c.seq, message: `第 ${c.seq} 号事件${label}内容被改动（与其哈希不符）` });
      else if (e.hash !== c.hash) out.push({ seq: c.seq, message: `第 ${c.seq} 号事件${label}已被改写（哈希与打印时不同）` });
    }
  }
  return out;
}
