/**
 * Signed checkpoints: the chain head (event count + hash) signed with the Ed25519 key kept outside the database.
 * A checkpoint handed to another agency later proves the ledger was not rewritten: the ledger must still hold that
 * event with that hash, and its chain must run intact from there to the present head.
 */
import { sign, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { Database } from '../db/schema';
import { lockWriters, type DialectName } from '../db/dialect';
import { AppError } from '../errors';
import { CHECKPOINT_FORMAT, type AnchorCheck, type CheckpointFile } from '../../../shared/api/anchor.schemas';
import { keyIdOf, publicKeyFrom, type AnchorKey } from './anchor.key';
import { GENESIS_HASH, hashEvent } from './ledger.canonical';
import { verifyLedger } from './ledger.verify';

/** The signed bytes. Part of the format: never change. */
export function anchorMessage(c: Pick<CheckpointFile, 'seq' | 'hash' | 'signedAt' | 'keyId'>): Buffer {
  return Buffer.from(`seized-ledger-anchor-v1\n${c.seq}\n${c.hash}\n${c.signedAt}\n${c.keyId}`, 'utf8');
}

export function anchorKeyOf(ctx: Pick<Ctx, 'config'>): AnchorKey {
  const key = ctx.config.anchorKey;
  if (!key) throw new AppError('CONFLICT', '未配置账本签名密钥文件：请用 --anchor-key 或 SEIZED_ANCHOR_KEY 指定（见 README「账本校验凭证」）');
  return key;
}

/** Signs the present chain head and records the checkpoint (in the caller's write transaction). */
export async function signCheckpoint(ctx: Pick<Ctx, 'db' | 'config' | 'now'>, reason: 'daily' | 'manual', byName: string): Promise<CheckpointFile> {
  const key = anchorKeyOf(ctx);
  const head = await ctx.db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const body = { seq: head.seq, hash: head.hash, signedAt: ctx.now, keyId: key.keyId };
  const signature = sign(null, anchorMessage(body), key.privateKey).toString('base64');
  await ctx.db.insertInto('ledger_anchors').values({ seq: body.seq, hash: body.hash, signed_at: body.signedAt, key_id: body.keyId, signature, reason, signed_by_name: byName }).execute();
  return { format: CHECKPOINT_FORMAT, ...body, publicKey: key.publicKeyB64, signature };
}

/** The signature checks out under the key the checkpoint names (and that key's id matches it). */
export function signatureValid(c: Pick<CheckpointFile, 'seq' | 'hash' | 'signedAt' | 'keyId' | 'signature'>, publicKeyB64: string): boolean {
  try {
    if (keyIdOf(publicKeyB64) !== c.keyId) return false;
    return verify(null, anchorMessage(c), publicKeyFrom(publicKeyB64), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Does the ledger in `db` still extend checkpoint `c`? Reads one snapshot's worth (the events from c on). */
export async function checkCheckpoint(
  db: Kysely<Database>,
  key: AnchorKey | null,
  c: Pick<CheckpointFile, 'seq' | 'hash' | 'signedAt' | 'keyId' | 'signature'> & { publicKey?: string },
): Promise<AnchorCheck> {
  const sameKey = key !== null && key.keyId === c.keyId;
  const pub = c.publicKey ?? (sameKey ? key.publicKeyB64 : null);
  const signatureOk = pub !== null && signatureValid(c, pub);
  const base = { seq: c.seq, hash: c.hash, signedAt: c.signedAt, signatureOk, sameKey };
  const no = (message: string): AnchorCheck => ({ ...base, extends: false, message });
  let ext: { ok: boolean; message: string };
  if (c.seq === 0) {
    ext = c.hash === GENESIS_HASH ? { ok: true, message: '' } : { ok: false, message: '空账本凭证的哈希不对' };
  } else {
    const ev = await db.selectFrom('custody_events').selectAll().where('seq', '=', c.seq).orderBy('id').executeTakeFirst();
    if (!ev) return no(`账本中已没有第 ${c.seq} 号事件：账本被截断或改写`);
    if (ev.hash !== c.hash || hashEvent(ev) !== ev.hash) return no(`第 ${c.seq} 号事件与凭证记录的链头哈希不符：该事件或其之前的账本被改写`);
    const r = await verifyLedger(db, { from: { eventId: ev.id, seq: ev.seq, hash: ev.hash } });
    ext = r.ok ? { ok: true, message: '' } : { ok: false, message: r.firstBreak?.message ?? '链不完整' };
  }
  if (!ext.ok) return no(ext.message);
  const sig = !signatureOk ? '，但凭证签名无效（可能被伪造）' : sameKey ? '' : '（签名有效，但不是本系统的密钥签发）';
  return { ...base, extends: true, message: `账本延续该凭证：第 ${c.seq} 号事件哈希一致，其后链完整${sig}` };
}

/** Parses the QR text of a checkpoint (ANCHOR|seq|hash|signedAt|keyId|signature). */
export function parseCheckpointQr(text: string): Omit<CheckpointFile, 'format' | 'publicKey'> | null {
  const p = text.trim().split('|');
  if (p.length !== 6 || p[0] !== 'ANCHOR' || !/^\d+$/.test(p[1]!) || !/^[0-9a-f]{64}$/.test(p[2]!)) return null;
  return { seq: Number(p[1]), hash: p[2]!, signedAt: p[3]!, keyId: p[4]!, signature: p[5]! };
}

/** The daily checkpoint (after the nightly full check passed), in a short write transaction of its own. */
export async function signDailyCheckpoint(core: { store: { db: Kysely<Database>; dialect: DialectName }; config: Ctx['config'] }): Promise<CheckpointFile> {
  const now = core.config.clock().toISOString();
  return core.store.db.transaction().execute(async (trx) => {
    await lockWriters(core.store.dialect, trx);
    return signCheckpoint({ db: trx, config: core.config, now }, 'daily', '系统定时签发');
  });
}
