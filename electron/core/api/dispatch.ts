/** The single entry point both hosts call: validate, authorise, run in one transaction, check the output. */
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { MethodDef } from '../../../shared/api/define';
import { formatIssues, nulCharMessage, nulCharPath } from '../../../shared/api/input-errors';
import { hasPermission } from '../../../shared/domain/permissions';
import { MSG } from '../../../shared/messages';
import type { CoreConfig, Ctx, SessionUser } from '../context';
import type { Store } from '../db/database';
import { resolveSession } from '../auth/session.service';
import { lockWriters } from '../db/dialect';
import { AppError } from '../errors';
import { handlers } from './handlers';
import { CommittedFailure } from './handler-types';
import { createJobManager, type JobFileRef, type JobManager } from '../jobs/job.manager';
import { appendSecurityAlone } from '../services/security/security.log';

export type Core = {
  store: Store;
  config: CoreConfig;
  jobs: JobManager;
  /** `meta.client`: the caller's address (HTTP host); 'local' when absent. */
  dispatch(token: string | null, method: string, rawInput: unknown, meta?: CallMeta): Promise<ApiResult<unknown>>;
  /** The session's own job file on disk (GET /api/jobs/<jobId>/file, the desktop save); the same session checks as dispatch. */
  jobFile(token: string | null, jobId: string): Promise<ApiResult<JobFileRef>>;
};

export type CallMeta = { client?: string };

/** A password the admin saw (initial or reset) lets its holder do nothing else until it is changed. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.me']);

const fail = (e: AppError): ApiResult<never> => ({
  ok: false,
  error: e.details?.length ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message },
});

/**
 * What a database error means to the user. `busy`: another connection or process holds the lock (every SQLITE_BUSY
 * and SQLITE_LOCKED variant; PostgreSQL serialization failure, deadlock, lock not available): the transaction was
 * rolled back, nothing changed, and the call may simply be run again. `conflict`: a uniqueness or reference check
 * failed because someone else wrote first.
 */
export function classifyDbError(err: unknown): 'busy' | 'conflict' | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || ['40001', '40P01', '55P03'].includes(code)) return 'busy';
  if (code.startsWith('SQLITE_CONSTRAINT') || code === '23505' || code === '23503') return 'conflict';
  return null;
}

/** Busy calls are run again this many times (after short pauses) before the user is told. */
const BUSY_RETRIES = 2;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createCore(store: Store, config: CoreConfig, log: (msg: string, err?: unknown) => void = console.error): Core {
  const jobs = createJobManager(store, config, log);
  async function dispatch(token: string | null, method: string, rawInput: unknown, meta?: CallMeta): Promise<ApiResult<unknown>> {
    const client = meta?.client || 'local';
    for (let attempt = 0; ; attempt++) {
      const r = await dispatchOnce(token, method, rawInput, client);
      if (r !== BUSY) return r;
      if (attempt >= BUSY_RETRIES) return fail(new AppError('BUSY', MSG.busyRetry));
      await pause(50 * (attempt + 1));
    }
  }

  const BUSY = Symbol('busy');
  /** A refusal goes to the security log in its own transaction (the refused call's own writes nothing). */
  async function logDenial(user: SessionUser, method: string, client: string, at: Date, message: string) {
    await appendSecurityAlone(store, {
      kind: 'permission_denied',
      at: at.toISOString(),
      actor: { id: user.id, name: user.displayName },
      subject: { id: user.id, name: user.username },
      client,
      detail: { method, summary: (contract[method as MethodName] as MethodDef | undefined)?.summary ?? method, message },
    }).catch((err: unknown) => log(`[dispatch] security log write failed`, err));
  }

  async function dispatchOnce(token: string | null, method: string, rawInput: unknown, client: string): Promise<ApiResult<unknown> | typeof BUSY> {
    if (!isMethodName(method)) return fail(new AppError('UNKNOWN_METHOD', MSG.unknownMethod(method)));
    const def = contract[method];
    const now = config.clock();
    let user: SessionUser | null = null;
    try {
      if (def.permission !== 'public') {
        user = await resolveSession(store.db, token, now, store.dialect, config.sessionIdleMinutes);
        if (!user) return fail(new AppError('UNAUTHENTICATED', MSG.notSignedIn));
        if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) return fail(new AppError('PASSWORD_CHANGE_REQUIRED', MSG.mustChangePassword));
        if (!hasPermission(user.roles, def.permission)) {
          const e = new AppError('FORBIDDEN', MSG.forbidden(def.summary));
          await logDenial(user, method, client, now, e.message);
          return fail(e);
        }
      }
      const input = rawInput ?? {};
      const nul = nulCharPath(input);
      if (nul) return fail(new AppError('BAD_INPUT', MSG.badInput, [nulCharMessage(nul)]));
      const parsed = def.input.safeParse(input);
      if (!parsed.success) return fail(new AppError('BAD_INPUT', MSG.badInput, formatIssues(parsed.error, input)));

      const handler = handlers[method as MethodName] as (ctx: Ctx, input: unknown) => Promise<unknown>;
      let committedFailure: AppError | null = null;
      // Read-only methods skip the write transaction, so a long export does not hold other terminals' writes.
      const run = <T>(fn: (db: typeof store.db) => Promise<T>) =>
        (def as MethodDef).readonly
          ? fn(store.db)
          : store.db.transaction().execute(async (trx) => {
              await lockWriters(store.dialect, trx);
              return fn(trx);
            });
      const data = await run(async (trx) => {
        const ctx = { db: trx, dialect: store.dialect, user: user as SessionUser, session: token && user ? { token, user } : null, config, now: now.toISOString(), jobs, client };
        const out = await handler(ctx, parsed.data);
        if (out instanceof CommittedFailure) {
          committedFailure = out.error;
          return null;
        }
        const checked = def.output.safeParse(out);
        if (!checked.success) {
          log(`[dispatch] ${method}: output does not match the contract: ${formatIssues(checked.error).join('; ')}`);
          throw new AppError('INTERNAL', MSG.badOutput);
        }
        return checked.data;
      });
      if (committedFailure) return fail(committedFailure);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) {
        // A scope check in a service (another agency's item, another store): a denial too.
        if (err.code === 'FORBIDDEN' && user) await logDenial(user, method, client, now, err.message);
        return fail(err);
      }
      const kind = classifyDbError(err);
      if (kind === 'busy') {
        log(`[dispatch] ${method}: database busy (${(err as { code: string }).code}), nothing changed`);
        return BUSY;
      }
      // A read-only call changed nothing, so it never tells the user that data was changed under them.
      if (kind === 'conflict' && !(def as MethodDef).readonly) {
        log(`[dispatch] ${method}: constraint`, err);
        return fail(new AppError('CONFLICT', MSG.conflictRetry));
      }
      log(`[dispatch] ${method} failed`, err);
      return fail(new AppError('INTERNAL', MSG.internal));
    }
  }
  async function jobFile(token: string | null, jobId: string): Promise<ApiResult<JobFileRef>> {
    try {
      const user = await resolveSession(store.db, token, config.clock(), store.dialect, config.sessionIdleMinutes);
      if (!user) return fail(new AppError('UNAUTHENTICATED', MSG.notSignedIn));
      if (user.mustChangePassword) return fail(new AppError('PASSWORD_CHANGE_REQUIRED', MSG.mustChangePassword));
      return { ok: true, data: jobs.file(user, jobId) };
    } catch (err) {
      if (err instanceof AppError) return fail(err);
      log('[dispatch] job file failed', err);
      return fail(new AppError('INTERNAL', MSG.internal));
    }
  }
  return { store, config, jobs, dispatch, jobFile };
}
