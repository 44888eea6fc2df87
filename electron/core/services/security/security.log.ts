/**
 * The security log: append-only and hash-chained like the custody ledger (triggers refuse UPDATE/DELETE, 0016).
 * Callers append inside their write transaction (which holds the writer lock), or through appendSecurityAlone.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/database';
import { lockWriters } from '../../db/dialect';
import type { SecurityEventKind } from '../../../../shared/domain/security';

export const SECURITY_GENESIS = '0'.repeat(64);

export type SecurityEventInput = {
  kind: SecurityEventKind;
  at: string;
  actor?: { id: number; name: string } | null;
  subject?: { id: number | null; name: string } | null;
  client?: string | null;
  detail?: Record<string, unknown>;
};

type Hashed = {
  seq: number;
  kind: string;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  subject_user_id: number | null;
  subject_name: string | null;
  client: string | null;
  detail: string;
  prev_hash: string;
};

/** SHA-256 over the fields in a fixed order (JSON array: no ambiguity between fields). */
export function hashSecurityEvent(f: Hashed): string {
  const canon = JSON.stringify([f.seq, f.kind, f.occurred_at, f.actor_user_id, f.actor_name, f.subject_user_id, f.subject_name, f.client, f.detail, f.prev_hash]);
  return createHash('sha256').update(canon).digest('hex');
}

/** Appends one entry in the caller's write transaction. */
export async function appendSecurityEvent(db: Kysely<Database>, e: SecurityEventInput): Promise<void> {
  const last = await db.selectFrom('security_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: Hashed = {
    seq: (last?.seq ?? 0) + 1,
    kind: e.kind,
    occurred_at: e.at,
    actor_user_id: e.actor?.id ?? null,
    actor_name: e.actor?.name ?? null,
    subject_user_id: e.subject?.id ?? null,
    subject_name: e.subject?.name ?? null,
    client: e.client ?? null,
    detail: JSON.stringify(e.detail ?? {}),
    prev_hash: last?.hash ?? SECURITY_GENESIS,
  };
  await db.insertInto('security_events').values({ ...fields, hash: hashSecurityEvent(fields) }).execute();
}

/** Appends in a short write transaction of its own: for refusals, whose own transaction wrote (and keeps) nothing. */
export async function appendSecurityAlone(store: Store, e: SecurityEventInput): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await lockWriters(store.dialect, trx);
    await appendSecurityEvent(trx, e);
  });
}

/** Recomputes the chain; the first broken entry, if any. */
export async function verifySecurityLog(db: Kysely<Database>): Promise<{ ok: boolean; checked: number; brokenSeq: number | null }> {
  let prev = SECURITY_GENESIS;
  let expectSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('security_events').selectAll().where('seq', '>=', expectSeq).orderBy('seq').limit(1000).execute();
    for (const r of rows) {
      const { id: _id, hash, ...fields } = r;
      if (r.seq !== expectSeq || r.prev_hash !== prev || hashSecurityEvent(fields) !== hash) return { ok: false, checked, brokenSeq: expectSeq };
      prev = hash;
      expectSeq++;
      checked++;
    }
    if (rows.length < 1000) return { ok: true, checked, brokenSeq: null };
  }
}
